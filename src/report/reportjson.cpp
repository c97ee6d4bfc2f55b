#include "reportjson.h"

#include "reportwording.h"

#include <QJsonArray>

namespace {

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(ReportWording::isoLocalTime(time)) : QJsonValue();
}

QJsonValue optionalTime(const std::optional<QDateTime> &time)
{
    return time ? timeValue(*time) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray addressArray(const QList<QHostAddress> &addresses)
{
    QJsonArray array;
    for (const QHostAddress &address : addresses)
        array.append(address.toString());
    return array;
}

QJsonObject latencyJson(const ReportLatency &latency)
{
    if (latency.samples == 0)
        return {{QStringLiteral("samples"), 0},
                {QStringLiteral("p50_ms"), QJsonValue()},
                {QStringLiteral("p95_ms"), QJsonValue()},
                {QStringLiteral("p99_ms"), QJsonValue()}};
    return {{QStringLiteral("samples"), qint64(latency.samples)},
            {QStringLiteral("p50_ms"), latency.p50Ms},
            {QStringLiteral("p95_ms"), latency.p95Ms},
            {QStringLiteral("p99_ms"), latency.p99Ms}};
}

QJsonObject eventJson(const StoredEvent &event)
{
    return {{QStringLiteral("time"), timeValue(event.time)},
            {QStringLiteral("kind"), event.kind},
            {QStringLiteral("target"), event.target},
            {QStringLiteral("host"), event.host},
            {QStringLiteral("resolver"), event.resolver},
            {QStringLiteral("tier"), event.tier},
            {QStringLiteral("cause"), event.cause},
            {QStringLiteral("before"), QJsonArray::fromStringList(event.before)},
            {QStringLiteral("after"), QJsonArray::fromStringList(event.after)},
            {QStringLiteral("detail"), event.detail},
            {QStringLiteral("ttl_s"), event.ttlS ? QJsonValue(double(*event.ttlS)) : QJsonValue()},
            {QStringLiteral("validated"), dnssecValidationJson(event.validation)},
            {QStringLiteral("ede"), ExtendedDnsErrors::toJson(event.extendedErrors)}};
}

QJsonArray eventsJson(const QList<StoredEvent> &events)
{
    QJsonArray array;
    for (const StoredEvent &event : events)
        array.append(eventJson(event));
    return array;
}

QJsonObject pointJson(const ReportPoint &point)
{
    QJsonObject object{{QStringLiteral("start"), timeValue(point.start)},
                       {QStringLiteral("width_s"), point.widthS},
                       {QStringLiteral("probes"), point.probes},
                       {QStringLiteral("dns_success_pct"), point.dnsSuccessPct},
                       {QStringLiteral("service_success_pct"), point.serviceSuccessPct},
                       {QStringLiteral("via_fallback"), point.viaFallback}};
    const auto latency = [&point](double value) {
        return point.hasLatency ? QJsonValue(value) : QJsonValue();
    };
    object.insert(QStringLiteral("dns_p50_ms"), latency(point.dnsP50Ms));
    object.insert(QStringLiteral("dns_p95_ms"), latency(point.dnsP95Ms));
    object.insert(QStringLiteral("service_p50_ms"), latency(point.serviceP50Ms));
    object.insert(QStringLiteral("service_p95_ms"), latency(point.serviceP95Ms));
    return object;
}

QJsonObject targetJson(const TargetReport &target)
{
    QJsonObject tiers;
    for (auto it = target.fallbackEventsByTier.cbegin(); it != target.fallbackEventsByTier.cend();
         ++it)
        tiers.insert(it.key(), it.value());
    QJsonArray cache;
    for (const ReportCacheEntry &entry : target.cache) {
        cache.append(
                QJsonObject{{QStringLiteral("resolver"), entry.resolver},
                            {QStringLiteral("host"), entry.host},
                            {QStringLiteral("state"), entry.state},
                            {QStringLiteral("addresses"), addressArray(entry.addresses)},
                            {QStringLiteral("expires_at"), optionalTime(entry.expiresAt)},
                            {QStringLiteral("validated"), dnssecValidationJson(entry.validation)}});
    }
    QJsonValue pin;
    if (target.pin) {
        pin = QJsonObject{{QStringLiteral("addresses"), addressArray(target.pin->addresses)},
                          {QStringLiteral("origin"), target.pin->origin},
                          {QStringLiteral("reason"), target.pin->reason},
                          {QStringLiteral("pinned_at"), timeValue(target.pin->pinnedAt)},
                          {QStringLiteral("expires_at"), optionalTime(target.pin->expiresAt)}};
    }
    QJsonArray extendedErrors;
    for (auto it = target.extendedErrorEvents.cbegin(); it != target.extendedErrorEvents.cend();
         ++it)
        extendedErrors.append(
                QJsonObject{{QStringLiteral("code"), int(it.key())},
                            {QStringLiteral("name"), ExtendedDnsErrors::machineName(it.key())},
                            {QStringLiteral("events"), it.value()}});
    QJsonArray series;
    for (const ReportPoint &point : target.series)
        series.append(pointJson(point));
    return {{QStringLiteral("name"), target.name},
            {QStringLiteral("host"), target.host},
            {QStringLiteral("resolver"), target.resolver},
            {QStringLiteral("critical"), target.critical},
            {QStringLiteral("probes"), target.probes},
            {QStringLiteral("dns_ok"), target.dnsOk},
            {QStringLiteral("checks"), target.checks},
            {QStringLiteral("check_ok"), target.checkOk},
            {QStringLiteral("via_fallback"), target.viaFallback},
            {QStringLiteral("dns_availability"), optionalNumber(target.dnsAvailability())},
            {QStringLiteral("service_availability"), optionalNumber(target.serviceAvailability())},
            {QStringLiteral("minutes_with_data"), target.minutesWithData},
            {QStringLiteral("fallback_minutes"), target.fallbackMinutes},
            {QStringLiteral("down_minutes"), target.downMinutes},
            {QStringLiteral("dns_latency"), latencyJson(target.dnsLatency)},
            {QStringLiteral("service_latency"), latencyJson(target.serviceLatency)},
            {QStringLiteral("fallback_events_by_tier"), tiers},
            {QStringLiteral("address_changes"), eventsJson(target.addressChanges)},
            {QStringLiteral("check_events"), eventsJson(target.checkEvents)},
            {QStringLiteral("cache"), cache},
            {QStringLiteral("pin"), pin},
            {QStringLiteral("series"), series},
            {QStringLiteral("extended_errors"), extendedErrors}};
}

} // namespace

QJsonObject reportJson(const HealthReport &report)
{
    QJsonArray incidents;
    for (const ReportIncident &incident : report.worstIncidents) {
        incidents.append(QJsonObject{{QStringLiteral("target"), incident.target},
                                     {QStringLiteral("start"), timeValue(incident.start)},
                                     {QStringLiteral("end"), timeValue(incident.end)},
                                     {QStringLiteral("minutes"), incident.minutes},
                                     {QStringLiteral("cause"), incident.cause}});
    }
    QJsonArray targets;
    for (const TargetReport &target : report.targets)
        targets.append(targetJson(target));
    return {{QStringLiteral("schema_version"), HealthReport::SchemaVersion},
            {QStringLiteral("generated"),
             QJsonObject{{QStringLiteral("at"), timeValue(report.generatedAt)},
                         {QStringLiteral("on"), report.generatedOn},
                         {QStringLiteral("version"), report.version},
                         {QStringLiteral("config_source"), report.configSource},
                         {QStringLiteral("config_sha256"), report.configDigest},
                         {QStringLiteral("history"), report.historyPath}}},
            {QStringLiteral("range"),
             QJsonObject{{QStringLiteral("from"), timeValue(report.from)},
                         {QStringLiteral("to"), timeValue(report.to)}}},
            {QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("readiness"), optionalNumber(report.readiness())},
                         {QStringLiteral("minutes_with_data"), report.minutesWithData},
                         {QStringLiteral("ready_minutes"), report.readyMinutes},
                         {QStringLiteral("fallback_minutes"), report.fallbackMinutes},
                         {QStringLiteral("down_minutes"), report.downMinutes},
                         {QStringLiteral("worst_incidents"), incidents}}},
            {QStringLiteral("targets"), targets},
            {QStringLiteral("zone_signature_events"), eventsJson(report.zoneSignatureEvents)},
            {QStringLiteral("operator_actions"), eventsJson(report.operatorActions)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(report.notes)}};
}

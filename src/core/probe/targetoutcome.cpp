#include "targetoutcome.h"

#include <QJsonArray>

namespace {

QJsonValue checkJson(const TargetOutcome &outcome)
{
    if (!outcome.check)
        return QJsonValue();
    const CheckOutcome &check = *outcome.check;
    QJsonObject object{
            {QStringLiteral("type"), checkTypeName(outcome.target.check.type)},
            {QStringLiteral("ok"), check.ok},
            {QStringLiteral("detail"), check.detail.isEmpty() ? QJsonValue() : check.detail},
            {QStringLiteral("address"), check.address.toString()},
            {QStringLiteral("latency_ms"), double(check.latencyUs) / 1000.0},
            {QStringLiteral("attempts"), double(check.attempts.size())}};
    if (check.soa)
        object.insert(QStringLiteral("soa"), soaJson(*check.soa));
    return object;
}

} // namespace

TargetOutcome TargetOutcome::of(const TargetConfig &target, const ProbeResult &probe)
{
    TargetOutcome outcome;
    outcome.target = target;
    outcome.result = probe.resolution;
    if (probe.checked)
        outcome.check = probe.check;
    outcome.state = judgeProbe(probe).state;
    outcome.paths = probe.paths;
    return outcome;
}

ProbeResult TargetOutcome::toProbeResult(const QDateTime &time) const
{
    ProbeResult probe;
    probe.time = time;
    probe.target = target.name;
    probe.resolution = result;
    probe.checked = check.has_value();
    probe.check = check.value_or(CheckOutcome());
    probe.reachable = probe.checked && probe.check.ok;
    probe.paths = paths;
    return probe;
}

void TargetOutcome::judge() { state = judgeProbe(toProbeResult(QDateTime())).state; }

std::optional<qint64> ttlLeftSeconds(const LookupResult &result)
{
    if (!result.ttlLeftMs)
        return std::nullopt;
    return (*result.ttlLeftMs + 999) / 1000;
}

QJsonObject outcomeJson(const TargetOutcome &outcome)
{
    const LookupResult &result = outcome.result;
    const std::optional<qint64> ttl = ttlLeftSeconds(result);
    QJsonObject object{
            {QStringLiteral("name"), outcome.target.name},
            {QStringLiteral("host"), outcome.target.host},
            {QStringLiteral("resolver"), outcome.target.resolver},
            {QStringLiteral("critical"), outcome.target.critical},
            {QStringLiteral("status"), targetStateName(outcome.state)},
            {QStringLiteral("source"), sourceName(result.source)},
            {QStringLiteral("addresses"),
             QJsonArray::fromStringList(addressStrings(result.addresses))},
            {QStringLiteral("ttl_s"), ttl ? QJsonValue(double(*ttl)) : QJsonValue()},
            {QStringLiteral("error"),
             result.cause == FailureCause::None ? QJsonValue() : causeName(result.cause)},
            {QStringLiteral("detail"), result.detail.isEmpty() ? QJsonValue() : result.detail},
            {QStringLiteral("server"), result.server.isEmpty() ? QJsonValue() : result.server},
            {QStringLiteral("latency_ms"), double(result.latencyUs) / 1000.0},
            {QStringLiteral("check"), checkJson(outcome)},
            {QStringLiteral("validated"), dnssecValidationJson(result.validation)},
            {QStringLiteral("ede"), ExtendedDnsErrors::toJson(result.extendedErrors)},
    };
    if (!outcome.target.compare.isEmpty())
        object.insert(QStringLiteral("paths"), pathsJson(outcome.paths));
    return object;
}

QJsonObject eventJson(const ResolverEvent &event)
{
    QJsonObject object{
            {QStringLiteral("time"), event.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), eventKindName(event.kind)},
            {QStringLiteral("host"), event.host},
            {QStringLiteral("detail"), event.detail},
    };
    // Only an operator's action has one.
    if (!event.actor.isEmpty())
        object.insert(QStringLiteral("actor"), event.actor);
    return object;
}

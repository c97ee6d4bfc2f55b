#include "reportbuilder.h"

#include "config/appconfigjson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QSysInfo>

namespace {

constexpr qint64 MsPerMinute = 60'000;
constexpr int EventLimit = 200'000;

// The events a target's own checks raise: compared paths and zone serials.
bool isCheckEvent(const QString &kind)
{
    for (const auto checkKind :
         {ResolverEvent::Kind::PathsDiverged, ResolverEvent::Kind::PathsAgree,
          ResolverEvent::Kind::SoaSerialsDiverged, ResolverEvent::Kind::SoaSerialsAgree}) {
        if (kind == eventKindName(checkKind))
            return true;
    }
    return false;
}

ReportLatency latencyOf(const LatencyHistogram &histogram)
{
    ReportLatency latency;
    latency.samples = histogram.count();
    if (histogram.count() == 0)
        return latency;
    latency.p50Ms = histogram.quantile(0.5) * 1000;
    latency.p95Ms = histogram.quantile(0.95) * 1000;
    latency.p99Ms = histogram.quantile(0.99) * 1000;
    return latency;
}

ReportPoint pointOf(const HistoryBucket &bucket)
{
    ReportPoint point;
    point.start = bucket.start;
    point.widthS = bucket.widthS;
    point.probes = bucket.probes;
    point.viaFallback = bucket.viaFallback;
    if (bucket.probes > 0) {
        point.dnsSuccessPct = 100.0 * double(bucket.dnsOk) / double(bucket.probes);
        point.serviceSuccessPct = 100.0 * double(bucket.checkOk) / double(bucket.probes);
    }
    point.hasLatency = bucket.dnsLatency.count() > 0;
    if (point.hasLatency) {
        point.dnsP50Ms = bucket.dnsLatency.quantile(0.5) * 1000;
        point.dnsP95Ms = bucket.dnsLatency.quantile(0.95) * 1000;
        if (bucket.checkLatency.count() > 0) {
            point.serviceP50Ms = bucket.checkLatency.quantile(0.5) * 1000;
            point.serviceP95Ms = bucket.checkLatency.quantile(0.95) * 1000;
        }
    }
    return point;
}

QString stateNameOf(CacheEntrySnapshot::State state) { return cacheStateName(state); }

ReportPin pinOf(const QString &host, const PinnedFallback &pin)
{
    return {host,
            pin.addresses,
            pin.origin == PinnedFallback::Origin::Config ? QStringLiteral("config")
                                                         : QStringLiteral("operator"),
            pin.reason,
            pin.pinnedAt,
            pin.expiresAt};
}

// The zone signature watch's events: a zone's, through a resolver, never a target's.
bool isZoneSignatureEvent(const QString &kind)
{
    for (const auto zoneKind :
         {ResolverEvent::Kind::ZoneSignaturesExpiring, ResolverEvent::Kind::ZoneSignaturesExpired,
          ResolverEvent::Kind::ZoneSignaturesOk}) {
        if (kind == eventKindName(zoneKind))
            return true;
    }
    return false;
}

bool isOperatorAction(const QString &kind)
{
    return kind == eventKindName(ResolverEvent::Kind::Pinned)
            || kind == eventKindName(ResolverEvent::Kind::Unpinned)
            || kind == eventKindName(ResolverEvent::Kind::ForcedReResolve)
            || kind == eventKindName(ResolverEvent::Kind::CacheCleared);
}

// Why a target was down around an incident's start: its change of state says it, else the
// resolver's failure for its host.
QString causeOf(const ReportIncident &incident, const QString &host,
                const QList<StoredEvent> &events)
{
    const QDateTime from = incident.start.addSecs(-120);
    QString resolverCause;
    for (const StoredEvent &event : events) {
        if (event.time < from || event.time > incident.end)
            continue;
        if (event.kind == StoredEvent::stateChangedKind() && event.target == incident.target
            && event.after.value(0) == QLatin1String("down"))
            return event.detail.isEmpty() ? QStringLiteral("down") : event.detail;
        if (resolverCause.isEmpty() && event.host == host
            && event.kind == eventKindName(ResolverEvent::Kind::ResolutionFailed))
            resolverCause = event.detail.isEmpty() ? event.cause : event.detail;
    }
    return resolverCause.isEmpty() ? QStringLiteral("the service check failed") : resolverCause;
}

// How many minutes apart two down minutes of a target may lie and still be one outage: a
// failing target is re-probed at most every retryMaxMs (or its interval), and a failing check
// takes up to its timeout per try. Minutes without a probe in between carry the state forward.
qint64 gapLimitMinutes(const TargetConfig &target, const ProbePolicy &probes)
{
    const qint64 cadenceS = std::max<qint64>(target.intervalS, probes.retryMaxMs / 1000);
    const qint64 checkS = qint64(probes.checkTimeoutMs) * (probes.checkRetries + 1) / 1000;
    return (2 * cadenceS + checkS + 59) / 60;
}

// A target's down minutes (oldest first) as outages: down minutes close enough together with
// no reached minute between them are one, and the minutes between count as down.
std::optional<QList<ReportIncident>> incidentsOf(HistoryDatabase &db, const TargetConfig &target,
                                                 const ProbePolicy &probes,
                                                 const QList<QDateTime> &downMinutes)
{
    QList<ReportIncident> incidents;
    const qint64 limit = gapLimitMinutes(target, probes);
    for (const QDateTime &minute : downMinutes) {
        ReportIncident *last = incidents.isEmpty() ? nullptr : &incidents.last();
        if (last) {
            const qint64 apart = last->end.secsTo(minute) / 60
                    + 1; // minutes from the last down one
            if (apart <= limit) {
                const auto reached = apart <= 1
                        ? std::optional(false)
                        : db.reachedBetween(target.name, last->end.addSecs(-60), minute);
                if (!reached)
                    return std::nullopt;
                if (!*reached) {
                    last->end = minute.addSecs(60);
                    last->minutes = last->start.secsTo(last->end) / 60;
                    continue;
                }
            }
        }
        incidents.append({target.name, minute, minute.addSecs(60), 1, QString()});
    }
    return incidents;
}

} // namespace

QString configDigest(const AppConfig &config)
{
    // QJsonDocument writes object keys sorted: the same config gives the same bytes.
    const QByteArray canonical = QJsonDocument(configToJson(config)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
            QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

std::optional<HealthReport> buildHealthReport(HistoryDatabase &db, const ReportRequest &request,
                                              QString *error)
{
    const auto failed = [&db, error]() -> std::optional<HealthReport> {
        if (error)
            *error = db.lastError();
        return std::nullopt;
    };
    HealthReport report;
    report.from = request.from.toUTC();
    report.to = request.to.toUTC();
    report.generatedAt = request.generatedAt.toUTC();
    report.generatedOn = QSysInfo::machineHostName();
    report.version = QStringLiteral(DNSWATCH_VERSION);
    report.configSource = request.config.source;
    report.configDigest = configDigest(request.config);
    report.historyPath = request.historyPath;

    // Whole minutes, as the history keeps its counts: [from, to) with both on a minute.
    report.from = report.from.addMSecs(-(report.from.toMSecsSinceEpoch() % MsPerMinute));
    report.to = report.to.addMSecs(-(report.to.toMSecsSinceEpoch() % MsPerMinute));
    const auto totals = db.totals(report.from, report.to);
    const auto downMinutes = db.downMinutes(report.from, report.to);
    const auto minutesWithData = db.minutesWithData(report.from, report.to);
    const auto events = db.events(report.from, report.to, EventLimit);
    const int chartS = historyBucketWidthS(report.from.secsTo(report.to), request.chartBuckets);
    // From the start of the bucket the range starts in: the first one is whole too.
    const auto series = db.buckets(report.from.addSecs(-(report.from.toSecsSinceEpoch() % chartS)),
                                   report.to, chartS);
    if (!totals || !downMinutes || !minutesWithData || !events || !series)
        return failed();
    if (events->size() >= EventLimit)
        report.notes += QStringLiteral("Only the last %1 events of the range are counted.")
                                .arg(EventLimit);

    // Which targets: the chosen ones, or every configured one and any other with data.
    QList<TargetConfig> chosen;
    QSet<QString> known;
    for (const TargetConfig &target : request.config.targets) {
        known.insert(target.name);
        if (request.targets.isEmpty() || request.targets.contains(target.name))
            chosen.append(target);
    }
    for (const TargetTotals &total : *totals) {
        if (known.contains(total.sums.target))
            continue;
        if (!request.targets.isEmpty() && !request.targets.contains(total.sums.target))
            continue;
        // Probed, so configured when it ran: critical (the safe side), host and resolver as
        // its latest kept result names them.
        const auto host = db.latestHost(total.sums.target);
        if (!host)
            return failed();
        TargetConfig unknown;
        unknown.name = total.sums.target;
        unknown.host = host->first;
        unknown.resolver = host->second;
        chosen.append(unknown);
        report.notes += QStringLiteral("%1 had probes in the range but is not in the config "
                                       "given (%2); counted as critical.")
                                .arg(unknown.name, request.config.source);
    }
    QHash<QString, const TargetTotals *> totalsByTarget;
    for (const TargetTotals &total : *totals)
        totalsByTarget.insert(total.sums.target, &total);
    QHash<QString, QList<ReportPoint>> seriesByTarget;
    for (const HistoryBucket &bucket : *series)
        seriesByTarget[bucket.target].append(pointOf(bucket));

    // The cache and the pins: live when given, else what the history kept.
    QList<CacheEntrySnapshot> cache;
    QHash<QString, PinnedFallback> pins;
    if (request.liveCache) {
        cache = *request.liveCache;
    } else {
        const auto kept = db.restoredState(report.generatedAt);
        if (!kept)
            return failed();
        for (const KnownGoodAnswer &answer : kept->knownGood) {
            CacheEntrySnapshot entry;
            entry.resolver = answer.resolver;
            entry.host = answer.host;
            entry.kind = answer.kind;
            entry.addresses = answer.addresses;
            entry.state = answer.expiresAt > report.generatedAt ? CacheEntrySnapshot::State::Fresh
                                                                : CacheEntrySnapshot::State::Stale;
            entry.staleSince = answer.expiresAt;
            entry.validation = answer.validation;
            cache.append(entry);
        }
        pins = kept->pins;
        report.notes += QStringLiteral("Made from the history file: the cache shown is the "
                                       "last-known-good answers it kept.");
    }
    if (request.livePins)
        pins = *request.livePins;

    for (const TargetConfig &target : chosen) {
        TargetReport out;
        out.name = target.name;
        out.host = target.host;
        out.resolver = target.resolver;
        out.critical = target.critical;
        if (const TargetTotals *total = totalsByTarget.value(target.name)) {
            const HistoryBucket &sums = total->sums;
            out.probes = sums.probes;
            out.dnsOk = sums.dnsOk;
            out.checks = sums.checks;
            out.checkOk = sums.checkOk;
            out.viaFallback = sums.viaFallback;
            out.minutesWithData = total->minutes;
            out.fallbackMinutes = total->fallbackMinutes;
            out.dnsLatency = latencyOf(sums.dnsLatency);
            out.serviceLatency = latencyOf(sums.checkLatency);
        }
        out.series = seriesByTarget.value(target.name);
        for (const StoredEvent &event : *events) {
            // Its host's events through its own resolver (another target may watch the same
            // host through another one).
            // An event that names its target (a check's) is that target's alone.
            if (target.host.isEmpty() || event.host != target.host
                || (!event.resolver.isEmpty() && event.resolver != target.resolver)
                || (!event.target.isEmpty() && event.target != target.name))
                continue;
            if (event.kind == eventKindName(ResolverEvent::Kind::FallbackEntered))
                ++out.fallbackEventsByTier[event.tier];
            else if (event.kind == eventKindName(ResolverEvent::Kind::AddressesChanged))
                out.addressChanges.append(event);
            else if (isCheckEvent(event.kind))
                out.checkEvents.append(event);
            // An answer change's alert repeats the errors of the change it is about: once is
            // enough.
            const bool repeats = event.kind == StoredEvent::answerChangedAlertKind();
            QList<quint16> codes; // each code once an event
            for (const ExtendedDnsError &error :
                 repeats ? QList<ExtendedDnsError>() : event.extendedErrors) {
                if (!codes.contains(error.infoCode)) {
                    codes.append(error.infoCode);
                    ++out.extendedErrorEvents[error.infoCode];
                }
            }
        }
        for (const CacheEntrySnapshot &entry : std::as_const(cache)) {
            if (!target.host.isEmpty() && entry.host == target.host
                && entry.resolver == target.resolver)
                out.cache.append(
                        {entry.resolver, entry.host, stateNameOf(entry.state), entry.addresses,
                         entry.ttlLeftMs
                                 ? std::optional(report.generatedAt.addMSecs(*entry.ttlLeftMs))
                                 : entry.staleSince,
                         entry.validation});
        }
        if (pins.contains(target.host))
            out.pin = pinOf(target.host, pins.value(target.host));
        report.targets.append(out);
    }

    // Outages per target, from its down minutes.
    QHash<QString, QList<QDateTime>> downByTarget;
    for (const HistoryBucket &minute : *downMinutes)
        downByTarget[minute.target].append(minute.start);
    QList<ReportIncident> incidents;
    QSet<qint64> notReady; // minutes in which a critical target was down
    for (qsizetype i = 0; i < report.targets.size(); ++i) {
        TargetReport &out = report.targets[i];
        const auto outages = incidentsOf(db, chosen[i], request.config.probes,
                                         downByTarget.value(out.name));
        if (!outages)
            return failed();
        for (const ReportIncident &incident : *outages) {
            out.downMinutes += incident.minutes;
            if (out.critical) {
                for (qint64 minute = incident.start.toMSecsSinceEpoch() / MsPerMinute;
                     minute < incident.end.toMSecsSinceEpoch() / MsPerMinute; ++minute)
                    notReady.insert(minute);
            }
        }
        incidents += *outages;
        report.fallbackMinutes += out.fallbackMinutes;
        report.downMinutes += out.downMinutes;
    }
    // Readiness over the minutes watched: those with probes, and those an outage went on in.
    QSet<qint64> watched(minutesWithData->cbegin(), minutesWithData->cend());
    watched.unite(notReady);
    report.minutesWithData = watched.size();
    report.readyMinutes = watched.size() - notReady.size();

    std::stable_sort(incidents.begin(), incidents.end(),
                     [](const auto &a, const auto &b) { return a.minutes > b.minutes; });
    incidents = incidents.mid(0, request.incidentLimit);
    QHash<QString, QString> hosts;
    for (const TargetReport &target : std::as_const(report.targets))
        hosts.insert(target.name, target.host);
    for (ReportIncident &incident : incidents)
        incident.cause = causeOf(incident, hosts.value(incident.target), *events);
    report.worstIncidents = incidents;

    for (const StoredEvent &event : *events) {
        if (isOperatorAction(event.kind))
            report.operatorActions.append(event);
        else if (isZoneSignatureEvent(event.kind))
            report.zoneSignatureEvents.append(event);
    }
    if (report.from
        < report.generatedAt.addSecs(-qint64(request.config.history.rawRetentionH) * 3600))
        report.notes += QStringLiteral("Raw results are kept for %1 h: the CSV holds those of "
                                       "the range that are still kept; the numbers come from "
                                       "the minute aggregates.")
                                .arg(request.config.history.rawRetentionH);
    return report;
}

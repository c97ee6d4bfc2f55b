#include "prometheusmetrics.h"

#include "agentreadiness.h"
#include "expositionwriter.h"
#include "probe/monitor.h"
#include "store/historystore.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

using Label = ExpositionWriter::Label;

// A window without probes has no rate: NaN ("no data"), not 0, which would read as an outage.
double ratio(const WindowCounts &counts, double (WindowCounts::*rate)() const)
{
    return counts.probes ? (counts.*rate)() : std::numeric_limits<double>::quiet_NaN();
}

// What a scrape has at hand once: the targets, each one's escaped target/host/resolver labels
// (made once, not per sample) and its health.
struct Scrape
{
    QList<TargetConfig> targets;
    QList<QByteArray> labels; // as targets
    QList<TargetHealth> tracked; // every tracked target's health, copied once
    QHash<QString, const TargetHealth *> healthByName; // into tracked
    MetricsDetail detail = MetricsDetail::Lean;

    // The health of a target, without a copy; an empty one before its first probe.
    const TargetHealth &healthOf(const QString &name) const
    {
        static const TargetHealth none;
        return *healthByName.value(name, &none);
    }
    const TargetHealth &health(qsizetype i) const { return healthOf(targets[i].name); }
};

// A service check's duration is a measurement only for checks beyond the DNS answer itself;
// the lean set leaves the (empty) histogram out for the others.
bool exposesCheckDuration(const Scrape &scrape, const TargetConfig &target)
{
    return scrape.detail == MetricsDetail::Full || target.check.type != CheckConfig::Type::Dns;
}

// The series of one target, Extended DNS Errors, paths and servers aside: the state set (5), 14
// more gauges and counters, the histograms, and with the full detail the ratios per window.
int seriesOf(const Scrape &scrape, const TargetConfig &target)
{
    const int histogram = LatencyHistogram::BucketCount + 2; // _sum and _count
    return 19 + histogram + (exposesCheckDuration(scrape, target) ? histogram : 0)
            + (scrape.detail == MetricsDetail::Full ? 2 * TargetHealth::WindowCount : 0);
}

// Room for the whole text, so it is written without growing: a sample is its target's labels and
// at most about 72 bytes more (name, an extra label, value); the families' headers and the agent's
// own series fit in the first 64 KiB.
qsizetype expectedSize(const Scrape &scrape)
{
    qsizetype size = 64 * 1024;
    for (qsizetype i = 0; i < scrape.targets.size(); ++i)
        size += (scrape.labels[i].size() + 72) * seriesOf(scrape, scrape.targets[i]);
    return size;
}

QByteArray targetLabels(const TargetConfig &target)
{
    return ExpositionWriter::escapedLabels(
            {{"target", target.name}, {"host", target.host}, {"resolver", target.resolver}});
}

void ratios(ExpositionWriter &out, const Scrape &scrape, double (WindowCounts::*rate)() const)
{
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetHealth &health = scrape.health(i);
        for (int window = 0; window < TargetHealth::WindowCount; ++window)
            out.sample(scrape.labels[i], {{"window", TargetHealth::windowName(window)}},
                       ratio(health.windows[size_t(window)], rate));
    }
}

void histogram(ExpositionWriter &out, QByteArrayView labels, const LatencyHistogram &histogram)
{
    for (size_t i = 0; i < LatencyHistogram::UpperBounds.size(); ++i) {
        out.sample(labels, {{"le", QString::number(LatencyHistogram::UpperBounds[i], 'g', 12)}},
                   double(histogram.cumulativeCount(int(i))), "_bucket");
    }
    out.sample(labels, {{"le", QStringLiteral("+Inf")}}, double(histogram.count()), "_bucket");
    out.sample(labels, histogram.sum(), "_sum");
    out.sample(labels, double(histogram.count()), "_count");
}

// The compared paths of the targets that compare resolvers, from each one's last probe; NaN
// (no data) before its first.
void pathMetrics(ExpositionWriter &out, const Scrape &scrape)
{
    QList<TargetConfig> comparing;
    for (const TargetConfig &target : scrape.targets) {
        if (!target.compare.isEmpty())
            comparing.append(target);
    }
    if (comparing.isEmpty())
        return;
    const double noData = std::numeric_limits<double>::quiet_NaN();
    const auto lastPaths = [&](const TargetConfig &target) {
        const TargetHealth &entry = scrape.healthOf(target.name);
        return entry.last ? entry.last->paths : PathComparison();
    };
    // One sample per path of each comparing target: value(answer), or NaN before the first probe.
    const auto perPath = [&](const auto &value) {
        for (const TargetConfig &target : std::as_const(comparing)) {
            const PathComparison paths = lastPaths(target);
            for (const QString &resolver : target.paths()) {
                const auto answer = std::find_if(
                        paths.paths.cbegin(), paths.paths.cend(),
                        [&](const PathAnswer &path) { return path.result.resolver == resolver; });
                out.sample(targetLabels(target), {{"path", resolver}},
                           answer == paths.paths.cend() ? noData : double(value(*answer)));
            }
        }
    };
    out.family("dnswatch_paths_agree", "gauge",
               "1 when the target's compared resolvers gave the same answer in its last probe "
               "(paths expected to differ aside), 0 when they diverged.");
    for (const TargetConfig &target : std::as_const(comparing)) {
        const PathComparison paths = lastPaths(target);
        out.sample(targetLabels(target), paths.isEmpty() ? noData : (paths.agree ? 1 : 0));
    }
    out.family("dnswatch_path_lookup_seconds", "gauge",
               "How long the last probe waited for the host through each compared path.");
    perPath([](const PathAnswer &path) { return double(path.result.latencyUs) / 1e6; });
    out.family("dnswatch_path_addresses", "gauge",
               "How many addresses each compared path gave in the last probe (0: none).");
    perPath([](const PathAnswer &path) { return double(path.result.addresses.size()); });
}

// The servers of the targets with a soa check, from each one's last check: the serial each gave
// and how far it is behind the newest; NaN (no data) before the first check and for a server
// that gave no serial.
void soaMetrics(ExpositionWriter &out, const Scrape &scrape)
{
    QList<TargetConfig> soaTargets;
    for (const TargetConfig &target : scrape.targets) {
        if (target.check.type == CheckConfig::Type::Soa)
            soaTargets.append(target);
    }
    if (soaTargets.isEmpty())
        return;
    const double noData = std::numeric_limits<double>::quiet_NaN();
    const auto perServer = [&](const auto &value) {
        for (const TargetConfig &target : std::as_const(soaTargets)) {
            const TargetHealth &entry = scrape.healthOf(target.name);
            const std::optional<SoaComparison> soa = entry.last && entry.last->checked
                    ? entry.last->check.soa
                    : std::nullopt;
            for (const NameServer &server : target.check.servers) {
                const QString name = server.toString();
                double sample = noData;
                if (soa) {
                    for (const SoaServerState &state : soa->servers) {
                        if (state.server == name && state.serial)
                            sample = value(*soa, state);
                    }
                }
                out.sample(targetLabels(target), {{"server", name}}, sample);
            }
        }
    };
    out.family("dnswatch_soa_serial", "gauge",
               "The SOA serial of the soa check's zone on each of its servers, from the last "
               "check.");
    perServer([](const SoaComparison &, const SoaServerState &state) {
        return double(*state.serial);
    });
    out.family("dnswatch_soa_serial_behind", "gauge",
               "How many increments each server's SOA serial is behind the newest one (RFC "
               "1982), from the last check; 0 when it has the newest.");
    perServer([noData](const SoaComparison &soa, const SoaServerState &state) {
        return soa.newest ? double(state.behind) : noData;
    });
}

// The signatures of the "dnssec_zones", from each zone's last check: the earliest RRSIG
// expiration (absent while unknown, as blackbox_exporter's probe_ssl_earliest_cert_expiry), the
// zone's warn_days, and whether the check gave an expiration (NaN before the first check ends).
void zoneMetrics(ExpositionWriter &out, const ZoneSignatureWatch &watch)
{
    const QList<ZoneSignatureStatus> zones = watch.statuses();
    if (zones.isEmpty())
        return;
    const auto labels = [](const ZoneSignatureStatus &status) {
        return ExpositionWriter::escapedLabels(
                {{"zone", status.zone.zone}, {"resolver", status.zone.resolver}});
    };
    out.family("dnswatch_zone_signatures_expiry_timestamp_seconds", "gauge",
               "When the earliest RRSIG of the zone's SOA expires (Unix time); absent while "
               "unknown.");
    for (const ZoneSignatureStatus &status : zones) {
        if (status.expiresAt.isValid())
            out.sample(labels(status), double(status.expiresAt.toSecsSinceEpoch()));
    }
    out.family("dnswatch_zone_signatures_warn_seconds", "gauge",
               "The zone's warn_days in seconds: a warning when its signatures expire sooner.");
    for (const ZoneSignatureStatus &status : zones)
        out.sample(labels(status), double(status.zone.warnDays) * 86400);
    out.family("dnswatch_zone_signatures_check_success", "gauge",
               "1 when the last check of the zone's signatures gave their expiration, 0 when it "
               "failed (no answer, no RRSIG); NaN before the first check.");
    for (qsizetype i = 0; i < zones.size(); ++i)
        out.sample(labels(zones[i]),
                   !watch.wasChecked(i)                   ? std::numeric_limits<double>::quiet_NaN()
                           : zones[i].expiresAt.isValid() ? 1
                                                          : 0);
}

} // namespace

namespace {

// Per target: whether it counts for readiness, its state (a state set) and the addresses its
// last probe used.
void targetMetrics(ExpositionWriter &out, const Scrape &scrape)
{
    out.family("dnswatch_target_critical", "gauge", "1 when the target counts for readiness.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i)
        out.sample(scrape.labels[i], scrape.targets[i].critical ? 1 : 0);

    out.family("dnswatch_target_state", "gauge", "1 for the state the target is in.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetState current = scrape.health(i).state;
        for (TargetState state : {TargetState::Unknown, TargetState::Healthy, TargetState::Degraded,
                                  TargetState::Down, TargetState::Paused}) {
            out.sample(scrape.labels[i], {{"state", targetStateName(state)}},
                       current == state ? 1 : 0);
        }
    }

    out.family("dnswatch_target_addresses_info", "gauge",
               "The addresses the last probe used, as a label.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetHealth &entry = scrape.health(i);
        const LookupResult resolution = entry.last ? entry.last->resolution : LookupResult();
        out.sample(scrape.labels[i],
                   {{"source", sourceName(resolution.source)},
                    {"addresses", addressStrings(resolution.addresses).join(QLatin1Char(','))}},
                   1);
    }
}

// The counters of every target's probes, fallbacks and answers.
void probeCounters(ExpositionWriter &out, const Scrape &scrape)
{
    // One sample per target, from its health.
    const auto perTarget = [&](const auto &value) {
        for (qsizetype i = 0; i < scrape.targets.size(); ++i)
            out.sample(scrape.labels[i], double(value(scrape.health(i))));
    };
    out.family("dnswatch_probes_total", "counter", "Probes run.");
    perTarget([](const TargetHealth &h) { return h.total.probes; });
    out.family("dnswatch_dns_success_total", "counter",
               "Probes whose name resolved live or from the cache (not a fallback tier).");
    perTarget([](const TargetHealth &h) { return h.total.dnsOk; });
    out.family("dnswatch_check_success_total", "counter", "Probes whose service check succeeded.");
    perTarget([](const TargetHealth &h) { return h.total.checkOk; });
    out.family("dnswatch_kept_reachable_by_fallback_total", "counter",
               "Probes where DNS failed but the service answered through a fallback address.");
    perTarget([](const TargetHealth &h) { return h.keptReachableByFallback; });

    out.family("dnswatch_fallback_entries_total", "counter",
               "Times the target started being served by a fallback tier.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetHealth &entry = scrape.health(i);
        for (ResolutionSource tier :
             {ResolutionSource::Stale, ResolutionSource::Pinned, ResolutionSource::Env})
            out.sample(scrape.labels[i], {{"tier", sourceName(tier)}},
                       double(entry.fallbackEntries.value(tier)));
    }
    out.family("dnswatch_fallback_seconds_total", "counter",
               "Time the target was served by a fallback tier.");
    perTarget([](const TargetHealth &h) { return double(h.fallbackMs) / 1000.0; });

    out.family("dnswatch_answer_changes_total", "counter",
               "Changes of the target's answer set (its host through its resolver).");
    perTarget([](const TargetHealth &h) { return h.answerChanges; });
    out.family("dnswatch_unexpected_answers_total", "counter",
               "Probes whose lookup ended with the cause unexpected_answer (an address outside "
               "the target's expect_addresses).");
    perTarget([](const TargetHealth &h) { return h.unexpectedAnswers; });
    out.family("dnswatch_extended_dns_errors_total", "counter",
               "Probes whose answer came with an Extended DNS Error (RFC 8914), by its info code "
               "and its name; a series appears with the first such answer.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetHealth &entry = scrape.health(i);
        for (auto code = entry.extendedErrors.cbegin(); code != entry.extendedErrors.cend(); ++code)
            out.sample(scrape.labels[i],
                       {{"code", QString::number(code.key())},
                        {"name", ExtendedDnsErrors::machineName(code.key())}},
                       double(code.value()));
    }
    out.family("dnswatch_target_alert_on_change", "gauge",
               "1 when a change of the target's answer is to raise an alert (alert_on_change).");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i)
        out.sample(scrape.labels[i], scrape.targets[i].alertOnChange ? 1 : 0);
}

// The latency histograms; with the full detail also the success ratios per window, which
// Prometheus computes from the _total counters with rate() or increase() otherwise.
void latencyAndRatios(ExpositionWriter &out, const Scrape &scrape)
{
    if (scrape.detail == MetricsDetail::Full) {
        out.family("dnswatch_dns_success_ratio", "gauge",
                   "Share of probes whose name resolved live or from the cache, per window.");
        ratios(out, scrape, &WindowCounts::dnsRate);
        out.family("dnswatch_check_success_ratio", "gauge",
                   "Share of probes whose service check succeeded, per window.");
        ratios(out, scrape, &WindowCounts::checkRate);
    }

    out.family("dnswatch_dns_lookup_duration_seconds", "histogram",
               "Time to an answer for the probe's lookup.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i)
        histogram(out, scrape.labels[i], scrape.health(i).dnsLatency);
    out.family("dnswatch_check_duration_seconds", "histogram",
               "Time the service check took, retries included.");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        if (exposesCheckDuration(scrape, scrape.targets[i]))
            histogram(out, scrape.labels[i], scrape.health(i).checkLatency);
    }
}

void dnssecMetrics(ExpositionWriter &out, const Scrape &scrape)
{
    out.family("dnswatch_target_dnssec_validated", "gauge",
               "1 when the last answer came validated by the resolver (DNSSEC, AD flag), else 0 "
               "(also when the resolver is not asked with \"dnssec\"); required=\"true\" for a "
               "target with \"require_validated\".");
    for (qsizetype i = 0; i < scrape.targets.size(); ++i) {
        const TargetConfig &target = scrape.targets[i];
        const TargetHealth &entry = scrape.health(i);
        const bool validated = entry.last
                && entry.last->resolution.validation == DnssecValidation::Validated;
        out.sample(scrape.labels[i],
                   {{"required",
                     target.requireValidated ? QStringLiteral("true") : QStringLiteral("false")}},
                   validated ? 1 : 0);
    }
}

void resolverMetrics(ExpositionWriter &out, Resolver *resolver)
{
    out.family("dnswatch_resolver_events_total", "counter", "Resolver transitions, by kind.");
    for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
        out.sample({}, {{"kind", eventKindName(ResolverEvent::Kind(kind))}},
                   double(resolver->eventCount(ResolverEvent::Kind(kind))));
    QHash<CacheEntrySnapshot::State, int> states;
    for (const CacheEntrySnapshot &entry : resolver->snapshot())
        ++states[entry.state];
    out.family("dnswatch_cache_entries", "gauge", "Resolver cache entries, by state.");
    for (auto state : {CacheEntrySnapshot::State::Fresh, CacheEntrySnapshot::State::Stale,
                       CacheEntrySnapshot::State::Negative, CacheEntrySnapshot::State::Pinned,
                       CacheEntrySnapshot::State::Env, CacheEntrySnapshot::State::Missing})
        out.sample({}, {{"state", cacheStateName(state)}}, states.value(state));
}

} // namespace

MetricsDetail metricsDetail(const AppConfig &config)
{
    return config.metrics.detailed ? MetricsDetail::Full : MetricsDetail::Lean;
}

QByteArray prometheusMetrics(const Monitor &monitor, const HistoryStore *history,
                             QByteArrayView tail)
{
    Scrape scrape;
    scrape.targets = monitor.config().targets;
    scrape.detail = metricsDetail(monitor.config());
    scrape.labels.reserve(scrape.targets.size());
    for (const TargetConfig &target : std::as_const(scrape.targets))
        scrape.labels.append(targetLabels(target));
    scrape.tracked = monitor.statistics()->all();
    scrape.healthByName.reserve(scrape.tracked.size());
    for (const TargetHealth &entry : std::as_const(scrape.tracked))
        scrape.healthByName.insert(entry.target, &entry);

    ExpositionWriter out(expectedSize(scrape) + tail.size());
    out.family("dnswatch_build_info", "gauge", "DNS Watch version.");
    out.sample({}, {{"version", QStringLiteral(DNSWATCH_VERSION)}}, 1);

    out.family("dnswatch_ready", "gauge",
               "1 when every critical target is reachable (fresh or through a fallback) and the "
               "history (--db), if any, is sound; as /readyz.");
    out.sample({}, agentReadiness(monitor, history).ready ? 1 : 0);

    targetMetrics(out, scrape);
    probeCounters(out, scrape);
    latencyAndRatios(out, scrape);
    pathMetrics(out, scrape);
    soaMetrics(out, scrape);
    dnssecMetrics(out, scrape);
    zoneMetrics(out, *monitor.zones());
    resolverMetrics(out, monitor.resolver());
    if (history) {
        out.family("dnswatch_history_damaged", "gauge",
                   "1 when the history file (--db) failed its page check and is no longer "
                   "written.");
        out.sample({}, history->damage().isEmpty() ? 0 : 1);
    }
    out.append(tail);
    return out.take();
}

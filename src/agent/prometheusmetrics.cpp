#include "prometheusmetrics.h"

#include "agentreadiness.h"
#include "probe/monitor.h"
#include "store/historystore.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QString escapeLabel(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return escaped;
}

QString number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    return QString::number(value, 'g', 12);
}

// A window without probes has no rate: NaN ("no data"), not 0, which would read as an outage.
double ratio(const WindowCounts &counts, double (WindowCounts::*rate)() const)
{
    return counts.probes ? (counts.*rate)() : std::numeric_limits<double>::quiet_NaN();
}

// Writes families: one HELP and TYPE header, then its samples.
class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_name = QString::fromLatin1(name);
        m_text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                          .arg(m_name, QString::fromLatin1(help), QString::fromLatin1(type));
    }
    void sample(const QString &labels, double value, const QString &suffix = QString())
    {
        m_text += m_name + suffix
                + (labels.isEmpty() ? QString() : QLatin1Char('{') + labels + QLatin1Char('}'))
                + QLatin1Char(' ') + number(value) + QLatin1Char('\n');
    }
    QByteArray text() const { return m_text.toUtf8(); }

private:
    QString m_name;
    QString m_text;
};

QString targetLabels(const TargetConfig &target)
{
    return QStringLiteral("target=\"%1\",host=\"%2\",resolver=\"%3\"")
            .arg(escapeLabel(target.name), escapeLabel(target.host), escapeLabel(target.resolver));
}

void ratios(Exposition &out, const QList<TargetConfig> &targets,
            const QHash<QString, TargetHealth> &health, double (WindowCounts::*rate)() const)
{
    for (const TargetConfig &target : targets) {
        for (int window = 0; window < TargetHealth::WindowCount; ++window)
            out.sample(
                    targetLabels(target)
                            + QStringLiteral(",window=\"%1\"").arg(TargetHealth::windowName(window)),
                    ratio(health.value(target.name).windows[size_t(window)], rate));
    }
}

void histogram(Exposition &out, const QString &labels, const LatencyHistogram &histogram)
{
    for (size_t i = 0; i < LatencyHistogram::UpperBounds.size(); ++i) {
        out.sample(
                labels + QStringLiteral(",le=\"%1\"").arg(number(LatencyHistogram::UpperBounds[i])),
                double(histogram.cumulativeCount(int(i))), QStringLiteral("_bucket"));
    }
    out.sample(labels + QStringLiteral(",le=\"+Inf\""), double(histogram.count()),
               QStringLiteral("_bucket"));
    out.sample(labels, histogram.sum(), QStringLiteral("_sum"));
    out.sample(labels, double(histogram.count()), QStringLiteral("_count"));
}

// The compared paths of the targets that compare resolvers, from each one's last probe; NaN
// (no data) before its first.
void pathMetrics(Exposition &out, const QList<TargetConfig> &targets,
                 const QHash<QString, TargetHealth> &health)
{
    QList<TargetConfig> comparing;
    for (const TargetConfig &target : targets) {
        if (!target.compare.isEmpty())
            comparing.append(target);
    }
    if (comparing.isEmpty())
        return;
    const double noData = std::numeric_limits<double>::quiet_NaN();
    const auto lastPaths = [&](const TargetConfig &target) {
        const TargetHealth entry = health.value(target.name);
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
                out.sample(targetLabels(target)
                                   + QStringLiteral(",path=\"%1\"").arg(escapeLabel(resolver)),
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
void soaMetrics(Exposition &out, const QList<TargetConfig> &targets,
                const QHash<QString, TargetHealth> &health)
{
    QList<TargetConfig> soaTargets;
    for (const TargetConfig &target : targets) {
        if (target.check.type == CheckConfig::Type::Soa)
            soaTargets.append(target);
    }
    if (soaTargets.isEmpty())
        return;
    const double noData = std::numeric_limits<double>::quiet_NaN();
    const auto perServer = [&](const auto &value) {
        for (const TargetConfig &target : std::as_const(soaTargets)) {
            const TargetHealth entry = health.value(target.name);
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
                out.sample(targetLabels(target)
                                   + QStringLiteral(",server=\"%1\"").arg(escapeLabel(name)),
                           sample);
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
void zoneMetrics(Exposition &out, const ZoneSignatureWatch &watch)
{
    const QList<ZoneSignatureStatus> zones = watch.statuses();
    if (zones.isEmpty())
        return;
    const auto labels = [](const ZoneSignatureStatus &status) {
        return QStringLiteral("zone=\"%1\",resolver=\"%2\"")
                .arg(escapeLabel(status.zone.zone), escapeLabel(status.zone.resolver));
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

QByteArray prometheusMetrics(const Monitor &monitor, const HistoryStore *history)
{
    const QList<TargetConfig> targets = monitor.config().targets;
    QHash<QString, TargetHealth> health;
    for (const TargetHealth &entry : monitor.statistics()->all())
        health.insert(entry.target, entry);

    Exposition out;
    out.family("dnswatch_build_info", "gauge", "DNS Watch version.");
    out.sample(QStringLiteral("version=\"%1\"").arg(QStringLiteral(DNSWATCH_VERSION)), 1);

    out.family("dnswatch_ready", "gauge",
               "1 when every critical target is reachable (fresh or through a fallback) and the "
               "history (--db), if any, is sound; as /readyz.");
    out.sample(QString(), agentReadiness(monitor, history).ready ? 1 : 0);

    out.family("dnswatch_target_critical", "gauge", "1 when the target counts for readiness.");
    for (const TargetConfig &target : targets)
        out.sample(targetLabels(target), target.critical ? 1 : 0);

    out.family("dnswatch_target_state", "gauge", "1 for the state the target is in.");
    for (const TargetConfig &target : targets) {
        for (TargetState state : {TargetState::Unknown, TargetState::Healthy, TargetState::Degraded,
                                  TargetState::Down, TargetState::Paused}) {
            out.sample(targetLabels(target)
                               + QStringLiteral(",state=\"%1\"").arg(targetStateName(state)),
                       health.value(target.name).state == state ? 1 : 0);
        }
    }

    out.family("dnswatch_target_addresses_info", "gauge",
               "The addresses the last probe used, as a label.");
    for (const TargetConfig &target : targets) {
        const TargetHealth entry = health.value(target.name);
        const LookupResult resolution = entry.last ? entry.last->resolution : LookupResult();
        out.sample(targetLabels(target)
                           + QStringLiteral(",source=\"%1\",addresses=\"%2\"")
                                     .arg(sourceName(resolution.source),
                                          escapeLabel(addressStrings(resolution.addresses)
                                                              .join(QLatin1Char(',')))),
                   1);
    }

    // One sample per target, from its health.
    const auto perTarget = [&](const auto &value) {
        for (const TargetConfig &target : targets)
            out.sample(targetLabels(target), double(value(health.value(target.name))));
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
    for (const TargetConfig &target : targets) {
        for (ResolutionSource tier :
             {ResolutionSource::Stale, ResolutionSource::Pinned, ResolutionSource::Env})
            out.sample(targetLabels(target) + QStringLiteral(",tier=\"%1\"").arg(sourceName(tier)),
                       double(health.value(target.name).fallbackEntries.value(tier)));
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
    for (const TargetConfig &target : targets) {
        const TargetHealth entry = health.value(target.name);
        for (auto code = entry.extendedErrors.cbegin(); code != entry.extendedErrors.cend(); ++code)
            out.sample(targetLabels(target)
                               + QStringLiteral(",code=\"%1\",name=\"%2\"")
                                         .arg(code.key())
                                         .arg(ExtendedDnsErrors::machineName(code.key())),
                       double(code.value()));
    }
    out.family("dnswatch_target_alert_on_change", "gauge",
               "1 when a change of the target's answer is to raise an alert (alert_on_change).");
    for (const TargetConfig &target : targets)
        out.sample(targetLabels(target), target.alertOnChange ? 1 : 0);

    out.family("dnswatch_dns_success_ratio", "gauge",
               "Share of probes whose name resolved live or from the cache, per window.");
    ratios(out, targets, health, &WindowCounts::dnsRate);
    out.family("dnswatch_check_success_ratio", "gauge",
               "Share of probes whose service check succeeded, per window.");
    ratios(out, targets, health, &WindowCounts::checkRate);

    out.family("dnswatch_dns_lookup_duration_seconds", "histogram",
               "Time to an answer for the probe's lookup.");
    for (const TargetConfig &target : targets)
        histogram(out, targetLabels(target), health.value(target.name).dnsLatency);
    out.family("dnswatch_check_duration_seconds", "histogram",
               "Time the service check took, retries included.");
    for (const TargetConfig &target : targets)
        histogram(out, targetLabels(target), health.value(target.name).checkLatency);

    pathMetrics(out, targets, health);
    soaMetrics(out, targets, health);
    out.family("dnswatch_target_dnssec_validated", "gauge",
               "1 when the last answer came validated by the resolver (DNSSEC, AD flag), else 0 "
               "(also when the resolver is not asked with \"dnssec\"); required=\"true\" for a "
               "target with \"require_validated\".");
    for (const TargetConfig &target : targets) {
        const TargetHealth entry = health.value(target.name);
        const bool validated = entry.last
                && entry.last->resolution.validation == DnssecValidation::Validated;
        out.sample(targetLabels(target)
                           + QStringLiteral(",required=\"%1\"")
                                     .arg(target.requireValidated ? QLatin1String("true")
                                                                  : QLatin1String("false")),
                   validated ? 1 : 0);
    }

    zoneMetrics(out, *monitor.zones());

    Resolver *resolver = monitor.resolver();
    out.family("dnswatch_resolver_events_total", "counter", "Resolver transitions, by kind.");
    for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
        out.sample(QStringLiteral("kind=\"%1\"").arg(eventKindName(ResolverEvent::Kind(kind))),
                   double(resolver->eventCount(ResolverEvent::Kind(kind))));
    QHash<CacheEntrySnapshot::State, int> states;
    for (const CacheEntrySnapshot &entry : resolver->snapshot())
        ++states[entry.state];
    out.family("dnswatch_cache_entries", "gauge", "Resolver cache entries, by state.");
    for (auto state : {CacheEntrySnapshot::State::Fresh, CacheEntrySnapshot::State::Stale,
                       CacheEntrySnapshot::State::Negative, CacheEntrySnapshot::State::Pinned,
                       CacheEntrySnapshot::State::Env, CacheEntrySnapshot::State::Missing})
        out.sample(QStringLiteral("state=\"%1\"").arg(cacheStateName(state)), states.value(state));
    if (history) {
        out.family("dnswatch_history_damaged", "gauge",
                   "1 when the history file (--db) failed its page check and is no longer "
                   "written.");
        out.sample(QString(), history->damage().isEmpty() ? 0 : 1);
    }
    return out.text();
}

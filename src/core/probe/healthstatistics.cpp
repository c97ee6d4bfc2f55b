#include "healthstatistics.h"

#include <algorithm>
#include <vector>

HealthStatistics::HealthStatistics(Clock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{ }

void HealthStatistics::setTargets(const QList<TargetConfig> &targets)
{
    QHash<QString, Tracker> next;
    for (const TargetConfig &target : targets) {
        Tracker tracker = m_trackers.take(target.name);
        tracker.health.target = target.name;
        tracker.health.critical = target.critical;
        tracker.intervalMs = qint64(target.intervalS) * 1000;
        next.insert(target.name, std::move(tracker));
    }
    m_trackers = std::move(next);
}

namespace {
qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
// One count per code an answer carried (a code given twice in one answer counts once).
void countExtendedErrors(const QList<ExtendedDnsError> &errors, QMap<quint16, quint64> *counts)
{
    QList<quint16> seen;
    for (const ExtendedDnsError &error : errors) {
        if (seen.contains(error.infoCode))
            continue;
        seen.append(error.infoCode);
        ++(*counts)[error.infoCode];
    }
}
} // namespace

void HealthStatistics::restorePast(const QList<PastCounts> &past)
{
    const qint64 now = m_clock->nowMs();
    const QDateTime wallNow = m_clock->wallTime();
    for (const PastCounts &stretch : past) {
        auto found = m_trackers.find(stretch.target);
        const qint64 agoMs = stretch.start.msecsTo(wallNow);
        if (found == m_trackers.end() || agoMs > 86'400'000 || agoMs < 0)
            continue;
        const qint64 startMs = now - agoMs;
        found->windowsAtTenSecondId = NotSummed;
        found->fiveMinutes.add(floorDiv(startMs, FiveMinutesMs), stretch.counts);
        if (stretch.widthS <= 60 && agoMs <= 3'600'000)
            found->tenSeconds.add(floorDiv(startMs, 10'000), stretch.counts);
    }
}

void HealthStatistics::record(const ProbeResult &result)
{
    auto found = m_trackers.find(result.target);
    if (found == m_trackers.end())
        return;
    Tracker &tracker = *found;
    const qint64 now = m_clock->nowMs();
    const LookupResult &resolution = result.resolution;
    const bool dnsOk = result.dnsAnswered();

    const WindowCounts sample{dnsOk ? 1u : 0u, result.reachable ? 1u : 0u, 1u};
    tracker.windowsAtTenSecondId = NotSummed;
    tracker.tenSeconds.add(now / 10'000, sample);
    tracker.fiveMinutes.add(now / FiveMinutesMs, sample);
    tracker.health.total.dnsOk += sample.dnsOk;
    tracker.health.total.checkOk += sample.checkOk;
    tracker.health.total.probes += sample.probes;
    tracker.health.dnsLatency.add(double(resolution.latencyUs) / 1e6);
    if (result.checked)
        tracker.health.checkLatency.add(double(result.check.latencyUs) / 1e6);

    // Time in fallback: the span since the previous result, if that one was served by a tier.
    if (tracker.lastWasFallback && tracker.lastResultMs >= 0)
        tracker.health.fallbackMs += now - tracker.lastResultMs;
    const bool fallback = resolution.isFallback();
    if (fallback && (!tracker.lastWasFallback || tracker.lastTier != resolution.source))
        ++tracker.health.fallbackEntries[resolution.source];
    if (result.keptReachableByFallback())
        ++tracker.health.keptReachableByFallback;
    if (resolution.cause == FailureCause::UnexpectedAnswer)
        ++tracker.health.unexpectedAnswers;
    countExtendedErrors(resolution.extendedErrors, &tracker.health.extendedErrors);
    tracker.lastWasFallback = fallback;
    tracker.lastTier = resolution.source;
    tracker.lastResultMs = now;
    tracker.health.last = result;
    tracker.health.recent.add(ProbeMark::of(result));

    if (!tracker.paused)
        evaluateState(tracker, result);
}

void HealthStatistics::noteAnswerChange(const QString &target)
{
    if (auto found = m_trackers.find(target); found != m_trackers.end())
        ++found->health.answerChanges;
}

void HealthStatistics::evaluateState(Tracker &tracker, const ProbeResult &result)
{
    const TargetVerdict verdict = judgeProbe(result);
    setState(tracker, verdict.state, verdict.detail);
}

void HealthStatistics::setPaused(const QString &target, bool paused)
{
    auto found = m_trackers.find(target);
    if (found == m_trackers.end() || found->paused == paused)
        return;
    found->paused = paused;
    if (paused)
        return setState(*found, TargetState::Paused, QStringLiteral("probes paused"));
    // Until the next probe says otherwise, the state is what the last result said.
    if (found->health.last)
        evaluateState(*found, *found->health.last);
    else
        setState(*found, TargetState::Unknown, QStringLiteral("probes resumed"));
}

void HealthStatistics::setState(Tracker &tracker, TargetState state, const QString &detail)
{
    tracker.health.stateDetail = detail;
    if (tracker.health.state == state)
        return;
    const TargetState from = tracker.health.state;
    tracker.health.state = state;
    Q_EMIT stateChanged(tracker.health.target, from, state, detail);
}

TargetHealth HealthStatistics::snapshot(const Tracker &tracker) const
{
    TargetHealth health = tracker.health;
    const qint64 now = m_clock->nowMs();
    const qint64 tenSecondId = now / 10'000;
    if (tracker.windowsAtTenSecondId != tenSecondId) {
        std::array<WindowCounts, TargetHealth::WindowCount> &windows = tracker.windows;
        windows[TargetHealth::OneMinute] = tracker.tenSeconds.sum(tenSecondId, 6);
        windows[TargetHealth::FiveMinutes] = tracker.tenSeconds.sum(tenSecondId, 30);
        windows[TargetHealth::OneHour] = tracker.tenSeconds.sum(tenSecondId, 360);
        // Five-minute buckets turn over on 10 s boundaries too (300 is a multiple of 10).
        windows[TargetHealth::OneDay] = tracker.fiveMinutes.sum(now / FiveMinutesMs, 288);
        tracker.windowsAtTenSecondId = tenSecondId;
    }
    health.windows = tracker.windows;
    if (tracker.lastWasFallback && tracker.lastResultMs >= 0)
        health.fallbackMs += now - tracker.lastResultMs; // still in fallback right now
    return health;
}

TargetHealth HealthStatistics::health(const QString &target) const
{
    const auto found = m_trackers.constFind(target);
    return found == m_trackers.cend() ? TargetHealth() : snapshot(*found);
}

QList<TargetHealth> HealthStatistics::all() const
{
    // Sorted by name before the snapshots are taken: a snapshot is over a kilobyte, so the
    // trackers are ordered by pointer and each snapshot is made once, in its place.
    std::vector<const Tracker *> ordered;
    ordered.reserve(size_t(m_trackers.size()));
    for (const Tracker &tracker : m_trackers)
        ordered.push_back(&tracker);
    std::sort(ordered.begin(), ordered.end(), [](const Tracker *a, const Tracker *b) {
        return a->health.target < b->health.target;
    });
    QList<TargetHealth> result;
    result.reserve(qsizetype(ordered.size()));
    for (const Tracker *tracker : ordered)
        result.append(snapshot(*tracker));
    return result;
}

int HealthStatistics::countInState(TargetState state) const
{
    return int(
            std::count_if(m_trackers.cbegin(), m_trackers.cend(), [state](const Tracker &tracker) {
                return tracker.health.state == state;
            }));
}

std::optional<HealthStatistics::NotReadyTarget>
HealthStatistics::notReadyOf(const Tracker &tracker) const
{
    const TargetHealth &health = tracker.health;
    if (!health.critical)
        return std::nullopt;
    // A result older than a few intervals says nothing about now (a probe hangs, the
    // scheduler stalls); a paused target keeps what it last knew, on purpose.
    const qint64 ageMs = m_clock->nowMs() - tracker.lastResultMs;
    const bool outdated = !tracker.paused && health.last
            && ageMs > StaleResultIntervals * tracker.intervalMs + StaleResultGraceMs;
    if (health.last && health.last->reachable && !outdated)
        return std::nullopt;
    const NotReadyTarget::Why why = !health.last ? NotReadyTarget::Why::NotProbedYet
            : outdated                           ? NotReadyTarget::Why::NoRecentResult
                                                 : NotReadyTarget::Why::Unreachable;
    return NotReadyTarget{health.target, why, ageMs / 1000};
}

QList<HealthStatistics::NotReadyTarget> HealthStatistics::notReadyTargets() const
{
    QList<NotReadyTarget> notReady;
    for (const Tracker &tracker : m_trackers) {
        if (std::optional<NotReadyTarget> target = notReadyOf(tracker))
            notReady.append(std::move(*target));
    }
    std::sort(notReady.begin(), notReady.end(),
              [](const NotReadyTarget &a, const NotReadyTarget &b) { return a.target < b.target; });
    return notReady;
}

std::optional<HealthStatistics::NotReadyTarget>
HealthStatistics::notReadyTarget(const QString &target) const
{
    const auto found = m_trackers.constFind(target);
    return found == m_trackers.cend() ? std::nullopt : notReadyOf(*found);
}

bool HealthStatistics::ready(QStringList *notReady) const
{
    const QList<NotReadyTarget> targets = notReadyTargets();
    for (const NotReadyTarget &target : targets) {
        if (!notReady)
            break;
        const QString why = target.why == NotReadyTarget::Why::NotProbedYet
                ? QStringLiteral("not probed yet")
                : target.why == NotReadyTarget::Why::NoRecentResult
                ? QStringLiteral("no probe result for %1 s").arg(target.silentS)
                : m_trackers.constFind(target.target)->health.stateDetail;
        notReady->append(QStringLiteral("%1: %2").arg(target.target, why));
    }
    return targets.isEmpty();
}

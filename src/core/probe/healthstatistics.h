#pragma once

#include "clock.h"
#include "config/appconfig.h"
#include "probe/countring.h"
#include "probe/targethealth.h"

#include <QHash>
#include <QObject>

#include <array>
#include <limits>

// Health per target from the probe results: success rates over 1 min, 5 min, 1 h and 24 h,
// latency histograms, time in fallback, fallback entries by tier, and a state (healthy,
// degraded = reachable only through fallback, down, paused, unknown) whose changes are
// signalled. Ready when every critical target is reachable, fresh or through a fallback.
// Memory per target is fixed: 10 s buckets for the last hour, 5 min buckets for the day
// (CountRing: about 3.9 KB a target). The 24 h window so turns over in 5 min steps: it holds
// from 23 h 55 min to 24 h of results.
class HealthStatistics : public QObject
{
    Q_OBJECT
public:
    explicit HealthStatistics(Clock *clock, QObject *parent = nullptr);

    // Targets that stay keep their statistics; removed ones are dropped.
    void setTargets(const QList<TargetConfig> &targets);
    void record(const ProbeResult &result);
    void setPaused(const QString &target, bool paused);
    // The target's answer set changed (counted for dnswatch_answer_changes_total).
    void noteAnswerChange(const QString &target);
    // Seeds the success-rate windows with counts from an earlier run, each at the start of its
    // stretch: the 24 h window takes all of the last day, the shorter windows the minutes that
    // fall in them. Unknown targets and older counts are skipped; states and totals start anew.
    void restorePast(const QList<PastCounts> &past);

    TargetHealth health(const QString &target) const;
    QList<TargetHealth> all() const;
    // Ready when every critical target is reachable by its latest result, and that result is not
    // older than 3 intervals + 1 min; *notReady names those that are not, and why.
    bool ready(QStringList *notReady = nullptr) const;
    // The critical targets that keep it from being ready, by name, each with why: the facts
    // behind ready()'s words, for a reader that says them in its own (the dashboard's language).
    struct NotReadyTarget
    {
        enum class Why { NotProbedYet, NoRecentResult, Unreachable };
        QString target;
        Why why = Why::NotProbedYet;
        qint64 silentS = 0; // NoRecentResult: seconds since its last result
    };
    QList<NotReadyTarget> notReadyTargets() const; // by name
    // The same for one target: none when it is ready, not critical or not known.
    std::optional<NotReadyTarget> notReadyTarget(const QString &target) const;
    int countInState(TargetState state) const;
    qsizetype targetCount() const { return m_trackers.size(); }

Q_SIGNALS:
    void stateChanged(const QString &target, TargetState from, TargetState to,
                      const QString &detail);

private:
    struct Tracker
    {
        TargetHealth health;
        CountRing<360> tenSeconds; // the last hour
        CountRing<288> fiveMinutes; // the last day
        qint64 lastResultMs = -1;
        bool lastWasFallback = false;
        ResolutionSource lastTier = ResolutionSource::None;
        bool paused = false;
        qint64 intervalMs = 10'000;
        // The windows' sums change only with a result or a new 10 s bucket; the table asks for
        // them every second, so they are kept until then.
        mutable qint64 windowsAtTenSecondId = NotSummed;
        mutable std::array<WindowCounts, TargetHealth::WindowCount> windows{};
    };
    std::optional<NotReadyTarget> notReadyOf(const Tracker &tracker) const;
    static constexpr qint64 NotSummed = std::numeric_limits<qint64>::min();
    static constexpr int StaleResultIntervals = 3;
    static constexpr qint64 StaleResultGraceMs = 60'000; // a slow check with all its retries
    static constexpr qint64 FiveMinutesMs = 300'000;
    void setState(Tracker &tracker, TargetState state, const QString &detail);
    void evaluateState(Tracker &tracker, const ProbeResult &result);
    TargetHealth snapshot(const Tracker &tracker) const;

    Clock *m_clock;
    QHash<QString, Tracker> m_trackers;
};

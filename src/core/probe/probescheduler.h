#pragma once

#include "clock.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

// When each target is probed. Every target runs on its own interval with +-10% jitter so probes
// do not bunch up; after a failure it is retried sooner, with jittered exponential backoff
// (capped), and goes back to its normal cadence after a success. A global cap bounds how many
// probes run at once; the rest queue in the order they became due. Targets can be paused and
// probed on demand. Time comes from the Clock, so tests drive it without sleeping.
class ProbeScheduler : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxConcurrent = 16;
        double jitter = 0.1; // +-10% of the interval
        int retryInitialMs = 1000; // first retry after a failure
        int retryMaxMs = 60000; // cap of the backoff
    };
    enum class Outcome { Success, Failure };
    // Runs one probe of target and calls done exactly once when it ends.
    using ProbeFunction =
            std::function<void(const QString &target, std::function<void(Outcome)> done)>;

    ProbeScheduler(const Options &options, Clock *clock, ProbeFunction probe,
                   QObject *parent = nullptr);
    ~ProbeScheduler() override;

    // Adds a target or changes its interval; an existing target keeps its state and history.
    void setTarget(const QString &name, int intervalMs);
    void removeTarget(const QString &name);
    QStringList targets() const { return m_targets.keys(); }

    void pause(const QString &name);
    void resume(const QString &name);
    void pauseAll();
    void resumeAll();
    bool isPaused(const QString &name) const;

    // Probes now (or as soon as a slot is free), even a paused target, and keeps its cadence.
    void probeNow(const QString &name);
    void probeNowAll();

    int running() const { return m_running; }
    int queued() const { return int(m_ready.size()); }
    // When the target is next due (Clock ms), or nothing while it runs, queues or is paused.
    std::optional<qint64> nextDueMs(const QString &name) const;
    int consecutiveFailures(const QString &name) const;

Q_SIGNALS:
    void probeStarted(const QString &target);
    void probeFinished(const QString &target, ProbeScheduler::Outcome outcome);

private:
    struct Target
    {
        int intervalMs = 10000;
        bool paused = false;
        bool running = false;
        bool queued = false;
        int failures = 0;
        Clock::TimerId timer = 0;
        qint64 dueMs = 0;
        quint64 generation = 0; // guards a finished probe against a removed-and-re-added target
    };

    void scheduleAt(const QString &name, Target &target, qint64 dueMs);
    void cancelTimer(Target &target);
    void becameDue(const QString &name);
    void startReady();
    void finished(const QString &name, quint64 generation, Outcome outcome);
    qint64 jittered(qint64 delayMs);
    qint64 retryDelayMs(int failures);

    Options m_options;
    Clock *m_clock;
    ProbeFunction m_probe;
    QHash<QString, Target> m_targets;
    std::deque<QString> m_ready;
    int m_running = 0;
    bool m_starting = false;
    quint64 m_nextGeneration = 1;
};

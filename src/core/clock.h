#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <map>

// The one source of time for the core. Everything that depends on time (TTLs, stale windows,
// backoff, response timers) asks a Clock, so tests move time with ManualClock instead of sleeping.
// Deferred calls are kept in one ordered map; a subclass only decides how to wake up for the
// earliest of them.
class Clock : public QObject
{
    Q_OBJECT
public:
    using TimerId = quint64;

    explicit Clock(QObject *parent = nullptr);
    ~Clock() override;

    // Monotonic milliseconds; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
    // Wall-clock time in UTC, for timestamps that people read.
    virtual QDateTime wallTime() const = 0;

    // Calls fn once at (or after) deadlineMs unless cancelled or context was destroyed.
    TimerId callAt(qint64 deadlineMs, QObject *context, std::function<void()> fn);
    TimerId callAfter(qint64 delayMs, QObject *context, std::function<void()> fn);
    void cancel(TimerId id);
    int pendingCalls() const { return int(m_calls.size()); }

protected:
    // Runs every call whose deadline has passed, in deadline order.
    void runDueCalls();
    // Earliest pending deadline, or -1 when none.
    qint64 nextDeadline() const;
    // Called whenever the earliest deadline may have changed.
    virtual void wakeupChanged() = 0;

private:
    struct PendingCall
    {
        TimerId id;
        QPointer<QObject> context;
        std::function<void()> fn;
    };
    std::multimap<qint64, PendingCall> m_calls;
    std::map<TimerId, std::multimap<qint64, PendingCall>::iterator> m_byId;
    TimerId m_nextId = 1;
};

// Real time: the coarse monotonic clock for nowMs(), the system clock for wallTime(), and a single
// QTimer armed for the earliest pending call.
class SystemClock final : public Clock
{
    Q_OBJECT
public:
    explicit SystemClock(QObject *parent = nullptr);

    qint64 nowMs() const override;
    QDateTime wallTime() const override;

protected:
    void wakeupChanged() override;

private:
    QTimer m_wakeup;
};

// fn every intervalMs of a Clock's time, from start() until stop() or destruction; a ManualClock
// drives it in tests. It keeps its cadence (each call is due an interval after the last one was
// due) unless it fell a whole interval behind. The clock must outlive it.
class ClockInterval : public QObject
{
    Q_OBJECT
public:
    ClockInterval(Clock *clock, qint64 intervalMs, std::function<void()> fn,
                  QObject *parent = nullptr);
    ~ClockInterval() override;

    void start(); // the first call one interval from now
    void stop();
    bool isActive() const { return m_pending != 0; }

private:
    void arm(qint64 deadlineMs);

    Clock *m_clock;
    qint64 m_intervalMs;
    std::function<void()> m_fn;
    Clock::TimerId m_pending = 0;
};

// Test time: stands still until advance() moves it, running due calls on the way.
class ManualClock final : public Clock
{
    Q_OBJECT
public:
    explicit ManualClock(QObject *parent = nullptr);

    qint64 nowMs() const override { return m_nowMs; }
    QDateTime wallTime() const override;

    // Moves time forward by ms, running each due call at its own deadline.
    void advance(qint64 ms);

protected:
    void wakeupChanged() override { }

private:
    qint64 m_nowMs = 1'000'000;
    QDateTime m_wallStart;
};

#include "clock.h"

#include <ctime>

#include <algorithm>
#include <utility>

#include <limits>

Clock::Clock(QObject *parent) : QObject(parent) { }

Clock::~Clock() = default;

Clock::TimerId Clock::callAt(qint64 deadlineMs, QObject *context, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    const bool earliest = m_calls.empty() || deadlineMs < m_calls.begin()->first;
    auto it = m_calls.emplace(deadlineMs, PendingCall{id, context, std::move(fn)});
    m_byId.emplace(id, it);
    if (earliest)
        wakeupChanged();
    return id;
}

Clock::TimerId Clock::callAfter(qint64 delayMs, QObject *context, std::function<void()> fn)
{
    return callAt(nowMs() + delayMs, context, std::move(fn));
}

void Clock::cancel(TimerId id)
{
    auto found = m_byId.find(id);
    if (found == m_byId.end())
        return;
    const bool wasEarliest = found->second == m_calls.begin();
    m_calls.erase(found->second);
    m_byId.erase(found);
    if (wasEarliest)
        wakeupChanged();
}

void Clock::runDueCalls()
{
    const qint64 now = nowMs();
    while (!m_calls.empty() && m_calls.begin()->first <= now) {
        PendingCall call = std::move(m_calls.begin()->second);
        m_byId.erase(call.id);
        m_calls.erase(m_calls.begin());
        if (call.context)
            call.fn();
    }
    wakeupChanged();
}

qint64 Clock::nextDeadline() const { return m_calls.empty() ? -1 : m_calls.begin()->first; }

namespace {
// The coarse monotonic clock costs a few nanoseconds instead of some tens (it is read on every
// cache hit) and ticks every few milliseconds, which is plenty for TTLs and timeouts. A wakeup
// that comes before the coarse clock reaches its deadline just re-arms for the remainder.
qint64 coarseMonotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}
} // namespace

SystemClock::SystemClock(QObject *parent) : Clock(parent)
{
    m_wakeup.setSingleShot(true);
    m_wakeup.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeup, &QTimer::timeout, this, &SystemClock::runDueCalls);
}

qint64 SystemClock::nowMs() const { return coarseMonotonicMs(); }

QDateTime SystemClock::wallTime() const { return QDateTime::currentDateTimeUtc(); }

void SystemClock::wakeupChanged()
{
    const qint64 deadline = nextDeadline();
    if (deadline < 0) {
        m_wakeup.stop();
        return;
    }
    m_wakeup.start(
            int(qBound<qint64>(0, deadline - nowMs(), qint64(std::numeric_limits<int>::max()))));
}

ManualClock::ManualClock(QObject *parent)
    : Clock(parent), m_wallStart(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
{ }

QDateTime ManualClock::wallTime() const { return m_wallStart.addMSecs(m_nowMs - 1'000'000); }

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_nowMs + ms;
    for (qint64 next = nextDeadline(); next >= 0 && next <= target; next = nextDeadline()) {
        m_nowMs = std::max(m_nowMs, next);
        runDueCalls();
    }
    m_nowMs = target;
}

ClockInterval::ClockInterval(Clock *clock, qint64 intervalMs, std::function<void()> fn,
                             QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_intervalMs(std::max<qint64>(1, intervalMs))
    , m_fn(std::move(fn))
{ }

ClockInterval::~ClockInterval() { stop(); }

void ClockInterval::start()
{
    stop();
    arm(m_clock->nowMs() + m_intervalMs);
}

void ClockInterval::stop()
{
    if (m_pending)
        m_clock->cancel(std::exchange(m_pending, 0));
}

void ClockInterval::arm(qint64 deadlineMs)
{
    m_pending = m_clock->callAt(deadlineMs, this, [this, deadlineMs] {
        const qint64 next = deadlineMs + m_intervalMs;
        arm(next > m_clock->nowMs() ? next : m_clock->nowMs() + m_intervalMs);
        const std::function<void()> fn = m_fn; // the call may delete this
        fn();
    });
}

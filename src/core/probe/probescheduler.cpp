#include "probescheduler.h"

#include <QRandomGenerator>

#include <memory>
#include <utility>

ProbeScheduler::ProbeScheduler(const Options &options, Clock *clock, ProbeFunction probe,
                               QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock), m_probe(std::move(probe))
{
    m_options.maxConcurrent = qMax(1, m_options.maxConcurrent);
    m_options.jitter = qBound(0.0, m_options.jitter, 0.5);
    m_options.retryInitialMs = qMax(1, m_options.retryInitialMs);
    m_options.retryMaxMs = qMax(m_options.retryInitialMs, m_options.retryMaxMs);
}

ProbeScheduler::~ProbeScheduler()
{
    for (Target &target : m_targets)
        cancelTimer(target);
}

qint64 ProbeScheduler::jittered(qint64 delayMs)
{
    const double factor = 1.0
            + m_options.jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return qMax<qint64>(0, qint64(double(delayMs) * factor));
}

qint64 ProbeScheduler::retryDelayMs(int failures)
{
    const qint64 base = qMin<qint64>(m_options.retryMaxMs,
                                     qint64(m_options.retryInitialMs) << qMin(failures - 1, 30));
    return jittered(base);
}

void ProbeScheduler::setTarget(const QString &name, int intervalMs)
{
    intervalMs = qMax(1, intervalMs);
    auto found = m_targets.find(name);
    if (found != m_targets.end()) {
        found->intervalMs = intervalMs;
        // A new interval applies from now on; a probe due sooner than that stays due.
        if (found->timer && found->failures == 0)
            scheduleAt(name, *found, qMin(found->dueMs, m_clock->nowMs() + jittered(intervalMs)));
        return;
    }
    Target target;
    target.intervalMs = intervalMs;
    target.generation = m_nextGeneration++;
    Target &stored = *m_targets.insert(name, target);
    // The first probes spread over the first tenth of the interval rather than all at once.
    const qint64 spread = qint64(QRandomGenerator::global()->bounded(intervalMs / 10 + 1));
    scheduleAt(name, stored, m_clock->nowMs() + spread);
}

void ProbeScheduler::removeTarget(const QString &name)
{
    auto found = m_targets.find(name);
    if (found == m_targets.end())
        return;
    cancelTimer(*found);
    if (found->queued)
        m_ready.erase(std::remove(m_ready.begin(), m_ready.end(), name), m_ready.end());
    // A running probe still ends (and frees its slot) but is no longer rescheduled.
    m_targets.erase(found);
}

void ProbeScheduler::pause(const QString &name)
{
    auto found = m_targets.find(name);
    if (found == m_targets.end() || found->paused)
        return;
    found->paused = true;
    cancelTimer(*found);
    if (found->queued) { // not started yet: it stays unprobed
        found->queued = false;
        m_ready.erase(std::remove(m_ready.begin(), m_ready.end(), name), m_ready.end());
    }
}

void ProbeScheduler::resume(const QString &name)
{
    auto found = m_targets.find(name);
    if (found == m_targets.end() || !found->paused)
        return;
    found->paused = false;
    if (!found->running && !found->queued)
        scheduleAt(name, *found, m_clock->nowMs()); // probe at once: it has not for a while
}

void ProbeScheduler::pauseAll()
{
    for (const QString &name : m_targets.keys())
        pause(name);
}

void ProbeScheduler::resumeAll()
{
    for (const QString &name : m_targets.keys())
        resume(name);
}

bool ProbeScheduler::isPaused(const QString &name) const { return m_targets.value(name).paused; }

void ProbeScheduler::probeNow(const QString &name)
{
    auto found = m_targets.find(name);
    if (found == m_targets.end() || found->running || found->queued)
        return; // already on its way
    cancelTimer(*found);
    becameDue(name);
}

void ProbeScheduler::probeNowAll()
{
    for (const QString &name : m_targets.keys())
        probeNow(name);
}

std::optional<qint64> ProbeScheduler::nextDueMs(const QString &name) const
{
    const auto found = m_targets.constFind(name);
    if (found == m_targets.cend() || !found->timer)
        return std::nullopt;
    return found->dueMs;
}

int ProbeScheduler::consecutiveFailures(const QString &name) const
{
    return m_targets.value(name).failures;
}

void ProbeScheduler::scheduleAt(const QString &name, Target &target, qint64 dueMs)
{
    cancelTimer(target);
    target.dueMs = dueMs;
    target.timer = m_clock->callAt(dueMs, this, [this, name] { becameDue(name); });
}

void ProbeScheduler::cancelTimer(Target &target)
{
    if (target.timer) {
        m_clock->cancel(target.timer);
        target.timer = 0;
    }
}

void ProbeScheduler::becameDue(const QString &name)
{
    auto found = m_targets.find(name);
    if (found == m_targets.end())
        return;
    found->timer = 0;
    found->queued = true;
    m_ready.push_back(name);
    startReady();
}

void ProbeScheduler::startReady()
{
    // A probe may end inside m_probe (a cached answer, a synchronous failure): its finish calls
    // back here, and the loop below goes on instead of nesting deeper.
    if (m_starting)
        return;
    m_starting = true;
    while (m_running < m_options.maxConcurrent && !m_ready.empty()) {
        const QString name = m_ready.front();
        m_ready.pop_front();
        auto found = m_targets.find(name);
        if (found == m_targets.end())
            continue;
        found->queued = false;
        found->running = true;
        ++m_running;
        const quint64 generation = found->generation;
        Q_EMIT probeStarted(name);
        // done may run at once or later; it counts only once.
        auto called = std::make_shared<bool>(false);
        m_probe(name, [this, name, generation, called](Outcome outcome) {
            if (std::exchange(*called, true))
                return;
            finished(name, generation, outcome);
        });
    }
    m_starting = false;
}

void ProbeScheduler::finished(const QString &name, quint64 generation, Outcome outcome)
{
    --m_running;
    auto found = m_targets.find(name);
    if (found != m_targets.end() && found->generation == generation) {
        Target &target = *found;
        target.running = false;
        target.failures = outcome == Outcome::Success ? 0 : target.failures + 1;
        if (!target.paused) {
            const qint64 delay = target.failures == 0 ? jittered(target.intervalMs)
                                                      : retryDelayMs(target.failures);
            scheduleAt(name, target, m_clock->nowMs() + delay);
        }
    }
    Q_EMIT probeFinished(name, outcome);
    startReady();
}

#include "stallprobe.h"

#include "benchsupport.h"

#include <algorithm>

StallProbe::StallProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

void StallProbe::start()
{
    m_timer.start(TickMs);
    m_sinceTick.start();
    m_cpuAtTick = threadCpuUs();
}

qint64 StallProbe::p99Ms() const { return percentile(m_latenessMs, 0.99); }

qsizetype StallProbe::beyond(qint64 ms) const
{
    return std::count_if(m_latenessMs.begin(), m_latenessMs.end(),
                         [ms](qint64 late) { return late > ms; });
}

QString StallProbe::summary(qint64 goalMs) const
{
    return QStringLiteral("%1 ms (%2 ms on CPU; most on CPU %3 ms), p99 %4 ms, %5 over %6 ms")
            .arg(worstMs())
            .arg(worstBusyMs())
            .arg(mostBusyMs())
            .arg(p99Ms())
            .arg(beyond(goalMs))
            .arg(goalMs);
}

void StallProbe::tick()
{
    const qint64 late = std::max<qint64>(0, m_sinceTick.restart() - TickMs);
    const qint64 cpu = threadCpuUs();
    const qint64 busyUs = cpu - m_cpuAtTick;
    m_latenessMs.append(late);
    if (late > m_worstMs) {
        m_worstMs = late;
        m_worstBusyUs = busyUs;
    }
    m_mostBusyUs = std::max(m_mostBusyUs, busyUs);
    m_cpuAtTick = cpu;
}

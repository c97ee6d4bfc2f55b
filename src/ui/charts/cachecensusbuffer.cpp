#include "cachecensusbuffer.h"

CacheCensusBuffer::CacheCensusBuffer(const Monitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_timer(monitor->clock(), IntervalMs, [this] { sample(); })
{
    m_timer.start();
    sample(); // the chart has a start at once
}

void CacheCensusBuffer::sample()
{
    const CacheCensus census = m_monitor->cacheCensus(m_monitor->clock()->wallTime());
    m_samples.push_back(census);
    const QDateTime oldest = census.time.addMSecs(-KeptMs);
    while (m_samples.front().time < oldest)
        m_samples.pop_front();
    Q_EMIT added();
}

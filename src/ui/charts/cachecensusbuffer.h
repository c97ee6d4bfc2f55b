#pragma once

#include "probe/cachecensus.h"
#include "probe/monitor.h"

#include "clock.h"

#include <QObject>

#include <deque>

// The cache census of a monitor every few seconds (of its clock) over the last two hours, for the
// cache-state chart (longer ranges come from the history, which keeps a mean per minute).
class CacheCensusBuffer : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 5000;
    static constexpr qint64 KeptMs = 2 * 3600'000;

    explicit CacheCensusBuffer(const Monitor *monitor, QObject *parent = nullptr);

    const std::deque<CacheCensus> &samples() const { return m_samples; }

Q_SIGNALS:
    void added();

private:
    void sample();
    const Monitor *m_monitor;
    ClockInterval m_timer; // on the monitor's clock
    std::deque<CacheCensus> m_samples;
};

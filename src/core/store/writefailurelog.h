#pragma once

#include "clock.h"

#include <QString>

// What to say about writes that keep failing (a full disk fails every batch, several a second):
// the first failure with its reason, then at most one summary per interval while they go on,
// and one line when a write works again. Each call answers the line to log now, or nothing.
class WriteFailureLog
{
public:
    static constexpr qint64 DefaultSummaryIntervalMs = 60'000;

    explicit WriteFailureLog(Clock *clock, qint64 summaryIntervalMs = DefaultSummaryIntervalMs)
        : m_clock(clock), m_summaryIntervalMs(summaryIntervalMs)
    { }

    QString failed(const QString &error);
    QString succeeded();
    bool failing() const { return m_failures > 0; }

private:
    Clock *m_clock;
    qint64 m_summaryIntervalMs;
    qint64 m_failures = 0; // since the last write that worked
    qint64 m_unsaid = 0; // failures since the last line said
    qint64 m_saidAtMs = 0;
    QDateTime m_saidAt;
};

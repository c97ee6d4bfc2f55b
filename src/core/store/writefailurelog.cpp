#include "writefailurelog.h"

QString WriteFailureLog::failed(const QString &error)
{
    ++m_failures;
    const qint64 nowMs = m_clock->nowMs();
    if (m_failures > 1 && nowMs - m_saidAtMs < m_summaryIntervalMs) {
        ++m_unsaid;
        return QString();
    }
    const QString line = m_failures == 1
            ? QStringLiteral("history writes failing, kept to try again: %1").arg(error)
            : QStringLiteral("history writes failing: %1 more since %2, kept to try again: %3")
                      .arg(m_unsaid + 1)
                      .arg(m_saidAt.toString(Qt::ISODate), error);
    m_unsaid = 0;
    m_saidAtMs = nowMs;
    m_saidAt = m_clock->wallTime();
    return line;
}

QString WriteFailureLog::succeeded()
{
    if (m_failures == 0)
        return QString();
    const QString line = QStringLiteral("history writes recovered after %1 failure(s)")
                                 .arg(m_failures);
    m_failures = 0;
    m_unsaid = 0;
    return line;
}

#include "reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>

ReconnectBackoff::ReconnectBackoff(qint64 firstMs, qint64 maxMs, QRandomGenerator *random)
    : m_firstMs(std::max<qint64>(1, firstMs))
    , m_maxMs(std::max(m_firstMs, maxMs))
    , m_random(random ? random : QRandomGenerator::global())
{ }

qint64 ReconnectBackoff::next()
{
    qint64 delay = m_firstMs;
    for (int i = 0; i < m_failures && delay < m_maxMs; ++i)
        delay *= 2;
    delay = std::min(delay, m_maxMs);
    ++m_failures;
    const qint64 half = delay / 2;
    return half + qint64(m_random->bounded(quint64(delay - half + 1)));
}

void ReconnectBackoff::reset() { m_failures = 0; }

#pragma once

#include <QtGlobal>

class QRandomGenerator;

// How long to wait before trying an unreachable agent again: doubling from firstMs up to maxMs,
// each delay drawn between its half and itself (so that dashboards that lost the same agent do
// not all come back at the same instant). A success resets it.
class ReconnectBackoff
{
public:
    ReconnectBackoff(qint64 firstMs, qint64 maxMs, QRandomGenerator *random = nullptr);

    qint64 next(); // the delay before the next try; counts one failure
    void reset();
    int failures() const { return m_failures; }

private:
    qint64 m_firstMs;
    qint64 m_maxMs;
    QRandomGenerator *m_random; // the global one when none is given
    int m_failures = 0;
};

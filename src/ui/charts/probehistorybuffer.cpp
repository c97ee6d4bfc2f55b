#include "probehistorybuffer.h"

ProbeHistoryBuffer::ProbeHistoryBuffer(QObject *parent) : QObject(parent) { }

void ProbeHistoryBuffer::add(const ProbeResult &result)
{
    std::deque<Point> &points = m_points[result.target];
    Point point;
    point.timeMs = result.time.toMSecsSinceEpoch();
    point.dnsOk = result.dnsAnswered();
    point.checkOk = result.reachable;
    point.fallback = result.keptReachableByFallback();
    point.checked = result.checked;
    point.dnsLatencyMs = double(result.resolution.latencyUs) / 1000.0;
    point.checkLatencyMs = double(result.check.latencyUs) / 1000.0;
    points.push_back(point);
    while (!points.empty() && points.front().timeMs < point.timeMs - KeptMs)
        points.pop_front();
    Q_EMIT added(result.target);
}

const std::deque<ProbeHistoryBuffer::Point> &ProbeHistoryBuffer::points(const QString &target) const
{
    static const std::deque<Point> none;
    const auto found = m_points.constFind(target);
    return found == m_points.cend() ? none : *found;
}

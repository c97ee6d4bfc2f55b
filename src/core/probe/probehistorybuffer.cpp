#include "probehistorybuffer.h"

ProbeHistoryBuffer::ProbeHistoryBuffer(QObject *parent) : QObject(parent) { }

void ProbeHistoryBuffer::add(const ProbeResult &result)
{
    PackedProbePoints &points = m_points[result.target];
    Point point;
    point.timeMs = result.time.toMSecsSinceEpoch();
    point.dnsOk = result.dnsAnswered();
    point.checkOk = result.reachable;
    point.fallback = result.keptReachableByFallback();
    point.checked = result.checked;
    point.dnsLatencyUs = result.resolution.latencyUs;
    point.checkLatencyUs = result.checked ? result.check.latencyUs : 0;
    points.append(point);
    points.dropOlderThan(point.timeMs - KeptMs);
    Q_EMIT added(result.target);
}

const PackedProbePoints &ProbeHistoryBuffer::points(const QString &target) const
{
    static const PackedProbePoints none;
    const auto found = m_points.constFind(target);
    return found == m_points.cend() ? none : *found;
}

QList<HistoryBucket> ProbeHistoryBuffer::buckets(const QString &target, const QDateTime &from,
                                                 const QDateTime &to, int widthS) const
{
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    const qint64 widthMs = qint64(widthS) * 1000;
    QList<HistoryBucket> result;
    for (const Point &point : points(target)) {
        if (point.timeMs < fromMs || point.timeMs >= toMs)
            continue;
        const qint64 startMs = point.timeMs - point.timeMs % widthMs;
        if (result.isEmpty() || result.last().start.toMSecsSinceEpoch() != startMs) {
            HistoryBucket bucket;
            bucket.target = target;
            bucket.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
            bucket.widthS = widthS;
            result.append(bucket);
        }
        addSample(&result.last(),
                  BucketSample{point.dnsOk, point.checked, point.checkOk, point.fallback,
                               point.dnsLatencyUs, point.checkLatencyUs});
    }
    return result;
}

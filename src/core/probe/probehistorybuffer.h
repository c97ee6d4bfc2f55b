#pragma once

#include "probe/packedprobepoints.h"
#include "probe/probeengine.h"
#include "store/historybucket.h"

#include <QHash>
#include <QObject>

// The recent probe results of every target, kept for the dashboard's charts and the agent's
// GET /api/v1/history: a bounded window per target (the last two hours at most), fed by the
// Monitor's results. Older history comes from the store. The points are packed (about 6 bytes a
// probe, PackedProbePoints).
class ProbeHistoryBuffer : public QObject
{
    Q_OBJECT
public:
    using Point = ProbePoint;
    static constexpr qint64 KeptMs = 2 * 3600'000;

    explicit ProbeHistoryBuffer(QObject *parent = nullptr);

    void add(const ProbeResult &result);
    const PackedProbePoints &points(const QString &target) const;
    QStringList targets() const { return m_points.keys(); }
    // The target's points in [from, to) summed into buckets of widthS seconds that start at
    // multiples of widthS since the epoch, as the history's buckets do; only buckets with probes,
    // oldest first.
    QList<HistoryBucket> buckets(const QString &target, const QDateTime &from, const QDateTime &to,
                                 int widthS) const;

Q_SIGNALS:
    void added(const QString &target);

private:
    QHash<QString, PackedProbePoints> m_points;
};

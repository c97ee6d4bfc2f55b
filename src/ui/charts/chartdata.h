#pragma once

#include "probe/cachecensus.h"
#include "probe/packedprobepoints.h"
#include "remotehistory.h"
#include "store/historydatabase.h"
#include "store/storedevent.h"

#include <QHash>
#include <QList>
#include <QPointF>

#include <deque>

// What the charts draw, computed without widgets: one point per bucket and series, whatever
// the number of results, so drawing costs what the chart's width asks for. x is the middle of
// the bucket in ms since the epoch.
struct LatencyLine
{
    QList<QPointF> p50;
    QList<QPointF> p95; // the band's top edge (its bottom edge is p50)
};

struct ChartData
{
    QList<QPointF> dnsSuccess; // percent of probes whose name DNS answered (not a fallback tier)
    QList<QPointF> checkSuccess; // percent whose service answered
    LatencyLine dnsLatency; // ms
    LatencyLine checkLatency; // ms, over the probes that had an address to check
};

// The window of time a chart shows, cut into buckets.
struct ChartWindow
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketMs = 1;

    qint64 bucketOf(qint64 timeMs) const { return timeMs - (timeMs - fromMs) % bucketMs; }
    double middleOf(qint64 bucketStartMs) const { return double(bucketStartMs + bucketMs / 2); }
    bool contains(qint64 timeMs) const { return timeMs >= fromMs && timeMs < toMs; }
};

// Fallback events as markers, one per tier and bucket; text says what happened in it.
struct FallbackMarkers
{
    struct Marker
    {
        QPointF point; // (bucket middle, 100 %)
        QString text; // for the tooltip
    };
    QHash<QString, QList<Marker>> byTier; // "stale", "pinned", "env"
};

// Everything the charts draw for one window: the success and latency points, the cache census
// and the fallback markers.
struct ChartPlot
{
    ChartData data;
    QList<CacheCensus> census;
    FallbackMarkers markers;
};

namespace ChartDataBuilder {
// Exact p50/p95 per bucket from the recent results of one target (or several, merged).
ChartData fromRecent(const QList<const PackedProbePoints *> &targets, const ChartWindow &window);
// From the history's buckets (any number of targets; same start = same bucket). Quantiles
// come from the histograms; rows written before schema 2 have none: their mean is drawn, and
// no band.
ChartData fromHistory(const QList<HistoryBucket> &buckets);
// From an agent's history answer: its p50 and p95 per bucket.
ChartData fromRemote(const RemoteHistory &history);
// Censuses averaged per bucket, each at its bucket's middle.
QList<CacheCensus> censusPerBucket(const std::deque<CacheCensus> &samples,
                                   const ChartWindow &window);
// The fallback_entered events of hosts (all hosts when empty) inside the window.
FallbackMarkers markers(const QList<StoredEvent> &events, const QStringList &hosts,
                        const ChartWindow &window);
} // namespace ChartDataBuilder

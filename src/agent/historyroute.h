#pragma once

#include <QDateTime>
#include <QJsonObject>

class DeferredAnswer;
class HistoryStore;
class Monitor;
class ProbeHistoryBuffer;
class QObject;
class QUrlQuery;
struct HistoryBucket;

// GET /api/v1/history?target=&from=&to=&step=: a target's probes summed into buckets (success,
// fallback, latency), as the dashboard's charts draw them. The last two hours come from the
// agent's memory (what it kept since recentSince), anything older from the history (--db),
// read off the event loop; without a history the answer says from when it is complete
// (docs/api.md).
namespace HistoryRoute {
constexpr qint64 LongestStepS = 86400;
constexpr qint64 MostBuckets = 5000;

void answer(const QUrlQuery &query, const Monitor &monitor, const ProbeHistoryBuffer &recent,
            const QDateTime &recentSince, HistoryStore *store, QObject *context,
            const DeferredAnswer &answer);
QJsonObject bucketJson(const HistoryBucket &bucket);
} // namespace HistoryRoute

#pragma once

#include "probe/cachecensus.h"
#include "probe/latencyhistogram.h"
#include "probe/proberesult.h"
#include "resolver/knowngoodanswer.h"
#include "resolver/pinnedfallback.h"
#include "store/historybucket.h"
#include "store/storedevent.h"

#include <QStringList>
#include <QVariantList>

// How each kind of history row becomes SQL column values and back, without a database: a row
// is the values of its columns in the order of the matching *Columns() list, which the writer
// and the queries name in their statements. Times are milliseconds since the epoch (UTC),
// minutes are minutes since the epoch, address lists are comma-separated.
namespace HistoryRowCodec {

constexpr qint64 MsPerMinute = 60'000;
inline qint64 msOf(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
inline QDateTime timeOf(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

// A raw probe result (the results table).
QStringList resultColumns();
QVariantList resultRow(const ProbeResult &result);
ProbeResult resultOf(const QVariantList &row);

// A resolver event or a target's change of state (the events table, without its id). The
// before and after lists are addresses or state names, which hold no commas.
QStringList eventColumns();
QVariantList eventRow(const StoredEvent &event);
StoredEvent eventOf(const QVariantList &row);

// An operator's pin of host (the pins table); no expiry is NULL.
QStringList pinColumns();
QVariantList pinRow(const QString &host, const PinnedFallback &pin);
std::pair<QString, PinnedFallback> pinOf(const QVariantList &row);

// A last-known-good answer (the known_good table).
QStringList knownGoodColumns();
QVariantList knownGoodRow(const KnownGoodAnswer &answer);
KnownGoodAnswer knownGoodOf(const QVariantList &row);

// The cache census of one minute (the cache_census table), its time kept to the minute.
QStringList censusColumns();
QVariantList censusRow(const CacheCensus &census);
CacheCensus censusOf(const QVariantList &row);

// A latency histogram: one count column per bucket, appended to a row or read from one at
// firstColumn. The histogram's sum stays behind (the rows keep sums in microseconds).
void appendHistogram(QVariantList *row, const LatencyHistogram &histogram);
LatencyHistogram histogramOf(const QVariantList &row, int firstColumn);

// A bucket of summed results (the minute_aggregates and hour_aggregates tables): the key
// (target, minute), the sums and maxima, then the DNS and the check latency histograms. Its
// start is kept to the minute; its width is the table's (or the query's), not the row's.
QStringList bucketColumns();
QVariantList bucketRow(const HistoryBucket &bucket);
HistoryBucket bucketOf(const QVariantList &row, int widthS);
// Whether two values of a bucket column combine by keeping the larger (the latency maxima)
// rather than by adding up (everything else).
bool keepsMaximum(const QString &bucketColumn);

} // namespace HistoryRowCodec

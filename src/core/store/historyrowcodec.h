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
//
// The decoders (*Of) read a Row by position, row.at(column): a QVariantList, or the SqlRow of a
// statement being read (so that a report's millions of rows are not copied into lists first).
// They are built for those two.
namespace HistoryRowCodec {

constexpr qint64 MsPerMinute = 60'000;
inline qint64 msOf(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
inline QDateTime timeOf(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

// A raw probe result (the results table).
QStringList resultColumns();
QVariantList resultRow(const ProbeResult &result);
template<typename Row>
ProbeResult resultOf(const Row &row);

// A resolver event or a target's change of state (the events table, without its id). The
// before and after lists are addresses or state names, which hold no commas.
QStringList eventColumns();
QVariantList eventRow(const StoredEvent &event);
template<typename Row>
StoredEvent eventOf(const Row &row);

// An operator's pin of host (the pins table); no expiry is NULL.
QStringList pinColumns();
QVariantList pinRow(const QString &host, const PinnedFallback &pin);
template<typename Row>
std::pair<QString, PinnedFallback> pinOf(const Row &row);

// A last-known-good answer (the known_good table).
QStringList knownGoodColumns();
QVariantList knownGoodRow(const KnownGoodAnswer &answer);
template<typename Row>
KnownGoodAnswer knownGoodOf(const Row &row);

// The cache census of one minute (the cache_census table), its time kept to the minute.
QStringList censusColumns();
QVariantList censusRow(const CacheCensus &census);
template<typename Row>
CacheCensus censusOf(const Row &row);

// A latency histogram: one count column per bucket, appended to a row or read from one at
// firstColumn. The histogram's sum stays behind (the rows keep sums in microseconds).
void appendHistogram(QVariantList *row, const LatencyHistogram &histogram);
template<typename Row>
LatencyHistogram histogramOf(const Row &row, int firstColumn);

// A bucket of summed results (the minute_aggregates and hour_aggregates tables): the key
// (target, minute), the sums and maxima, then the DNS and the check latency histograms. Its
// start is kept to the minute; its width is the table's (or the query's), not the row's.
QStringList bucketColumns();
QVariantList bucketRow(const HistoryBucket &bucket);
template<typename Row>
HistoryBucket bucketOf(const Row &row, int widthS);
// Whether two values of a bucket column combine by keeping the larger (the latency maxima)
// rather than by adding up (everything else).
bool keepsMaximum(const QString &bucketColumn);

} // namespace HistoryRowCodec

#pragma once

#include "probe/cachecensus.h"
#include "probe/proberesult.h"
#include "resolver/knowngoodanswer.h"
#include "resolver/pinnedfallback.h"
#include "store/historybucket.h"
#include "store/storedevent.h"

#include <QHash>

#include <functional>
#include <optional>

class HistoryConnection;

// One target's sums over a whole range (a report's), with how many of its minutes had data and
// were kept reachable by a fallback tier.
struct TargetTotals
{
    HistoryBucket sums;
    qint64 minutes = 0;
    qint64 fallbackMinutes = 0;
};

// What a restart takes back from the history: the last-known-good answers, operator pins, and
// the last day's counts for the success-rate windows (hours, then the last one or two hours by
// the minute).
struct RestoredState
{
    QList<KnownGoodAnswer> knownGood;
    QHash<QString, PinnedFallback> pins;
    QList<HistoryBucket> lastDay;
    qint64 eventFeedLastId = 0; // 0 when none was kept
};

// Everything read from the history file. A failure is kept in the connection's lastError();
// long reads end early once the connection's stop flag is set.
class HistoryQueries
{
public:
    explicit HistoryQueries(HistoryConnection &connection) : m_connection(connection) { }

    std::optional<RestoredState> restoredState(const QDateTime &now);
    // The newest `limit` events of the range (of one kind, when kind is not empty), oldest first.
    std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to, int limit,
                                             const QString &kind = QString());
    std::optional<QList<ProbeResult>> results(const QString &target, const QDateTime &from,
                                              const QDateTime &to, int limit);
    // Every result of [from, to), oldest first, one at a time (a report's CSV can be millions of
    // rows); each returns false to stop. False when reading failed or each stopped it.
    bool forEachResult(const QDateTime &from, const QDateTime &to,
                       const std::function<bool(const ProbeResult &)> &each);
    // Buckets of widthS (a multiple of 60) over [from, to), oldest first: every target's, or
    // only target's when given.
    std::optional<QList<HistoryBucket>> buckets(const QDateTime &from, const QDateTime &to,
                                                int widthS, const QString &target = QString());
    // The same buckets with every target's sums together: one row per bucket, target empty
    // (the dashboard's "All targets" chart: 168 rows for a week, not 168 a target).
    std::optional<QList<HistoryBucket>> summedBuckets(const QDateTime &from, const QDateTime &to,
                                                      int widthS);
    // Per target over [from, to), from the minute rows.
    std::optional<QList<TargetTotals>> totals(const QDateTime &from, const QDateTime &to);
    // Every target's minutes without a reached probe, by target and time.
    std::optional<QList<HistoryBucket>> downMinutes(const QDateTime &from, const QDateTime &to);
    // The minutes (since the epoch) in which some target was probed, in order.
    std::optional<QList<qint64>> minutesWithData(const QDateTime &from, const QDateTime &to);
    // Whether target was reached in some minute strictly between the minutes of after and
    // before.
    std::optional<bool> reachedBetween(const QString &target, const QDateTime &after,
                                       const QDateTime &before);
    // A target's host and resolver as its latest raw result names them (empty when none is
    // kept).
    std::optional<std::pair<QString, QString>> latestHost(const QString &target);
    // The cache census in buckets of widthS (a multiple of 60) over [from, to): the mean count
    // of each state over the minutes of the bucket, oldest first.
    std::optional<QList<CacheCensus>> census(const QDateTime &from, const QDateTime &to, int widthS);
    std::optional<qint64> count(const QString &table);
    std::optional<QStringList> integrityCheck();

private:
    struct SumsQuery
    {
        QString table;
        QString bucketSql; // the bucket's start in minutes, with one bound value
        QVariant bucketValue;
        int widthS = 60;
        bool acrossTargets = false; // one row per bucket, every target's summed (target empty)
        bool rowsAreBuckets = false; // the table's rows are as wide as the buckets
    };
    static SumsQuery bucketsOf(int widthS); // buckets of widthS from the coarsest table that fits
    std::optional<QList<HistoryBucket>> readSums(const SumsQuery &sums, const QDateTime &from,
                                                 const QDateTime &to, const QString &target);

    HistoryConnection &m_connection;
};

#pragma once

#include "config/appconfig.h"
#include "probe/cachecensus.h"
#include "probe/latencyhistogram.h"
#include "probe/proberesult.h"
#include "resolver/knowngoodanswer.h"
#include "resolver/pinnedfallback.h"
#include "store/historyschema.h"
#include "store/storedevent.h"

#include <QSqlDatabase>

#include <atomic>

class QSqlQuery;

// Writes that go to the disk together, in one transaction.
struct HistoryWriteBatch
{
    QList<ProbeResult> results;
    QList<StoredEvent> events;
    // When set, the whole last-known-good table is replaced by this first (after a cache clear).
    std::optional<QList<KnownGoodAnswer>> knownGoodReplacement;
    QList<KnownGoodAnswer> knownGood; // then these are inserted or updated
    QHash<QString, std::optional<PinnedFallback>> pins; // by host; none = unpinned
    QList<CacheCensus> census; // one per minute (a later one replaces it)

    bool isEmpty() const
    {
        return results.isEmpty() && events.isEmpty() && !knownGoodReplacement && knownGood.isEmpty()
                && pins.isEmpty() && census.isEmpty();
    }
};

// The width of buckets that cut spanS into about `buckets` pieces, as the history can sum them:
// whole minutes, or whole hours once a bucket is half an hour or more (the hour rows are read).
int historyBucketWidthS(qint64 spanS, int buckets);

// Probe results summed over one bucket of time (a minute, an hour, or any multiple).
struct HistoryBucket
{
    QString target;
    QDateTime start; // UTC
    int widthS = 60;
    qint64 probes = 0;
    qint64 dnsOk = 0; // answered by DNS, not by a fallback tier
    qint64 checks = 0; // probes that had an address to check
    qint64 checkOk = 0; // the service answered
    qint64 viaFallback = 0; // reachable only through a fallback tier
    qint64 dnsLatencySumUs = 0;
    qint64 dnsLatencyMaxUs = 0;
    qint64 checkLatencySumUs = 0;
    qint64 checkLatencyMaxUs = 0;
    LatencyHistogram dnsLatency; // in seconds (no sums: those are above, in microseconds)
    LatencyHistogram checkLatency;

    bool operator==(const HistoryBucket &other) const = default;
};

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
};

// Counts of rows removed by one pruning pass.
struct PruneReport
{
    qint64 results = 0;
    qint64 aggregates = 0;
    qint64 events = 0;
    qint64 knownGood = 0;
    qint64 census = 0;
};
Q_DECLARE_METATYPE(PruneReport)

// The history file through Qt Sql, synchronously: used only on the store's own thread (or a
// tool's). Every failure is kept in lastError() with the statement's words.
class HistoryDatabase
{
public:
    explicit HistoryDatabase(const QString &connectionName);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    SchemaReport open(const QString &path, const QList<SchemaStep> &steps = HistorySchema::steps(),
                      PageCheck pageCheck = PageCheck::BeforeUse);
    // Read-only, for long reads beside the writer (reports): the file must be a history at
    // this build's schema; nothing in it is changed. Every read sees the file as it was when it
    // opened (one read transaction until the connection closes).
    SchemaReport openForReading(const QString &path);
    // Reads stop handing out rows once *stop is true (a report being read as the program
    // exits); stopRequested() says whether what was read may be incomplete.
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    bool stopRequested() const { return m_stopped || (m_stop && m_stop->load()); }
    bool isOpen() const { return m_open; }
    QString lastError() const { return m_lastError; }

    bool write(const HistoryWriteBatch &batch);
    // Raw results older than the raw retention, aggregates and events older than theirs, and
    // last-known-good answers no longer servable (past expiry + maxStaleS).
    std::optional<PruneReport> prune(const QDateTime &now, const HistoryPolicy &policy,
                                     int maxStaleS);

    std::optional<RestoredState> restoredState(const QDateTime &now);
    std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to, int limit);
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
    bool writeResults(const QList<ProbeResult> &results);
    bool writeAggregates(const QList<ProbeResult> &results);
    bool writeEvents(const QList<StoredEvent> &events);
    bool writeKnownGood(const HistoryWriteBatch &batch);
    bool writeCensus(const QList<CacheCensus> &census);
    bool writePins(const QHash<QString, std::optional<PinnedFallback>> &pins);
    bool fail(const QString &what, const QString &why);
    bool connect(const QString &path, const QString &options);
    bool nextRow(QSqlQuery &query); // query.next(), unless a stop was requested
    SchemaReport refusedOpen() const;
    SchemaReport opened(const SchemaReport &report);

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    QString m_lastError;
    const std::atomic<bool> *m_stop = nullptr;
    bool m_stopped = false;
};

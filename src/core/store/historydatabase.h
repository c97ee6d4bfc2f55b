#pragma once

#include "store/historyconnection.h"
#include "store/historylock.h"
#include "store/historyqueries.h"
#include "store/historyschema.h"
#include "store/historywriter.h"

#include <atomic>

// The history file through Qt Sql, synchronously: used only on the store's own thread (or a
// tool's). It owns the connection, opens it (checking and migrating the schema), and hands the
// writes to a HistoryWriter and the reads to HistoryQueries. Every failure is kept in
// lastError() with the statement's words.
class HistoryDatabase
{
public:
    explicit HistoryDatabase(const QString &connectionName);
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // For writing: the path is checked first (historyPathProblem()), then its lock is taken (one
    // writer per file, HistoryLock) and held until this closes.
    SchemaReport open(const QString &path, const QList<SchemaStep> &steps = HistorySchema::steps(),
                      PageCheck pageCheck = PageCheck::BeforeUse);
    // Read-only, for long reads beside the writer (reports): the file must be a history at
    // this build's schema, and with PageCheck::BeforeUse pass the page check (a damaged file
    // would give a report with rows missing); InBackground trusts the writer's own check.
    // Nothing in it is changed. Every read sees the file as it was when it opened (one read
    // transaction until the connection closes).
    SchemaReport openForReading(const QString &path, PageCheck pageCheck = PageCheck::BeforeUse);
    // Reads stop handing out rows once *stop is true (a report being read as the program
    // exits); stopRequested() says whether what was read may be incomplete.
    void setStopFlag(const std::atomic<bool> *stop) { m_connection.setStopFlag(stop); }
    bool stopRequested() const { return m_connection.stopRequested(); }
    bool isOpen() const { return m_open; }
    QString lastError() const { return m_connection.lastError(); }

    bool write(const HistoryWriteBatch &batch) { return m_writer.write(batch); }
    // Raw results older than the raw retention, aggregates and events older than theirs, and
    // last-known-good answers no longer servable (past expiry + maxStaleS).
    std::optional<PruneReport> prune(const QDateTime &now, const HistoryPolicy &policy,
                                     int maxStaleS)
    {
        return m_writer.prune(now, policy, maxStaleS);
    }

    // The reads, as HistoryQueries describes them.
    std::optional<RestoredState> restoredState(const QDateTime &now)
    {
        return m_queries.restoredState(now);
    }
    std::optional<QList<StoredEvent>> events(const QDateTime &from, const QDateTime &to, int limit,
                                             const QString &kind = QString())
    {
        return m_queries.events(from, to, limit, kind);
    }
    std::optional<QList<ProbeResult>> results(const QString &target, const QDateTime &from,
                                              const QDateTime &to, int limit)
    {
        return m_queries.results(target, from, to, limit);
    }
    bool forEachResult(const QDateTime &from, const QDateTime &to,
                       const std::function<bool(const ProbeResult &)> &each)
    {
        return m_queries.forEachResult(from, to, each);
    }
    std::optional<QList<HistoryBucket>> buckets(const QDateTime &from, const QDateTime &to,
                                                int widthS, const QString &target = QString())
    {
        return m_queries.buckets(from, to, widthS, target);
    }
    std::optional<QList<HistoryBucket>> summedBuckets(const QDateTime &from, const QDateTime &to,
                                                      int widthS)
    {
        return m_queries.summedBuckets(from, to, widthS);
    }
    std::optional<QList<TargetTotals>> totals(const QDateTime &from, const QDateTime &to)
    {
        return m_queries.totals(from, to);
    }
    std::optional<QList<HistoryBucket>> downMinutes(const QDateTime &from, const QDateTime &to)
    {
        return m_queries.downMinutes(from, to);
    }
    std::optional<QList<qint64>> minutesWithData(const QDateTime &from, const QDateTime &to)
    {
        return m_queries.minutesWithData(from, to);
    }
    std::optional<bool> reachedBetween(const QString &target, const QDateTime &after,
                                       const QDateTime &before)
    {
        return m_queries.reachedBetween(target, after, before);
    }
    std::optional<std::pair<QString, QString>> latestHost(const QString &target)
    {
        return m_queries.latestHost(target);
    }
    std::optional<QList<CacheCensus>> census(const QDateTime &from, const QDateTime &to, int widthS)
    {
        return m_queries.census(from, to, widthS);
    }
    std::optional<qint64> count(const QString &table) { return m_queries.count(table); }
    std::optional<QStringList> integrityCheck() { return m_queries.integrityCheck(); }

private:
    SchemaReport refusedOpen();
    SchemaReport refused(const QString &why);
    SchemaReport opened(const SchemaReport &report);

    HistoryLock m_lock; // while open for writing
    HistoryConnection m_connection;
    HistoryWriter m_writer{m_connection};
    HistoryQueries m_queries{m_connection};
    bool m_open = false;
};

#include "historywriter.h"

#include "store/historyconnection.h"
#include "store/historyrowcodec.h"
#include "store/sqlstatement.h"

using namespace HistoryRowCodec;

namespace {

// What an INSERT does with a row whose key is already there.
enum class Duplicates { Refused, Replaced };

QString insertSql(Duplicates duplicates, const QString &table, const QStringList &columns)
{
    const QStringList placeholders(columns.size(), QStringLiteral("?"));
    return QStringLiteral("%1 INTO %2 (%3) VALUES (%4)")
            .arg(duplicates == Duplicates::Replaced ? QStringLiteral("INSERT OR REPLACE")
                                                    : QStringLiteral("INSERT"),
                 table, columns.join(QStringLiteral(", ")),
                 placeholders.join(QStringLiteral(", ")));
}

// Adds a bucket's sums to the row already there, or inserts it.
QString upsertBucketSql(const QString &table)
{
    const QStringList columns = bucketColumns();
    QStringList updates;
    for (const QString &column : columns.mid(2)) { // all but the key (target, minute)
        updates += (keepsMaximum(column) ? QStringLiteral("%1 = max(%1, excluded.%1)")
                                         : QStringLiteral("%1 = %1 + excluded.%1"))
                           .arg(column);
    }
    return insertSql(Duplicates::Refused, table, columns)
            + QStringLiteral(" ON CONFLICT (target, minute) DO UPDATE SET ")
            + updates.join(QStringLiteral(", "));
}

void addProbe(HistoryBucket *bucket, const ProbeResult &result)
{
    addSample(bucket,
              BucketSample{result.dnsAnswered(), result.checked, result.reachable,
                           result.keptReachableByFallback(), result.resolution.latencyUs,
                           result.check.latencyUs});
}

} // namespace

bool HistoryWriter::write(const HistoryWriteBatch &batch)
{
    return m_connection.inTransaction([&] {
        return writeResults(batch.results) && writeAggregates(batch.results)
                && writeEvents(batch.events) && writeKnownGood(batch) && writePins(batch.pins)
                && writeCensus(batch.census) && writeEventFeedLastId(batch.eventFeedLastId);
    });
}

bool HistoryWriter::writeResults(const QList<ProbeResult> &results)
{
    SqlStatement insert(m_connection, QStringLiteral("saving a result"),
                        insertSql(Duplicates::Refused, QStringLiteral("results"), resultColumns()));
    return insert.execEach(results, resultRow);
}

bool HistoryWriter::writeAggregates(const QList<ProbeResult> &results)
{
    if (results.isEmpty())
        return true;
    for (const qint64 widthMinutes : {qint64(1), qint64(60)}) {
        // Summed here first: one upsert per target and bucket, not one per result.
        QHash<QPair<QString, qint64>, HistoryBucket> buckets;
        for (const ProbeResult &result : results) {
            const qint64 minute = msOf(result.time) / MsPerMinute;
            const qint64 startMinute = minute - minute % widthMinutes;
            HistoryBucket &bucket = buckets[{result.target, startMinute}];
            if (bucket.probes == 0) {
                bucket.target = result.target;
                bucket.start = timeOf(startMinute * MsPerMinute);
            }
            addProbe(&bucket, result);
        }
        SqlStatement upsert(m_connection, QStringLiteral("saving aggregates"),
                            upsertBucketSql(widthMinutes == 1 ? QStringLiteral("minute_aggregates")
                                                              : QStringLiteral("hour_aggregates")));
        if (!upsert.execEach(buckets, bucketRow))
            return false;
    }
    return true;
}

bool HistoryWriter::writeEvents(const QList<StoredEvent> &events)
{
    SqlStatement insert(m_connection, QStringLiteral("saving an event"),
                        insertSql(Duplicates::Refused, QStringLiteral("events"), eventColumns()));
    return insert.execEach(events, eventRow);
}

bool HistoryWriter::writeCensus(const QList<CacheCensus> &census)
{
    SqlStatement insert(
            m_connection, QStringLiteral("saving the cache census"),
            insertSql(Duplicates::Replaced, QStringLiteral("cache_census"), censusColumns()));
    return insert.execEach(census, censusRow);
}

bool HistoryWriter::writeKnownGood(const HistoryWriteBatch &batch)
{
    if (batch.knownGoodReplacement
        && !SqlStatement(m_connection, QStringLiteral("clearing the last-known-good cache"),
                         QStringLiteral("DELETE FROM known_good"))
                    .exec())
        return false;
    const QList<KnownGoodAnswer> answers = batch.knownGoodReplacement.value_or(
                                                   QList<KnownGoodAnswer>())
            + batch.knownGood;
    SqlStatement insert(
            m_connection, QStringLiteral("saving a last-known-good answer"),
            insertSql(Duplicates::Replaced, QStringLiteral("known_good"), knownGoodColumns()));
    return insert.execEach(answers, knownGoodRow);
}

bool HistoryWriter::writePins(const QHash<QString, std::optional<PinnedFallback>> &pins)
{
    SqlStatement remove(m_connection, QStringLiteral("saving a pin"),
                        QStringLiteral("DELETE FROM pins WHERE host = ?"));
    SqlStatement save(m_connection, QStringLiteral("saving a pin"),
                      insertSql(Duplicates::Replaced, QStringLiteral("pins"), pinColumns()));
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        const std::optional<PinnedFallback> &pin = it.value();
        if (!(pin ? save.exec(pinRow(it.key(), *pin)) : remove.exec({it.key()})))
            return false;
    }
    return true;
}

bool HistoryWriter::writeEventFeedLastId(const std::optional<qint64> &id)
{
    if (!id)
        return true;
    // Never lowered: a batch retried after a failure may carry an older one.
    SqlStatement save(m_connection, QStringLiteral("saving the event feed's last ID"),
                      QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                     " ON CONFLICT (key) DO UPDATE"
                                     " SET value = max(value, excluded.value)"));
    return save.exec({HistoryWriter::eventFeedLastIdKey(), *id});
}

std::optional<PruneReport> HistoryWriter::prune(const QDateTime &now, const HistoryPolicy &policy,
                                                int maxStaleS)
{
    const qint64 rawCutoff = msOf(now) - qint64(policy.rawRetentionH) * 3600'000;
    const qint64 aggregateCutoff = msOf(now) - qint64(policy.aggregateRetentionD) * 86400'000;
    const qint64 knownGoodCutoff = msOf(now) - qint64(maxStaleS) * 1000;
    PruneReport report;
    struct Step
    {
        QString sql;
        qint64 cutoff;
        qint64 *removed;
    };
    const Step steps[] = {
            {QStringLiteral("DELETE FROM results WHERE time_ms < ?"), rawCutoff, &report.results},
            {QStringLiteral("DELETE FROM minute_aggregates WHERE minute < ?"),
             aggregateCutoff / MsPerMinute, &report.aggregates},
            {QStringLiteral("DELETE FROM hour_aggregates WHERE minute < ?"),
             aggregateCutoff / MsPerMinute, &report.aggregates},
            {QStringLiteral("DELETE FROM events WHERE time_ms < ?"), aggregateCutoff,
             &report.events},
            {QStringLiteral("DELETE FROM cache_census WHERE minute < ?"),
             aggregateCutoff / MsPerMinute, &report.census},
            {QStringLiteral("DELETE FROM known_good WHERE expires_at_ms < ?"), knownGoodCutoff,
             &report.knownGood},
    };
    const bool pruned = m_connection.inTransaction([&] {
        for (const Step &step : steps) {
            SqlStatement remove(m_connection, QStringLiteral("pruning"), step.sql);
            if (!remove.exec({step.cutoff}))
                return false;
            *step.removed += remove.rowsAffected();
        }
        return true;
    });
    if (!pruned)
        return std::nullopt;
    return report;
}

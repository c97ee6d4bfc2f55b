#include "historyqueries.h"

#include "store/historyconnection.h"
#include "store/historyrowcodec.h"
#include "store/historywriter.h"
#include "store/sqlstatement.h"

#include <QMap>

using namespace HistoryRowCodec;

namespace {

// The minutes of [from, to) as two bound values: the first minute, and the first one after.
QVariantList minutesOf(const QDateTime &from, const QDateTime &to)
{
    return {msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute};
}

// Adds one bucket's sums to another's (maxima stay maxima).
void addSums(HistoryBucket *into, const HistoryBucket &from)
{
    into->probes += from.probes;
    into->dnsOk += from.dnsOk;
    into->checks += from.checks;
    into->checkOk += from.checkOk;
    into->viaFallback += from.viaFallback;
    into->dnsLatencySumUs += from.dnsLatencySumUs;
    into->dnsLatencyMaxUs = std::max(into->dnsLatencyMaxUs, from.dnsLatencyMaxUs);
    into->checkLatencySumUs += from.checkLatencySumUs;
    into->checkLatencyMaxUs = std::max(into->checkLatencyMaxUs, from.checkLatencyMaxUs);
    into->dnsLatency.merge(from.dnsLatency);
    into->checkLatency.merge(from.checkLatency);
}

} // namespace

std::optional<RestoredState> HistoryQueries::restoredState(const QDateTime &now)
{
    RestoredState state;
    const auto knownGood = SqlStatement(m_connection,
                                        QStringLiteral("reading the last-known-good cache"),
                                        QStringLiteral("SELECT %1 FROM known_good")
                                                .arg(knownGoodColumns().join(QStringLiteral(", "))))
                                   .readAll({}, knownGoodOf<SqlRow>);
    if (!knownGood)
        return std::nullopt;
    state.knownGood = *knownGood;
    const auto pins = SqlStatement(m_connection, QStringLiteral("reading pins"),
                                   QStringLiteral("SELECT %1 FROM pins WHERE expires_at_ms IS NULL"
                                                  " OR expires_at_ms > ?")
                                           .arg(pinColumns().join(QStringLiteral(", "))))
                              .readAll({msOf(now)}, pinOf<SqlRow>);
    if (!pins)
        return std::nullopt;
    for (const auto &[host, pin] : *pins)
        state.pins.insert(host, pin);
    // Whole hours until the start of the hour before this one, minutes from there on: the two
    // reads meet on an hour boundary, so no stretch is counted twice.
    const qint64 nowMs = msOf(now);
    const QDateTime split = timeOf(nowMs - nowMs % 3'600'000 - 3'600'000);
    const auto hours = buckets(split.addSecs(-23 * 3600), split, 3600);
    const auto minutes = buckets(split, now, 60);
    if (!hours || !minutes)
        return std::nullopt;
    state.lastDay = *hours + *minutes;
    const auto feedId = SqlStatement(m_connection,
                                     QStringLiteral("reading the event feed's last ID"),
                                     QStringLiteral("SELECT max(value) FROM meta WHERE key = ?"))
                                .scalar({HistoryWriter::eventFeedLastIdKey()});
    if (!feedId)
        return std::nullopt;
    state.eventFeedLastId = feedId->toLongLong();
    return state;
}

std::optional<QList<StoredEvent>> HistoryQueries::events(const QDateTime &from, const QDateTime &to,
                                                         int limit, const QString &kind)
{
    // The newest `limit` of the range, given back oldest first.
    const QString columns = eventColumns().join(QStringLiteral(", "));
    return SqlStatement(
                   m_connection, QStringLiteral("reading events"),
                   QStringLiteral("SELECT %1 FROM (SELECT id, %1 FROM events"
                                  " WHERE time_ms >= ? AND time_ms < ? AND (? = '' OR kind = ?)"
                                  " ORDER BY time_ms DESC, id DESC LIMIT ?)"
                                  " ORDER BY time_ms, id")
                           .arg(columns))
            .readAll({msOf(from), msOf(to), kind, kind, limit}, eventOf<SqlRow>);
}

std::optional<QList<ProbeResult>> HistoryQueries::results(const QString &target,
                                                          const QDateTime &from,
                                                          const QDateTime &to, int limit)
{
    return SqlStatement(m_connection, QStringLiteral("reading results"),
                        QStringLiteral("SELECT * FROM (SELECT %1, rowid FROM results"
                                       " WHERE target = ? AND time_ms >= ? AND time_ms < ?"
                                       " ORDER BY time_ms DESC, rowid DESC LIMIT ?)"
                                       " ORDER BY time_ms, rowid")
                                .arg(resultColumns().join(QStringLiteral(", "))))
            .readAll({target, msOf(from), msOf(to), limit}, resultOf<SqlRow>);
}

bool HistoryQueries::forEachResult(const QDateTime &from, const QDateTime &to,
                                   const std::function<bool(const ProbeResult &)> &each)
{
    SqlStatement query(m_connection, QStringLiteral("reading results"),
                       QStringLiteral("SELECT %1 FROM results WHERE time_ms >= ? AND time_ms < ?"
                                      " ORDER BY time_ms, rowid")
                               .arg(resultColumns().join(QStringLiteral(", "))));
    if (!query.exec({msOf(from), msOf(to)}))
        return false;
    while (query.next()) {
        if (!each(resultOf(query.row())))
            return false;
    }
    return !query.readFailed();
}

HistoryQueries::SumsQuery HistoryQueries::bucketsOf(int widthS)
{
    const qint64 widthMinutes = std::max(1, widthS / 60);
    // Hour rows hold the same sums as sixty minute rows: read the coarsest that fits.
    SumsQuery sums;
    sums.table = widthMinutes % 60 == 0 ? QStringLiteral("hour_aggregates")
                                        : QStringLiteral("minute_aggregates");
    sums.bucketSql = QStringLiteral("minute - minute % ?");
    sums.bucketValue = widthMinutes;
    sums.widthS = int(widthMinutes * 60);
    sums.rowsAreBuckets = widthMinutes == 1 || widthMinutes == 60;
    return sums;
}

std::optional<QList<HistoryBucket>> HistoryQueries::buckets(const QDateTime &from,
                                                            const QDateTime &to, int widthS,
                                                            const QString &target)
{
    return readSums(bucketsOf(widthS), from, to, target);
}

std::optional<QList<HistoryBucket>> HistoryQueries::summedBuckets(const QDateTime &from,
                                                                  const QDateTime &to, int widthS)
{
    SumsQuery sums = bucketsOf(widthS);
    sums.acrossTargets = true;
    return readSums(sums, from, to, QString());
}

std::optional<QList<TargetTotals>> HistoryQueries::totals(const QDateTime &from, const QDateTime &to)
{
    // The sums: whole hours from the hour rows, the ragged ends from the minute rows (a week is
    // 168 hour rows a target rather than 10,080 minute rows with their histograms).
    constexpr qint64 MsPerHour = 3600'000;
    const qint64 firstHourMs = (msOf(from) + MsPerHour - 1) / MsPerHour * MsPerHour;
    const qint64 lastHourMs = msOf(to) / MsPerHour * MsPerHour;
    struct Piece
    {
        QString table;
        QDateTime from;
        QDateTime to;
    };
    QList<Piece> pieces{{QStringLiteral("minute_aggregates"), from, to}};
    if (firstHourMs < lastHourMs) {
        pieces = {{QStringLiteral("minute_aggregates"), from, timeOf(firstHourMs)},
                  {QStringLiteral("hour_aggregates"), timeOf(firstHourMs), timeOf(lastHourMs)},
                  {QStringLiteral("minute_aggregates"), timeOf(lastHourMs), to}};
    }
    QMap<QString, TargetTotals> byTarget;
    for (const Piece &piece : std::as_const(pieces)) {
        if (piece.from >= piece.to)
            continue;
        SumsQuery sums;
        sums.table = piece.table;
        sums.bucketSql = QStringLiteral("?"); // one bucket: the whole piece
        sums.bucketValue = 0;
        const auto rows = readSums(sums, piece.from, piece.to, QString());
        if (!rows)
            return std::nullopt;
        for (const HistoryBucket &row : *rows)
            addSums(&byTarget[row.target].sums, row);
    }
    // Minutes by what happened in them, which only the minute rows can say (cheap columns).
    SqlStatement minutes(m_connection, QStringLiteral("counting minutes"),
                         QStringLiteral("SELECT target, count(*), sum(via_fallback > 0)"
                                        " FROM minute_aggregates WHERE minute >= ? AND minute < ?"
                                        " GROUP BY target"));
    if (!minutes.exec(minutesOf(from, to)))
        return std::nullopt;
    while (minutes.next()) {
        TargetTotals &total = byTarget[minutes.row().at(0).toString()];
        total.minutes = minutes.row().at(1).toLongLong();
        total.fallbackMinutes = minutes.row().at(2).toLongLong();
    }
    if (minutes.readFailed())
        return std::nullopt;
    QList<TargetTotals> totals;
    for (auto it = byTarget.begin(); it != byTarget.end(); ++it) {
        it->sums.target = it.key();
        it->sums.start = from;
        it->sums.widthS = int(std::max<qint64>(60, from.secsTo(to)));
        totals.append(*it);
    }
    return totals;
}

std::optional<QList<HistoryBucket>> HistoryQueries::downMinutes(const QDateTime &from,
                                                                const QDateTime &to)
{
    return SqlStatement(m_connection, QStringLiteral("reading down minutes"),
                        QStringLiteral("SELECT target, minute, probes, via_fallback FROM"
                                       " minute_aggregates WHERE minute >= ? AND minute < ?"
                                       " AND probes > 0 AND check_ok = 0 ORDER BY target, minute"))
            .readAll(minutesOf(from, to), [](const SqlRow &row) {
                HistoryBucket minute;
                minute.target = row.at(0).toString();
                minute.start = timeOf(row.at(1).toLongLong() * MsPerMinute);
                minute.probes = row.at(2).toLongLong();
                minute.viaFallback = row.at(3).toLongLong();
                return minute;
            });
}

std::optional<QList<qint64>> HistoryQueries::minutesWithData(const QDateTime &from,
                                                             const QDateTime &to)
{
    return SqlStatement(m_connection, QStringLiteral("listing minutes"),
                        QStringLiteral("SELECT DISTINCT minute FROM minute_aggregates"
                                       " WHERE minute >= ? AND minute < ? AND probes > 0"
                                       " ORDER BY minute"))
            .readAll(minutesOf(from, to), [](const SqlRow &row) { return row.at(0).toLongLong(); });
}

std::optional<bool> HistoryQueries::reachedBetween(const QString &target, const QDateTime &after,
                                                   const QDateTime &before)
{
    const auto reached = SqlStatement(
                                 m_connection, QStringLiteral("reading minutes"),
                                 QStringLiteral("SELECT EXISTS (SELECT 1 FROM minute_aggregates"
                                                " WHERE target = ? AND minute > ? AND minute < ?"
                                                " AND check_ok > 0)"))
                                 .scalar({target, msOf(after) / MsPerMinute,
                                          msOf(before) / MsPerMinute});
    if (!reached)
        return std::nullopt;
    return reached->toBool();
}

std::optional<std::pair<QString, QString>> HistoryQueries::latestHost(const QString &target)
{
    SqlStatement query(m_connection, QStringLiteral("reading hosts"),
                       QStringLiteral("SELECT host, resolver FROM results WHERE target = ?"
                                      " ORDER BY time_ms DESC LIMIT 1"));
    if (!query.exec({target}))
        return std::nullopt;
    if (!query.next(SqlStatement::OnStop::ReadOn)) {
        if (query.readFailed())
            return std::nullopt; // a damaged page, not "no raw result kept"
        return std::pair<QString, QString>(); // no raw result kept
    }
    return std::pair(query.row().at(0).toString(), query.row().at(1).toString());
}

std::optional<QList<HistoryBucket>> HistoryQueries::readSums(const SumsQuery &sums,
                                                             const QDateTime &from,
                                                             const QDateTime &to,
                                                             const QString &target)
{
    // Rows as wide as the buckets (minutes by the minute, hours by the hour) are the buckets:
    // read as they are, not grouped (grouping a week's 33,600 hour rows cost a third more).
    const bool plain = sums.rowsAreBuckets && !sums.acrossTargets;
    const QString targetFilter = target.isEmpty() ? QString() : QStringLiteral(" AND target = ?");
    const QStringList columns = bucketColumns();
    QString sql;
    if (plain) {
        sql = QStringLiteral("SELECT %3 FROM %1 WHERE minute >= ? AND minute < ?%2"
                             " ORDER BY target, minute")
                      .arg(sums.table, targetFilter, columns.join(QStringLiteral(", ")));
    } else {
        QStringList summed;
        for (const QString &column : columns.mid(2)) // all but the key (target, minute)
            summed += (keepsMaximum(column) ? QStringLiteral("max(%1)") : QStringLiteral("sum(%1)"))
                              .arg(column);
        sql = QStringLiteral(
                      "SELECT %4, %3 AS bucket, %5 FROM %1 WHERE minute >= ? AND minute < ?%2"
                      " GROUP BY %6 ORDER BY %6")
                      .arg(sums.table, targetFilter, sums.bucketSql,
                           sums.acrossTargets ? QStringLiteral("''") : QStringLiteral("target"),
                           summed.join(QStringLiteral(", ")),
                           sums.acrossTargets ? QStringLiteral("bucket")
                                              : QStringLiteral("target, bucket"));
    }
    QVariantList values;
    if (!plain)
        values.append(sums.bucketValue);
    values += minutesOf(from, to);
    if (!target.isEmpty())
        values.append(target);
    return SqlStatement(m_connection, QStringLiteral("reading aggregates"), sql)
            .readAll(values, [&sums](const SqlRow &row) { return bucketOf(row, sums.widthS); });
}

std::optional<QList<CacheCensus>> HistoryQueries::census(const QDateTime &from, const QDateTime &to,
                                                         int widthS)
{
    const qint64 widthMinutes = std::max(1, widthS / 60);
    QStringList means;
    for (const QString &column : censusColumns().mid(1)) // all but the minute
        means += QStringLiteral("avg(%1)").arg(column);
    return SqlStatement(m_connection, QStringLiteral("reading the cache census"),
                        QStringLiteral("SELECT minute - minute % ? AS bucket, %1"
                                       " FROM cache_census WHERE minute >= ? AND minute < ?"
                                       " GROUP BY bucket ORDER BY bucket")
                                .arg(means.join(QStringLiteral(", "))))
            .readAll(QVariantList{widthMinutes} + minutesOf(from, to), censusOf<SqlRow>);
}

std::optional<qint64> HistoryQueries::count(const QString &table)
{
    const auto count = SqlStatement(m_connection, QStringLiteral("counting %1").arg(table),
                                    QStringLiteral("SELECT count(*) FROM %1").arg(table))
                               .scalar();
    if (!count)
        return std::nullopt;
    return count->toLongLong();
}

std::optional<QStringList> HistoryQueries::integrityCheck()
{
    return SqlStatement(m_connection, QStringLiteral("integrity_check"),
                        QStringLiteral("PRAGMA integrity_check"))
            .readAll({}, [](const SqlRow &row) { return row.at(0).toString(); });
}

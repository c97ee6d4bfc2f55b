#include "historydatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

qint64 msOf(const QDateTime &time) { return time.toMSecsSinceEpoch(); }

QDateTime timeOf(const QVariant &ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QString joined(const QList<QHostAddress> &addresses)
{
    return addressStrings(addresses).join(QLatin1Char(','));
}

QList<QHostAddress> addressesOf(const QVariant &text)
{
    QList<QHostAddress> addresses;
    for (const QString &part : text.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        addresses.append(QHostAddress(part));
    return addresses;
}

QString attemptsJson(const QList<CheckAttempt> &attempts)
{
    QJsonArray array;
    for (const CheckAttempt &attempt : attempts) {
        array.append(QJsonObject{{QStringLiteral("what"), attempt.what},
                                 {QStringLiteral("http_status"), attempt.httpStatus},
                                 {QStringLiteral("error"), attempt.error},
                                 {QStringLiteral("latency_us"), attempt.latencyUs}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<CheckAttempt> attemptsOf(const QVariant &json)
{
    QList<CheckAttempt> attempts;
    const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        CheckAttempt attempt;
        attempt.what = object.value(QLatin1String("what")).toString();
        attempt.httpStatus = object.value(QLatin1String("http_status")).toInt();
        attempt.error = object.value(QLatin1String("error")).toString();
        attempt.latencyUs = object.value(QLatin1String("latency_us")).toInteger();
        attempts.append(attempt);
    }
    return attempts;
}

// Sums of one target's results in one minute or hour.
struct AggregateRow
{
    qint64 probes = 0;
    qint64 dnsOk = 0;
    qint64 checks = 0;
    qint64 checkOk = 0;
    qint64 viaFallback = 0;
    qint64 dnsLatencySumUs = 0;
    qint64 dnsLatencyMaxUs = 0;
    qint64 checkLatencySumUs = 0;
    qint64 checkLatencyMaxUs = 0;
    LatencyHistogram dnsLatency;
    LatencyHistogram checkLatency;

    void add(const ProbeResult &result)
    {
        ++probes;
        dnsOk += result.dnsAnswered();
        checks += result.checked;
        checkOk += result.reachable;
        viaFallback += result.keptReachableByFallback();
        dnsLatencySumUs += result.resolution.latencyUs;
        dnsLatencyMaxUs = std::max(dnsLatencyMaxUs, result.resolution.latencyUs);
        dnsLatency.add(double(result.resolution.latencyUs) / 1e6);
        if (result.checked) {
            checkLatencySumUs += result.check.latencyUs;
            checkLatencyMaxUs = std::max(checkLatencyMaxUs, result.check.latencyUs);
            checkLatency.add(double(result.check.latencyUs) / 1e6);
        }
    }
};

void appendCounts(QVariantList *values, const LatencyHistogram &histogram)
{
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        values->append(histogram.bucketCount(bucket));
}

QStringList allHistogramColumns()
{
    return HistorySchema::histogramColumns(QStringLiteral("dns"))
            + HistorySchema::histogramColumns(QStringLiteral("check"));
}

constexpr qint64 MsPerMinute = 60'000;

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

// Binds values in order. Text columns are NOT NULL: a null QString goes in as "" (Qt Sql would
// bind it as NULL).
void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.bindValue(i, nullText ? QVariant(QStringLiteral("")) : value);
    }
}

QString upsertAggregateSql(const QString &table)
{
    const QStringList histogram = allHistogramColumns();
    QStringList sums;
    for (const QString &column : histogram)
        sums += QStringLiteral("%1 = %1 + excluded.%1").arg(column);
    return QStringLiteral(
                   "INSERT INTO %1 (target, minute, probes, dns_ok, checks, check_ok, via_fallback,"
                   " dns_latency_sum_us, dns_latency_max_us, check_latency_sum_us,"
                   " check_latency_max_us, %2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%3)"
                   " ON CONFLICT (target, minute) DO UPDATE SET %4, probes = probes + "
                   "excluded.probes,"
                   " dns_ok = dns_ok + excluded.dns_ok, checks = checks + excluded.checks,"
                   " check_ok = check_ok + excluded.check_ok,"
                   " via_fallback = via_fallback + excluded.via_fallback,"
                   " dns_latency_sum_us = dns_latency_sum_us + excluded.dns_latency_sum_us,"
                   " dns_latency_max_us = max(dns_latency_max_us, excluded.dns_latency_max_us),"
                   " check_latency_sum_us = check_latency_sum_us + excluded.check_latency_sum_us,"
                   " check_latency_max_us = max(check_latency_max_us, "
                   "excluded.check_latency_max_us)")
            .arg(table, histogram.join(QStringLiteral(", ")),
                 QStringLiteral(", ?").repeated(histogram.size()), sums.join(QStringLiteral(", ")));
}

} // namespace

int historyBucketWidthS(qint64 spanS, int buckets)
{
    const qint64 widthS = std::max<qint64>(60, spanS / std::max(1, buckets));
    return int(widthS >= 1800 ? (widthS + 3599) / 3600 * 3600 : (widthS + 59) / 60 * 60);
}

HistoryDatabase::HistoryDatabase(const QString &connectionName) : m_connectionName(connectionName)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
}

HistoryDatabase::~HistoryDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryDatabase::fail(const QString &what, const QString &why)
{
    m_lastError = QStringLiteral("%1 in %2: %3").arg(what, m_db.databaseName(), why);
    return false;
}

SchemaReport HistoryDatabase::open(const QString &path, const QList<SchemaStep> &steps,
                                   PageCheck pageCheck)
{
    if (!connect(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")))
        return refusedOpen();
    return opened(HistorySchema::prepare(m_db, path, steps, pageCheck));
}

SchemaReport HistoryDatabase::openForReading(const QString &path)
{
    if (!connect(path, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")))
        return refusedOpen();
    SchemaReport report = opened(HistorySchema::checkReadable(m_db, path));
    if (!report.ok)
        return report;
    // One read transaction, begun by its first read, for as long as the connection is open:
    // every query of a report sees the same committed state, whatever is written meanwhile.
    QSqlQuery pin(m_db);
    if (!m_db.transaction() || !pin.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        report.ok = false;
        report.error = QStringLiteral("%1: cannot begin reading (%2)")
                               .arg(path, sqlErrorText(m_db.lastError()));
        return opened(report);
    }
    return report;
}

bool HistoryDatabase::nextRow(QSqlQuery &query)
{
    if (m_stop && m_stop->load()) {
        if (!m_stopped)
            fail(QStringLiteral("reading"), QStringLiteral("stopped: the history is being closed"));
        m_stopped = true;
        return false;
    }
    return query.next();
}

bool HistoryDatabase::connect(const QString &path, const QString &options)
{
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(options);
    if (m_db.open())
        return true;
    m_lastError = QStringLiteral("%1: cannot open (%2)").arg(path, sqlErrorText(m_db.lastError()));
    return false;
}

SchemaReport HistoryDatabase::refusedOpen() const
{
    SchemaReport report;
    report.error = m_lastError;
    return report;
}

SchemaReport HistoryDatabase::opened(const SchemaReport &report)
{
    m_open = report.ok;
    if (!report.ok) {
        m_lastError = report.error;
        m_db.close();
    }
    return report;
}

bool HistoryDatabase::write(const HistoryWriteBatch &batch)
{
    if (!m_db.transaction())
        return fail(QStringLiteral("begin"), sqlErrorText(m_db.lastError()));
    const bool written = writeResults(batch.results) && writeAggregates(batch.results)
            && writeEvents(batch.events) && writeKnownGood(batch) && writePins(batch.pins)
            && writeCensus(batch.census);
    if (written && m_db.commit())
        return true;
    if (written)
        fail(QStringLiteral("commit"), sqlErrorText(m_db.lastError()));
    m_db.rollback();
    return false;
}

bool HistoryDatabase::writeResults(const QList<ProbeResult> &results)
{
    if (results.isEmpty())
        return true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
            "INSERT INTO results (time_ms, target, host, resolver, record, source, cause,"
            " addresses, dns_server, dns_detail, dns_latency_us, checked, check_ok, check_address,"
            " check_latency_us, check_detail, attempts, reachable)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ProbeResult &result : results) {
        const LookupResult &dns = result.resolution;
        const QVariantList values{
                msOf(result.time),
                result.target,
                dns.host,
                dns.resolver,
                recordKindName(dns.kind),
                sourceName(dns.source),
                causeName(dns.cause),
                joined(dns.addresses),
                dns.server,
                dns.detail,
                dns.latencyUs,
                result.checked,
                result.check.ok,
                result.check.address.isNull() ? QString() : result.check.address.toString(),
                result.check.latencyUs,
                result.check.detail,
                attemptsJson(result.check.attempts),
                result.reachable,
        };
        bindAll(query, values);
        if (!query.exec())
            return fail(QStringLiteral("saving a result"), sqlErrorText(query.lastError()));
    }
    return true;
}

bool HistoryDatabase::writeAggregates(const QList<ProbeResult> &results)
{
    if (results.isEmpty())
        return true;
    for (const qint64 widthMinutes : {qint64(1), qint64(60)}) {
        // Summed here first: one upsert per target and bucket, not one per result.
        QHash<QPair<QString, qint64>, AggregateRow> rows;
        for (const ProbeResult &result : results) {
            const qint64 minute = msOf(result.time) / MsPerMinute;
            rows[{result.target, minute - minute % widthMinutes}].add(result);
        }
        QSqlQuery query(m_db);
        query.prepare(upsertAggregateSql(widthMinutes == 1 ? QStringLiteral("minute_aggregates")
                                                           : QStringLiteral("hour_aggregates")));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const AggregateRow &row = it.value();
            QVariantList values{it.key().first,       it.key().second,
                                row.probes,           row.dnsOk,
                                row.checks,           row.checkOk,
                                row.viaFallback,      row.dnsLatencySumUs,
                                row.dnsLatencyMaxUs,  row.checkLatencySumUs,
                                row.checkLatencyMaxUs};
            appendCounts(&values, row.dnsLatency);
            appendCounts(&values, row.checkLatency);
            bindAll(query, values);
            if (!query.exec())
                return fail(QStringLiteral("saving aggregates"), sqlErrorText(query.lastError()));
        }
    }
    return true;
}

bool HistoryDatabase::writeEvents(const QList<StoredEvent> &events)
{
    if (events.isEmpty())
        return true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
            "INSERT INTO events (time_ms, kind, target, resolver, host, tier, cause, before, after,"
            " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const StoredEvent &event : events) {
        const QVariantList values{msOf(event.time),
                                  event.kind,
                                  event.target,
                                  event.resolver,
                                  event.host,
                                  event.tier,
                                  event.cause,
                                  event.before.join(QLatin1Char(',')),
                                  event.after.join(QLatin1Char(',')),
                                  event.detail};
        bindAll(query, values);
        if (!query.exec())
            return fail(QStringLiteral("saving an event"), sqlErrorText(query.lastError()));
    }
    return true;
}

bool HistoryDatabase::writeCensus(const QList<CacheCensus> &census)
{
    if (census.isEmpty())
        return true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO cache_census (minute, fresh, stale,"
                                 " negative, pinned, env, missing) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const CacheCensus &one : census) {
        QVariantList values{msOf(one.time) / MsPerMinute};
        for (const double count : one.counts)
            values.append(count);
        bindAll(query, values);
        if (!query.exec())
            return fail(QStringLiteral("saving the cache census"), sqlErrorText(query.lastError()));
    }
    return true;
}

bool HistoryDatabase::writeKnownGood(const HistoryWriteBatch &batch)
{
    QSqlQuery query(m_db);
    if (batch.knownGoodReplacement && !query.exec(QStringLiteral("DELETE FROM known_good")))
        return fail(QStringLiteral("clearing the last-known-good cache"),
                    sqlErrorText(query.lastError()));
    const QList<KnownGoodAnswer> answers = batch.knownGoodReplacement.value_or(
                                                   QList<KnownGoodAnswer>())
            + batch.knownGood;
    if (answers.isEmpty())
        return true;
    query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO known_good (resolver, host, record, addresses, server,"
            " resolved_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const KnownGoodAnswer &answer : answers) {
        const QVariantList values{
                answer.resolver,          answer.host,   recordKindName(answer.kind),
                joined(answer.addresses), answer.server, msOf(answer.resolvedAt),
                msOf(answer.expiresAt)};
        bindAll(query, values);
        if (!query.exec())
            return fail(QStringLiteral("saving a last-known-good answer"),
                        sqlErrorText(query.lastError()));
    }
    return true;
}

bool HistoryDatabase::writePins(const QHash<QString, std::optional<PinnedFallback>> &pins)
{
    QSqlQuery remove(m_db);
    QSqlQuery save(m_db);
    if (!pins.isEmpty()) {
        remove.prepare(QStringLiteral("DELETE FROM pins WHERE host = ?"));
        save.prepare(QStringLiteral("INSERT OR REPLACE INTO pins (host, addresses, reason,"
                                    " pinned_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?)"));
    }
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        QSqlQuery &query = it.value() ? save : remove;
        if (const std::optional<PinnedFallback> &pin = it.value()) {
            bindAll(query,
                    {it.key(), joined(pin->addresses), pin->reason, msOf(pin->pinnedAt),
                     pin->expiresAt ? QVariant(msOf(*pin->expiresAt))
                                    : QVariant(QMetaType(QMetaType::LongLong))});
        } else {
            bindAll(query, {it.key()});
        }
        if (!query.exec())
            return fail(QStringLiteral("saving a pin"), sqlErrorText(query.lastError()));
    }
    return true;
}

std::optional<PruneReport> HistoryDatabase::prune(const QDateTime &now, const HistoryPolicy &policy,
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
    if (!m_db.transaction()) {
        fail(QStringLiteral("begin"), sqlErrorText(m_db.lastError()));
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    for (const Step &step : steps) {
        query.prepare(step.sql);
        query.bindValue(0, step.cutoff);
        if (!query.exec()) {
            fail(QStringLiteral("pruning"), sqlErrorText(query.lastError()));
            m_db.rollback();
            return std::nullopt;
        }
        *step.removed += query.numRowsAffected();
    }
    if (!m_db.commit()) {
        fail(QStringLiteral("commit"), sqlErrorText(m_db.lastError()));
        m_db.rollback();
        return std::nullopt;
    }
    return report;
}

std::optional<RestoredState> HistoryDatabase::restoredState(const QDateTime &now)
{
    RestoredState state;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT resolver, host, record, addresses, server,"
                                   " resolved_at_ms, expires_at_ms FROM known_good"))) {
        fail(QStringLiteral("reading the last-known-good cache"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    while (nextRow(query)) {
        KnownGoodAnswer answer;
        answer.resolver = query.value(0).toString();
        answer.host = query.value(1).toString();
        answer.kind = recordKindFromName(query.value(2).toString()).value_or(RecordKind::Both);
        answer.addresses = addressesOf(query.value(3));
        answer.server = query.value(4).toString();
        answer.resolvedAt = timeOf(query.value(5));
        answer.expiresAt = timeOf(query.value(6));
        state.knownGood.append(answer);
    }
    query.prepare(QStringLiteral("SELECT host, addresses, reason, pinned_at_ms, expires_at_ms"
                                 " FROM pins WHERE expires_at_ms IS NULL OR expires_at_ms > ?"));
    query.bindValue(0, msOf(now));
    if (!query.exec()) {
        fail(QStringLiteral("reading pins"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    while (nextRow(query)) {
        PinnedFallback pin;
        pin.origin = PinnedFallback::Origin::Operator;
        pin.addresses = addressesOf(query.value(1));
        pin.reason = query.value(2).toString();
        pin.pinnedAt = timeOf(query.value(3));
        if (!query.value(4).isNull())
            pin.expiresAt = timeOf(query.value(4));
        state.pins.insert(query.value(0).toString(), pin);
    }
    // Whole hours until the start of the hour before this one, minutes from there on: the two
    // reads meet on an hour boundary, so no stretch is counted twice.
    const qint64 nowMs = msOf(now);
    const qint64 splitMs = nowMs - nowMs % 3'600'000 - 3'600'000;
    const QDateTime split = QDateTime::fromMSecsSinceEpoch(splitMs, Qt::UTC);
    const auto hours = buckets(split.addSecs(-23 * 3600), split, 3600);
    const auto minutes = buckets(split, now, 60);
    if (!hours || !minutes)
        return std::nullopt;
    state.lastDay = *hours + *minutes;
    return state;
}

std::optional<QList<StoredEvent>> HistoryDatabase::events(const QDateTime &from,
                                                          const QDateTime &to, int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The newest `limit` of the range, given back oldest first.
    query.prepare(QStringLiteral(
            "SELECT * FROM (SELECT id, time_ms, kind, target, resolver, host, tier, cause, before,"
            " after, detail FROM events WHERE time_ms >= ? AND time_ms < ?"
            " ORDER BY time_ms DESC, id DESC LIMIT ?) ORDER BY time_ms, id"));
    bindAll(query, {msOf(from), msOf(to), limit});
    if (!query.exec()) {
        fail(QStringLiteral("reading events"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QList<StoredEvent> events;
    while (nextRow(query)) {
        StoredEvent event;
        event.time = timeOf(query.value(1));
        event.kind = query.value(2).toString();
        event.target = query.value(3).toString();
        event.resolver = query.value(4).toString();
        event.host = query.value(5).toString();
        event.tier = query.value(6).toString();
        event.cause = query.value(7).toString();
        event.before = query.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        event.after = query.value(9).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        event.detail = query.value(10).toString();
        events.append(event);
    }
    return events;
}

namespace {
constexpr char ResultColumns[] =
        "time_ms, target, host, resolver, record, source, cause, addresses, dns_server,"
        " dns_detail, dns_latency_us, checked, check_ok, check_address, check_latency_us,"
        " check_detail, attempts, reachable";

// A row of ResultColumns.
ProbeResult resultOf(const QSqlQuery &query)
{
    ProbeResult result;
    result.time = timeOf(query.value(0));
    result.target = query.value(1).toString();
    LookupResult &dns = result.resolution;
    dns.host = query.value(2).toString();
    dns.resolver = query.value(3).toString();
    dns.kind = recordKindFromName(query.value(4).toString()).value_or(RecordKind::Both);
    dns.source = sourceFromName(query.value(5).toString()).value_or(ResolutionSource::None);
    dns.cause = causeFromName(query.value(6).toString()).value_or(FailureCause::None);
    dns.addresses = addressesOf(query.value(7));
    dns.server = query.value(8).toString();
    dns.detail = query.value(9).toString();
    dns.latencyUs = query.value(10).toLongLong();
    result.checked = query.value(11).toBool();
    result.check.ok = query.value(12).toBool();
    result.check.address = QHostAddress(query.value(13).toString());
    result.check.latencyUs = query.value(14).toLongLong();
    result.check.detail = query.value(15).toString();
    result.check.attempts = attemptsOf(query.value(16));
    result.reachable = query.value(17).toBool();
    return result;
}
} // namespace

std::optional<QList<ProbeResult>> HistoryDatabase::results(const QString &target,
                                                           const QDateTime &from,
                                                           const QDateTime &to, int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT * FROM (SELECT %1, rowid FROM results"
                                 " WHERE target = ? AND time_ms >= ? AND time_ms < ?"
                                 " ORDER BY time_ms DESC, rowid DESC LIMIT ?)"
                                 " ORDER BY time_ms, rowid")
                          .arg(QLatin1String(ResultColumns)));
    bindAll(query, {target, msOf(from), msOf(to), limit});
    if (!query.exec()) {
        fail(QStringLiteral("reading results"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QList<ProbeResult> results;
    while (nextRow(query))
        results.append(resultOf(query));
    return results;
}

bool HistoryDatabase::forEachResult(const QDateTime &from, const QDateTime &to,
                                    const std::function<bool(const ProbeResult &)> &each)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM results WHERE time_ms >= ? AND time_ms < ?"
                                 " ORDER BY time_ms, rowid")
                          .arg(QLatin1String(ResultColumns)));
    bindAll(query, {msOf(from), msOf(to)});
    if (!query.exec())
        return fail(QStringLiteral("reading results"), sqlErrorText(query.lastError()));
    while (nextRow(query)) {
        if (!each(resultOf(query)))
            return false;
    }
    return true;
}

HistoryDatabase::SumsQuery HistoryDatabase::bucketsOf(int widthS)
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

std::optional<QList<HistoryBucket>> HistoryDatabase::buckets(const QDateTime &from,
                                                             const QDateTime &to, int widthS,
                                                             const QString &target)
{
    return readSums(bucketsOf(widthS), from, to, target);
}

std::optional<QList<HistoryBucket>> HistoryDatabase::summedBuckets(const QDateTime &from,
                                                                   const QDateTime &to, int widthS)
{
    SumsQuery sums = bucketsOf(widthS);
    sums.acrossTargets = true;
    return readSums(sums, from, to, QString());
}

std::optional<QList<TargetTotals>> HistoryDatabase::totals(const QDateTime &from,
                                                           const QDateTime &to)
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
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT target, count(*), sum(via_fallback > 0)"
                                 " FROM minute_aggregates WHERE minute >= ? AND minute < ?"
                                 " GROUP BY target"));
    bindAll(query, {msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute});
    if (!query.exec()) {
        fail(QStringLiteral("counting minutes"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    while (nextRow(query)) {
        TargetTotals &total = byTarget[query.value(0).toString()];
        total.minutes = query.value(1).toLongLong();
        total.fallbackMinutes = query.value(2).toLongLong();
    }
    QList<TargetTotals> totals;
    for (auto it = byTarget.begin(); it != byTarget.end(); ++it) {
        it->sums.target = it.key();
        it->sums.start = from;
        it->sums.widthS = int(std::max<qint64>(60, from.secsTo(to)));
        totals.append(*it);
    }
    return totals;
}

std::optional<QList<HistoryBucket>> HistoryDatabase::downMinutes(const QDateTime &from,
                                                                 const QDateTime &to)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT target, minute, probes, via_fallback FROM"
                                 " minute_aggregates WHERE minute >= ? AND minute < ?"
                                 " AND probes > 0 AND check_ok = 0 ORDER BY target, minute"));
    bindAll(query, {msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute});
    if (!query.exec()) {
        fail(QStringLiteral("reading down minutes"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QList<HistoryBucket> minutes;
    while (nextRow(query)) {
        HistoryBucket minute;
        minute.target = query.value(0).toString();
        minute.start = timeOf(query.value(1).toLongLong() * MsPerMinute);
        minute.probes = query.value(2).toLongLong();
        minute.viaFallback = query.value(3).toLongLong();
        minutes.append(minute);
    }
    return minutes;
}

std::optional<QList<qint64>> HistoryDatabase::minutesWithData(const QDateTime &from,
                                                              const QDateTime &to)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("SELECT DISTINCT minute FROM minute_aggregates"
                           " WHERE minute >= ? AND minute < ? AND probes > 0 ORDER BY minute"));
    bindAll(query, {msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute});
    if (!query.exec()) {
        fail(QStringLiteral("listing minutes"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QList<qint64> minutes;
    while (nextRow(query))
        minutes.append(query.value(0).toLongLong());
    return minutes;
}

std::optional<bool> HistoryDatabase::reachedBetween(const QString &target, const QDateTime &after,
                                                    const QDateTime &before)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM minute_aggregates WHERE target = ?"
                                 " AND minute > ? AND minute < ? AND check_ok > 0)"));
    bindAll(query, {target, msOf(after) / MsPerMinute, msOf(before) / MsPerMinute});
    if (!query.exec() || !query.next()) {
        fail(QStringLiteral("reading minutes"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    return query.value(0).toBool();
}

std::optional<std::pair<QString, QString>> HistoryDatabase::latestHost(const QString &target)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT host, resolver FROM results WHERE target = ?"
                                 " ORDER BY time_ms DESC LIMIT 1"));
    bindAll(query, {target});
    if (!query.exec()) {
        fail(QStringLiteral("reading hosts"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::pair<QString, QString>(); // no raw result kept
    return std::pair(query.value(0).toString(), query.value(1).toString());
}

std::optional<QList<HistoryBucket>> HistoryDatabase::readSums(const SumsQuery &sums,
                                                              const QDateTime &from,
                                                              const QDateTime &to,
                                                              const QString &target)
{
    // Rows as wide as the buckets (minutes by the minute, hours by the hour) are the buckets:
    // read as they are, not grouped (grouping a week's 33,600 hour rows cost a third more).
    const bool plain = sums.rowsAreBuckets && !sums.acrossTargets;
    QStringList histograms;
    for (const QString &column : allHistogramColumns())
        histograms += plain ? column : QStringLiteral("sum(%1)").arg(column);
    const QString targetFilter = target.isEmpty() ? QString() : QStringLiteral(" AND target = ?");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (plain) {
        query.prepare(QStringLiteral("SELECT target, minute, probes, dns_ok, checks, check_ok,"
                                     " via_fallback, dns_latency_sum_us, dns_latency_max_us,"
                                     " check_latency_sum_us, check_latency_max_us, %3 FROM %1"
                                     " WHERE minute >= ? AND minute < ?%2 ORDER BY target, minute")
                              .arg(sums.table, targetFilter, histograms.join(QStringLiteral(", "))));
    } else {
        query.prepare(
                QStringLiteral(
                        "SELECT %5, %4 AS bucket, sum(probes), sum(dns_ok),"
                        " sum(checks), sum(check_ok), sum(via_fallback), sum(dns_latency_sum_us),"
                        " max(dns_latency_max_us), sum(check_latency_sum_us),"
                        " max(check_latency_max_us), %3 FROM %1 WHERE minute >= ? AND minute < ?%2"
                        " GROUP BY %6 ORDER BY %6")
                        .arg(sums.table, targetFilter, histograms.join(QStringLiteral(", ")),
                             sums.bucketSql,
                             sums.acrossTargets ? QStringLiteral("''") : QStringLiteral("target"),
                             sums.acrossTargets ? QStringLiteral("bucket")
                                                : QStringLiteral("target, bucket")));
    }
    QVariantList values;
    if (!plain)
        values.append(sums.bucketValue);
    values += {msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute};
    if (!target.isEmpty())
        values.append(target);
    bindAll(query, values);
    if (!query.exec()) {
        fail(QStringLiteral("reading aggregates"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    constexpr int FirstHistogramColumn = 11;
    QList<HistoryBucket> rows;
    while (nextRow(query)) {
        HistoryBucket bucket;
        bucket.target = query.value(0).toString();
        bucket.start = timeOf(query.value(1).toLongLong() * MsPerMinute);
        bucket.widthS = sums.widthS;
        bucket.probes = query.value(2).toLongLong();
        bucket.dnsOk = query.value(3).toLongLong();
        bucket.checks = query.value(4).toLongLong();
        bucket.checkOk = query.value(5).toLongLong();
        bucket.viaFallback = query.value(6).toLongLong();
        bucket.dnsLatencySumUs = query.value(7).toLongLong();
        bucket.dnsLatencyMaxUs = query.value(8).toLongLong();
        bucket.checkLatencySumUs = query.value(9).toLongLong();
        bucket.checkLatencyMaxUs = query.value(10).toLongLong();
        for (int i = 0; i < LatencyHistogram::BucketCount; ++i) {
            bucket.dnsLatency.addToBucket(i, query.value(FirstHistogramColumn + i).toULongLong());
            bucket.checkLatency.addToBucket(
                    i,
                    query.value(FirstHistogramColumn + LatencyHistogram::BucketCount + i)
                            .toULongLong());
        }
        rows.append(bucket);
    }
    return rows;
}

std::optional<QList<CacheCensus>> HistoryDatabase::census(const QDateTime &from,
                                                          const QDateTime &to, int widthS)
{
    const qint64 widthMinutes = std::max(1, widthS / 60);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT minute - minute % ? AS bucket, avg(fresh), avg(stale),"
                                 " avg(negative), avg(pinned), avg(env), avg(missing)"
                                 " FROM cache_census WHERE minute >= ? AND minute < ?"
                                 " GROUP BY bucket ORDER BY bucket"));
    bindAll(query,
            {widthMinutes, msOf(from) / MsPerMinute, (msOf(to) + MsPerMinute - 1) / MsPerMinute});
    if (!query.exec()) {
        fail(QStringLiteral("reading the cache census"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QList<CacheCensus> census;
    while (nextRow(query)) {
        CacheCensus one;
        one.time = timeOf(query.value(0).toLongLong() * MsPerMinute);
        for (int state = 0; state < CacheCensus::StateCount; ++state)
            one.counts[size_t(state)] = query.value(1 + state).toDouble();
        census.append(one);
    }
    return census;
}

std::optional<qint64> HistoryDatabase::count(const QString &table)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next()) {
        fail(QStringLiteral("counting %1").arg(table), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<QStringList> HistoryDatabase::integrityCheck()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        fail(QStringLiteral("integrity_check"), sqlErrorText(query.lastError()));
        return std::nullopt;
    }
    QStringList lines;
    while (nextRow(query))
        lines.append(query.value(0).toString());
    return lines;
}

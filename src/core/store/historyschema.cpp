#include "historyschema.h"

#include "probe/latencyhistogram.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

QString sqlErrorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

namespace {

// The first column of the first row of a statement, or nothing when it failed.
std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        *error = sqlErrorText(query.lastError());
        if (error->isEmpty())
            *error = QStringLiteral("no answer to \"%1\"").arg(sql);
        return std::nullopt;
    }
    return query.value(0);
}

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = QStringLiteral("%1 (in \"%2\")").arg(sqlErrorText(query.lastError()), sql);
            return false;
        }
    }
    return true;
}

QString freeBackupPath(const QString &path, int version)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(
            QStringLiteral("yyyyMMddThhmmss"));
    QString candidate = QStringLiteral("%1.v%2-%3.bak").arg(path).arg(version).arg(stamp);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QStringLiteral("%1.v%2-%3-%4.bak").arg(path).arg(version).arg(stamp).arg(n);
    return candidate;
}

// Sums per target and bucket ("minute" is where the bucket starts, in minutes since the epoch).
QString aggregateTable(const QString &name)
{
    return QStringLiteral("CREATE TABLE %1 (target TEXT NOT NULL, minute INTEGER NOT NULL,"
                          " probes INTEGER NOT NULL, dns_ok INTEGER NOT NULL,"
                          " checks INTEGER NOT NULL, check_ok INTEGER NOT NULL,"
                          " via_fallback INTEGER NOT NULL, dns_latency_sum_us INTEGER NOT NULL,"
                          " dns_latency_max_us INTEGER NOT NULL,"
                          " check_latency_sum_us INTEGER NOT NULL,"
                          " check_latency_max_us INTEGER NOT NULL, PRIMARY KEY (target, minute))"
                          " WITHOUT ROWID")
            .arg(name);
}

// Schema 2: latency histograms in the aggregates (for p50/p95/p99 over any range; rows written
// before have none and zeros here), and the cache census by the minute.
QStringList histogramStep()
{
    QStringList statements;
    for (const QString &table :
         {QStringLiteral("minute_aggregates"), QStringLiteral("hour_aggregates")}) {
        for (const QString &kind : {QStringLiteral("dns"), QStringLiteral("check")}) {
            for (const QString &column : HistorySchema::histogramColumns(kind))
                statements += QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 INTEGER NOT NULL"
                                             " DEFAULT 0")
                                      .arg(table, column);
        }
    }
    // Targets counted by the state of their cache entry: the mean of a minute's censuses.
    statements += QStringLiteral(
            "CREATE TABLE cache_census (minute INTEGER PRIMARY KEY, fresh REAL NOT NULL,"
            " stale REAL NOT NULL, negative REAL NOT NULL, pinned REAL NOT NULL,"
            " env REAL NOT NULL, missing REAL NOT NULL)");
    return statements;
}

QString sqlText(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''"))
            + QLatin1Char('\'');
}

} // namespace

QList<SchemaStep> HistorySchema::steps()
{
    // Times are milliseconds since the epoch (UTC); address lists are comma-separated.
    return {
            {1,
             {
                     QStringLiteral(
                             "CREATE TABLE results (time_ms INTEGER NOT NULL, target TEXT NOT NULL,"
                             " host TEXT NOT NULL, resolver TEXT NOT NULL, record TEXT NOT NULL,"
                             " source TEXT NOT NULL, cause TEXT NOT NULL, addresses TEXT NOT NULL,"
                             " dns_server TEXT NOT NULL, dns_detail TEXT NOT NULL,"
                             " dns_latency_us INTEGER NOT NULL, checked INTEGER NOT NULL,"
                             " check_ok INTEGER NOT NULL, check_address TEXT NOT NULL,"
                             " check_latency_us INTEGER NOT NULL, check_detail TEXT NOT NULL,"
                             " attempts TEXT NOT NULL, reachable INTEGER NOT NULL)"),
                     QStringLiteral("CREATE INDEX results_by_target ON results (target, time_ms)"),
                     QStringLiteral("CREATE INDEX results_by_time ON results (time_ms)"),
                     // One row per target and minute (and hour), kept far longer than results.
                     aggregateTable(QStringLiteral("minute_aggregates")),
                     aggregateTable(QStringLiteral("hour_aggregates")),
                     QStringLiteral(
                             "CREATE TABLE events (id INTEGER PRIMARY KEY, time_ms INTEGER NOT "
                             "NULL,"
                             " kind TEXT NOT NULL, target TEXT NOT NULL, resolver TEXT NOT NULL,"
                             " host TEXT NOT NULL, tier TEXT NOT NULL, cause TEXT NOT NULL,"
                             " before TEXT NOT NULL, after TEXT NOT NULL, detail TEXT NOT NULL)"),
                     QStringLiteral("CREATE INDEX events_by_time ON events (time_ms)"),
                     // Operator pins (config pins come from the config).
                     QStringLiteral("CREATE TABLE pins (host TEXT PRIMARY KEY,"
                                    " addresses TEXT NOT NULL, reason TEXT NOT NULL,"
                                    " pinned_at_ms INTEGER NOT NULL, expires_at_ms INTEGER)"
                                    " WITHOUT ROWID"),
                     QStringLiteral("CREATE TABLE known_good (resolver TEXT NOT NULL,"
                                    " host TEXT NOT NULL, record TEXT NOT NULL,"
                                    " addresses TEXT NOT NULL, server TEXT NOT NULL,"
                                    " resolved_at_ms INTEGER NOT NULL,"
                                    " expires_at_ms INTEGER NOT NULL,"
                                    " PRIMARY KEY (resolver, host, record)) WITHOUT ROWID"),
             }},
            {2, histogramStep()},
            // Small facts kept across runs: "event_feed_last_id", the agent's newest event ID.
            {3,
             {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
                             " WITHOUT ROWID")}},
            // The TTL of an answer change's new answer; NULL in older rows and other events.
            {4, {QStringLiteral("ALTER TABLE events ADD COLUMN ttl_s INTEGER")}},
            // The resolver's DNSSEC verdict (1 validated, 0 not, NULL not asked) and the Extended
            // DNS Errors (JSON, NULL for none) of a probe's answer, of an event's answer, and
            // of a kept answer; NULL in older rows.
            {5,
             {QStringLiteral("ALTER TABLE results ADD COLUMN validated INTEGER"),
              QStringLiteral("ALTER TABLE results ADD COLUMN ede TEXT"),
              QStringLiteral("ALTER TABLE events ADD COLUMN validated INTEGER"),
              QStringLiteral("ALTER TABLE events ADD COLUMN ede TEXT"),
              QStringLiteral("ALTER TABLE known_good ADD COLUMN validated INTEGER")}},
    };
}

QStringList HistorySchema::histogramColumns(const QString &kind)
{
    QStringList columns;
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        columns += QStringLiteral("%1_h%2").arg(kind).arg(bucket);
    return columns;
}

QString HistorySchema::checkPages(QSqlDatabase &db)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")))
        return QStringLiteral("damaged: %1").arg(sqlErrorText(check.lastError()));
    QStringList problems; // one row each, or many lines in one row
    while (check.next())
        problems += check.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (check.lastError().isValid()) // the check itself stumbled over a page
        problems += sqlErrorText(check.lastError());
    if (problems == QStringList{QStringLiteral("ok")})
        return QString();
    problems.removeAll(QStringLiteral("*** in database main ***"));
    constexpr int Shown = 3;
    QString said = problems.mid(0, Shown).join(QStringLiteral("; "));
    if (problems.size() > Shown)
        said += QStringLiteral(" (and %1 more)").arg(problems.size() - Shown);
    return QStringLiteral("damaged: quick_check says \"%1\". Try `sqlite3 FILE .recover`, or use "
                          "another --db file")
            .arg(said);
}

QString HistorySchema::checkPages(const QString &path, const QString &connectionName)
{
    QString problems;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        problems = db.open() ? checkPages(db)
                             : QStringLiteral("cannot open (%1)").arg(sqlErrorText(db.lastError()));
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return problems;
}

SchemaReport HistorySchema::readHeader(QSqlDatabase &db, const QString &path, int toVersion,
                                       bool *empty)
{
    SchemaReport report;
    report.toVersion = toVersion;
    QString error;
    // Reading the header and the catalogue writes nothing.
    const auto applicationId = scalar(db, QStringLiteral("PRAGMA application_id"), &error);
    const auto version = scalar(db, QStringLiteral("PRAGMA user_version"), &error);
    const auto tables = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"), &error);
    if (!applicationId || !version || !tables)
        return refused(report, path,
                       QStringLiteral("not a readable SQLite database (%1)").arg(error));
    report.fromVersion = version->toInt();
    *empty = tables->toInt() == 0;
    if (applicationId->toInt() != ApplicationId && !(*empty && applicationId->toInt() == 0))
        return refused(report, path,
                       QStringLiteral("not a DNS Watch history database (application_id %1, "
                                      "expected %2)")
                               .arg(applicationId->toInt())
                               .arg(ApplicationId));
    if (report.fromVersion > report.toVersion)
        return refused(report, path,
                       QStringLiteral("written by a newer DNS Watch (history schema %1; this "
                                      "build reads up to %2). Upgrade DNS Watch or use another "
                                      "--db file")
                               .arg(report.fromVersion)
                               .arg(report.toVersion));
    return report;
}

SchemaReport HistorySchema::refused(SchemaReport report, const QString &path, const QString &why)
{
    report.ok = false;
    report.error = QStringLiteral("%1: %2; the file was left as it is").arg(path, why);
    return report;
}

SchemaReport HistorySchema::checkReadable(QSqlDatabase &db, const QString &path)
{
    bool empty = false;
    SchemaReport report = readHeader(db, path, currentVersion(), &empty);
    if (!report.error.isEmpty())
        return report;
    if (empty)
        return refused(report, path, QStringLiteral("it holds no history yet"));
    if (report.fromVersion < report.toVersion)
        return refused(report, path,
                       QStringLiteral("history schema %1, and this build reads %2. Start DNS "
                                      "Watch (the agent or the dashboard) with this --db once: "
                                      "it migrates the file, keeping a backup")
                               .arg(report.fromVersion)
                               .arg(report.toVersion));
    report.ok = true;
    return report;
}

SchemaReport HistorySchema::prepare(QSqlDatabase &db, const QString &path,
                                    const QList<SchemaStep> &steps, PageCheck pageCheck)
{
    bool empty = false;
    SchemaReport report = readHeader(db, path, steps.constLast().version, &empty);
    if (!report.error.isEmpty())
        return report;
    auto fail = [&](const QString &why) { return refused(report, path, why); };
    QString error;
    const bool migrating = !empty && report.fromVersion < report.toVersion;
    if (!empty && (pageCheck == PageCheck::BeforeUse || migrating)) {
        const QString problems = checkPages(db);
        if (!problems.isEmpty())
            return fail(problems);
        report.pagesChecked = true;
    }

    const auto journal = scalar(db, QStringLiteral("PRAGMA journal_mode=WAL"), &error);
    if (!journal || journal->toString() != QLatin1String("wal"))
        return fail(QStringLiteral("cannot switch to write-ahead logging (%1)")
                            .arg(journal ? journal->toString() : error));
    // A committed batch survives the process being killed; a power cut may lose the last ones.
    if (!execAll(db, {QStringLiteral("PRAGMA synchronous=NORMAL")}, &error))
        return fail(error);
    if (report.fromVersion == report.toVersion) {
        report.pagesChecked = report.pagesChecked || empty;
        report.ok = true;
        return report;
    }

    if (!empty) {
        report.backupPath = freeBackupPath(path, report.fromVersion);
        if (!execAll(db, {QStringLiteral("VACUUM INTO %1").arg(sqlText(report.backupPath))}, &error))
            return fail(QStringLiteral("cannot take a backup before migrating to %1 (%2)")
                                .arg(report.backupPath, error));
    }
    if (!db.transaction())
        return fail(sqlErrorText(db.lastError()));
    QStringList statements;
    for (const SchemaStep &step : steps) {
        if (step.version > report.fromVersion)
            statements += step.statements;
    }
    statements += {QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId),
                   QStringLiteral("PRAGMA user_version=%1").arg(report.toVersion)};
    if (!execAll(db, statements, &error) || !db.commit()) {
        db.rollback();
        return fail(QStringLiteral("migration from schema %1 to %2 failed: %3")
                            .arg(report.fromVersion)
                            .arg(report.toVersion)
                            .arg(error.isEmpty() ? sqlErrorText(db.lastError()) : error));
    }
    report.created = empty;
    report.pagesChecked = true;
    report.ok = true;
    return report;
}

#pragma once

#include "store/historydatabase.h"

#include <QFile>
#include <QSqlQuery>

// Real history files for tests: one filled with probe results, and one damaged the way a bad
// disk or a stray write damages it.
namespace HistoryFiles {

// count results of the target "api", one a second up to end, written through the history's own
// writer; false when the file could not be written.
inline bool fill(const QString &path, int count, const QDateTime &end)
{
    HistoryDatabase db(QStringLiteral("history-files-fill"));
    if (!db.open(path).ok)
        return false;
    HistoryWriteBatch batch;
    for (int i = 0; i < count; ++i) {
        ProbeResult result;
        result.time = end.addSecs(i - count);
        result.target = QStringLiteral("api");
        result.resolution.host = QStringLiteral("api.lab.test");
        result.resolution.resolver = QStringLiteral("lab");
        result.resolution.source = ResolutionSource::Fresh;
        result.resolution.addresses = {QHostAddress(QStringLiteral("127.0.0.1"))};
        result.checked = true;
        result.check.ok = true;
        result.check.detail = QStringLiteral("HTTP 200 after a check that says a little (%1)").arg(i);
        result.reachable = true;
        batch.results.append(result);
    }
    return db.write(batch);
}

// Overwrites `pages` whole pages of an SQLite file with garbage, spread over the pages after the
// schema's root pages (so the file still opens, and only reading its data finds the damage).
// The page size comes from the file. False when the file is too small to leave the schema whole.
inline bool damagePages(const QString &path, int pages = 3)
{
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 lastRootPage = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("history-files-damage"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            // Everything into the file itself: the damage must not sit in a log beside it.
            query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            const auto value = [&query](const QString &sql) -> qint64 {
                return query.exec(sql) && query.next() ? query.value(0).toLongLong() : 0;
            };
            pageSize = value(QStringLiteral("PRAGMA page_size"));
            pageCount = value(QStringLiteral("PRAGMA page_count"));
            lastRootPage = value(QStringLiteral("SELECT max(rootpage) FROM sqlite_schema"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("history-files-damage"));
    const qint64 dataPages = pageCount - lastRootPage;
    QFile file(path);
    if (pageSize == 0 || lastRootPage == 0 || dataPages < 2 * pages
        || !file.open(QIODevice::ReadWrite))
        return false;
    for (int i = 1; i <= pages; ++i) {
        const qint64 page = lastRootPage + dataPages * i / (pages + 1); // numbered from 1
        if (!file.seek((page - 1) * pageSize)
            || file.write(QByteArray(pageSize, '\xA5')) != pageSize)
            return false;
    }
    return true;
}

} // namespace HistoryFiles

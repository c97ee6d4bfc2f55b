#include "historydatabase.h"

#include <QSqlError>
#include <QSqlQuery>

HistoryDatabase::HistoryDatabase(const QString &connectionName) : m_connection(connectionName) { }

SchemaReport HistoryDatabase::open(const QString &path, const QList<SchemaStep> &steps,
                                   PageCheck pageCheck)
{
    if (!m_connection.open(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")))
        return refusedOpen();
    return opened(HistorySchema::prepare(m_connection.database(), path, steps, pageCheck));
}

SchemaReport HistoryDatabase::openForReading(const QString &path)
{
    if (!m_connection.open(path, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")))
        return refusedOpen();
    QSqlDatabase &db = m_connection.database();
    SchemaReport report = opened(HistorySchema::checkReadable(db, path));
    if (!report.ok)
        return report;
    // One read transaction, begun by its first read, for as long as the connection is open:
    // every query of a report sees the same committed state, whatever is written meanwhile.
    QSqlQuery pin(db);
    if (!db.transaction() || !pin.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        report.ok = false;
        report.error = QStringLiteral("%1: cannot begin reading (%2)")
                               .arg(path, sqlErrorText(db.lastError()));
        return opened(report);
    }
    return report;
}

SchemaReport HistoryDatabase::refusedOpen() const
{
    SchemaReport report;
    report.error = m_connection.lastError();
    return report;
}

SchemaReport HistoryDatabase::opened(const SchemaReport &report)
{
    m_open = report.ok;
    if (!report.ok) {
        m_connection.setLastError(report.error);
        m_connection.database().close();
    }
    return report;
}

#include "historydatabase.h"

#include "store/historypathcheck.h"

#include <QSqlError>
#include <QSqlQuery>

HistoryDatabase::HistoryDatabase(const QString &connectionName) : m_connection(connectionName) { }

SchemaReport HistoryDatabase::open(const QString &path, const QList<SchemaStep> &steps,
                                   PageCheck pageCheck)
{
    if (const QString problem = historyPathProblem(path, HistoryAccess::Write); !problem.isEmpty())
        return refused(problem);
    QString locked;
    if (!m_lock.acquire(path, &locked))
        return refused(locked);
    if (!m_connection.open(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")))
        return refusedOpen();
    return opened(HistorySchema::prepare(m_connection.database(), path, steps, pageCheck));
}

SchemaReport HistoryDatabase::openForReading(const QString &path, PageCheck pageCheck)
{
    if (const QString problem = historyPathProblem(path, HistoryAccess::Read); !problem.isEmpty())
        return refused(problem);
    // SQLite's "unable to open database file" on a read-only file system says nothing of it.
    const QString readOnly = readOnlyFileSystemProblem(path);
    if (!m_connection.open(path, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")))
        return readOnly.isEmpty() ? refusedOpen() : refused(readOnly);
    QSqlDatabase &db = m_connection.database();
    SchemaReport report = HistorySchema::checkReadable(db, path);
    if (!report.ok)
        return readOnly.isEmpty() ? opened(report) : refused(readOnly);
    if (pageCheck == PageCheck::BeforeUse) {
        if (const QString problems = HistorySchema::checkPages(db); !problems.isEmpty())
            return refused(QStringLiteral("%1: %2").arg(path, problems));
        report.pagesChecked = true;
    }
    // One read transaction, begun by its first read, for as long as the connection is open:
    // every query of a report sees the same committed state, whatever is written meanwhile.
    QSqlQuery pin(db);
    if (!db.transaction() || !pin.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        report.ok = false;
        report.error = QStringLiteral("%1: cannot begin reading (%2)")
                               .arg(path, sqlErrorText(db.lastError()));
        return opened(report);
    }
    return opened(report);
}

SchemaReport HistoryDatabase::refusedOpen() { return refused(m_connection.lastError()); }

SchemaReport HistoryDatabase::refused(const QString &why)
{
    SchemaReport report;
    report.error = why;
    return opened(report);
}

SchemaReport HistoryDatabase::opened(const SchemaReport &report)
{
    m_open = report.ok;
    if (!report.ok) {
        m_connection.setLastError(report.error);
        m_connection.database().close();
        m_lock.release();
    }
    return report;
}

#include "historyconnection.h"

#include "store/historyschema.h"

#include <QSqlError>

HistoryConnection::HistoryConnection(const QString &connectionName)
    : m_connectionName(connectionName)
    , m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName))
{ }

HistoryConnection::~HistoryConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryConnection::open(const QString &path, const QString &options)
{
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(options);
    if (m_db.open())
        return true;
    m_lastError = QStringLiteral("%1: cannot open (%2)").arg(path, sqlErrorText(m_db.lastError()));
    return false;
}

bool HistoryConnection::fail(const QString &what, const QString &why)
{
    m_lastError = QStringLiteral("%1 in %2: %3").arg(what, m_db.databaseName(), why);
    return false;
}

bool HistoryConnection::mayReadOn()
{
    if (!(m_stop && m_stop->load()))
        return true;
    if (!m_stopped)
        fail(QStringLiteral("reading"), QStringLiteral("stopped: the history is being closed"));
    m_stopped = true;
    return false;
}

bool HistoryConnection::inTransaction(const std::function<bool()> &work)
{
    if (!m_db.transaction())
        return fail(QStringLiteral("begin"), sqlErrorText(m_db.lastError()));
    const bool worked = work();
    if (worked && m_db.commit())
        return true;
    if (worked)
        fail(QStringLiteral("commit"), sqlErrorText(m_db.lastError()));
    m_db.rollback();
    return false;
}

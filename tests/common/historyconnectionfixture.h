#pragma once

#include "store/historyconnection.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

// A history connection on a new SQLite file in a temporary directory: a test's init() opens the
// next one, its cleanup() closes it.
class HistoryConnectionFixture
{
public:
    // False when the file cannot be opened (connection().lastError() says why).
    bool openNext()
    {
        m_connection.reset(); // one connection of that name at a time
        m_path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_files));
        m_connection = std::make_unique<HistoryConnection>(QStringLiteral("fixture"));
        return m_connection->open(m_path, QString());
    }
    void close() { m_connection.reset(); }

    HistoryConnection &connection() { return *m_connection; }
    QString path() const { return m_path; }
    // Runs sql on the connection as another program would, beside the code under test.
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_connection->database());
        return query.exec(sql);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryConnection> m_connection;
    QString m_path;
    int m_files = 0;
};

#pragma once

#include <QSqlDatabase>

#include <atomic>
#include <functional>

// One history file's Qt Sql connection with what every statement on it shares: the last
// failure, in words, and the flag that ends long reads early. Used on one thread only.
class HistoryConnection
{
public:
    explicit HistoryConnection(const QString &connectionName);
    ~HistoryConnection();
    HistoryConnection(const HistoryConnection &) = delete;
    HistoryConnection &operator=(const HistoryConnection &) = delete;

    // Opens path with the Qt SQLite driver's connect options; a failure is kept as
    // "PATH: cannot open (WHY)".
    bool open(const QString &path, const QString &options);
    QSqlDatabase &database() { return m_db; }

    QString lastError() const { return m_lastError; }
    void setLastError(const QString &error) { m_lastError = error; }
    // Keeps "WHAT in FILE: WHY" as the last error. False, so that a failed step can return it.
    bool fail(const QString &what, const QString &why);

    // Long reads stop handing out rows once *stop is true (a report being read as the program
    // exits); stopRequested() says whether what was read may be incomplete.
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    bool stopRequested() const { return m_stopped || (m_stop && m_stop->load()); }
    // Whether a long read may hand out one more row: not once a stop was requested (the first
    // refusal says so in lastError()).
    bool mayReadOn();

    // Runs work in one transaction: committed when it returns true, rolled back when it (or the
    // commit) fails. False when anything failed.
    bool inTransaction(const std::function<bool()> &work);

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_lastError;
    const std::atomic<bool> *m_stop = nullptr;
    bool m_stopped = false;
};

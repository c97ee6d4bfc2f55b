#pragma once

#include "store/historyconnection.h"

#include <QSqlQuery>
#include <QVariantList>

#include <optional>
#include <type_traits>

// The current row of a statement: its columns by position, read from the query as they are
// asked for (a report reads millions of rows; they are not copied first).
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery &query) : m_query(query) { }
    QVariant at(int column) const { return m_query.value(column); }

private:
    const QSqlQuery &m_query;
};

// One statement on a history connection: the prepare, bind, run and read that every write and
// read of the history does. A failure is kept in the connection's lastError() as
// "PURPOSE in FILE: WHY", WHY in SQLite's words.
class SqlStatement
{
public:
    // Long reads end early once a stop was requested; a read of one row is no long read.
    enum class OnStop { EndEarly, ReadOn };

    SqlStatement(HistoryConnection &connection, const QString &purpose, const QString &sql);

    // Binds values in order and runs the statement; false when it failed. It is prepared on
    // the first run with values and reused by the runs after it; one with nothing to bind runs
    // unprepared. Text columns are NOT NULL: a null QString goes in as "" (Qt Sql would bind
    // it as NULL).
    bool exec(const QVariantList &values = {});
    // Steps to the next row of what exec() selected: false after the last, and false when
    // reading failed (a damaged page): readFailed() tells the two apart, and the failure is kept
    // in the connection's lastError().
    bool next(OnStop onStop = OnStop::EndEarly);
    bool readFailed() const { return m_readFailed; }
    // The current row's columns, in the order the statement selects them.
    SqlRow row() const { return SqlRow(m_query); }
    // Runs the statement and gives the first column of its first row: no row is a failure.
    std::optional<QVariant> scalar(const QVariantList &values = {});
    // Runs the statement once for each item, as encode makes it a row; false at the first
    // failure.
    template<typename Items, typename Encode>
    bool execEach(const Items &items, Encode encode)
    {
        for (const auto &item : items) {
            if (!exec(encode(item)))
                return false;
        }
        return true;
    }
    // Every row the statement selects, in its order, as decode makes it; none when it failed,
    // also when it failed after some rows (never a part taken for the whole).
    template<typename Decode>
    auto readAll(const QVariantList &values, Decode decode)
            -> std::optional<QList<std::invoke_result_t<Decode &, const SqlRow &>>>
    {
        if (!exec(values))
            return std::nullopt;
        QList<std::invoke_result_t<Decode &, const SqlRow &>> rows;
        const SqlRow current = row();
        while (next())
            rows.append(decode(current));
        if (m_readFailed)
            return std::nullopt;
        return rows;
    }
    qint64 rowsAffected() const { return m_query.numRowsAffected(); }

private:
    bool fail();

    HistoryConnection &m_connection;
    QString m_purpose;
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
    bool m_readFailed = false;
};

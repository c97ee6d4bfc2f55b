#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The parameters of a request's query, read one at a time into what they mean. The first
// problem is kept (error()), worded for the caller: the parameter's name, what was expected and
// what was given ("from: expected an ISO 8601 time like 2026-12-06T10:00:00Z, got "yesterday"").
// A parameter given twice, and one the endpoint does not take, are problems too.
class QueryParameters
{
public:
    enum class Need { Required, Optional };

    QueryParameters(const QUrlQuery &query, const QStringList &accepted);

    bool has(const QString &name) const;
    // None when absent (a problem when required) or empty.
    std::optional<QString> text(const QString &name, Need need);
    // ISO 8601 with a time zone (Z or an offset), as UTC.
    std::optional<QDateTime> time(const QString &name, Need need);
    // A whole number in [min, max].
    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max, Need need);
    // One of the words (compared without case).
    std::optional<QString> word(const QString &name, const QStringList &words, Need need);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Keeps problem unless an earlier one is kept already.
    void fail(const QString &problem);

private:
    std::optional<QString> raw(const QString &name, Need need, const QString &expected);

    QUrlQuery m_query;
    QString m_error;
};

#include "queryparameters.h"

#include "printabletext.h"

namespace {
// What a caller sent, quoted and shown safely (it may hold anything), cut when very long.
QString quoted(const QString &given)
{
    constexpr qsizetype Longest = 80;
    const QString shown = printable(given.left(Longest));
    return QLatin1Char('"') + shown
            + (given.size() > Longest ? QStringLiteral("...\"") : QStringLiteral("\""));
}
} // namespace

QueryParameters::QueryParameters(const QUrlQuery &query, const QStringList &accepted)
    : m_query(query)
{
    QStringList seen;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!accepted.contains(name)) {
            fail(accepted.isEmpty()
                         ? QStringLiteral("%1: this endpoint takes no parameters").arg(quoted(name))
                         : QStringLiteral("%1: not a parameter of this endpoint; it takes %2")
                                   .arg(quoted(name), accepted.join(QStringLiteral(", "))));
        } else if (seen.contains(name)) {
            fail(QStringLiteral("%1: given more than once; give it once").arg(name));
        }
        seen.append(name);
    }
}

void QueryParameters::fail(const QString &problem)
{
    if (m_error.isEmpty())
        m_error = problem;
}

bool QueryParameters::has(const QString &name) const { return m_query.hasQueryItem(name); }

std::optional<QString> QueryParameters::raw(const QString &name, Need need, const QString &expected)
{
    if (!has(name)) {
        if (need == Need::Required)
            fail(QStringLiteral("%1: required; expected %2").arg(name, expected));
        return std::nullopt;
    }
    const QString value = m_query.queryItemValue(name, QUrl::FullyDecoded);
    if (value.isEmpty()) {
        fail(QStringLiteral("%1: expected %2, got an empty value").arg(name, expected));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> QueryParameters::text(const QString &name, Need need)
{
    return raw(name, need, QStringLiteral("a value"));
}

std::optional<QDateTime> QueryParameters::time(const QString &name, Need need)
{
    const QString expected = QStringLiteral("an ISO 8601 time like 2026-12-06T10:00:00Z");
    const std::optional<QString> value = raw(name, need, expected);
    if (!value)
        return std::nullopt;
    for (const Qt::DateFormat format : {Qt::ISODateWithMs, Qt::ISODate}) {
        const QDateTime time = QDateTime::fromString(*value, format);
        // Without a zone the caller's time and the agent's could differ by hours: refused.
        if (time.isValid() && time.timeSpec() != Qt::LocalTime)
            return time.toUTC();
    }
    fail(QStringLiteral("%1: expected %2 (with Z or an offset such as +01:00), got %3")
                 .arg(name, expected, quoted(*value)));
    return std::nullopt;
}

std::optional<qint64> QueryParameters::integer(const QString &name, qint64 min, qint64 max,
                                               Need need)
{
    const QString expected = QStringLiteral("a whole number from %1 to %2").arg(min).arg(max);
    const std::optional<QString> value = raw(name, need, expected);
    if (!value)
        return std::nullopt;
    bool number = false;
    const qint64 parsed = value->toLongLong(&number);
    if (!number || parsed < min || parsed > max) {
        fail(QStringLiteral("%1: expected %2, got %3").arg(name, expected, quoted(*value)));
        return std::nullopt;
    }
    return parsed;
}

std::optional<QString> QueryParameters::word(const QString &name, const QStringList &words,
                                             Need need)
{
    const QString expected = QStringLiteral("one of %1").arg(words.join(QStringLiteral(", ")));
    const std::optional<QString> value = raw(name, need, expected);
    if (!value)
        return std::nullopt;
    for (const QString &word : words) {
        if (value->compare(word, Qt::CaseInsensitive) == 0)
            return word;
    }
    fail(QStringLiteral("%1: expected %2, got %3").arg(name, expected, quoted(*value)));
    return std::nullopt;
}

#include "eventsquery.h"

#include <QUrlQuery>

#include <algorithm>

namespace {

// The value as the client sent it, cut short: an error quotes it, never all of a long one.
QString quoted(const QString &value)
{
    constexpr qsizetype Shown = 40;
    const QString shown = value.size() > Shown ? value.left(Shown) + QStringLiteral("...") : value;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// Decimal digits only: no sign, no spaces, no "0x".
bool isCount(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

// The one value of key, or an error when it is given more than once or is not a count up to max.
bool readCount(const QUrlQuery &query, const QString &key, qint64 max, qint64 *value, QString *error)
{
    const QStringList values = query.allQueryItemValues(key, QUrl::FullyDecoded);
    if (values.isEmpty())
        return true;
    if (values.size() > 1) {
        *error = QStringLiteral("%1: expected once, given %2 times").arg(key).arg(values.size());
        return false;
    }
    const QString &text = values.first();
    if (!isCount(text)) {
        *error = QStringLiteral("%1: expected a non-negative integer, got %2").arg(key, quoted(text));
        return false;
    }
    bool fits = false;
    const qint64 number = text.toLongLong(&fits);
    if (!fits || number > max) {
        *error = QStringLiteral("%1: expected at most %2, got %3")
                         .arg(key)
                         .arg(max)
                         .arg(quoted(text));
        return false;
    }
    *value = number;
    return true;
}

} // namespace

EventsQuery EventsQuery::parse(const QUrlQuery &query)
{
    EventsQuery parsed;
    qint64 wait = 0;
    if (readCount(query, QStringLiteral("after"), MaxId, &parsed.after, &parsed.error)
        && readCount(query, QStringLiteral("wait"), MaxWaitS, &wait, &parsed.error)) {
        parsed.waitS = int(wait);
    }
    return parsed;
}

#include "reportrange.h"

#include <QRegularExpression>

namespace {
std::optional<QDateTime> parseTime(const QString &text)
{
    for (const Qt::DateFormat format : {Qt::ISODateWithMs, Qt::ISODate}) {
        const QDateTime time = QDateTime::fromString(text, format);
        if (time.isValid())
            return time.toUTC(); // no offset in the text: Qt reads it as local time
    }
    return std::nullopt;
}
} // namespace

std::optional<qint64> parseDurationS(const QString &text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})([smhd])$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    const qint64 amount = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    if (amount <= 0) {
        *error = QStringLiteral("\"%1\" is not a duration: expected a whole number and a unit, "
                                "e.g. 90s, 30m, 24h or 7d")
                         .arg(text);
        return std::nullopt;
    }
    const QChar unit = match.captured(2).at(0);
    const qint64 perUnit = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : 86400;
    if (amount * perUnit > LongestRangeS) {
        *error = QStringLiteral("\"%1\" is longer than %2 days").arg(text).arg(LongestRangeS / 86400);
        return std::nullopt;
    }
    return amount * perUnit;
}

std::optional<ReportRange> parseReportRange(const QString &from, const QString &to,
                                            const QString &last, const QDateTime &now,
                                            QString *error, RangeSpelling spelling)
{
    // "--from" on the command line, "from" in the agent's query.
    const auto name = [spelling](const char *option) {
        const QString bare = QString::fromLatin1(option);
        return spelling == RangeSpelling::CommandLine ? QString(QStringLiteral("--") + bare) : bare;
    };
    const QDateTime end = now.toUTC();
    if (!last.isEmpty() && (!from.isEmpty() || !to.isEmpty())) {
        *error = QStringLiteral("give either %1 or %2 and %3, not both")
                         .arg(name("last"), name("from"), name("to"));
        return std::nullopt;
    }
    if (from.isEmpty() != to.isEmpty()) {
        *error = QStringLiteral("%1 and %2 go together (or use %3, e.g. %3 24h)")
                         .arg(name("from"), name("to"), name("last"));
        return std::nullopt;
    }
    if (from.isEmpty()) {
        const auto seconds = parseDurationS(last.isEmpty() ? QStringLiteral("24h") : last, error);
        if (!seconds) {
            *error = QStringLiteral("%1: %2").arg(name("last"), *error);
            return std::nullopt;
        }
        return ReportRange{end.addSecs(-*seconds), end};
    }
    const auto start = parseTime(from);
    const auto stop = parseTime(to);
    if (!start || !stop) {
        *error = QStringLiteral("%1 \"%2\" is not an ISO 8601 time, e.g. 2026-11-25T08:00:00Z "
                                "or 2026-11-25T09:00:00+01:00")
                         .arg(start ? name("to") : name("from"), start ? to : from);
        return std::nullopt;
    }
    if (start->secsTo(*stop) > LongestRangeS) {
        *error = QStringLiteral("the range is longer than %1 days").arg(LongestRangeS / 86400);
        return std::nullopt;
    }
    if (*stop <= *start) {
        *error = QStringLiteral("the range is empty: %1 (%2) is not after %3 (%4)")
                         .arg(name("to"), stop->toString(Qt::ISODate), name("from"),
                              start->toString(Qt::ISODate));
        return std::nullopt;
    }
    if (*start > end) {
        *error = QStringLiteral("the range starts in the future (%1 %2; now is %3)")
                         .arg(name("from"), start->toString(Qt::ISODate), end.toString(Qt::ISODate));
        return std::nullopt;
    }
    return ReportRange{*start, std::min(*stop, end)};
}

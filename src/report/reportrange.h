#pragma once

#include <QDateTime>

#include <optional>

// The longest range a report covers (the history keeps aggregates for 30 days by default; a
// year of them is still a few seconds' reading).
constexpr qint64 LongestRangeS = 400 * 86400;

// "90s", "30m", "24h", "7d" as seconds, up to LongestRangeS; none (with why) for anything else.
std::optional<qint64> parseDurationS(const QString &text, QString *error);

// The range of a report from --from/--to (ISO 8601; without an offset, local time) or --last
// (a duration before now); neither: the last 24 hours. Refused, with why: both kinds at once,
// only one of --from/--to, unreadable times, an empty or reversed range, one that ends in the
// future.
struct ReportRange
{
    QDateTime from; // UTC, [from, to)
    QDateTime to;
};
// How the messages name the three: as options (--from) or as the agent's query parameters (from).
enum class RangeSpelling { CommandLine, Query };
std::optional<ReportRange> parseReportRange(const QString &from, const QString &to,
                                            const QString &last, const QDateTime &now,
                                            QString *error,
                                            RangeSpelling spelling = RangeSpelling::CommandLine);

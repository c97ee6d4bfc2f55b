#pragma once

#include <QDateTime>
#include <QString>

// Numbers, percentages and times in the format of the user's locale (QLocale()): "99,5 %" and
// "06.12.26 15:33:50" in German, "99.5 %" and "12/6/26 3:33:50 PM" in American English.
namespace LocaleWords {
QString percent(double fraction, int decimals = 1); // 0.995 -> "99,5 %"
QString number(double value, int decimals); // 12.34 -> "12,3"
QString milliseconds(double ms); // "12,3 ms"
QString time(const QDateTime &when); // local time of day, with seconds
QString dateTime(const QDateTime &when); // local short date and time, with seconds
// The time alone when it is today, with the date otherwise.
QString timeOrDateTime(const QDateTime &when);
} // namespace LocaleWords

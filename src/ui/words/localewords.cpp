#include "localewords.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QLocale>

namespace {
// The locale's time of day with seconds but without the time zone, which its long format
// adds ("HH:mm:ss t" in German, "h:mm:ss AP t" in American English).
QString timeFormatWithSeconds(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::LongFormat);
    format.remove(QLatin1Char('t'));
    return format.trimmed();
}
} // namespace

QString LocaleWords::percent(double fraction, int decimals)
{
    // Rounded, 99.96 % would read "100.0 %" for a rate that is not whole (and 0.04 % "0.0 %"):
    // only all or nothing is shown as such.
    const double step = std::pow(10.0, -decimals);
    double shown = fraction * 100;
    if (fraction < 1.0)
        shown = std::min(shown, 100.0 - step);
    if (fraction > 0.0)
        shown = std::max(shown, step);
    return QCoreApplication::translate("LocaleWords", "%1 %").arg(number(shown, decimals));
}

QString LocaleWords::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString LocaleWords::milliseconds(double ms)
{
    return QCoreApplication::translate("LocaleWords", "%1 ms").arg(number(ms, 1));
}

QString LocaleWords::time(const QDateTime &when)
{
    const QLocale locale;
    return locale.toString(when.toLocalTime().time(), timeFormatWithSeconds(locale));
}

QString LocaleWords::dateTime(const QDateTime &when)
{
    const QLocale locale;
    const QDateTime local = when.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + locale.toString(local.time(), timeFormatWithSeconds(locale));
}

QString LocaleWords::timeOrDateTime(const QDateTime &when)
{
    return when.toLocalTime().date() == QDate::currentDate() ? time(when) : dateTime(when);
}

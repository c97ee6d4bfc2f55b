#include "localewords.h"

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
    return QCoreApplication::translate("LocaleWords", "%1 %").arg(number(fraction * 100, decimals));
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

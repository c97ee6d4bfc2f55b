#include "durationwords.h"

#include <QCoreApplication>

namespace {
QString seconds(qint64 n)
{
    return QCoreApplication::translate("DurationWords", "%n s", nullptr, int(n));
}
QString minutes(qint64 n)
{
    return QCoreApplication::translate("DurationWords", "%n min", nullptr, int(n));
}
QString hours(qint64 n)
{
    return QCoreApplication::translate("DurationWords", "%n h", nullptr, int(n));
}
QString days(qint64 n)
{
    return QCoreApplication::translate("DurationWords", "%n day(s)", nullptr, int(n));
}

QString twoUnits(const QString &first, qint64 second, QString (*secondUnit)(qint64))
{
    if (second == 0)
        return first;
    return QCoreApplication::translate("DurationWords", "%1 %2").arg(first, secondUnit(second));
}
} // namespace

QString durationWords(qint64 totalSeconds)
{
    const qint64 s = std::max<qint64>(0, totalSeconds);
    if (s < 60)
        return seconds(s);
    if (s < 3600)
        return twoUnits(minutes(s / 60), s % 60, seconds);
    if (s < 86400)
        return twoUnits(hours(s / 3600), (s % 3600) / 60, minutes);
    return twoUnits(days(s / 86400), (s % 86400) / 3600, hours);
}

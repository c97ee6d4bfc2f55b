#include "reportwording.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ReportWording {
namespace {
    const QLocale &english()
    {
        static const QLocale locale(QLocale::English, QLocale::UnitedStates);
        return locale;
    }

    QString twoDigits(qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); }
} // namespace

QString utcOffset(const QDateTime &utc)
{
    if (!utc.isValid())
        return QString();
    const int offset = utc.toLocalTime().offsetFromUtc();
    if (offset == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("UTC") + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
            + twoDigits(minutes / 60) + QLatin1Char(':') + twoDigits(minutes % 60);
}

QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("n/a");
    return QLocale::c().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString localTimeSeconds(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("n/a");
    return QLocale::c().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString localDateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("n/a");
    return localTime(utc) + QLatin1Char(' ') + utcOffset(utc);
}

QString localDateTimeSeconds(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("n/a");
    return localTimeSeconds(utc) + QLatin1Char(' ') + utcOffset(utc);
}

QString range(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return QStringLiteral("unknown range");
    if (utcOffset(from) == utcOffset(to))
        return localTime(from) + QStringLiteral(" to ") + localTime(to) + QStringLiteral(" (")
                + utcOffset(from) + QLatin1Char(')');
    return localDateTime(from) + QStringLiteral(" to ") + localDateTime(to);
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QString::number(seconds) + QStringLiteral(" s");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QString::number(minutes) + QStringLiteral(" min");
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QString::number(hours) + QStringLiteral(" h ") + twoDigits(minutes % 60)
                + QStringLiteral(" min");
    return QString::number(hours / 24) + QStringLiteral(" d ") + QString::number(hours % 24)
            + QStringLiteral(" h");
}

QString count(qint64 n) { return english().toString(n); }

QString minutes(qint64 minutes) { return count(minutes) + QStringLiteral(" min"); }

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("n/a");
    const qint64 permille = std::clamp<qint64>(part, 0, whole) * 1000 / whole;
    return QString::number(permille / 10) + QLatin1Char('.') + QString::number(permille % 10)
            + QStringLiteral(" %");
}

QString latencyMs(double ms)
{
    if (!std::isfinite(ms) || ms < 0)
        return QStringLiteral("n/a");
    if (ms < 1)
        return QString::number(ms, 'f', 2) + QStringLiteral(" ms");
    if (ms < 10)
        return QString::number(ms, 'f', 1) + QStringLiteral(" ms");
    if (ms < 1000)
        return QString::number(ms, 'f', 0) + QStringLiteral(" ms");
    return QString::number(ms / 1000, 'f', ms < 10'000 ? 2 : 1) + QStringLiteral(" s");
}

QString tierName(const QString &tier)
{
    if (tier == QLatin1String("stale"))
        return QStringLiteral("Stale cache");
    if (tier == QLatin1String("pinned"))
        return QStringLiteral("Pinned address");
    if (tier == QLatin1String("env"))
        return QStringLiteral("Environment fallback");
    return tier;
}

QString dnssecText(DnssecValidation validation)
{
    switch (validation) {
    case DnssecValidation::Validated:
        return QStringLiteral("validated");
    case DnssecValidation::NotValidated:
        return QStringLiteral("not validated");
    case DnssecValidation::NotAsked:
        break;
    }
    return QStringLiteral("\u2014");
}

QString cacheStateName(const QString &state)
{
    if (state == QLatin1String("fresh"))
        return QStringLiteral("fresh");
    if (state == QLatin1String("stale"))
        return QStringLiteral("stale (served after a failure)");
    if (state == QLatin1String("negative"))
        return QStringLiteral("negative (NXDOMAIN/NODATA)");
    if (state == QLatin1String("pinned"))
        return QStringLiteral("pinned");
    if (state == QLatin1String("env"))
        return QStringLiteral("environment fallback");
    if (state == QLatin1String("missing"))
        return QStringLiteral("not cached");
    return state;
}

QString actionName(const QString &kind)
{
    if (kind == QLatin1String("pinned"))
        return QStringLiteral("Pin");
    if (kind == QLatin1String("unpinned"))
        return QStringLiteral("Unpin");
    if (kind == QLatin1String("forced_re_resolve"))
        return QStringLiteral("Force re-resolve");
    if (kind == QLatin1String("cache_cleared"))
        return QStringLiteral("Clear cache");
    QString words = kind;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return words;
}

QString checkEventName(const QString &kind)
{
    if (kind == QLatin1String("paths_diverged"))
        return QStringLiteral("Paths diverged");
    if (kind == QLatin1String("paths_agree"))
        return QStringLiteral("Paths agree");
    if (kind == QLatin1String("soa_serials_diverged"))
        return QStringLiteral("Zone serials diverged");
    if (kind == QLatin1String("soa_serials_agree"))
        return QStringLiteral("Zone serials agree");
    return kind;
}

QString zoneSignatureEventName(const QString &kind)
{
    // The words the event log and the dashboard use for them, so a report reads the same.
    if (kind == QLatin1String("zone_signatures_expiring"))
        return QStringLiteral("Zone signatures expiring");
    if (kind == QLatin1String("zone_signatures_expired"))
        return QStringLiteral("Zone signatures expired");
    if (kind == QLatin1String("zone_signatures_ok"))
        return QStringLiteral("Zone signatures fine again");
    return kind;
}

QString addresses(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
}

QString addresses(const QList<QHostAddress> &list)
{
    QStringList words;
    words.reserve(list.size());
    for (const QHostAddress &address : list)
        words.append(address.toString());
    return addresses(words);
}

} // namespace ReportWording

QString ReportWording::isoLocalTime(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    // A local QDateTime is written without its offset: give it one explicitly.
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

#pragma once

#include "resolver/dnssecvalidation.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

// How the HTML and PDF reports put times, numbers and names into words (English, whatever the
// system locale: the report is a document). Times are shown in local time with the offset.
namespace ReportWording {

// ISO 8601 in local time with its offset, for machines: "2024-05-01T14:05:09.000+02:00".
QString isoLocalTime(const QDateTime &utc);
QString localDateTime(const QDateTime &utc); // "2024-05-01 14:05 UTC+02:00"
QString localDateTimeSeconds(const QDateTime &utc); // "2024-05-01 14:05:09 UTC+02:00"
QString localTime(const QDateTime &utc); // "2024-05-01 14:05", no offset
QString localTimeSeconds(const QDateTime &utc); // "2024-05-01 14:05:09", no offset
QString utcOffset(const QDateTime &utc); // "UTC+02:00", "UTC" for UTC itself
QString range(const QDateTime &from, const QDateTime &to); // "... to ... (UTC+02:00)"
QString duration(qint64 seconds); // "45 s", "12 min", "3 h 05 min", "2 d 4 h"
QString minutes(qint64 minutes); // "0 min", "1 min", "1,234 min"
QString count(qint64 n); // "1,234"

// SLO-style: one decimal, rounded down, so "100.0 %" only ever means no failure.
QString percent(qint64 part, qint64 whole); // "90.0 %", "n/a" when whole is 0
QString latencyMs(double ms); // "0.8 ms", "42 ms", "1.25 s"

QString tierName(const QString &tier); // "stale" -> "stale cache", ...
QString cacheStateName(const QString &state);
QString dnssecText(DnssecValidation validation); // "validated", "not validated", "\u2014"
QString actionName(const QString &kind); // "forced_re_resolve" -> "Force re-resolve"
// "paths_diverged" -> "Paths diverged", "soa_serials_agree" -> "Zone serials agree"
QString checkEventName(const QString &kind);
// "zone_signatures_expiring" -> "Zone signatures expiring", "zone_signatures_ok" -> "Zone
// signatures fine again"
QString zoneSignatureEventName(const QString &kind);
QString addresses(const QList<QHostAddress> &list); // "10.0.0.1, fd00::1", "none"
QString addresses(const QStringList &list);

} // namespace ReportWording

#include "agentzones.h"

#include <QJsonArray>

#include <cmath>

namespace {

using Presence = AnswerReader::Presence;

// What the agent says of a zone it has not asked yet (ZoneSignatureWatch's words).
const QLatin1String NotCheckedYet("not checked yet");

std::optional<RemoteZone> readZone(AnswerReader &reader, const QJsonObject &object,
                                   const QString &path)
{
    RemoteZone remote;
    ZoneSignatureStatus &status = remote.status;
    status.zone.zone = reader.text(object, path, QLatin1String("zone"), Presence::Required);
    status.zone.resolver = reader.text(object, path, QLatin1String("resolver"));
    status.server = reader.text(object, path, QLatin1String("server"));
    const QString level = reader.text(object, path, QLatin1String("status"), Presence::Required);
    if (const auto known = zoneSignatureLevelFromName(level)) {
        status.level = *known;
    } else if (object.value(QLatin1String("status")).isString()) {
        reader.fail(JsonValidator::childPath(path, QLatin1String("status")),
                    QStringLiteral("expected ok, warning, expired or unknown, found %1")
                            .arg(JsonValidator::quoted(level)));
        return std::nullopt;
    }
    status.expiresAt = reader.time(object, path, QLatin1String("expires"));
    if (const auto seconds = reader.number(object, path, QLatin1String("expires_in_s"))) {
        constexpr double MostSeconds = 1e12; // NaN and infinity are refused too
        if (!(std::abs(*seconds) <= MostSeconds)) {
            reader.fail(
                    JsonValidator::childPath(path, QLatin1String("expires_in_s")),
                    QStringLiteral("expected seconds from -1e12 to 1e12, found %1").arg(*seconds));
            return std::nullopt;
        }
        status.secondsLeft = qint64(*seconds);
    }
    if (const auto warnDays = reader.count(object, path, QLatin1String("warn_days")))
        status.zone.warnDays = int(std::min<qint64>(*warnDays, 3650));
    if (const auto validated = reader.boolean(object, path, QLatin1String("validated")))
        status.validation = *validated ? DnssecValidation::Validated
                                       : DnssecValidation::NotValidated;
    status.detail = reader.text(object, path, QLatin1String("detail"));
    remote.checked = !(status.level == ZoneSignatureStatus::Level::Unknown
                       && status.server.isEmpty() && status.detail == NotCheckedYet);
    return remote;
}

} // namespace

QList<RemoteZone> readAgentZones(AnswerReader &reader, const QJsonObject &root)
{
    const QString zonesPath = QStringLiteral("$.zones");
    const QJsonArray zones = reader.array(root, QStringLiteral("$"), QLatin1String("zones"));
    QList<RemoteZone> read;
    for (qsizetype i = 0; i < zones.size(); ++i) {
        if (const auto object = reader.element(zones, zonesPath, i)) {
            if (auto zone = readZone(reader, *object, JsonValidator::elementPath(zonesPath, i)))
                read.append(std::move(*zone));
        }
    }
    return read;
}

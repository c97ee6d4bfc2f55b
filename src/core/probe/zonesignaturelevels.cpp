#include "zonesignaturelevels.h"

#include <QSet>

namespace {
ResolverEvent::Kind kindOf(ZoneSignatureStatus::Level level)
{
    switch (level) {
    case ZoneSignatureStatus::Level::Warning:
        return ResolverEvent::Kind::ZoneSignaturesExpiring;
    case ZoneSignatureStatus::Level::Expired:
        return ResolverEvent::Kind::ZoneSignaturesExpired;
    case ZoneSignatureStatus::Level::Ok:
    case ZoneSignatureStatus::Level::Unknown:
        break;
    }
    return ResolverEvent::Kind::ZoneSignaturesOk;
}
} // namespace

QString ZoneSignatureLevels::keyOf(const DnssecZoneConfig &zone)
{
    return zone.zone.toLower() + QLatin1Char(' ') + zone.resolver;
}

std::optional<ResolverEvent> ZoneSignatureLevels::observe(const ZoneSignatureStatus &status)
{
    if (status.level == ZoneSignatureStatus::Level::Unknown)
        return std::nullopt;
    const QString key = keyOf(status.zone);
    const ZoneSignatureStatus::Level before = m_levels.value(key, ZoneSignatureStatus::Level::Ok);
    m_levels.insert(key, status.level);
    if (before == status.level)
        return std::nullopt;
    ResolverEvent event;
    event.kind = kindOf(status.level);
    event.resolver = status.zone.resolver;
    event.host = status.zone.zone;
    event.detail = zoneSignatureSentence(status);
    return event;
}

void ZoneSignatureLevels::keepOnly(const QList<DnssecZoneConfig> &zones)
{
    QSet<QString> kept;
    for (const DnssecZoneConfig &zone : zones)
        kept.insert(keyOf(zone));
    for (auto it = m_levels.begin(); it != m_levels.end();) {
        if (kept.contains(it.key()))
            ++it;
        else
            it = m_levels.erase(it);
    }
}

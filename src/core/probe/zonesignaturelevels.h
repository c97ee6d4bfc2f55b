#pragma once

#include "probe/zonesignatures.h"
#include "resolver/resolverevent.h"

#include <QHash>

#include <optional>

// Turns the checks of the zones' signatures into events: zone_signatures_expiring when a zone
// comes under its warn_days, zone_signatures_expired when its signatures have expired,
// zone_signatures_ok when it is over warn_days again; nothing while the level holds. A check
// that fails (level unknown) changes nothing: the last known level stays. A zone whose first
// known level is ok makes no event.
class ZoneSignatureLevels
{
public:
    // The event this status starts, if any (the resolver's log stamps its time).
    std::optional<ResolverEvent> observe(const ZoneSignatureStatus &status);
    // Keeps only these zones (the others left the config).
    void keepOnly(const QList<DnssecZoneConfig> &zones);

private:
    static QString keyOf(const DnssecZoneConfig &zone);

    QHash<QString, ZoneSignatureStatus::Level> m_levels; // "zone resolver" -> last known level
};

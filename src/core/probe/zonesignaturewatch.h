#pragma once

#include "config/appconfig.h"
#include "probe/zonesignaturelevels.h"
#include "probe/zonesignatures.h"

#include <QObject>

#include <memory>
#include <vector>

class Clock;
class ClockInterval;
class DnsClient;

// Watches the signatures of the zones of "dnssec_zones": each zone is asked at start() and then
// every interval_s of its own, through its resolver (that resolver's timeout and attempts, DO
// set). Its status is the last check's; a change of level is an event (ZoneSignatureLevels).
class ZoneSignatureWatch : public QObject
{
    Q_OBJECT
public:
    ZoneSignatureWatch(Clock *clock, QObject *parent = nullptr);
    ~ZoneSignatureWatch() override;

    // The zones to watch and the resolvers they name; zones that stay keep their level and
    // status, and every zone is asked again at once. Without start() nothing is asked.
    void setZones(const QList<DnssecZoneConfig> &zones, const QList<ResolverConfig> &resolvers);
    void start(); // asks every zone now, then each every interval_s
    // Asks every zone now (a zone still waiting for its last answer is left to it).
    void checkNow();

    // One per zone, in the config's order: the last check's, or level unknown with the detail
    // "not checked yet" before the first one ended.
    QList<ZoneSignatureStatus> statuses() const;
    // Whether the zone at index has been checked at least once.
    bool wasChecked(qsizetype index) const;
    int checksDone() const { return m_checksDone; }

Q_SIGNALS:
    void checked(const ZoneSignatureStatus &status); // one zone's check ended
    void eventOccurred(const ResolverEvent &event); // a zone's level changed

private:
    struct Watched;
    void check(Watched &zone);
    void arm();

    Clock *m_clock;
    std::vector<std::unique_ptr<Watched>> m_zones;
    ZoneSignatureLevels m_levels;
    bool m_started = false;
    int m_checksDone = 0;
};

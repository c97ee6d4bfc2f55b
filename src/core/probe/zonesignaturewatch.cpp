#include "zonesignaturewatch.h"

#include "clock.h"
#include "dns/dnsclient.h"

struct ZoneSignatureWatch::Watched
{
    ZoneSignatureStatus status;
    std::unique_ptr<ZoneClients> clients;
    std::unique_ptr<ClockInterval> interval;
    bool asking = false;
    bool checked = false;
};

ZoneSignatureWatch::ZoneSignatureWatch(Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock)
{ }

ZoneSignatureWatch::~ZoneSignatureWatch() = default;

void ZoneSignatureWatch::setZones(const QList<DnssecZoneConfig> &zones,
                                  const QList<ResolverConfig> &resolvers)
{
    std::vector<std::unique_ptr<Watched>> kept;
    for (const DnssecZoneConfig &zone : zones) {
        auto watched = std::make_unique<Watched>();
        watched->status.zone = zone;
        watched->status.detail = QStringLiteral("not checked yet");
        for (const std::unique_ptr<Watched> &old : m_zones) {
            if (old->checked && old->status.zone == zone) {
                watched->status = old->status;
                watched->checked = true;
            }
        }
        watched->clients = std::make_unique<ZoneClients>(zone, resolvers, m_clock);
        kept.push_back(std::move(watched));
    }
    m_zones = std::move(kept); // answers still due to the old clients are dropped with them
    m_levels.keepOnly(zones);
    if (m_started)
        arm();
}

void ZoneSignatureWatch::start()
{
    m_started = true;
    arm();
}

void ZoneSignatureWatch::arm()
{
    for (const std::unique_ptr<Watched> &zone : m_zones) {
        Watched *watched = zone.get();
        zone->interval = std::make_unique<ClockInterval>(m_clock,
                                                         qint64(zone->status.zone.intervalS) * 1000,
                                                         [this, watched] { check(*watched); });
        zone->interval->start();
    }
    checkNow();
}

void ZoneSignatureWatch::checkNow()
{
    for (const std::unique_ptr<Watched> &zone : m_zones)
        check(*zone);
}

void ZoneSignatureWatch::check(Watched &zone)
{
    if (zone.asking)
        return;
    zone.asking = true;
    Watched *watched = &zone;
    // The clients are the zone's own: when the zone goes (setZones), its answer goes with them.
    askZoneSignatures(zone.clients.get(), m_clock, zone.clients->checked.get(),
                      [this, watched](const ZoneSignatureStatus &status) {
                          watched->asking = false;
                          watched->checked = true;
                          watched->status = status;
                          ++m_checksDone;
                          Q_EMIT checked(watched->status);
                          if (const std::optional<ResolverEvent> event = m_levels.observe(status))
                              Q_EMIT eventOccurred(*event);
                      });
}

QList<ZoneSignatureStatus> ZoneSignatureWatch::statuses() const
{
    QList<ZoneSignatureStatus> statuses;
    for (const std::unique_ptr<Watched> &zone : m_zones)
        statuses.append(zone->status);
    return statuses;
}

bool ZoneSignatureWatch::wasChecked(qsizetype index) const
{
    return index >= 0 && size_t(index) < m_zones.size() && m_zones[size_t(index)]->checked;
}

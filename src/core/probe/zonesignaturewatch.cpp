#include "zonesignaturewatch.h"

#include "clock.h"
#include "dns/dnsclient.h"

struct ZoneSignatureWatch::Watched
{
    ZoneSignatureStatus status;
    std::unique_ptr<DnsClient> client;
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
        watched->client = std::make_unique<DnsClient>(zoneClientOptions(zone, resolvers), m_clock);
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
    const DnssecZoneConfig config = zone.status.zone;
    Watched *watched = &zone;
    // The client is the zone's own: when the zone goes (setZones), its answer goes with it.
    zone.client->query(
            config.zone, quint16(DnsWire::RecordType::SOA), zone.client.get(),
            [this, watched, config](const DnsExchange &exchange) {
                watched->asking = false;
                watched->checked = true;
                watched->status = zoneSignatureStatus(config, exchange,
                                                      m_clock->wallTime().toSecsSinceEpoch());
                ++m_checksDone;
                Q_EMIT checked(watched->status);
                if (const std::optional<ResolverEvent> event = m_levels.observe(watched->status))
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

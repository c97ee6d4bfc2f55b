#pragma once

#include "config/appconfig.h"
#include "dns/dnsclient.h"
#include "resolver/dnssecvalidation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Clock;

// How long the DNSSEC signatures of a zone ("dnssec_zones") have left: the earliest expiration
// of the RRSIG records that cover the zone's SOA.
struct ZoneSignatureStatus
{
    enum class Level { Ok, Warning, Expired, Unknown };

    DnssecZoneConfig zone;
    Level level = Level::Unknown;
    QString server; // the one that answered, "IP:port"
    QDateTime expiresAt; // UTC; invalid when unknown
    std::optional<qint64> secondsLeft; // negative once expired
    DnssecValidation validation = DnssecValidation::NotAsked;
    QString detail; // why unknown, in words

    // Whole days left, rounded down ("expire in 20 days"); none when unknown.
    std::optional<qint64> daysLeft() const;

    bool operator==(const ZoneSignatureStatus &other) const = default;
};
QString zoneSignatureLevelName(ZoneSignatureStatus::Level level); // "ok", "warning"...
std::optional<ZoneSignatureStatus::Level> zoneSignatureLevelFromName(const QString &name);

// The status one answer to "zone SOA" (asked with DO) gives at nowSecs (since 1970).
ZoneSignatureStatus zoneSignatureStatus(const DnssecZoneConfig &zone, const DnsExchange &exchange,
                                        qint64 nowSecs);
// `--once` JSON: zone, resolver, server, status, expires, expires_in_s, expires_in_days,
// warn_days, validated and detail.
QJsonObject zoneSignatureJson(const ZoneSignatureStatus &status);
// "signed.test via lab: signatures expire in 20 days (2027-01-10T00:00:00Z)", with "WARNING"
// under warn_days.
QString zoneSignatureSentence(const ZoneSignatureStatus &status);

// How a zone's SOA is asked: its resolver's servers, timeout, attempts and TLS, with DO set.
DnsClientOptions zoneClientOptions(const DnssecZoneConfig &zone,
                                   const QList<ResolverConfig> &resolvers);

// The clients one zone is asked through: as its resolver is configured, and the same with CD set
// for a second question once validation failed.
struct ZoneClients
{
    ZoneClients(const DnssecZoneConfig &zone, const QList<ResolverConfig> &resolvers, Clock *clock);
    ~ZoneClients();

    DnssecZoneConfig zone;
    std::unique_ptr<DnsClient> checked;
    std::unique_ptr<DnsClient> unchecked;
};

// Asks for the zone's SOA and calls done with its status at the clock's time, from the event loop,
// unless context goes first. A validating resolver answers SERVFAIL once the signatures fail
// validation (expired, say): the zone is then asked again with CD, and the resolver passes the SOA
// and its RRSIG on unchecked, so the expiry still shows ("validated": false).
void askZoneSignatures(ZoneClients *clients, Clock *clock, QObject *context,
                       std::function<void(const ZoneSignatureStatus &)> done);

// Asks every zone of the config at once, each through its resolver's servers with DO set, and
// says finished() when all have answered or timed out (within each resolver's timeout x
// attempts x servers).
class ZoneSignatureCheck : public QObject
{
    Q_OBJECT
public:
    ZoneSignatureCheck(const AppConfig &config, Clock *clock, QObject *parent = nullptr);
    ~ZoneSignatureCheck() override;

    void start();
    bool isDone() const { return m_pending == 0; }
    const QList<ZoneSignatureStatus> &statuses() const { return m_statuses; }

Q_SIGNALS:
    void finished();

private:
    QList<DnssecZoneConfig> m_zones;
    QList<ResolverConfig> m_resolvers;
    Clock *m_clock;
    std::vector<std::unique_ptr<ZoneClients>> m_clients;
    QList<ZoneSignatureStatus> m_statuses;
    int m_pending = 0;
};

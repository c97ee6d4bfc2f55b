#include "zonesignatures.h"

#include "clock.h"
#include "config/resolverfactory.h"
#include "dns/rrsig.h"

#include <QJsonValue>

namespace {
constexpr qint64 SecondsPerDay = 86400;

ZoneSignatureStatus unknown(ZoneSignatureStatus status, const QString &detail)
{
    status.level = ZoneSignatureStatus::Level::Unknown;
    status.detail = detail;
    return status;
}
} // namespace

std::optional<qint64> ZoneSignatureStatus::daysLeft() const
{
    if (!secondsLeft)
        return std::nullopt;
    // Rounded towards minus infinity: an hour past expiry is day -1, not 0.
    return *secondsLeft >= 0 ? *secondsLeft / SecondsPerDay
                             : -((-*secondsLeft + SecondsPerDay - 1) / SecondsPerDay);
}

QString zoneSignatureLevelName(ZoneSignatureStatus::Level level)
{
    switch (level) {
    case ZoneSignatureStatus::Level::Ok:
        return QStringLiteral("ok");
    case ZoneSignatureStatus::Level::Warning:
        return QStringLiteral("warning");
    case ZoneSignatureStatus::Level::Expired:
        return QStringLiteral("expired");
    case ZoneSignatureStatus::Level::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

std::optional<ZoneSignatureStatus::Level> zoneSignatureLevelFromName(const QString &name)
{
    for (const auto level :
         {ZoneSignatureStatus::Level::Ok, ZoneSignatureStatus::Level::Warning,
          ZoneSignatureStatus::Level::Expired, ZoneSignatureStatus::Level::Unknown}) {
        if (zoneSignatureLevelName(level) == name)
            return level;
    }
    return std::nullopt;
}

ZoneSignatureStatus zoneSignatureStatus(const DnssecZoneConfig &zone, const DnsExchange &exchange,
                                        qint64 nowSecs)
{
    ZoneSignatureStatus status;
    status.zone = zone;
    status.server = exchange.server.toString();
    if (exchange.error != DnsExchange::Error::None)
        return unknown(status, exchange.detail);
    const DnsWire::Message &message = exchange.response;
    status.validation = message.authenticData ? DnssecValidation::Validated
                                              : DnssecValidation::NotValidated;
    if (message.rcode != quint16(DnsWire::ResponseCode::NoError))
        return unknown(
                status,
                QStringLiteral("%1 answered %2 for the SOA of %3")
                        .arg(status.server, DnsWire::responseCodeName(message.rcode), zone.zone));
    for (const DnsWire::Record &record : message.answers) {
        if (record.type != quint16(DnsWire::RecordType::RRSIG)
            || !DnsWire::namesEqual(record.name, zone.zone))
            continue;
        QString error;
        const std::optional<DnsWire::Rrsig> rrsig = DnsWire::parseRrsig(record.rdata, &error);
        if (!rrsig)
            return unknown(status, QStringLiteral("from %1: %2").arg(status.server, error));
        if (rrsig->typeCovered != quint16(DnsWire::RecordType::SOA))
            continue;
        const qint64 left = DnsWire::secondsUntilExpiration(*rrsig, nowSecs);
        if (!status.secondsLeft || left < *status.secondsLeft)
            status.secondsLeft = left;
    }
    if (!status.secondsLeft)
        return unknown(status,
                       QStringLiteral("%1 gave no RRSIG for the SOA of %2 (is the zone signed?)")
                               .arg(status.server, zone.zone));
    status.expiresAt = QDateTime::fromSecsSinceEpoch(nowSecs + *status.secondsLeft, Qt::UTC);
    if (*status.secondsLeft <= 0)
        status.level = ZoneSignatureStatus::Level::Expired;
    else if (*status.secondsLeft < qint64(zone.warnDays) * SecondsPerDay)
        status.level = ZoneSignatureStatus::Level::Warning;
    else
        status.level = ZoneSignatureStatus::Level::Ok;
    return status;
}

QJsonObject zoneSignatureJson(const ZoneSignatureStatus &status)
{
    const auto orNull = [](const std::optional<qint64> &value) {
        return value ? QJsonValue(double(*value)) : QJsonValue();
    };
    return QJsonObject{
            {QStringLiteral("zone"), status.zone.zone},
            {QStringLiteral("resolver"), status.zone.resolver},
            {QStringLiteral("server"), status.server.isEmpty() ? QJsonValue() : status.server},
            {QStringLiteral("status"), zoneSignatureLevelName(status.level)},
            {QStringLiteral("expires"),
             status.expiresAt.isValid() ? QJsonValue(status.expiresAt.toString(Qt::ISODate))
                                        : QJsonValue()},
            {QStringLiteral("expires_in_s"), orNull(status.secondsLeft)},
            {QStringLiteral("expires_in_days"), orNull(status.daysLeft())},
            {QStringLiteral("warn_days"), status.zone.warnDays},
            {QStringLiteral("validated"), dnssecValidationJson(status.validation)},
            {QStringLiteral("detail"), status.detail.isEmpty() ? QJsonValue() : status.detail},
    };
}

QString zoneSignatureSentence(const ZoneSignatureStatus &status)
{
    const QString zone = QStringLiteral("%1 via %2").arg(status.zone.zone, status.zone.resolver);
    if (!status.daysLeft())
        return QStringLiteral("%1: signatures unknown: %2").arg(zone, status.detail);
    const QString when = status.expiresAt.toString(Qt::ISODate);
    if (status.level == ZoneSignatureStatus::Level::Expired)
        return QStringLiteral("%1: signatures EXPIRED (%2)").arg(zone, when);
    const QString sentence = QStringLiteral("%1: signatures expire in %2 days (%3)")
                                     .arg(zone)
                                     .arg(*status.daysLeft())
                                     .arg(when);
    if (status.level == ZoneSignatureStatus::Level::Warning)
        return sentence + QStringLiteral(" WARNING: under %1 days").arg(status.zone.warnDays);
    return sentence;
}

DnsClientOptions zoneClientOptions(const DnssecZoneConfig &zone,
                                   const QList<ResolverConfig> &resolvers)
{
    DnsClientOptions options;
    for (const ResolverConfig &resolver : resolvers) {
        if (resolver.name == zone.resolver)
            options = dnsClientOptions(resolver);
    }
    options.dnssecOk = true;
    return options;
}

ZoneClients::ZoneClients(const DnssecZoneConfig &zone, const QList<ResolverConfig> &resolvers,
                         Clock *clock)
    : zone(zone)
{
    DnsClientOptions options = zoneClientOptions(zone, resolvers);
    checked = std::make_unique<DnsClient>(options, clock);
    options.checkingDisabled = true;
    unchecked = std::make_unique<DnsClient>(options, clock);
}

ZoneClients::~ZoneClients() = default;

void askZoneSignatures(ZoneClients *clients, Clock *clock, QObject *context,
                       std::function<void(const ZoneSignatureStatus &)> done)
{
    const auto statusAt = [clients, clock](const DnsExchange &exchange) {
        return zoneSignatureStatus(clients->zone, exchange, clock->wallTime().toSecsSinceEpoch());
    };
    clients->checked->query(
            clients->zone.zone, quint16(DnsWire::RecordType::SOA), context,
            [clients, context, statusAt, done](const DnsExchange &exchange) {
                if (exchange.error != DnsExchange::Error::None
                    || exchange.response.rcode != quint16(DnsWire::ResponseCode::ServFail)) {
                    done(statusAt(exchange));
                    return;
                }
                clients->unchecked->query(clients->zone.zone, quint16(DnsWire::RecordType::SOA),
                                          context, [statusAt, done](const DnsExchange &unchecked) {
                                              ZoneSignatureStatus status = statusAt(unchecked);
                                              if (unchecked.error == DnsExchange::Error::None)
                                                  status.validation = DnssecValidation::NotValidated;
                                              done(status);
                                          });
            });
}

ZoneSignatureCheck::ZoneSignatureCheck(const AppConfig &config, Clock *clock, QObject *parent)
    : QObject(parent), m_zones(config.dnssecZones), m_resolvers(config.resolvers), m_clock(clock)
{ }

ZoneSignatureCheck::~ZoneSignatureCheck() = default;

void ZoneSignatureCheck::start()
{
    m_statuses.clear();
    m_pending = int(m_zones.size());
    for (qsizetype i = 0; i < m_zones.size(); ++i) {
        ZoneSignatureStatus placeholder;
        placeholder.zone = m_zones[i];
        m_statuses.append(placeholder);
    }
    if (m_zones.isEmpty()) {
        QMetaObject::invokeMethod(this, &ZoneSignatureCheck::finished, Qt::QueuedConnection);
        return;
    }
    for (qsizetype i = 0; i < m_zones.size(); ++i) {
        m_clients.push_back(std::make_unique<ZoneClients>(m_zones[i], m_resolvers, m_clock));
        askZoneSignatures(m_clients.back().get(), m_clock, this,
                          [this, i](const ZoneSignatureStatus &status) {
                              m_statuses[i] = status;
                              if (--m_pending == 0)
                                  Q_EMIT finished();
                          });
    }
}

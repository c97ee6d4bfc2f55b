#include "resolvereventlog.h"

#include "printabletext.h"

#include "logging.h"

QString eventKindName(ResolverEvent::Kind kind)
{
    switch (kind) {
    case ResolverEvent::Kind::FallbackEntered:
        return QStringLiteral("fallback_entered");
    case ResolverEvent::Kind::Recovered:
        return QStringLiteral("recovered");
    case ResolverEvent::Kind::ResolutionFailed:
        return QStringLiteral("resolution_failed");
    case ResolverEvent::Kind::AddressesChanged:
        return QStringLiteral("addresses_changed");
    case ResolverEvent::Kind::Pinned:
        return QStringLiteral("pinned");
    case ResolverEvent::Kind::Unpinned:
        return QStringLiteral("unpinned");
    case ResolverEvent::Kind::ForcedReResolve:
        return QStringLiteral("forced_re_resolve");
    case ResolverEvent::Kind::CacheCleared:
        return QStringLiteral("cache_cleared");
    case ResolverEvent::Kind::PathsDiverged:
        return QStringLiteral("paths_diverged");
    case ResolverEvent::Kind::PathsAgree:
        return QStringLiteral("paths_agree");
    case ResolverEvent::Kind::SoaSerialsDiverged:
        return QStringLiteral("soa_serials_diverged");
    case ResolverEvent::Kind::SoaSerialsAgree:
        return QStringLiteral("soa_serials_agree");
    case ResolverEvent::Kind::ZoneSignaturesExpiring:
        return QStringLiteral("zone_signatures_expiring");
    case ResolverEvent::Kind::ZoneSignaturesExpired:
        return QStringLiteral("zone_signatures_expired");
    case ResolverEvent::Kind::ZoneSignaturesOk:
        return QStringLiteral("zone_signatures_ok");
    }
    return QString();
}

namespace {

QString joinAddresses(const QList<QHostAddress> &addresses)
{
    return addressStrings(addresses).join(QLatin1String(", "));
}

ResolverEvent eventAbout(ResolverEvent::Kind kind, const QString &resolver, const QString &host)
{
    ResolverEvent event;
    event.kind = kind;
    event.resolver = resolver;
    event.host = host;
    return event;
}

ResolverEvent cleared(const QString &host, int count, const QString &what)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::CacheCleared, QString(), host);
    event.detail = QStringLiteral("%1 cleared (%2 entr%3)")
                           .arg(what)
                           .arg(count)
                           .arg(count == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    return event;
}

} // namespace

ResolverEventLog::ResolverEventLog(int limit) : m_limit(qMax(1, limit)) { }

void ResolverEventLog::record(const ResolverEvent &event)
{
    ++m_counts[int(event.kind)];
    m_recent.append(event);
    if (m_recent.size() > m_limit)
        m_recent.removeFirst();
    qCInfo(lcResolver).noquote() << eventKindName(event.kind) << printable(event.detail);
}

QString ResolverEventLog::reason(FailureCause cause, const QString &detail)
{
    return detail.isEmpty() ? causeName(cause) : detail;
}

ResolverEvent ResolverEventLog::fallbackEntered(const QString &resolver, const QString &host,
                                                const LookupResult &fallback, const QString &why)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::FallbackEntered, resolver, host);
    event.tier = fallback.source;
    event.cause = fallback.cause;
    event.after = fallback.addresses;
    event.detail = QStringLiteral("%1: %2; serving %3 addresses %4")
                           .arg(host, why, sourceName(fallback.source),
                                joinAddresses(fallback.addresses));
    return event;
}

ResolverEvent ResolverEventLog::recovered(const QString &resolver, const QString &host,
                                          ResolutionSource tier, const QString &server,
                                          const QList<QHostAddress> &addresses, qint64 degradedForS)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::Recovered, resolver, host);
    event.tier = tier;
    event.after = addresses;
    event.detail = tier != ResolutionSource::None
            ? QStringLiteral("%1 resolves again via %2 after %3 s on the %4 tier")
                      .arg(host, server)
                      .arg(degradedForS)
                      .arg(sourceName(tier))
            : QStringLiteral("%1 resolves again via %2 after %3 s of failure")
                      .arg(host, server)
                      .arg(degradedForS);
    return event;
}

ResolverEvent ResolverEventLog::resolutionFailed(const QString &resolver, const QString &host,
                                                 FailureCause cause, const QString &why)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::ResolutionFailed, resolver, host);
    event.cause = cause;
    event.detail = QStringLiteral("%1: %2; no fallback addresses").arg(host, why);
    return event;
}

ResolverEvent ResolverEventLog::addressesChanged(const QString &resolver, const QString &host,
                                                 const QList<QHostAddress> &before,
                                                 const QList<QHostAddress> &after, qint64 ttlS)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::AddressesChanged, resolver, host);
    event.before = before;
    event.after = after;
    event.ttlS = ttlS;
    event.detail = before.isEmpty()
            ? QStringLiteral("%1 exists again: %2").arg(host, joinAddresses(after))
            : QStringLiteral("%1 changed from %2 to %3")
                      .arg(host, joinAddresses(before), joinAddresses(after));
    return event;
}

ResolverEvent ResolverEventLog::becameNegative(const QString &resolver, const QString &host,
                                               FailureCause cause,
                                               const QList<QHostAddress> &before)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::AddressesChanged, resolver, host);
    event.cause = cause;
    event.before = before;
    event.detail = QStringLiteral("%1 now answers %2 (was %3)")
                           .arg(host, causeName(cause).toUpper(), joinAddresses(before));
    return event;
}

ResolverEvent ResolverEventLog::forcedReResolve(const QString &resolver, const QString &host,
                                                RecordKind kind)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::ForcedReResolve, resolver, host);
    event.detail = QStringLiteral("re-resolve of %1 (%2) forced").arg(host, recordKindName(kind));
    return event;
}

ResolverEvent ResolverEventLog::pinned(const QString &host, const PinnedFallback &pin)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::Pinned, QString(), host);
    event.tier = ResolutionSource::Pinned;
    event.after = pin.addresses;
    event.detail = QStringLiteral("%1 pinned to %2 by %3%4%5")
                           .arg(host, joinAddresses(pin.addresses),
                                pin.origin == PinnedFallback::Origin::Operator
                                        ? QStringLiteral("an operator")
                                        : QStringLiteral("the config"),
                                pin.reason.isEmpty() ? QString()
                                                     : QStringLiteral(" (%1)").arg(pin.reason),
                                pin.expiresAt ? QStringLiteral(" until %1")
                                                        .arg(pin.expiresAt->toString(Qt::ISODate))
                                              : QString());
    return event;
}

ResolverEvent ResolverEventLog::unpinned(const QString &host, const QList<QHostAddress> &was,
                                         const QString &why)
{
    ResolverEvent event = eventAbout(ResolverEvent::Kind::Unpinned, QString(), host);
    event.before = was;
    event.detail = QStringLiteral("%1 unpinned (was %2)%3")
                           .arg(host, joinAddresses(was),
                                why.isEmpty() ? QString() : QStringLiteral(": %1").arg(why));
    return event;
}

ResolverEvent ResolverEventLog::hostCleared(const QString &host, int entries)
{
    return cleared(host, entries, QStringLiteral("cache of %1").arg(host));
}

ResolverEvent ResolverEventLog::staleCleared(int entries)
{
    ResolverEvent event = cleared(QString(), entries, QStringLiteral("stale cache entries"));
    event.tier = ResolutionSource::Stale; // what was cleared: only the stale entries
    return event;
}

ResolverEvent ResolverEventLog::allCleared(int entries)
{
    return cleared(QString(), entries, QStringLiteral("whole cache"));
}

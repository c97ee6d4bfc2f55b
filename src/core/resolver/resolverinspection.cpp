// What the resolver holds, read out: the cache inspector's snapshots (one per entry, and one per
// pinned host nobody has asked for yet), the answers worth keeping across a restart, and the
// lookups in flight. Nothing here changes the cache.
#include "resolverentry.h"

#include <QSet>

KnownGoodAnswer Resolver::knownGoodOf(const Entry &entry) const
{
    KnownGoodAnswer kept;
    kept.resolver = m_backendNames[entry.key.backend];
    kept.host = entry.key.host;
    kept.kind = entry.key.kind;
    kept.addresses = entry.addresses;
    kept.server = entry.server;
    kept.resolvedAt = wallTimeAt(entry.resolvedAtMs);
    kept.expiresAt = wallTimeAt(entry.expiresAtMs);
    kept.validation = entry.validation;
    return kept;
}

QList<KnownGoodAnswer> Resolver::knownGood() const
{
    QList<KnownGoodAnswer> kept;
    for (const auto &entry : std::as_const(m_entries)) {
        if (entry->hasPositive)
            kept.append(knownGoodOf(*entry));
    }
    return kept;
}

QDateTime Resolver::wallTimeAt(qint64 monotonicMs) const
{
    return m_clock->wallTime().addMSecs(monotonicMs - m_clock->nowMs());
}

CacheEntrySnapshot Resolver::makeSnapshot(const Entry &entry) const
{
    const qint64 now = m_clock->nowMs();
    CacheEntrySnapshot snap;
    snap.resolver = m_backendNames[entry.key.backend];
    snap.host = entry.key.host;
    snap.kind = entry.key.kind;
    snap.hits = entry.hits;
    snap.lastFailure = entry.lastFailure;
    snap.lookupInFlight = entry.inFlight;
    if (entry.refreshTimer)
        snap.nextRetry = wallTimeAt(entry.nextRetryMs);
    using State = CacheEntrySnapshot::State;
    // Past the cache, the explicit tiers as they stand (an expired pin until its timer runs).
    const QHash<QString, PinnedFallback> &pins = m_fallbacks.pins();
    const QHash<QString, QList<QHostAddress>> &environment = m_fallbacks.environment();
    if (entry.hasPositive && now < entry.expiresAtMs) {
        snap.state = State::Fresh;
        snap.addresses = entry.addresses;
        snap.ttlLeftMs = entry.expiresAtMs - now;
        snap.validation = entry.validation;
    } else if (entry.negative && now < entry.negativeUntilMs) {
        snap.state = State::Negative;
        snap.ttlLeftMs = entry.negativeUntilMs - now;
        snap.validation = entry.validation;
    } else if (entry.hasPositive && now < entry.staleUntilMs) {
        snap.state = State::Stale;
        snap.addresses = entry.addresses;
        snap.staleSince = wallTimeAt(entry.expiresAtMs);
        snap.staleDeadline = wallTimeAt(entry.staleUntilMs);
        snap.validation = entry.validation;
    } else if (const auto pinFound = pins.constFind(entry.key.host); pinFound != pins.cend()) {
        snap.state = State::Pinned;
        snap.addresses = addressesOfKind(pinFound->addresses, entry.key.kind);
    } else if (const auto envFound = environment.constFind(entry.key.host);
               envFound != environment.cend()) {
        snap.state = State::Env;
        snap.addresses = addressesOfKind(envFound.value(), entry.key.kind);
    }
    return snap;
}

QList<CacheEntrySnapshot> Resolver::snapshot() const
{
    const QHash<QString, PinnedFallback> &pins = m_fallbacks.pins();
    QList<CacheEntrySnapshot> result;
    result.reserve(m_entries.size() + pins.size());
    QSet<QString> hostsWithEntries;
    for (const auto &entry : std::as_const(m_entries)) {
        result.append(makeSnapshot(*entry));
        hostsWithEntries.insert(entry->key.host);
    }
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        if (hostsWithEntries.contains(it.key()))
            continue;
        CacheEntrySnapshot snap;
        snap.host = it.key();
        snap.state = CacheEntrySnapshot::State::Pinned;
        snap.addresses = it->addresses;
        result.append(snap);
    }
    return result;
}

CacheEntrySnapshot Resolver::snapshotOf(const ResolveRequest &request) const
{
    bool known = false;
    const Key key = keyFor(request, &known);
    const auto found = m_entries.constFind(key);
    if (found != m_entries.cend())
        return makeSnapshot(**found);
    CacheEntrySnapshot snap;
    snap.resolver = request.resolver;
    snap.host = key.host;
    snap.kind = request.kind;
    return snap;
}

int Resolver::inFlightLookups() const
{
    int count = 0;
    for (const auto &entry : std::as_const(m_entries))
        count += entry->inFlight ? 1 : 0;
    return count;
}

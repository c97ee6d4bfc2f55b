#include "resolver.h"

#include "dns/dnsmessage.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QMetaMethod>
#include <QPointer>
#include <QRandomGenerator>

#include <vector>

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
    }
    return QString();
}

struct Resolver::Waiter
{
    RequestId id = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QElapsedTimer waited;
    Clock::TimerId responseTimer = 0;
};

struct Resolver::Entry
{
    enum class Health { Unknown, Healthy, Fallback, Failed, Negative };

    Key key;
    // The last positive answer; kept past expiry for the stale tier.
    bool hasPositive = false;
    QList<QHostAddress> addresses;
    qint64 resolvedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 staleUntilMs = 0;
    QString server;
    LookupResult cachedAnswer; // what a cache hit returns, but for the TTL left
    // The last negative answer (RFC 2308).
    bool negative = false;
    FailureCause negativeCause = FailureCause::None;
    qint64 negativeUntilMs = 0;

    Health health = Health::Unknown;
    ResolutionSource fallbackTier = ResolutionSource::None;
    qint64 degradedSinceMs = 0;
    FailureCause lastFailure = FailureCause::None;
    QString lastDetail;
    quint64 hits = 0;
    qint64 lastUsedMs = 0;

    bool inFlight = false;
    std::vector<Waiter> waiters;

    int refreshAttempt = 0;
    Clock::TimerId refreshTimer = 0;
    qint64 nextRetryMs = 0;
};

namespace {

QList<QHostAddress> addressesOfKind(const QList<QHostAddress> &all, RecordKind kind)
{
    if (kind == RecordKind::Both)
        return all;
    const auto wanted = kind == RecordKind::A ? QAbstractSocket::IPv4Protocol
                                              : QAbstractSocket::IPv6Protocol;
    QList<QHostAddress> result;
    for (const QHostAddress &address : all) {
        if (address.protocol() == wanted)
            result.append(address);
    }
    return result;
}

bool sameAddressSet(QList<QHostAddress> a, QList<QHostAddress> b)
{
    if (a.size() != b.size())
        return false;
    auto less = [](const QHostAddress &x, const QHostAddress &y) {
        return x.toString() < y.toString();
    };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    return a == b;
}

QString joinAddresses(const QList<QHostAddress> &addresses)
{
    return addressStrings(addresses).join(QLatin1String(", "));
}

// Hosts are compared lowercased without a trailing dot; most already are, so avoid a copy.
QString hostKey(const QString &host)
{
    const auto *begin = reinterpret_cast<const char16_t *>(host.utf16());
    const char16_t *end = begin + host.size();
    bool clean = begin == end || end[-1] != u'.';
    for (const char16_t *c = begin; clean && c != end; ++c)
        clean = *c < u'A' || *c > u'Z';
    return clean ? host : DnsWire::normalizedName(host);
}

} // namespace

Resolver::Resolver(const CachePolicy &policy, Clock *clock, QObject *parent)
    : QObject(parent), m_policy(policy), m_clock(clock)
{ }

Resolver::~Resolver()
{
    for (const auto &entry : std::as_const(m_entries)) {
        if (entry->refreshTimer)
            m_clock->cancel(entry->refreshTimer);
        for (const Waiter &waiter : entry->waiters) {
            if (waiter.responseTimer)
                m_clock->cancel(waiter.responseTimer);
        }
    }
}

void Resolver::addBackend(ResolverBackend *backend)
{
    Q_ASSERT(!this->backend(backend->name()));
    backend->setParent(this);
    m_backends.append(backend);
    m_backendNames.append(backend->name());
}

ResolverBackend *Resolver::backend(const QString &name) const
{
    for (ResolverBackend *candidate : m_backends) {
        if (candidate->name() == name)
            return candidate;
    }
    return nullptr;
}

QStringList Resolver::backendNames() const
{
    QStringList names;
    for (ResolverBackend *candidate : m_backends)
        names.append(candidate->name());
    return names;
}

void Resolver::setEnvFallback(const EnvFallback &fallback) { m_env = fallback; }

int Resolver::backendIndex(const QString &name) const
{
    for (int i = 0; i < m_backendNames.size(); ++i) {
        // Callers usually pass the very string the config holds: compare pointers first.
        const QString &candidate = m_backendNames[i];
        if ((candidate.constData() == name.constData() && candidate.size() == name.size())
            || candidate == name)
            return i;
    }
    return -1;
}

Resolver::Key Resolver::keyFor(const ResolveRequest &request, bool *knownBackend) const
{
    Key key;
    key.host = hostKey(request.host);
    key.kind = request.kind;
    key.backend = backendIndex(request.resolver);
    *knownBackend = key.backend >= 0;
    return key;
}

bool Resolver::answerFromFreshCache(const ResolveRequest &request, int backend,
                                    const Callback &callback)
{
    // Most callers pass names already in canonical form: try the name as given first.
    auto found = m_entries.constFind(Key{request.host, backend, request.kind});
    if (found == m_entries.cend()) {
        const QString canonical = hostKey(request.host);
        if (canonical.constData() == request.host.constData())
            return false;
        found = m_entries.constFind(Key{canonical, backend, request.kind});
        if (found == m_entries.cend())
            return false;
    }
    const qint64 now = m_clock->nowMs();
    Entry &entry = **found;
    if (!entry.hasPositive || now >= entry.expiresAtMs)
        return false;
    const std::shared_ptr<Entry> keepAlive = *found; // the callback may clear the cache
    entry.lastUsedMs = now;
    ++entry.hits;
    entry.cachedAnswer.ttlLeftMs = entry.expiresAtMs - now;
    Q_EMIT resolved(entry.cachedAnswer);
    callback(entry.cachedAnswer);
    return true;
}

std::shared_ptr<Resolver::Entry> Resolver::entryFor(const Key &key)
{
    auto found = m_entries.find(key);
    if (found != m_entries.end())
        return *found;
    auto entry = std::make_shared<Entry>();
    entry->key = key;
    m_entries.insert(key, entry);
    return entry;
}

LookupResult Resolver::baseResult(const Entry &entry) const
{
    LookupResult result;
    result.host = entry.key.host;
    result.resolver = m_backendNames[entry.key.backend];
    result.kind = entry.key.kind;
    result.server = entry.server;
    return result;
}

bool Resolver::serveFromCache(Entry &entry, qint64 now, LookupResult *out)
{
    if (entry.hasPositive && now < entry.expiresAtMs) {
        *out = entry.cachedAnswer; // built once when the answer was stored: the hot path
        out->ttlLeftMs = entry.expiresAtMs - now;
        ++entry.hits;
        return true;
    }
    if (entry.negative && now < entry.negativeUntilMs) {
        ++entry.hits;
        // An operator's pin or the emergency variable still applies to a deleted name.
        if (std::optional<LookupResult> pinned = explicitFallbackFor(entry, entry.negativeCause)) {
            noteFallback(entry, *pinned, entry.lastDetail);
            *out = std::move(*pinned);
            return true;
        }
        *out = baseResult(entry);
        out->source = ResolutionSource::Cache;
        out->cause = entry.negativeCause;
        out->ttlLeftMs = entry.negativeUntilMs - now;
        out->detail = QStringLiteral("cached %1").arg(causeName(entry.negativeCause));
        return true;
    }
    // While a background refresh is pending after a failure, answer from the fallback tier at
    // once instead of making every caller wait for another failure (RFC 8767 5, "failure
    // recheck"). The refresh finds out when DNS is back.
    if (entry.health == Entry::Health::Fallback && entry.refreshTimer && !entry.inFlight) {
        if (std::optional<LookupResult> fallback = fallbackFor(entry, entry.lastFailure)) {
            *out = std::move(*fallback);
            ++entry.hits;
            return true;
        }
    }
    return false;
}

Resolver::RequestId Resolver::resolve(const ResolveRequest &request, QObject *context,
                                      Callback callback, CacheUse use)
{
    const int backend = backendIndex(request.resolver);
    if (use == CacheUse::UseCache && backend >= 0
        && answerFromFreshCache(request, backend, callback))
        return 0; // the hot path: no copies, one clock read
    bool known = false;
    const Key key = keyFor(request, &known);
    if (!known) {
        LookupResult result;
        result.host = key.host;
        result.resolver = request.resolver;
        result.kind = request.kind;
        result.cause = FailureCause::Network;
        result.detail = QStringLiteral("no resolver named \"%1\"").arg(request.resolver);
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QMetaObject::invokeMethod(
                this,
                [guard, hasContext, callback, result] {
                    if (!hasContext || guard)
                        callback(result);
                },
                Qt::QueuedConnection);
        return 0;
    }

    // Held, not borrowed: an event emitted below may reach a slot that clears the cache.
    const std::shared_ptr<Entry> entry = entryFor(key);
    const qint64 now = m_clock->nowMs();
    entry->lastUsedMs = now;
    if (use == CacheUse::UseCache) {
        LookupResult cached;
        if (serveFromCache(*entry, now, &cached)) {
            Q_EMIT resolved(cached);
            callback(cached);
            return 0;
        }
    }

    Waiter waiter;
    waiter.id = m_nextRequest++;
    waiter.context = context;
    waiter.hasContext = context != nullptr;
    waiter.callback = std::move(callback);
    waiter.waited.start();
    if (fallbackFor(*entry, FailureCause::Timeout)) {
        const RequestId id = waiter.id;
        waiter.responseTimer = m_clock->callAfter(m_policy.clientResponseTimerMs, this,
                                                  [this, key, id] { onResponseTimer(key, id); });
    }
    const RequestId id = waiter.id;
    entry->waiters.push_back(std::move(waiter));
    m_waiting.insert(id, key);
    if (!entry->inFlight)
        startLookup(*entry);
    return id;
}

Resolver::RequestId Resolver::forceResolve(const ResolveRequest &request, QObject *context,
                                           Callback callback)
{
    ResolverEvent event;
    event.kind = ResolverEvent::Kind::ForcedReResolve;
    event.resolver = request.resolver;
    event.host = hostKey(request.host);
    event.detail = QStringLiteral("re-resolve of %1 (%2) forced")
                           .arg(event.host, recordKindName(request.kind));
    emitEvent(event);
    return resolve(request, context, std::move(callback), CacheUse::BypassCache);
}

void Resolver::abandon(RequestId id)
{
    auto found = m_waiting.find(id);
    if (found == m_waiting.end())
        return;
    const Key key = found.value();
    m_waiting.erase(found);
    auto entry = m_entries.value(key);
    if (!entry)
        return;
    auto &waiters = entry->waiters;
    for (auto it = waiters.begin(); it != waiters.end(); ++it) {
        if (it->id == id) {
            if (it->responseTimer)
                m_clock->cancel(it->responseTimer);
            waiters.erase(it);
            break;
        }
    }
}

void Resolver::startLookup(Entry &entry)
{
    entry.inFlight = true;
    const Key key = entry.key;
    qCDebug(lcResolver) << "live lookup" << key.host << recordKindName(key.kind) << "via"
                        << m_backendNames[key.backend];
    m_backends[key.backend]->lookup(
            key.host, key.kind, this,
            [this, key](const BackendAnswer &answer) { onLookupDone(key, answer); });
}

void Resolver::onLookupDone(const Key &key, const BackendAnswer &answer)
{
    const std::shared_ptr<Entry> entry = m_entries.value(key);
    if (!entry)
        return;
    entry->inFlight = false;
    if (!answer.addresses.isEmpty())
        storePositive(*entry, answer);
    else if (isNegativeAnswer(answer.cause) && !m_policy.fallbackOnNegative)
        storeNegative(*entry, answer);
    else
        recordFailure(*entry, answer);
}

void Resolver::storePositive(Entry &entry, const BackendAnswer &answer)
{
    const qint64 now = m_clock->nowMs();
    const bool givesTtl = m_backends[entry.key.backend]->givesTtl();
    const qint64 ttlS = qBound(qint64(m_policy.minTtlS),
                               givesTtl ? qint64(answer.ttlSeconds.value_or(0))
                                        : qint64(m_policy.defaultTtlS),
                               qint64(m_policy.maxTtlS));
    const QList<QHostAddress> before = entry.hasPositive ? entry.addresses : QList<QHostAddress>();
    const Entry::Health previous = entry.health;
    const bool wasNegative = entry.negative;

    entry.hasPositive = true;
    entry.addresses = answer.addresses;
    entry.resolvedAtMs = now;
    entry.expiresAtMs = now + ttlS * 1000;
    entry.staleUntilMs = entry.expiresAtMs + qint64(m_policy.maxStaleS) * 1000;
    entry.server = answer.server;
    entry.negative = false;
    entry.cachedAnswer = baseResult(entry);
    entry.cachedAnswer.source = ResolutionSource::Cache;
    entry.cachedAnswer.addresses = entry.addresses;
    cancelRefresh(entry);
    entry.refreshAttempt = 0;

    if (previous == Entry::Health::Fallback || previous == Entry::Health::Failed) {
        ResolverEvent event = eventAbout(entry.key, ResolverEvent::Kind::Recovered);
        event.tier = entry.fallbackTier;
        event.after = answer.addresses;
        const qint64 seconds = (now - entry.degradedSinceMs) / 1000;
        event.detail = previous == Entry::Health::Fallback
                ? QStringLiteral("%1 resolves again via %2 after %3 s on the %4 tier")
                          .arg(entry.key.host, answer.server)
                          .arg(seconds)
                          .arg(sourceName(entry.fallbackTier))
                : QStringLiteral("%1 resolves again via %2 after %3 s of failure")
                          .arg(entry.key.host, answer.server)
                          .arg(seconds);
        emitEvent(event);
    }
    if ((!before.isEmpty() && !sameAddressSet(before, answer.addresses)) || wasNegative) {
        ResolverEvent event = eventAbout(entry.key, ResolverEvent::Kind::AddressesChanged);
        event.before = before;
        event.after = answer.addresses;
        event.detail = before.isEmpty()
                ? QStringLiteral("%1 exists again: %2")
                          .arg(entry.key.host, joinAddresses(answer.addresses))
                : QStringLiteral("%1 changed from %2 to %3")
                          .arg(entry.key.host, joinAddresses(before),
                               joinAddresses(answer.addresses));
        emitEvent(event);
    }
    entry.health = Entry::Health::Healthy;
    entry.fallbackTier = ResolutionSource::None;
    entry.lastFailure = FailureCause::None;
    entry.lastDetail.clear();
    noteKnownGood(entry);

    answerWaiters(entry, [&] {
        LookupResult result = baseResult(entry);
        result.source = ResolutionSource::Fresh;
        result.addresses = entry.addresses;
        result.ttlLeftMs = ttlS * 1000;
        return result;
    });
}

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
    return kept;
}

void Resolver::noteKnownGood(const Entry &entry)
{
    if (isSignalConnected(QMetaMethod::fromSignal(&Resolver::knownGoodStored)))
        Q_EMIT knownGoodStored(knownGoodOf(entry));
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

int Resolver::restoreKnownGood(const QList<KnownGoodAnswer> &answers)
{
    const qint64 now = m_clock->nowMs();
    const QDateTime wallNow = m_clock->wallTime();
    int restored = 0;
    for (const KnownGoodAnswer &answer : answers) {
        const int backend = backendIndex(answer.resolver);
        if (backend < 0 || answer.addresses.isEmpty() || !answer.expiresAt.isValid())
            continue;
        const qint64 expiresAtMs = now + wallNow.msecsTo(answer.expiresAt);
        const qint64 staleUntilMs = expiresAtMs + qint64(m_policy.maxStaleS) * 1000;
        if (staleUntilMs <= now)
            continue;
        const std::shared_ptr<Entry> entry = entryFor(Key{answer.host, backend, answer.kind});
        if (entry->hasPositive || entry->negative)
            continue;
        entry->hasPositive = true;
        entry->addresses = answer.addresses;
        entry->resolvedAtMs = now + wallNow.msecsTo(answer.resolvedAt);
        entry->expiresAtMs = std::min(expiresAtMs, now);
        entry->staleUntilMs = staleUntilMs;
        entry->server = answer.server;
        entry->lastDetail = QStringLiteral("answer kept from %1 via %2")
                                    .arg(answer.resolvedAt.toString(Qt::ISODate), answer.server);
        entry->cachedAnswer = baseResult(*entry);
        entry->cachedAnswer.source = ResolutionSource::Cache;
        entry->cachedAnswer.addresses = entry->addresses;
        ++restored;
    }
    return restored;
}

void Resolver::storeNegative(Entry &entry, const BackendAnswer &answer)
{
    const qint64 now = m_clock->nowMs();
    const bool givesTtl = m_backends[entry.key.backend]->givesTtl();
    // RFC 2308: min(SOA TTL, SOA MINIMUM), capped. Without an SOA a DNS answer is not cached
    // (RFC 2308 5); the system resolver never shows one, so it gets the default TTL.
    const qint64 raw = answer.negativeTtlSeconds ? qint64(*answer.negativeTtlSeconds)
            : givesTtl                           ? 0
                                                 : qint64(m_policy.defaultTtlS);
    const qint64 ttlS = qBound(qint64(0), raw, qint64(m_policy.negativeTtlMaxS));

    if (entry.hasPositive) {
        ResolverEvent event = eventAbout(entry.key, ResolverEvent::Kind::AddressesChanged);
        event.cause = answer.cause;
        event.before = entry.addresses;
        event.detail = QStringLiteral("%1 now answers %2 (was %3)")
                               .arg(entry.key.host, causeName(answer.cause).toUpper(),
                                    joinAddresses(entry.addresses));
        emitEvent(event);
    }
    entry.hasPositive = false;
    entry.addresses.clear();
    entry.negative = true;
    entry.negativeCause = answer.cause;
    entry.negativeUntilMs = now + ttlS * 1000;
    entry.server = answer.server;
    entry.lastFailure = answer.cause;
    entry.lastDetail = answer.detail;
    cancelRefresh(entry);
    entry.refreshAttempt = 0;
    // Stale data is dropped (the name is gone), but pins and the environment tier are what an
    // operator asked for: they still answer, visibly, with the negative cause.
    const std::optional<LookupResult> explicitTier = explicitFallbackFor(entry, answer.cause);
    if (explicitTier) {
        noteFallback(entry, *explicitTier,
                     answer.detail.isEmpty() ? causeName(answer.cause) : answer.detail);
    } else {
        entry.health = Entry::Health::Negative;
        entry.fallbackTier = ResolutionSource::None;
    }

    answerWaiters(entry, [&] {
        if (explicitTier)
            return *explicitTier;
        LookupResult result = baseResult(entry);
        result.source = ResolutionSource::Fresh;
        result.cause = answer.cause;
        result.ttlLeftMs = ttlS * 1000;
        result.detail = answer.detail;
        return result;
    });
}

void Resolver::recordFailure(Entry &entry, const BackendAnswer &answer)
{
    const qint64 now = m_clock->nowMs();
    entry.lastFailure = answer.cause;
    entry.lastDetail = answer.detail;
    if (!answer.server.isEmpty())
        entry.server = answer.server;
    std::optional<LookupResult> fallback = fallbackFor(entry, answer.cause);

    if (fallback && fallback->source != ResolutionSource::Cache) {
        noteFallback(entry, *fallback,
                     answer.detail.isEmpty() ? causeName(answer.cause) : answer.detail);
        scheduleRefresh(entry);
    } else if (!fallback) {
        if (entry.health != Entry::Health::Failed) {
            if (entry.health != Entry::Health::Fallback)
                entry.degradedSinceMs = now;
            ResolverEvent event = eventAbout(entry.key, ResolverEvent::Kind::ResolutionFailed);
            event.cause = answer.cause;
            event.detail = QStringLiteral("%1: %2; no fallback addresses")
                                   .arg(entry.key.host,
                                        answer.detail.isEmpty() ? causeName(answer.cause)
                                                                : answer.detail);
            emitEvent(event);
        }
        entry.health = Entry::Health::Failed;
        entry.fallbackTier = ResolutionSource::None;
        cancelRefresh(entry);
    }

    answerWaiters(entry, [&] {
        if (fallback)
            return *fallback;
        LookupResult result = baseResult(entry);
        result.source = ResolutionSource::None;
        result.cause = answer.cause;
        result.detail = answer.detail;
        return result;
    });
}

std::optional<LookupResult> Resolver::fallbackFor(const Entry &entry, FailureCause cause) const
{
    const qint64 now = m_clock->nowMs();
    LookupResult result = baseResult(entry);
    result.cause = cause;
    result.detail = entry.lastDetail;
    if (entry.hasPositive && now < entry.expiresAtMs) {
        // A forced lookup failed while the cached answer is still valid: that is no fallback.
        result.source = ResolutionSource::Cache;
        result.addresses = entry.addresses;
        result.ttlLeftMs = entry.expiresAtMs - now;
        return result;
    }
    if (entry.hasPositive && now < entry.staleUntilMs) {
        result.source = ResolutionSource::Stale;
        result.addresses = entry.addresses;
        result.ttlLeftMs = qint64(m_policy.staleTtlS) * 1000;
        return result;
    }
    return explicitFallbackFor(entry, cause);
}

std::optional<LookupResult> Resolver::explicitFallbackFor(const Entry &entry,
                                                          FailureCause cause) const
{
    LookupResult result = baseResult(entry);
    result.cause = cause;
    result.detail = entry.lastDetail;
    result.server.clear();
    // Pure: an expired pin is skipped here and removed (with its event) by its own timer.
    auto pinFound = m_pins.constFind(entry.key.host);
    if (pinFound != m_pins.cend() && pinFound->expiresAt
        && *pinFound->expiresAt <= m_clock->wallTime())
        pinFound = m_pins.cend();
    if (pinFound != m_pins.cend()) {
        result.addresses = addressesOfKind(pinFound->addresses, entry.key.kind);
        if (!result.addresses.isEmpty()) {
            result.source = ResolutionSource::Pinned;
            return result;
        }
    }
    const auto envFound = m_env.addressesByHost.constFind(entry.key.host);
    if (envFound != m_env.addressesByHost.cend()) {
        result.addresses = addressesOfKind(envFound.value(), entry.key.kind);
        if (!result.addresses.isEmpty()) {
            result.source = ResolutionSource::Env;
            return result;
        }
    }
    return std::nullopt;
}

ResolverEvent Resolver::eventAbout(const Key &key, ResolverEvent::Kind kind) const
{
    ResolverEvent event;
    event.kind = kind;
    event.resolver = m_backendNames[key.backend];
    event.host = key.host;
    return event;
}

void Resolver::noteFallback(Entry &entry, const LookupResult &fallback, const QString &why)
{
    if (entry.health == Entry::Health::Fallback && entry.fallbackTier == fallback.source)
        return; // no transition
    if (entry.health != Entry::Health::Fallback && entry.health != Entry::Health::Failed)
        entry.degradedSinceMs = m_clock->nowMs();
    ResolverEvent event = eventAbout(entry.key, ResolverEvent::Kind::FallbackEntered);
    event.tier = fallback.source;
    event.cause = fallback.cause;
    event.after = fallback.addresses;
    event.detail = QStringLiteral("%1: %2; serving %3 addresses %4")
                           .arg(entry.key.host, why, sourceName(fallback.source),
                                joinAddresses(fallback.addresses));
    emitEvent(event);
    entry.health = Entry::Health::Fallback;
    entry.fallbackTier = fallback.source;
}

void Resolver::answerWaiters(Entry &entry, const std::function<LookupResult()> &make)
{
    if (entry.waiters.empty())
        return;
    const LookupResult result = make();
    std::vector<Waiter> waiters;
    waiters.swap(entry.waiters);
    // Keep the entry alive: a callback may clear the cache.
    const std::shared_ptr<Entry> keepAlive = m_entries.value(entry.key);
    for (Waiter &waiter : waiters)
        answer(waiter, result);
}

void Resolver::answer(Waiter &waiter, LookupResult result)
{
    if (waiter.responseTimer)
        m_clock->cancel(waiter.responseTimer);
    // Abandoned meanwhile (perhaps by another caller's callback in this same round): no answer.
    if (!m_waiting.remove(waiter.id))
        return;
    result.latencyUs = waiter.waited.nsecsElapsed() / 1000;
    Q_EMIT resolved(result);
    if (!waiter.hasContext || waiter.context)
        waiter.callback(result);
}

void Resolver::onResponseTimer(const Key &key, RequestId id)
{
    const std::shared_ptr<Entry> entry = m_entries.value(key);
    if (!entry)
        return;
    auto &waiters = entry->waiters;
    auto it = std::find_if(waiters.begin(), waiters.end(),
                           [id](const Waiter &w) { return w.id == id; });
    if (it == waiters.end())
        return;
    it->responseTimer = 0;
    const QString slow = QStringLiteral("no answer within %1 ms (client response timer); the "
                                        "lookup goes on in the background")
                                 .arg(m_policy.clientResponseTimerMs);
    const QString previousDetail = entry->lastDetail;
    entry->lastDetail = slow;
    std::optional<LookupResult> fallback = fallbackFor(*entry, FailureCause::Timeout);
    entry->lastDetail = previousDetail;
    if (!fallback)
        return; // the fallback vanished meanwhile (cleared, unpinned): wait for the lookup
    // Out of the list before any event goes out: a slot may add waiters or clear the cache.
    Waiter waiter = std::move(*it);
    waiters.erase(it);
    if (fallback->source != ResolutionSource::Cache)
        noteFallback(*entry, *fallback, slow);
    answer(waiter, *fallback);
}

qint64 Resolver::refreshDelayMs(int attempt) const
{
    // Exponential backoff with "equal jitter": half fixed, half random, so refreshes of many
    // names that failed together spread out.
    const qint64 initial = qMax(1, m_policy.refreshBackoffInitialMs);
    const qint64 cap = qMax<qint64>(initial, m_policy.refreshBackoffMaxMs);
    const qint64 base = qMin(cap, initial << qMin(attempt, 30));
    const qint64 half = base / 2;
    return half + qint64(QRandomGenerator::global()->bounded(quint64(base - half) + 1));
}

void Resolver::scheduleRefresh(Entry &entry)
{
    if (entry.refreshTimer)
        return;
    const qint64 delay = refreshDelayMs(entry.refreshAttempt++);
    entry.nextRetryMs = m_clock->nowMs() + delay;
    const Key key = entry.key;
    entry.refreshTimer = m_clock->callAfter(delay, this, [this, key] {
        const std::shared_ptr<Entry> current = m_entries.value(key);
        if (!current)
            return;
        current->refreshTimer = 0;
        if (current->health != Entry::Health::Fallback)
            return;
        const qint64 idleMs = m_clock->nowMs() - current->lastUsedMs;
        if (idleMs > qint64(m_policy.maxStaleS) * 1000)
            return; // nobody has asked for this name in a long time
        if (!current->inFlight)
            startLookup(*current);
    });
}

void Resolver::cancelRefresh(Entry &entry)
{
    if (entry.refreshTimer) {
        m_clock->cancel(entry.refreshTimer);
        entry.refreshTimer = 0;
    }
    entry.nextRetryMs = 0;
}

void Resolver::emitEvent(ResolverEvent event)
{
    event.time = m_clock->wallTime();
    ++m_eventCounts[int(event.kind)];
    m_recentEvents.append(event);
    if (m_recentEvents.size() > RecentEventLimit)
        m_recentEvents.removeFirst();
    qCInfo(lcResolver).noquote() << eventKindName(event.kind) << event.detail;
    Q_EMIT eventOccurred(event);
}

void Resolver::pinAddresses(const QString &host, const PinnedFallback &pin)
{
    const QString key = hostKey(host);
    PinnedFallback stored = pin;
    if (!stored.pinnedAt.isValid())
        stored.pinnedAt = m_clock->wallTime();
    m_pins.insert(key, stored);
    if (stored.expiresAt) {
        const qint64 delayMs = qMax<qint64>(0, m_clock->wallTime().msecsTo(*stored.expiresAt));
        const QDateTime pinnedAt = stored.pinnedAt;
        m_clock->callAfter(delayMs, this, [this, key, pinnedAt] {
            const auto current = m_pins.constFind(key);
            if (current != m_pins.cend() && current->pinnedAt == pinnedAt) // not re-pinned
                unpinAddresses(key, QStringLiteral("pin expired"));
        });
    }
    ResolverEvent event;
    event.kind = ResolverEvent::Kind::Pinned;
    event.host = key;
    event.tier = ResolutionSource::Pinned;
    event.after = stored.addresses;
    event.detail = QStringLiteral("%1 pinned to %2 by %3%4%5")
                           .arg(key, joinAddresses(stored.addresses),
                                stored.origin == PinnedFallback::Origin::Operator
                                        ? QStringLiteral("an operator")
                                        : QStringLiteral("the config"),
                                stored.reason.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" (%1)").arg(stored.reason),
                                stored.expiresAt
                                        ? QStringLiteral(" until %1")
                                                  .arg(stored.expiresAt->toString(Qt::ISODate))
                                        : QString());
    emitEvent(event);
}

bool Resolver::unpinAddresses(const QString &host, const QString &why)
{
    const QString key = hostKey(host);
    auto found = m_pins.find(key);
    if (found == m_pins.end())
        return false;
    ResolverEvent event;
    event.kind = ResolverEvent::Kind::Unpinned;
    event.host = key;
    event.before = found->addresses;
    event.detail = QStringLiteral("%1 unpinned (was %2)%3")
                           .arg(key, joinAddresses(found->addresses),
                                why.isEmpty() ? QString() : QStringLiteral(": %1").arg(why));
    m_pins.erase(found);
    emitEvent(event);
    return true;
}

void Resolver::setConfigPins(const QHash<QString, QList<QHostAddress>> &addressesByHost)
{
    QStringList stale;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it) {
        if (it->origin == PinnedFallback::Origin::Config
            && addressesByHost.value(it.key()) != it->addresses)
            stale.append(it.key());
    }
    for (const QString &host : std::as_const(stale))
        unpinAddresses(host, QStringLiteral("removed from the config"));
    for (auto it = addressesByHost.cbegin(); it != addressesByHost.cend(); ++it) {
        const QString key = hostKey(it.key());
        if (it->isEmpty() || m_pins.contains(key))
            continue; // an operator pin (or the same config pin) stays
        PinnedFallback pin;
        pin.addresses = it.value();
        pin.origin = PinnedFallback::Origin::Config;
        pin.reason = QStringLiteral("fallback_ips in the config");
        pinAddresses(key, pin);
    }
}

std::optional<PinnedFallback> Resolver::pin(const QString &host) const
{
    const auto found = m_pins.constFind(hostKey(host));
    if (found == m_pins.cend())
        return std::nullopt;
    return found.value();
}

QHash<QString, PinnedFallback> Resolver::pins() const { return m_pins; }

void Resolver::resetEntryData(Entry &entry)
{
    cancelRefresh(entry);
    const Key key = entry.key;
    const bool inFlight = entry.inFlight;
    std::vector<Waiter> waiters;
    waiters.swap(entry.waiters);
    entry = Entry();
    entry.key = key;
    entry.inFlight = inFlight;
    entry.waiters.swap(waiters);
}

namespace {
ResolverEvent clearEvent(const QString &host, int count, const QString &what)
{
    ResolverEvent event;
    event.kind = ResolverEvent::Kind::CacheCleared;
    event.host = host;
    event.detail = QStringLiteral("%1 cleared (%2 entr%3)")
                           .arg(what)
                           .arg(count)
                           .arg(count == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    return event;
}
} // namespace

int Resolver::clearHost(const QString &host)
{
    const QString key = hostKey(host);
    int count = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it.key().host != key) {
            ++it;
            continue;
        }
        ++count;
        if ((*it)->inFlight) {
            resetEntryData(**it);
            ++it;
        } else {
            it = m_entries.erase(it);
        }
    }
    emitEvent(clearEvent(key, count, QStringLiteral("cache of %1").arg(key)));
    return count;
}

int Resolver::clearStale()
{
    const qint64 now = m_clock->nowMs();
    int count = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        Entry &entry = **it;
        const bool stale = (entry.hasPositive && now >= entry.expiresAtMs)
                || (entry.negative && now >= entry.negativeUntilMs);
        if (!stale) {
            ++it;
            continue;
        }
        ++count;
        if (entry.inFlight) {
            resetEntryData(entry);
            ++it;
        } else {
            it = m_entries.erase(it);
        }
    }
    emitEvent(clearEvent(QString(), count, QStringLiteral("stale cache entries")));
    return count;
}

int Resolver::clearAll()
{
    int count = int(m_entries.size());
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if ((*it)->inFlight) {
            resetEntryData(**it);
            ++it;
        } else {
            it = m_entries.erase(it);
        }
    }
    emitEvent(clearEvent(QString(), count, QStringLiteral("whole cache")));
    return count;
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
    if (entry.hasPositive && now < entry.expiresAtMs) {
        snap.state = State::Fresh;
        snap.addresses = entry.addresses;
        snap.ttlLeftMs = entry.expiresAtMs - now;
    } else if (entry.negative && now < entry.negativeUntilMs) {
        snap.state = State::Negative;
        snap.ttlLeftMs = entry.negativeUntilMs - now;
    } else if (entry.hasPositive && now < entry.staleUntilMs) {
        snap.state = State::Stale;
        snap.addresses = entry.addresses;
        snap.staleSince = wallTimeAt(entry.expiresAtMs);
        snap.staleDeadline = wallTimeAt(entry.staleUntilMs);
    } else if (const auto pinFound = m_pins.constFind(entry.key.host); pinFound != m_pins.cend()) {
        snap.state = State::Pinned;
        snap.addresses = addressesOfKind(pinFound->addresses, entry.key.kind);
    } else if (const auto envFound = m_env.addressesByHost.constFind(entry.key.host);
               envFound != m_env.addressesByHost.cend()) {
        snap.state = State::Env;
        snap.addresses = addressesOfKind(envFound.value(), entry.key.kind);
    }
    return snap;
}

QList<CacheEntrySnapshot> Resolver::snapshot() const
{
    QList<CacheEntrySnapshot> result;
    result.reserve(m_entries.size() + m_pins.size());
    QSet<QString> hostsWithEntries;
    for (const auto &entry : std::as_const(m_entries)) {
        result.append(makeSnapshot(*entry));
        hostsWithEntries.insert(entry->key.host);
    }
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it) {
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

#include "resolverentry.h"

#include "logging.h"

#include <QMetaMethod>
#include <QRandomGenerator>

#include <utility>

namespace {

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

// An event with the DNSSEC verdict and the Extended DNS Errors of the answer it is about.
ResolverEvent aboutAnswer(ResolverEvent event, const BackendAnswer &answer)
{
    event.validation = answer.validation;
    event.extendedErrors = answer.extendedErrors;
    return event;
}

} // namespace

Resolver::Resolver(const CachePolicy &policy, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_clock(clock)
    , m_fallbacks(clock, [this](const FallbackRegistry::Change &change) { onPinChanged(change); })
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

void Resolver::setEnvFallback(const EnvFallback &fallback) { m_fallbacks.setEnvironment(fallback); }

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
    key.host = canonicalHost(request.host);
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
        const QString canonical = canonicalHost(request.host);
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
    result.validation = entry.validation;
    result.extendedErrors = entry.lastExtendedErrors;
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
    emitEvent(ResolverEventLog::forcedReResolve(request.resolver, canonicalHost(request.host),
                                                request.kind));
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

void Resolver::onLookupDone(const Key &key, const BackendAnswer &backendAnswer)
{
    const std::shared_ptr<Entry> entry = m_entries.value(key);
    if (!entry)
        return;
    entry->inFlight = false;
    BackendAnswer answer = backendAnswer;
    if (const auto expectation = m_expectations.constFind(key.host);
        expectation != m_expectations.cend())
        refuseUnexpectedAnswer(*expectation, &answer);
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
    entry.validation = answer.validation;
    entry.negative = false;
    entry.lastExtendedErrors = answer.extendedErrors;
    entry.cachedAnswer = baseResult(entry);
    entry.cachedAnswer.source = ResolutionSource::Cache;
    entry.cachedAnswer.addresses = entry.addresses;
    cancelRefresh(entry);
    entry.refreshAttempt = 0;

    if (previous == Entry::Health::Fallback || previous == Entry::Health::Failed) {
        // A failed entry has no tier (recordFailure clears it): the event says "of failure".
        emitEvent(aboutAnswer(ResolverEventLog::recovered(resolverOf(entry), entry.key.host,
                                                          entry.fallbackTier, answer.server,
                                                          answer.addresses,
                                                          (now - entry.degradedSinceMs) / 1000),
                              answer));
    }
    if ((!before.isEmpty() && !sameAddressSet(before, answer.addresses)) || wasNegative) {
        emitEvent(aboutAnswer(ResolverEventLog::addressesChanged(resolverOf(entry), entry.key.host,
                                                                 before, answer.addresses, ttlS),
                              answer));
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

void Resolver::noteKnownGood(const Entry &entry)
{
    if (isSignalConnected(QMetaMethod::fromSignal(&Resolver::knownGoodStored)))
        Q_EMIT knownGoodStored(knownGoodOf(entry));
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
        entry->validation = answer.validation;
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
        emitEvent(aboutAnswer(ResolverEventLog::becameNegative(resolverOf(entry), entry.key.host,
                                                               answer.cause, entry.addresses),
                              answer));
    }
    entry.hasPositive = false;
    entry.addresses.clear();
    entry.negative = true;
    entry.negativeCause = answer.cause;
    entry.negativeUntilMs = now + ttlS * 1000;
    entry.server = answer.server;
    entry.validation = answer.validation;
    entry.lastFailure = answer.cause;
    entry.lastDetail = answer.detail;
    entry.lastExtendedErrors = answer.extendedErrors;
    cancelRefresh(entry);
    entry.refreshAttempt = 0;
    // Stale data is dropped (the name is gone), but pins and the environment tier are what an
    // operator asked for: they still answer, visibly, with the negative cause.
    const std::optional<LookupResult> explicitTier = explicitFallbackFor(entry, answer.cause);
    if (explicitTier) {
        noteFallback(entry, *explicitTier, ResolverEventLog::reason(answer.cause, answer.detail));
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
    entry.lastExtendedErrors = answer.extendedErrors;
    if (!answer.server.isEmpty())
        entry.server = answer.server;
    std::optional<LookupResult> fallback = fallbackFor(entry, answer.cause);

    if (fallback && fallback->source != ResolutionSource::Cache) {
        noteFallback(entry, *fallback, ResolverEventLog::reason(answer.cause, answer.detail));
        scheduleRefresh(entry);
    } else if (!fallback) {
        if (entry.health != Entry::Health::Failed) {
            if (entry.health != Entry::Health::Fallback)
                entry.degradedSinceMs = now;
            emitEvent(aboutAnswer(ResolverEventLog::resolutionFailed(
                                          resolverOf(entry), entry.key.host, answer.cause,
                                          ResolverEventLog::reason(answer.cause, answer.detail)),
                                  answer));
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
        result.validation = answer.validation;
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
    // Pure: an expired pin is skipped here and removed (with its event) by its own timer.
    std::optional<FallbackRegistry::Addresses> found = m_fallbacks.addressesFor(entry.key.host,
                                                                                entry.key.kind);
    if (!found)
        return std::nullopt;
    LookupResult result = baseResult(entry);
    result.cause = cause;
    result.detail = entry.lastDetail;
    result.server.clear();
    result.validation = DnssecValidation::NotAsked; // an operator's addresses, not DNS's
    result.source = found->source;
    result.addresses = std::move(found->addresses);
    return result;
}

const QString &Resolver::resolverOf(const Entry &entry) const
{
    return m_backendNames[entry.key.backend];
}

void Resolver::noteFallback(Entry &entry, const LookupResult &fallback, const QString &why)
{
    if (entry.health == Entry::Health::Fallback && entry.fallbackTier == fallback.source)
        return; // no transition
    if (entry.health != Entry::Health::Fallback && entry.health != Entry::Health::Failed)
        entry.degradedSinceMs = m_clock->nowMs();
    ResolverEvent event = ResolverEventLog::fallbackEntered(resolverOf(entry), entry.key.host,
                                                            fallback, why);
    // The answer served: a stale one keeps its verdict; the errors are the failure's.
    event.validation = fallback.validation;
    event.extendedErrors = fallback.extendedErrors;
    emitEvent(std::move(event));
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

Resolver::ActingFor::ActingFor(Resolver *resolver, const QString &actor)
    : m_resolver(resolver), m_previous(std::exchange(resolver->m_actingFor, actor))
{ }

Resolver::ActingFor::~ActingFor() { m_resolver->m_actingFor = m_previous; }

void Resolver::emitEvent(ResolverEvent event)
{
    event.time = m_clock->wallTime();
    if (event.actor.isEmpty())
        event.actor = m_actingFor;
    m_events.record(event);
    Q_EMIT eventOccurred(event);
}

void Resolver::onPinChanged(const FallbackRegistry::Change &change)
{
    emitEvent(change.kind == FallbackRegistry::Change::Kind::Pinned
                      ? ResolverEventLog::pinned(change.host, change.pin)
                      : ResolverEventLog::unpinned(change.host, change.pin.addresses, change.why));
}

void Resolver::pinAddresses(const QString &host, const PinnedFallback &pin)
{
    m_fallbacks.pin(host, pin);
}

bool Resolver::unpinAddresses(const QString &host, const QString &why)
{
    return m_fallbacks.unpin(host, why);
}

void Resolver::setConfigPins(const QHash<QString, QList<QHostAddress>> &addressesByHost)
{
    m_fallbacks.setConfigPins(addressesByHost);
}

void Resolver::setAddressExpectations(const QHash<QString, AddressExpectation> &byHost)
{
    m_expectations = byHost;
}

std::optional<PinnedFallback> Resolver::pin(const QString &host) const
{
    return m_fallbacks.pinOf(host);
}

QHash<QString, PinnedFallback> Resolver::pins() const { return m_fallbacks.pins(); }

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

int Resolver::clearHost(const QString &host)
{
    const QString key = canonicalHost(host);
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
    emitEvent(ResolverEventLog::hostCleared(key, count));
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
    emitEvent(ResolverEventLog::staleCleared(count));
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
    emitEvent(ResolverEventLog::allCleared(count));
    return count;
}

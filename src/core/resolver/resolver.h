#pragma once

#include "addressexpectation.h"
#include "cacheentrysnapshot.h"
#include "cachepolicy.h"
#include "clock.h"
#include "envfallback.h"
#include "fallbackregistry.h"
#include "knowngoodanswer.h"
#include "pinnedfallback.h"
#include "resolverbackend.h"
#include "resolverevent.h"
#include "resolvereventlog.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

// What a caller asks for: a host through one named resolver, for one or both families.
struct ResolveRequest
{
    QString host;
    QString resolver = QStringLiteral("system");
    RecordKind kind = RecordKind::Both;
};

// The resolution contract: fresh cache, then one live lookup shared by every caller
// of a name, then stale data (RFC 8767), pinned fallback addresses, the environment fallback,
// and finally a failure that names its cause. Negative answers are cached (RFC 2308). Every
// transition is an event.
// resolver.cpp is the cache and the lookups; the pins and the environment tier are a
// FallbackRegistry, the events' words and counts a ResolverEventLog, and what the cache holds is
// read out in resolverinspection.cpp.
class Resolver : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const LookupResult &)>;
    using RequestId = quint64;
    enum class CacheUse { UseCache, BypassCache };

    // While one lives, the events this resolver emits carry actor: who asked for what is being
    // done (an operator's name). What the resolver does later on its own carries none.
    class ActingFor
    {
    public:
        ActingFor(Resolver *resolver, const QString &actor);
        ~ActingFor();
        ActingFor(const ActingFor &) = delete;
        ActingFor &operator=(const ActingFor &) = delete;

    private:
        Resolver *m_resolver;
        QString m_previous;
    };

    Resolver(const CachePolicy &policy, Clock *clock, QObject *parent = nullptr);
    ~Resolver() override;

    // The resolver takes ownership. "system" is one like any other; names are unique.
    void addBackend(ResolverBackend *backend);
    ResolverBackend *backend(const QString &name) const;
    QStringList backendNames() const;

    void setEnvFallback(const EnvFallback &fallback);
    const CachePolicy &policy() const { return m_policy; }
    Clock *clock() const { return m_clock; }

    // Answers from the fresh cache at once (the callback runs before this returns); otherwise the
    // callback runs later with the live answer, or with a fallback when the live lookup fails or
    // is slower than the client response timer. The callback is dropped if context is destroyed
    // or the request is abandoned; the shared lookup goes on for the others.
    RequestId resolve(const ResolveRequest &request, QObject *context, Callback callback,
                      CacheUse use = CacheUse::UseCache);
    // Bypasses the fresh cache (still shared with a lookup already running) and is logged.
    RequestId forceResolve(const ResolveRequest &request, QObject *context, Callback callback);
    void abandon(RequestId id);

    // Fallback addresses for a host, whatever resolver or family is asked for.
    void pinAddresses(const QString &host, const PinnedFallback &pin);
    bool unpinAddresses(const QString &host, const QString &why = QString());
    // Replaces every config-origin pin (operator pins stay).
    void setConfigPins(const QHash<QString, QList<QHostAddress>> &addressesByHost);
    std::optional<PinnedFallback> pin(const QString &host) const;
    // The ranges each host's live answers must fall in (by canonical host); an answer outside
    // them fails with FailureCause::UnexpectedAnswer and is never cached. Replaces the last set.
    void setAddressExpectations(const QHash<QString, AddressExpectation> &byHost);
    QHash<QString, PinnedFallback> pins() const;

    // Drops one entry (all families and resolvers of a host when kind/resolver are empty).
    int clearHost(const QString &host);
    int clearStale();
    int clearAll();

    // Seeds the stale tier with answers kept from an earlier run. They serve only when a live
    // lookup fails (never as fresh: the first probe after a restart asks DNS), until their expiry
    // plus the max-stale window. Skipped: unknown resolvers, names that already have an answer,
    // answers past that window. Returns how many were taken.
    int restoreKnownGood(const QList<KnownGoodAnswer> &answers);
    // Every positive answer the cache holds, fresh or stale: what the history should keep.
    QList<KnownGoodAnswer> knownGood() const;

    QList<CacheEntrySnapshot> snapshot() const;
    CacheEntrySnapshot snapshotOf(const ResolveRequest &request) const;

    quint64 eventCount(ResolverEvent::Kind kind) const { return m_events.count(kind); }
    // Keeps, counts and emits an event about this resolver's answers that its users found (the
    // probes' comparison of paths), as its own events are.
    void recordEvent(const ResolverEvent &event) { emitEvent(event); }
    QList<ResolverEvent> recentEvents() const { return m_events.recent(); }
    int inFlightLookups() const;

Q_SIGNALS:
    void eventOccurred(const ResolverEvent &event);
    // Every answer given to a caller, for statistics and live views.
    void resolved(const LookupResult &result);
    // A live lookup gave addresses: the last-known-good cache keeps them.
    void knownGoodStored(const KnownGoodAnswer &answer);

private:
    // Both in resolverentry.h.
    struct Entry;
    struct Waiter;
    struct Key
    {
        QString host;
        int backend = 0;
        RecordKind kind = RecordKind::Both;
        bool operator==(const Key &other) const
        {
            // Callers keep passing the same host string: compare pointers before characters.
            return backend == other.backend && kind == other.kind
                    && ((host.constData() == other.host.constData()
                         && host.size() == other.host.size())
                        || host == other.host);
        }
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept
    {
        return qHash(key.host, seed) ^ (size_t(key.backend) << 2 | size_t(key.kind));
    }

    std::shared_ptr<Entry> entryFor(const Key &key);
    int backendIndex(const QString &name) const;
    Key keyFor(const ResolveRequest &request, bool *knownBackend) const;
    bool answerFromFreshCache(const ResolveRequest &request, int backend, const Callback &callback);
    bool serveFromCache(Entry &entry, qint64 now, LookupResult *out);
    void startLookup(Entry &entry);
    void onLookupDone(const Key &key, const BackendAnswer &answer);
    void storePositive(Entry &entry, const BackendAnswer &answer);
    void storeNegative(Entry &entry, const BackendAnswer &answer);
    void noteKnownGood(const Entry &entry);
    void recordFailure(Entry &entry, const BackendAnswer &answer);
    // Stale data first, then the explicit tiers.
    std::optional<LookupResult> fallbackFor(const Entry &entry, FailureCause cause) const;
    // Pinned, then environment addresses: what operators asked for, even for a deleted name.
    std::optional<LookupResult> explicitFallbackFor(const Entry &entry, FailureCause cause) const;
    void noteFallback(Entry &entry, const LookupResult &fallback, const QString &why);
    void answerWaiters(Entry &entry, const std::function<LookupResult()> &make);
    void answer(Waiter &waiter, LookupResult result);
    void onResponseTimer(const Key &key, RequestId id);
    void scheduleRefresh(Entry &entry);
    void cancelRefresh(Entry &entry);
    const QString &resolverOf(const Entry &entry) const;
    void onPinChanged(const FallbackRegistry::Change &change);
    void emitEvent(ResolverEvent event);
    void resetEntryData(Entry &entry);
    LookupResult baseResult(const Entry &entry) const;
    qint64 refreshDelayMs(int attempt) const;
    // resolverinspection.cpp
    KnownGoodAnswer knownGoodOf(const Entry &entry) const;
    CacheEntrySnapshot makeSnapshot(const Entry &entry) const;
    QDateTime wallTimeAt(qint64 monotonicMs) const;

    CachePolicy m_policy;
    Clock *m_clock;
    QList<ResolverBackend *> m_backends;
    QStringList m_backendNames; // by index, as keys hold them
    QHash<Key, std::shared_ptr<Entry>> m_entries;
    QHash<RequestId, Key> m_waiting; // requests with a callback still to come
    QHash<QString, AddressExpectation> m_expectations;
    FallbackRegistry m_fallbacks; // its pins and unpins come back through onPinChanged
    RequestId m_nextRequest = 1;
    ResolverEventLog m_events;
    QString m_actingFor; // see ActingFor
};

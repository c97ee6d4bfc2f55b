#pragma once

// Resolver's private records, shared by the cache core (resolver.cpp) and the inspection
// (resolverinspection.cpp). Nothing else includes this.
#include "resolver.h"

#include <QElapsedTimer>
#include <QPointer>

#include <vector>

// A caller waiting for the live lookup of an entry.
struct Resolver::Waiter
{
    RequestId id = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QElapsedTimer waited;
    Clock::TimerId responseTimer = 0;
};

// One name, family and resolver: its answers, its health, the lookup in flight and who waits.
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
    DnssecValidation validation = DnssecValidation::NotAsked; // of the last answer stored
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
    QList<ExtendedDnsError> lastExtendedErrors; // of the last answer, positive or not
    quint64 hits = 0;
    qint64 lastUsedMs = 0;

    bool inFlight = false;
    std::vector<Waiter> waiters;

    int refreshAttempt = 0;
    Clock::TimerId refreshTimer = 0;
    qint64 nextRetryMs = 0;
};

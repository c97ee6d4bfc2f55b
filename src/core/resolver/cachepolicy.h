#pragma once

// How long answers live and how the fallback tiers behave (the "cache" block of the config).
struct CachePolicy
{
    int minTtlS = 5; // record TTLs are clamped to [minTtlS, maxTtlS]
    int maxTtlS = 300;
    int defaultTtlS = 60; // for answers without a TTL (the system resolver)
    int staleTtlS = 30; // TTL of a stale answer (RFC 8767 4)
    int maxStaleS = 86400; // how long after expiry an answer may still be served stale
    int negativeTtlMaxS = 300; // cap on RFC 2308 negative caching
    int clientResponseTimerMs = 1800; // a slow lookup is answered from fallback after this
    int refreshBackoffInitialMs = 1000; // background refresh while serving fallback
    int refreshBackoffMaxMs = 60000;
    bool fallbackOnNegative = false; // serve stale answers for NXDOMAIN/NODATA too

    bool operator==(const CachePolicy &other) const = default;
};

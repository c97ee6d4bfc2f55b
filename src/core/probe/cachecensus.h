#pragma once

#include "resolver/cacheentrysnapshot.h"

#include <QDateTime>

#include <array>

// How many targets the cache can answer for and how (fresh, stale, negative, pinned, env,
// missing), at one moment: the cache-state-over-time chart and the history keep these.
struct CacheCensus
{
    static constexpr int StateCount = int(CacheEntrySnapshot::State::Missing) + 1;

    QDateTime time; // UTC
    std::array<double, StateCount> counts{}; // by CacheEntrySnapshot::State; means over a bucket

    double count(CacheEntrySnapshot::State state) const { return counts[size_t(state)]; }
    bool operator==(const CacheCensus &other) const = default;
};
Q_DECLARE_METATYPE(CacheCensus)

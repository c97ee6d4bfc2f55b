#include "cachecensus.h"

CacheCensus takeCacheCensus(const Monitor &monitor, const QDateTime &now)
{
    CacheCensus census;
    census.time = now.toUTC();
    for (const TargetConfig &target : monitor.config().targets) {
        const CacheEntrySnapshot entry = monitor.resolver()->snapshotOf(
                ResolveRequest{target.host, target.resolver, target.record});
        census.counts[size_t(entry.state)] += 1;
    }
    return census;
}

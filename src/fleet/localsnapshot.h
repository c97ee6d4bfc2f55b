#pragma once

#include "targetsnapshot.h"

#include "config/appconfig.h"
#include "probe/targethealth.h"
#include "resolver/cacheentrysnapshot.h"

// A target this machine probes, in the shape an agent's status gives for its own: so the
// dashboard shows both alike. The TTL left is the cache entry's, now.
TargetSnapshot localSnapshot(const TargetConfig &target, const TargetHealth &health,
                             const CacheEntrySnapshot &cache);

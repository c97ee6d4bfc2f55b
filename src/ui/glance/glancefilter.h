#pragma once

#include "targetsnapshot.h"

// What one figure of the glance strip counts, and so which targets clicking it shows: the
// targets pulling a success rate down, those kept by one fallback tier, those down.
enum class GlanceFilter {
    None, // every target
    DnsFailingFiveMinutes, // a DNS lookup failed in the last 5 minutes
    DnsFailingOneHour, // a DNS lookup failed in the last hour
    ServiceFailing, // a service check failed in the last 5 minutes
    Stale, // answered from the stale cache now
    Pinned, // answered by pinned addresses now
    Env, // answered by the environment's fallback addresses now
    Down,
};

// Whether filter counts target (GlanceFilter::None counts every one). A rate counts a target
// when it is below 100 %; a target without a rate in that window is not counted.
bool glanceCounts(GlanceFilter filter, const TargetSnapshot &target);

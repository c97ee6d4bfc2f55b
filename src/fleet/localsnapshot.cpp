#include "localsnapshot.h"

TargetSnapshot localSnapshot(const TargetConfig &target, const TargetHealth &health,
                             const CacheEntrySnapshot &cache)
{
    TargetSnapshot snapshot;
    snapshot.name = target.name;
    snapshot.host = target.host;
    snapshot.resolver = target.resolver;
    snapshot.critical = target.critical;
    snapshot.state = health.state;
    snapshot.stateDetail = health.stateDetail;
    if (cache.ttlLeftMs)
        snapshot.ttlSeconds = *cache.ttlLeftMs / 1000;
    const WindowCounts &five = health.windows[TargetHealth::FiveMinutes];
    if (five.probes > 0) {
        snapshot.dnsSuccessFiveMinutes = five.dnsRate();
        snapshot.checkSuccessFiveMinutes = five.checkRate();
    }
    const WindowCounts &hour = health.windows[TargetHealth::OneHour];
    if (hour.probes > 0) {
        snapshot.dnsSuccessOneHour = hour.dnsRate();
        snapshot.checkSuccessOneHour = hour.checkRate();
    }
    if (health.dnsLatency.count() > 0)
        snapshot.dnsLatencyP95Ms = health.dnsLatency.quantile(0.95) * 1000;
    snapshot.fallbackSeconds = double(health.fallbackMs) / 1000.0;
    snapshot.recent = health.recent.marks();
    if (!health.last)
        return snapshot;
    const ProbeResult &last = *health.last;
    snapshot.source = sourceName(last.resolution.source);
    snapshot.addresses = addressStrings(last.resolution.addresses);
    snapshot.error = causeName(last.resolution.cause);
    snapshot.detail = last.resolution.detail;
    snapshot.extendedErrors = last.resolution.extendedErrors;
    snapshot.server = last.resolution.server;
    snapshot.dnsLatencyMs = double(last.resolution.latencyUs) / 1000.0;
    if (last.resolution.validation != DnssecValidation::NotAsked)
        snapshot.validated = last.resolution.validation == DnssecValidation::Validated;
    if (last.checked) {
        snapshot.checkOk = last.check.ok;
        snapshot.checkDetail = last.check.detail;
        snapshot.soa = last.check.soa;
    }
    snapshot.reachable = last.reachable;
    snapshot.paths = last.paths;
    snapshot.lastProbe = last.time;
    return snapshot;
}

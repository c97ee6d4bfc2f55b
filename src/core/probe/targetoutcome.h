#pragma once

#include "config/appconfig.h"
#include "probe/checkoutcome.h"
#include "probe/proberesult.h"
#include "probe/targetstate.h"
#include "resolver/lookupresult.h"
#include "resolver/resolverevent.h"

#include <QJsonObject>

#include <optional>

class JsonWriter;

// One target's latest outcome: how its name resolved, its service check when one ran, and the
// state judgeProbe() gives. `dnswatch --once` prints these; the agent's /api/v1/status serves
// them for each target's last probe.
struct TargetOutcome
{
    TargetConfig target;
    LookupResult result;
    std::optional<CheckOutcome> check; // run when the name gave addresses and a checker is set
    TargetState state = TargetState::Unknown;
    PathComparison paths; // when the target compares resolvers

    // The outcome of one probe of target.
    static TargetOutcome of(const TargetConfig &target, const ProbeResult &probe);
    // The same facts as one probe result, for the history and for judgeProbe().
    ProbeResult toProbeResult(const QDateTime &time) const;
    // Sets state from the result and check, by judgeProbe().
    void judge();
};

// The JSON shape of one outcome, shared by `--once --format json` and /api/v1/status: name,
// host, resolver, critical, status, source, addresses, ttl_s, error, detail, server, latency_ms,
// check (null when none ran), ede, validated (the AD flag: true, false, or null when the resolver
// was not asked with DNSSEC); and paths (pathsJson()) when the target compares resolvers.
QJsonObject outcomeJson(const TargetOutcome &outcome);
// The same fields, written into an object the writer has open (for answers written as they are
// built, as the agent's status is).
void writeOutcomeFields(JsonWriter &json, const TargetOutcome &outcome);
// One resolver event in the same output: time, kind, host, detail, and the actor of an
// operator's action.
QJsonObject eventJson(const ResolverEvent &event);
// Seconds of TTL left, rounded up; none when the result carries no TTL.
std::optional<qint64> ttlLeftSeconds(const LookupResult &result);

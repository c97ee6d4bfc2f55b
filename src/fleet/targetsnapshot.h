#pragma once

#include "dns/extendeddnserror.h"
#include "probe/pathcomparison.h"
#include "probe/recentprobes.h"
#include "probe/soacomparison.h"
#include "probe/targetstate.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

// One target as an agent's /api/v1/status describes it: what the dashboard shows of a target it
// does not probe itself. Rates are fractions (0..1), absent before the first probe of a window.
struct TargetSnapshot
{
    QString name;
    QString host;
    QString resolver;
    bool critical = false;
    TargetState state = TargetState::Unknown;
    QString stateDetail;
    QString source; // "fresh", "cache", "stale", "pinned", "env", "none"
    QStringList addresses;
    std::optional<qint64> ttlSeconds;
    QString error; // "timeout", "nxdomain"...; empty when the lookup answered
    QString detail;
    QString server;
    double dnsLatencyMs = 0;
    std::optional<bool> checkOk; // none when no service check ran
    QString checkDetail;
    std::optional<double> dnsSuccessFiveMinutes;
    std::optional<double> checkSuccessFiveMinutes;
    std::optional<double> dnsSuccessOneHour;
    std::optional<double> checkSuccessOneHour;
    double dnsLatencyP95Ms = 0;
    double fallbackSeconds = 0;
    std::optional<bool> reachable;
    QDateTime lastProbe; // invalid before the first probe
    QList<ProbeMark> recent; // the last probes, oldest first (at most RecentProbes::Kept)
    QList<ExtendedDnsError> extendedErrors; // of the last answer (RFC 8914); none from older agents
    std::optional<bool> validated; // the AD flag; none when the resolver was not asked (DNSSEC)
    std::optional<SoaComparison> soa; // a soa check's servers and serials, from its last check
    PathComparison paths; // the compared resolvers of the last probe; empty when none compared

    bool operator==(const TargetSnapshot &other) const = default;
};

#pragma once

#include "probe/checkoutcome.h"
#include "probe/pathcomparison.h"
#include "resolver/lookupresult.h"

#include <QDateTime>
#include <QMetaType>

// One probe of one target: how the name resolved, and whether the service answered at the
// address it resolved to.
struct ProbeResult
{
    QDateTime time; // UTC, when the probe started
    QString target;
    LookupResult resolution;
    bool checked = false; // false when there was no address to check
    CheckOutcome check;
    bool reachable = false; // the service answered (through whatever address resolution gave)
    PathComparison paths; // every path's answer when the target compares resolvers
    // The headline: DNS failed, yet the service answered through a fallback address.
    bool keptReachableByFallback() const { return reachable && resolution.isFallback(); }
    // DNS itself answered (live or from the cache), without a fallback tier, and as the target
    // requires: an answer without the DNSSEC validation of "require_validated" (not_validated)
    // is no DNS success, as an answer outside "expect_addresses" (unexpected_answer) is none.
    bool dnsAnswered() const
    {
        return resolution.hasAddresses() && !resolution.isFallback()
                && resolution.cause != FailureCause::NotValidated;
    }
};
Q_DECLARE_METATYPE(ProbeResult)

#pragma once

#include "resolver/lookupresult.h"

#include <QString>

#include <optional>

// What a verdict's detail says about the lookup, read back from the words (the history and an
// agent's event feed keep only those): the fallback tier that kept the target reachable (None
// when it had no address) and why DNS failed. None for a detail judgeProbe() did not word so (a
// failed service check says the check's own words). Defined in targetstate.cpp, beside the
// words it reads.
struct VerdictLookup
{
    ResolutionSource source = ResolutionSource::None;
    FailureCause cause = FailureCause::None;
};
std::optional<VerdictLookup> verdictLookupFromDetail(const QString &detail);

#pragma once

#include "config/appconfig.h"
#include "resolver/lookupresult.h"

// A target's "require_validated": addresses that DNS gave (fresh or cached) without the
// resolver's DNSSEC validation get the cause not_validated, which makes the target degraded.
// Fallback answers keep their own cause; a result that already failed is left as it is.
void applyValidationRequirement(const TargetConfig &target, LookupResult *result);

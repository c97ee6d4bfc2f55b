#include "validationrequirement.h"

void applyValidationRequirement(const TargetConfig &target, LookupResult *result)
{
    if (!target.requireValidated || !result->hasAddresses() || result->isFallback()
        || result->cause != FailureCause::None || result->validation == DnssecValidation::Validated)
        return;
    result->cause = FailureCause::NotValidated;
    result->detail = QStringLiteral("%1 answered %2 without DNSSEC validation (no AD flag)")
                             .arg(result->server.isEmpty() ? result->resolver : result->server,
                                  result->host);
}

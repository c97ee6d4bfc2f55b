#include "healthreport.h"

std::optional<double> TargetReport::dnsAvailability() const
{
    return probes > 0 ? std::optional(double(dnsOk) / double(probes)) : std::nullopt;
}

std::optional<double> TargetReport::serviceAvailability() const
{
    return probes > 0 ? std::optional(double(checkOk) / double(probes)) : std::nullopt;
}

std::optional<double> HealthReport::readiness() const
{
    return minutesWithData > 0 ? std::optional(double(readyMinutes) / double(minutesWithData))
                               : std::nullopt;
}

#pragma once

#include "probe/proberesult.h"

#include <QHostAddress>

// A probe of target "api" now that found it reachable: an address from source, the check
// passed.
inline ProbeResult reachableProbe(ResolutionSource source = ResolutionSource::Fresh)
{
    ProbeResult result;
    result.time = QDateTime::currentDateTimeUtc();
    result.target = QStringLiteral("api");
    result.resolution.source = source;
    result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    result.checked = true;
    result.check.ok = true;
    result.reachable = true;
    return result;
}

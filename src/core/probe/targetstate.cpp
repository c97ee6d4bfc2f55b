#include "targetstate.h"

QString targetStateName(TargetState state)
{
    switch (state) {
    case TargetState::Unknown:
        return QStringLiteral("unknown");
    case TargetState::Healthy:
        return QStringLiteral("healthy");
    case TargetState::Degraded:
        return QStringLiteral("degraded");
    case TargetState::Down:
        return QStringLiteral("down");
    case TargetState::Paused:
        return QStringLiteral("paused");
    }
    return QString();
}

std::optional<TargetState> targetStateFromName(const QString &name)
{
    for (TargetState state : {TargetState::Unknown, TargetState::Healthy, TargetState::Degraded,
                              TargetState::Down, TargetState::Paused}) {
        if (targetStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

TargetVerdict judgeProbe(const ProbeResult &result)
{
    const LookupResult &resolution = result.resolution;
    if (!resolution.hasAddresses())
        return {TargetState::Down,
                QStringLiteral("no address: %1").arg(causeName(resolution.cause))};
    if (result.checked && !result.check.ok)
        return {TargetState::Down, result.check.detail};
    if (resolution.isFallback())
        return {TargetState::Degraded,
                QStringLiteral("reachable through %1 addresses; DNS: %2")
                        .arg(sourceName(resolution.source), causeName(resolution.cause))};
    return {TargetState::Healthy, QString()};
}

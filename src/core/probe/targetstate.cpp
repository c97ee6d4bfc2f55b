#include "targetstate.h"

#include "probe/verdictlookup.h"

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

namespace {
// The verdicts' words, written by judgeProbe and read back by verdictLookupFromDetail.
const QLatin1String NoAddress("no address: ");
const QLatin1String ReachableThrough("reachable through ");
const QLatin1String AddressesDns(" addresses; DNS: ");
} // namespace

TargetVerdict judgeProbe(const ProbeResult &result)
{
    const LookupResult &resolution = result.resolution;
    if (!resolution.hasAddresses())
        return {TargetState::Down, NoAddress + causeName(resolution.cause)};
    if (result.checked && !result.check.ok)
        return {TargetState::Down, result.check.detail};
    if (resolution.isFallback() || resolution.cause == FailureCause::NotValidated)
        return {TargetState::Degraded,
                ReachableThrough + sourceName(resolution.source) + AddressesDns
                        + causeName(resolution.cause)};
    return {TargetState::Healthy, QString()};
}

std::optional<VerdictLookup> verdictLookupFromDetail(const QString &detail)
{
    if (detail.startsWith(NoAddress)) {
        const std::optional<FailureCause> cause = causeFromName(detail.mid(NoAddress.size()));
        if (!cause)
            return std::nullopt;
        return VerdictLookup{ResolutionSource::None, *cause};
    }
    const qsizetype tierEnd = detail.indexOf(AddressesDns);
    if (!detail.startsWith(ReachableThrough) || tierEnd < 0)
        return std::nullopt;
    const std::optional<ResolutionSource> source = sourceFromName(
            detail.mid(ReachableThrough.size(), tierEnd - ReachableThrough.size()));
    const std::optional<FailureCause> cause = causeFromName(
            detail.mid(tierEnd + AddressesDns.size()));
    if (!source || !cause || (!isFallbackSource(*source) && *cause != FailureCause::NotValidated))
        return std::nullopt;
    return VerdictLookup{*source, *cause};
}

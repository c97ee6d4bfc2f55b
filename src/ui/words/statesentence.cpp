#include "statesentence.h"

#include "localsnapshot.h"
#include "machinewords.h"

#include "probe/verdictlookup.h"
#include "resolver/lookupresult.h"
#include "soacheckwords.h"

#include <QCoreApplication>

namespace {
struct StateSentence
{
    Q_DECLARE_TR_FUNCTIONS(StateSentence)
};

// "reachable through stale addresses", or empty for a source that is not a fallback tier.
QString reachableThrough(ResolutionSource source)
{
    switch (source) {
    case ResolutionSource::Stale:
        return StateSentence::tr("reachable through stale addresses");
    case ResolutionSource::Pinned:
        return StateSentence::tr("reachable through pinned addresses");
    case ResolutionSource::Env:
        return StateSentence::tr("reachable through the emergency addresses of the environment");
    case ResolutionSource::None:
    case ResolutionSource::Fresh:
    case ResolutionSource::Cache:
        break;
    }
    return QString();
}

QString degradedSentence(const TargetSnapshot &target, ResolutionSource source)
{
    if (target.error == causeName(FailureCause::NotValidated))
        return StateSentence::tr("addresses not validated by DNSSEC");
    const QString reachable = reachableThrough(source);
    if (reachable.isEmpty())
        return target.stateDetail;
    if (target.error.isEmpty())
        return reachable;
    return StateSentence::tr("%1; DNS: %2").arg(reachable, MachineWords::cause(target.error));
}

QString downSentence(const TargetSnapshot &target)
{
    if (target.addresses.isEmpty()) {
        return StateSentence::tr("no address: %1")
                .arg(target.error.isEmpty() ? StateSentence::tr("no answer")
                                            : MachineWords::cause(target.error));
    }
    if (target.checkOk == false)
        return MachineWords::checkResult(false, SoaCheckWords::checkDetail(target));
    return target.stateDetail;
}
} // namespace

QString stateSentence(const TargetSnapshot &target)
{
    const std::optional<ResolutionSource> source = target.source.isEmpty()
            ? ResolutionSource::None
            : sourceFromName(target.source);
    const bool knownCause = target.error.isEmpty() || causeFromName(target.error).has_value();
    if (!source || !knownCause) // a newer agent's word: its own sentence says it
        return target.stateDetail;
    switch (target.state) {
    case TargetState::Healthy:
        return QString();
    case TargetState::Paused:
        return StateSentence::tr("probing paused");
    case TargetState::Unknown:
        return target.lastProbe.isValid() ? StateSentence::tr("state not known yet")
                                          : StateSentence::tr("not probed yet");
    case TargetState::Degraded:
        return degradedSentence(target, *source);
    case TargetState::Down:
        return downSentence(target);
    }
    return target.stateDetail;
}

QString stateSentence(const TargetHealth &health)
{
    return stateSentence(localSnapshot(TargetConfig(), health, CacheEntrySnapshot()));
}

QString verdictSentence(TargetState state, const QString &detail)
{
    const std::optional<VerdictLookup> lookup = verdictLookupFromDetail(detail);
    if (!lookup || (state != TargetState::Down && state != TargetState::Degraded))
        return detail;
    TargetSnapshot target;
    target.state = state;
    target.source = sourceName(lookup->source);
    target.error = causeName(lookup->cause);
    if (lookup->source != ResolutionSource::None)
        target.addresses = {QStringLiteral("-")}; // some: which ones the detail does not say
    target.stateDetail = detail;
    return stateSentence(target);
}

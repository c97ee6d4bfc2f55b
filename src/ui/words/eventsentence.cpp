#include "eventsentence.h"

#include "machinewords.h"

#include <QCoreApplication>

namespace {
struct EventSentence
{
    Q_DECLARE_TR_FUNCTIONS(EventSentence)
};

QString servingFrom(ResolutionSource tier, const QString &addresses)
{
    switch (tier) {
    case ResolutionSource::Stale:
        return EventSentence::tr("serving stale addresses %1").arg(addresses);
    case ResolutionSource::Pinned:
        return EventSentence::tr("serving pinned addresses %1").arg(addresses);
    case ResolutionSource::Env:
        return EventSentence::tr("serving the emergency addresses of the environment %1")
                .arg(addresses);
    case ResolutionSource::None:
    case ResolutionSource::Fresh:
    case ResolutionSource::Cache:
        break;
    }
    return QString();
}
} // namespace

QString eventSentence(const StoredEvent &event)
{
    const std::optional<FailureCause> cause = causeFromName(event.cause);
    if (!cause || *cause == FailureCause::None || event.host.isEmpty())
        return event.detail;
    if (event.kind == eventKindName(ResolverEvent::Kind::ResolutionFailed))
        return EventSentence::tr("%1: %2; no fallback addresses")
                .arg(event.host, MachineWords::cause(event.cause));
    const std::optional<ResolutionSource> tier = sourceFromName(event.tier);
    const QString serving = tier ? servingFrom(*tier, event.after.join(QStringLiteral(", ")))
                                 : QString();
    if (event.kind != eventKindName(ResolverEvent::Kind::FallbackEntered) || serving.isEmpty())
        return event.detail;
    return EventSentence::tr("%1: %2; %3").arg(event.host, MachineWords::cause(event.cause), serving);
}

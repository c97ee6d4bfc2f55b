#include "eventsentence.h"

#include "actionsentence.h"
#include "extendederrorwords.h"
#include "machinewords.h"

#include <QCoreApplication>

namespace {
struct EventSentence
{
    Q_DECLARE_TR_FUNCTIONS(EventSentence)
};

QString joined(const QStringList &addresses) { return addresses.join(QStringLiteral(", ")); }

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

// A fallback entered or a resolution failed: said from its cause, else in its own words.
QString fallbackOrFailure(const StoredEvent &event)
{
    const std::optional<FailureCause> cause = causeFromName(event.cause);
    if (!cause || *cause == FailureCause::None || event.host.isEmpty())
        return event.detail;
    if (event.kind == eventKindName(ResolverEvent::Kind::ResolutionFailed))
        return EventSentence::tr("%1: %2; no fallback addresses")
                .arg(event.host, MachineWords::cause(event.cause));
    const std::optional<ResolutionSource> tier = sourceFromName(event.tier);
    const QString serving = tier ? servingFrom(*tier, joined(event.after)) : QString();
    if (serving.isEmpty())
        return event.detail;
    return EventSentence::tr("%1: %2; %3").arg(event.host, MachineWords::cause(event.cause), serving);
}

// What a recovered name had been doing: the tier it left, or failing.
QString recoveredFrom(const QString &tier)
{
    switch (sourceFromName(tier).value_or(ResolutionSource::Fresh)) {
    case ResolutionSource::None:
        return EventSentence::tr("after a failure");
    case ResolutionSource::Stale:
        return EventSentence::tr("after serving stale addresses");
    case ResolutionSource::Pinned:
        return EventSentence::tr("after serving pinned addresses");
    case ResolutionSource::Env:
        return EventSentence::tr("after serving the emergency addresses of the environment");
    case ResolutionSource::Fresh:
    case ResolutionSource::Cache:
        break;
    }
    return EventSentence::tr("after serving from %1").arg(MachineWords::source(tier));
}

QString recovered(const StoredEvent &event)
{
    const QString from = recoveredFrom(event.tier.isEmpty() ? sourceName(ResolutionSource::None)
                                                            : event.tier);
    if (event.after.isEmpty())
        return EventSentence::tr("%1 resolves again (%2)").arg(event.host, from);
    return EventSentence::tr("%1 resolves again: %2 (%3)").arg(event.host, joined(event.after), from);
}

QString addressesChanged(const StoredEvent &event)
{
    const std::optional<FailureCause> cause = causeFromName(event.cause);
    if (cause && *cause != FailureCause::None)
        return EventSentence::tr("%1 now answers: %2 (was %3)")
                .arg(event.host, MachineWords::cause(event.cause), joined(event.before));
    if (event.after.isEmpty())
        return event.detail;
    if (event.before.isEmpty())
        return EventSentence::tr("%1 exists again: %2").arg(event.host, joined(event.after));
    return EventSentence::tr("%1 changed from %2 to %3")
            .arg(event.host, joined(event.before), joined(event.after));
}
// The sentence of the event's facts, without the server's reasons.
QString factsSentence(const StoredEvent &event)
{
    if (event.facts == StoredEvent::Facts::WordsOnly)
        return event.detail;
    if (std::optional<QString> action = actionSentence(event))
        return *action;
    using Kind = ResolverEvent::Kind;
    if (event.kind == eventKindName(Kind::FallbackEntered)
        || event.kind == eventKindName(Kind::ResolutionFailed))
        return fallbackOrFailure(event);
    if (event.host.isEmpty())
        return event.detail;
    if (event.kind == eventKindName(Kind::Recovered))
        return recovered(event);
    if (event.kind == eventKindName(Kind::AddressesChanged)
        || event.kind == StoredEvent::answerChangedAlertKind())
        return addressesChanged(event);
    if (event.kind == eventKindName(Kind::PathsDiverged))
        return EventSentence::tr("%1: the compared resolvers answer differently").arg(event.host);
    if (event.kind == eventKindName(Kind::PathsAgree))
        return EventSentence::tr("%1: the compared resolvers agree again").arg(event.host);
    if (event.kind == eventKindName(Kind::SoaSerialsDiverged))
        return EventSentence::tr("%1: a server of the zone lags behind its newest serial (%2)")
                .arg(event.host, event.detail);
    if (event.kind == eventKindName(Kind::SoaSerialsAgree))
        return EventSentence::tr("%1: every server of the zone has the same serial again (%2)")
                .arg(event.host, event.detail);
    if (event.kind == eventKindName(Kind::ZoneSignaturesExpiring))
        return EventSentence::tr("%1 (via %2): the zone's DNSSEC signatures expire soon")
                .arg(event.host, event.resolver);
    if (event.kind == eventKindName(Kind::ZoneSignaturesExpired))
        return EventSentence::tr("%1 (via %2): the zone's DNSSEC signatures have expired")
                .arg(event.host, event.resolver);
    if (event.kind == eventKindName(Kind::ZoneSignaturesOk))
        return EventSentence::tr("%1 (via %2): the zone's DNSSEC signatures are valid for long "
                                 "enough again")
                .arg(event.host, event.resolver);
    return event.detail;
}
} // namespace

QString eventSentence(const StoredEvent &event)
{
    const QString sentence = factsSentence(event);
    // The words it came with name the server's reasons already (in English).
    if (event.extendedErrors.isEmpty() || sentence == event.detail)
        return sentence;
    return EventSentence::tr("%1; the server's reason: %2")
            .arg(sentence, ExtendedErrorWords::describe(event.extendedErrors));
}

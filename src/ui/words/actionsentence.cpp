#include "actionsentence.h"

#include <QCoreApplication>

namespace {
struct ActionSentence
{
    Q_DECLARE_TR_FUNCTIONS(ActionSentence)
};

QString joined(const QStringList &addresses) { return addresses.join(QStringLiteral(", ")); }

QString cacheCleared(const StoredEvent &event)
{
    if (!event.host.isEmpty())
        return ActionSentence::tr("cache of %1 cleared").arg(event.host);
    // Older records (and agents) say it in their words only.
    if (event.tier == sourceName(ResolutionSource::Stale)
        || (event.tier.isEmpty() && event.detail.startsWith(QLatin1String("stale cache entries"))))
        return ActionSentence::tr("stale cache entries cleared");
    return ActionSentence::tr("whole cache cleared");
}

QString unpinned(const StoredEvent &event)
{
    return event.before.isEmpty()
            ? ActionSentence::tr("%1 unpinned").arg(event.host)
            : ActionSentence::tr("%1 unpinned (was %2)").arg(event.host, joined(event.before));
}
} // namespace

std::optional<QString> actionSentence(const StoredEvent &event)
{
    using Kind = ResolverEvent::Kind;
    const bool aboutAHost = event.kind == eventKindName(Kind::Pinned)
            || event.kind == eventKindName(Kind::Unpinned)
            || event.kind == eventKindName(Kind::ForcedReResolve);
    if (aboutAHost && event.host.isEmpty())
        return std::nullopt; // not as the resolver reports it: its words say it
    if (event.kind == eventKindName(Kind::Pinned))
        return ActionSentence::tr("%1 pinned to %2").arg(event.host, joined(event.after));
    if (event.kind == eventKindName(Kind::Unpinned))
        return unpinned(event);
    if (event.kind == eventKindName(Kind::ForcedReResolve))
        return ActionSentence::tr("re-resolve of %1 forced").arg(event.host);
    if (event.kind == eventKindName(Kind::CacheCleared))
        return cacheCleared(event);
    if (event.kind == StoredEvent::pausedKind())
        return ActionSentence::tr("probes paused");
    if (event.kind == StoredEvent::resumedKind())
        return ActionSentence::tr("probes resumed");
    if (event.kind == StoredEvent::probeRequestedKind())
        return ActionSentence::tr("a probe asked for now");
    return std::nullopt;
}

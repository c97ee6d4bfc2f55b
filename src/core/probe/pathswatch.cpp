#include "pathswatch.h"

std::optional<ResolverEvent> PathsWatch::observe(const ProbeResult &result)
{
    const PathComparison &comparison = result.paths;
    if (comparison.isEmpty())
        return std::nullopt;
    const bool agreedBefore = m_agree.value(result.target, true);
    m_agree.insert(result.target, comparison.agree);
    if (agreedBefore == comparison.agree)
        return std::nullopt;
    ResolverEvent event;
    event.kind = comparison.agree ? ResolverEvent::Kind::PathsAgree
                                  : ResolverEvent::Kind::PathsDiverged;
    event.resolver = result.resolution.resolver;
    event.host = result.resolution.host;
    event.target = result.target;
    event.after = result.resolution.addresses; // the first path's answer
    event.detail = (comparison.agree ? QStringLiteral("paths of %1 agree again: %2")
                                     : QStringLiteral("paths of %1 differ (%3): %2"))
                           .arg(result.target, comparison.describe(),
                                comparison.disagreeing().join(QLatin1String(", ")));
    return event;
}

void PathsWatch::keepOnly(const QStringList &targets)
{
    for (auto it = m_agree.begin(); it != m_agree.end();) {
        if (targets.contains(it.key()))
            ++it;
        else
            it = m_agree.erase(it);
    }
}

#include "soaserialswatch.h"

std::optional<ResolverEvent> SoaSerialsWatch::observe(const ProbeResult &result)
{
    if (!result.checked || !result.check.soa)
        return std::nullopt;
    const SoaComparison &soa = *result.check.soa;
    const bool divergedBefore = m_diverged.value(result.target, false);
    // Over once every server answered and none lags beyond max_lag_s: a busy zone rarely has one
    // serial everywhere at the moment of a check.
    bool diverged = divergedBefore;
    if (soa.lagFailed)
        diverged = true;
    else if (soa.ok)
        diverged = false;
    m_diverged.insert(result.target, diverged);
    if (diverged == divergedBefore)
        return std::nullopt;
    ResolverEvent event;
    event.kind = diverged ? ResolverEvent::Kind::SoaSerialsDiverged
                          : ResolverEvent::Kind::SoaSerialsAgree;
    event.resolver = result.resolution.resolver;
    event.host = result.resolution.host;
    event.target = result.target;
    if (diverged)
        event.detail = QStringLiteral("serials of %1 diverged (target %2): %3")
                               .arg(soa.zone, result.target, soa.detail);
    else if (soa.agree())
        event.detail = QStringLiteral("serials of %1 agree again (target %2): %3 on every server")
                               .arg(soa.zone, result.target)
                               .arg(soa.servers.value(0).serial.value_or(0));
    else
        event.detail = QStringLiteral("serials of %1 lag no longer than max_lag_s again (target "
                                      "%2): %3")
                               .arg(soa.zone, result.target, soa.detail);
    return event;
}

void SoaSerialsWatch::keepOnly(const QStringList &targets)
{
    for (auto it = m_diverged.begin(); it != m_diverged.end();) {
        if (targets.contains(it.key()))
            ++it;
        else
            it = m_diverged.erase(it);
    }
}

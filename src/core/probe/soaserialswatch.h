#pragma once

#include "probe/proberesult.h"
#include "resolver/resolverevent.h"

#include <QHash>
#include <QStringList>

#include <optional>

// Turns soa checks into events: soa_serials_diverged when a target's check starts failing on lag
// (a server behind the newest serial for max_lag_s or longer), soa_serials_agree once every
// server answers and none lags beyond max_lag_s again; nothing while either holds, and nothing for
// lags within max_lag_s (normal propagation) or for servers that do not answer (the check says those).
class SoaSerialsWatch
{
public:
    std::optional<ResolverEvent> observe(const ProbeResult &result);
    // Keeps only these targets (the others left the config).
    void keepOnly(const QStringList &targets);

private:
    QHash<QString, bool> m_diverged; // target -> whether its serials were last seen diverged
};

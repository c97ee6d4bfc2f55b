#pragma once

#include "probe/proberesult.h"
#include "resolver/resolverevent.h"

#include <QHash>
#include <QStringList>

#include <optional>

// Turns the probes' comparisons of paths into events: paths_diverged when a target's paths
// start to disagree, paths_agree when they agree again; nothing while they stay as they were.
class PathsWatch
{
public:
    // The event this result starts, if any. A target's first comparison starts paths_diverged
    // when it disagrees, and nothing when it agrees.
    std::optional<ResolverEvent> observe(const ProbeResult &result);
    // Keeps only these targets (the others left the config).
    void keepOnly(const QStringList &targets);

private:
    QHash<QString, bool> m_agree; // target -> whether its last comparison agreed
};

#pragma once

#include "probe/proberesult.h"

#include <QMetaType>
#include <QString>

#include <optional>

// What a target is: the dashboard's table, the agent's status and metrics, --once and the
// alerts all say it with these words.
enum class TargetState { Unknown, Healthy, Degraded, Down, Paused };
QString targetStateName(TargetState state); // "healthy", "degraded", "down", "paused", "unknown"
std::optional<TargetState> targetStateFromName(const QString &name); // none for another word
Q_DECLARE_METATYPE(TargetState)

// A target's state after a probe, and why in words (empty when healthy).
struct TargetVerdict
{
    TargetState state = TargetState::Unknown;
    QString detail;
};

// The one rule for what a probe says of its target: down when resolution gave no address or the
// service check at that address failed; degraded when the addresses came from a fallback tier
// (stale, pinned, environment) and the service answered there, or when DNS gave them without the
// DNSSEC validation the target requires (cause not_validated); healthy otherwise. A probe whose
// addresses were not checked (no checker) is judged by its resolution alone.
TargetVerdict judgeProbe(const ProbeResult &result);

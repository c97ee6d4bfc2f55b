#pragma once

#include "probe/targetstate.h"
#include "resolver/cacheentrysnapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// The machine words of the core and of the agents' API (states, source tiers, failure causes,
// event kinds, cache states, check results) in the user's language, for the dashboard. JSON,
// metrics, the command line and the agent API keep the machine words; only what is shown passes
// through here. A word this dashboard does not know (from a newer agent) is shown as sent,
// never dropped. Labels are short, for cells and choosers; explanations are one sentence, for
// tooltips (empty for a word not known).
class MachineWords
{
    Q_DECLARE_TR_FUNCTIONS(MachineWords)
public:
    static QString state(TargetState state); // "healthy" -> "gesund"
    static QString state(const QString &name); // by its machine name, as agents send it

    // ResolutionSource names: "fresh", "cache", "stale", "pinned", "env"; "none" (or nothing)
    // is no source: an empty label.
    static QString source(const QString &name);
    static QString sourceExplanation(const QString &name);

    // FailureCause names (causeName()): "timeout", "servfail", ...
    static QString cause(const QString &name);
    static QString causeExplanation(const QString &name);

    // Event kinds: the resolver's (eventKindName()) and the others the log shows
    // (StoredEvent::otherKinds()).
    static QString eventKind(const QString &name);
    static QStringList knownEventKinds(); // every kind above, in the order a chooser lists them

    static QString cacheState(CacheEntrySnapshot::State state);

    // A service check's result: none when no check ran; detail is the check's own words.
    static QString checkResult(std::optional<bool> ok, const QString &detail);
};

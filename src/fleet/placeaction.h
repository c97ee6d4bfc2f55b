#pragma once

#include "resolver/pinnedfallback.h"

#include <QString>

// What an operator asks of one target, wherever it is probed: this machine's Monitor or an agent.
struct PlaceAction
{
    enum class Kind { ReResolve, ProbeNow, Pause, Resume, Pin, Unpin };

    Kind kind = Kind::ProbeNow;
    QString target; // the target's name at its place
    PinnedFallback pin; // Pin: the addresses, reason and expiry; Unpin: the reason
};

// How the place took it: done, or why not (the agent's refusal, an unreachable agent, a read-only
// token), in words for the status bar.
struct ActionOutcome
{
    bool done = false;
    QString text;
};

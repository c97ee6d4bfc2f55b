#pragma once

#include <QString>

// An operator's action through the agent's API that the resolver does not report itself
// (pause, resume, probe now), as the event feed records it. Actions the resolver reports (pins,
// forced re-resolves, cache clears) reach the feed as ResolverEvents carrying the same actor.
struct AgentAction
{
    QString kind; // "paused", "resumed", "probe_requested"
    QString target;
    QString detail; // human words: "paused by alice"
    QString actor; // the token's name
};

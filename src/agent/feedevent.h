#pragma once

#include "dns/extendeddnserror.h"
#include "resolver/dnssecvalidation.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// One entry of the agent's event feed (GET /api/v1/events): a resolver transition, a target's
// change of state or an operator's action, under an ID that only grows.
struct FeedEvent
{
    qint64 id = 0;
    QDateTime time; // UTC
    QString kind; // the history's words: "fallback_entered", ..., "state_changed", "paused"
    QString target; // empty when no configured target has the host
    QString host;
    QString detail; // in English, for people and logs
    QString actor; // the token's name; empty for the agent's own decisions
    // The facts the words say, in machine words, for a dashboard to say them in its language.
    QString resolver; // empty for events that concern every resolver (pins, clearing all)
    QString tier; // ResolutionSource names: "stale", "pinned", "env"
    QString cause; // FailureCause names: "timeout", "nxdomain", ...
    QStringList before; // addresses; a change of state's previous state
    QStringList after; // addresses; a change of state's new state
    QString reason; // a change of state's why, in the core's words (judgeProbe())
    std::optional<qint64> ttlS; // an answer change: the TTL of the new answer
    // The resolver's DNSSEC verdict and the Extended DNS Errors of the answer the event is about.
    DnssecValidation validation = DnssecValidation::NotAsked;
    QList<ExtendedDnsError> extendedErrors;

    bool operator==(const FeedEvent &other) const = default;
};

#pragma once

#include <QDateTime>
#include <QString>

// One entry of the agent's event feed (GET /api/v1/events): a resolver transition, a target's
// change of state or an operator's action, under an ID that only grows.
struct FeedEvent
{
    qint64 id = 0;
    QDateTime time; // UTC
    QString kind; // the history's words: "fallback_entered", ..., "state_changed", "paused"
    QString target; // empty when no configured target has the host
    QString host;
    QString detail;
    QString actor; // the token's name; empty for the agent's own decisions

    bool operator==(const FeedEvent &other) const = default;
};

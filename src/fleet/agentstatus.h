#pragma once

#include "agentzones.h"
#include "targetsnapshot.h"

#include <QList>

#include <optional>

// What an agent's token may do there, as its /api/v1/status says ("access").
enum class AgentRole { Unknown, Read, Operate };

// An agent's /api/v1/status: its readiness, its targets and its zones.
struct AgentStatus
{
    bool ready = false;
    QList<TargetSnapshot> targets;
    AgentRole role = AgentRole::Unknown; // Unknown: the agent does not say
    QString actor; // the name the agent knows the token by; empty when it does not say
    QList<RemoteZone> zones; // its "dnssec_zones" as it last checked them

    bool operator==(const AgentStatus &other) const = default;
};

// Reads a status answer. source names it in errors ("fra1 /api/v1/status"); on a malformed
// answer returns none and sets *error to every problem, one per line, with its JSON path.
std::optional<AgentStatus> parseAgentStatus(const QByteArray &json, const QString &source,
                                            QString *error);

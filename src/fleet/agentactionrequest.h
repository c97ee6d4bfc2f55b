#pragma once

#include "agentanswer.h"
#include "agentconnection.h"
#include "placeaction.h"

// An operator's action as a request to an agent's API (docs/api.md, "Actions").
struct AgentActionRequest
{
    AgentConnection::Verb verb = AgentConnection::Verb::Post;
    QString pathAndQuery; // "/api/v1/targets/mlflow/probe"
    QByteArray body; // JSON; empty for those without one
};

// Target names and hosts are percent-encoded into the path.
AgentActionRequest agentActionRequest(const PlaceAction &action, const QString &host);

// How the agent took it, in words for the status bar: "fra1: probe of mlflow started", or the
// agent's reason for refusing ("fra1: pin of mlflow refused: 403 ...").
ActionOutcome actionOutcome(const QString &agent, const PlaceAction &action,
                            const AgentAnswer &answer);

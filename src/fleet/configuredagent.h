#pragma once

#include "agentendpoint.h"

#include "config/appconfig.h"

#include <optional>

// An agent of the config's "agents" block as the dashboard reaches it: its token read from its
// token file (the first line, trimmed; a path relative to the config file's folder). On a token
// file that cannot be read or holds no token, returns none and says why in *error.
std::optional<AgentEndpoint> configuredAgent(const AgentLinkConfig &agent,
                                             const QString &configPath, QString *error);

#pragma once

#include "answerreader.h"

#include "probe/pathcomparison.h"

// The "paths" of one target in an agent's /api/v1/status (pathsJson()): its compared resolvers'
// answers of the last probe, as this machine's own comparisons hold them. Empty when the target
// compares nothing (or the agent is older). Each error names its JSON path under path.
PathComparison readAgentPaths(AnswerReader &reader, const QJsonObject &target, const QString &path,
                              const QString &host);

#pragma once

#include <QStringList>

class HistoryStore;
class Monitor;

// Whether the agent is ready, and why not: every critical target reachable (the statistics'
// rule) and, with a history (--db), a history that passed its page check. One answer for
// /readyz, the "ready" of /api/v1/status and dnswatch_ready.
struct AgentReadiness
{
    bool ready = false;
    QStringList notReady; // one line per reason
};

AgentReadiness agentReadiness(const Monitor &monitor, const HistoryStore *history);

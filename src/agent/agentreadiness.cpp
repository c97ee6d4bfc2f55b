#include "agentreadiness.h"

#include "probe/healthstatistics.h"
#include "probe/monitor.h"
#include "store/historystore.h"

AgentReadiness agentReadiness(const Monitor &monitor, const HistoryStore *history)
{
    AgentReadiness readiness;
    readiness.ready = monitor.statistics()->ready(&readiness.notReady);
    if (history && !history->damage().isEmpty()) {
        readiness.ready = false;
        readiness.notReady.append(QStringLiteral("history damaged: %1").arg(history->damage()));
    }
    return readiness;
}

#include "listenermetrics.h"

#include "guardedtcpserver.h"

QByteArray listenerMetrics(const GuardedTcpServer &listener)
{
    QByteArray text = "# HELP dnswatch_http_connections_open HTTP connections open to the agent.\n"
                      "# TYPE dnswatch_http_connections_open gauge\n"
                      "dnswatch_http_connections_open "
            + QByteArray::number(listener.openConnections())
            + "\n# HELP dnswatch_http_connections_closed_total HTTP connections the agent closed "
              "or refused to keep its endpoints answering, by reason.\n"
              "# TYPE dnswatch_http_connections_closed_total counter\n";
    for (int reason = 0; reason < CloseReasonCount; ++reason) {
        text += "dnswatch_http_connections_closed_total{reason=\""
                + closeReasonName(CloseReason(reason)).toLatin1() + "\"} "
                + QByteArray::number(listener.closed()[size_t(reason)]) + '\n';
    }
    text += "# HELP dnswatch_http_long_polls_waiting Long polls of the event feed held open, "
            "waiting for an event.\n"
            "# TYPE dnswatch_http_long_polls_waiting gauge\n"
            "dnswatch_http_long_polls_waiting "
            + QByteArray::number(listener.waitingPolls())
            + "\n# HELP dnswatch_http_long_polls_refused_total Long polls answered 503 at once "
              "because agent.max_waiting_polls were already waiting.\n"
              "# TYPE dnswatch_http_long_polls_refused_total counter\n"
              "dnswatch_http_long_polls_refused_total "
            + QByteArray::number(listener.refusedPolls()) + '\n';
    return text;
}

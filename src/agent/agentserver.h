#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include "accesscheck.h"
#include "agentaction.h"
#include "config/appconfig.h"
#include "eventfeed.h"
#include "guardedtcpserver.h"
#include "longpolls.h"
#include "probe/probehistorybuffer.h"

#include <optional>

class ActionRoutes;
class HistoryStore;
class Monitor;

// The agent's HTTP face: /metrics (Prometheus), /healthz (200 while the process works),
// /readyz (200 when every critical target is reachable and the history, if kept, is sound; 503
// with the reasons when not), /api/v1/status (JSON), the reads of the API (docs/api.md: pins,
// resolve, history, report; one route file each) and the actions (ActionRoutes). Who may read
// and who may act is AccessCheck's: reads are open on loopback only while no token is
// configured; actions always need an operate token.
class AgentServer : public QObject
{
    Q_OBJECT
public:
    AgentServer(Monitor *monitor, const AgentTokens &tokens, const AgentPolicy &limits,
                QObject *parent = nullptr);
    // One operate token (none when empty), as --token gives it.
    AgentServer(Monitor *monitor, const QString &token, const AgentPolicy &limits,
                QObject *parent = nullptr);

    // Returns false and says why when the address needs a token that is missing or the port is
    // taken.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // The history the agent keeps (--db): once damaged, /readyz says so and is not ready.
    // Reports and older history are read from it.
    void setHistory(HistoryStore *history) { m_history = history; }
    GuardedTcpServer *listener() const { return m_listener; }
    // GET /api/v1/events: what it serves (operators' actions are recorded here).
    EventFeed *eventFeed() { return &m_events; }

    // Why a request may not read (no or a wrong token; a foreign Host on a loopback listener
    // without tokens), or nothing when it may.
    std::optional<QHttpServerResponse> refusal(const QHttpServerRequest &request) const
    {
        return m_access.readRefusal(request);
    }
    // Why a request may not act (401, 403), or nothing when it may: then *actor is the name of
    // its operate token.
    std::optional<QHttpServerResponse> actionRefusal(const QHttpServerRequest &request,
                                                     QString *actor) const
    {
        return m_access.actionRefusal(request, actor);
    }

Q_SIGNALS:
    // An operator paused, resumed or asked to probe a target through the API. (Pins, forced
    // re-resolves and cache clears are the resolver's events, whose actor is the token's name.)
    void actionTaken(const AgentAction &action);
    // One line per action of an operator, naming the token: "alice paused mlflow-prod".
    void acted(const QString &line);

private:
    void addReadRoutes();

    Monitor *m_monitor;
    HistoryStore *m_history = nullptr;
    AccessCheck m_access;
    ActionRoutes *m_actions;
    ProbeHistoryBuffer m_recent; // the last two hours of results, for /api/v1/history
    QDateTime m_recentSince; // when m_recent began
    QHttpServer m_server;
    GuardedTcpServer *m_listener; // owned by m_server once bound
    EventFeed m_events;
    LongPolls m_polls;
    quint16 m_port = 0;
};

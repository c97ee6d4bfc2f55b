#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include "config/appconfig.h"
#include "eventfeed.h"
#include "guardedtcpserver.h"
#include "longpolls.h"

#include <optional>

class HistoryStore;
class Monitor;

// The agent's HTTP face: /metrics (Prometheus), /healthz (200 while the process works),
// /readyz (200 when every critical target is reachable and the history, if kept, is sound; 503
// with the reasons when not) and
// /api/v1/status (JSON). On loopback nothing needs a token; elsewhere a token is required and
// every endpoint but /healthz wants "Authorization: Bearer <token>". Without a token, requests
// whose Host header names another machine are refused (DNS rebinding from a web page).
class AgentServer : public QObject
{
    Q_OBJECT
public:
    AgentServer(Monitor *monitor, const QString &token, const AgentPolicy &limits,
                QObject *parent = nullptr);

    // Returns false and says why when the address needs a token that is missing or the port is
    // taken.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // The history the agent keeps (--db): once damaged, /readyz says so and is not ready.
    void setHistory(const HistoryStore *history) { m_history = history; }
    GuardedTcpServer *listener() const { return m_listener; }
    // GET /api/v1/events: what it serves (operators' actions are recorded here).
    EventFeed *eventFeed() { return &m_events; }

    static QByteArray statusJson(const Monitor &monitor, const HistoryStore *history = nullptr);

private:
    // Why a request is turned away (no or a wrong token; a foreign Host on a loopback listener).
    std::optional<class QHttpServerResponse> refusal(const class QHttpServerRequest &request) const;
    bool authorized(const class QHttpServerRequest &request) const;

    Monitor *m_monitor;
    const HistoryStore *m_history = nullptr;
    QString m_token;
    QHttpServer m_server;
    GuardedTcpServer *m_listener; // owned by m_server once bound
    EventFeed m_events;
    LongPolls m_polls;
    quint16 m_port = 0;
};

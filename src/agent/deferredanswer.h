#pragma once

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

class GuardedTcpServer;
class QHttpServerResponse;

// The answer to a request that is given later, once work off the event loop is done (a history
// read, a report being built): the route keeps the responder, and send() writes the answer if
// the client is still connected. Copies share one answer; it is sent at most once. The listener
// counts the request as being answered meanwhile (GuardedTcpServer::deferAnswer), so
// agent.request_timeout_ms bounds it and the connection is not taken for an idle one.
class DeferredAnswer
{
public:
    DeferredAnswer(QHttpServerResponder &&responder, GuardedTcpServer *listener);

    void send(const QHttpServerResponse &response) const;
    bool clientGone() const { return m_socket.isNull(); }

private:
    struct State
    {
        explicit State(QHttpServerResponder &&responder) : responder(std::move(responder)) { }
        QHttpServerResponder responder;
        bool sent = false;
    };
    std::shared_ptr<State> m_state;
    QPointer<QTcpSocket> m_socket;
    QPointer<GuardedTcpServer> m_listener;
};

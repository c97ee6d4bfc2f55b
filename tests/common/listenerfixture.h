#pragma once

#include "clock.h"
#include "guardedtcpserver.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

// The agent's listener in-process, for its own tests: under a real QHttpServer that answers
// /healthz, on a free loopback port, on the test's clock. Header-only: the tests that use it link
// the agent library, the shared test support does not.
namespace ListenerFixture {

inline const QByteArray Healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// maxConnections slots, every deadline longer than any wait of a test unless it shortens them.
inline AgentPolicy policy(int maxConnections)
{
    AgentPolicy limits;
    limits.maxConnections = maxConnections;
    limits.headerTimeoutMs = 60000;
    limits.idleTimeoutMs = 60000;
    limits.requestTimeoutMs = 60000;
    return limits;
}

inline int answers(const QByteArray &received) { return int(received.count("HTTP/1.1 200")); }

// Everything the socket receives until it holds `count` answers or is closed; on timeout the
// caller's comparison says what was missing.
inline QByteArray readAnswers(QTcpSocket *socket, int count)
{
    QByteArray received;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                received += socket->readAll();
                return answers(received) >= count
                        || socket->state() != QAbstractSocket::ConnectedState;
            },
            10000);
    return received + socket->readAll();
}

struct ServedListener
{
    std::unique_ptr<QHttpServer> http;
    GuardedTcpServer *listener = nullptr; // owned by http
    quint16 port = 0; // 0 when it could not listen
};

// With tls, the listener speaks HTTPS only.
inline ServedListener serveHealthz(const AgentPolicy &limits, Clock *clock,
                                   const std::optional<QSslConfiguration> &tls = std::nullopt)
{
    ServedListener served;
    served.http = std::make_unique<QHttpServer>();
    served.http->route(QStringLiteral("/healthz"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    served.listener = new GuardedTcpServer(limits, clock);
    if (tls)
        served.listener->setTlsConfiguration(*tls);
    if (!served.listener->listen(QHostAddress::LocalHost, 0)) {
        delete served.listener;
        served.listener = nullptr;
        return served;
    }
    served.http->bind(served.listener);
    served.port = served.listener->serverPort();
    return served;
}

} // namespace ListenerFixture

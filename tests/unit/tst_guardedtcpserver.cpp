// The agent's listener in-process, under a real QHttpServer on loopback and a ManualClock: hostile
// clients (from 127.0.0.2) holding every slot, idle, asking now and then or dripping a request,
// do not lock out another client (from 127.0.0.1); "Connection: close" and HTTP/1.0 are closed
// after the answer; pipelined requests are all answered; deadlines, shares and refusals are
// counted and summed up; a body is taken up to max_body_bytes with a Content-Length, refused
// otherwise.
#include "clock.h"
#include "deferredanswer.h"
#include "guardedtcpserver.h"
#include "listenerfixture.h"
#include "listenermetrics.h"
#include "rawhttp.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

namespace {

using ListenerFixture::answers;
using ListenerFixture::Healthz;
using ListenerFixture::policy;
using ListenerFixture::readAnswers;

const QHostAddress Hostile(QStringLiteral("127.0.0.2"));

} // namespace

Q_DECLARE_METATYPE(CloseReason)

class TestGuardedTcpServer : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    std::unique_ptr<QHttpServer> m_http;
    GuardedTcpServer *m_listener = nullptr; // owned by m_http
    quint16 m_port = 0;

    void serve(const AgentPolicy &limits)
    {
        ListenerFixture::ServedListener served = ListenerFixture::serveHealthz(limits, &m_clock);
        QVERIFY(served.listener);
        m_http = std::move(served.http);
        m_listener = served.listener;
        m_port = served.port;
    }

    // Four slots, requests of at most 2048 bytes.
    void serveSmallRequests()
    {
        AgentPolicy limits = policy(4);
        limits.maxRequestBytes = 2048;
        serve(limits);
    }

    quint64 closed(CloseReason reason) const { return m_listener->closed()[size_t(reason)]; }

private Q_SLOTS:
    void cleanup() { m_http.reset(); }

    void aClientHoldingEverySlotDoesNotLockOthersOut_data()
    {
        QTest::addColumn<QByteArray>("hostileSends");
        QTest::addColumn<CloseReason>("closedFor");
        QTest::newRow("idle") << QByteArray() << CloseReason::Evicted;
        QTest::newRow("asking now and then") << Healthz << CloseReason::Evicted;
        QTest::newRow("dripping a request")
                << QByteArray("GET /healthz HTTP/1.1\r\nX-Slow: ") << CloseReason::Evicted;
    }
    void aClientHoldingEverySlotDoesNotLockOthersOut()
    {
        QFETCH(QByteArray, hostileSends);
        QFETCH(CloseReason, closedFor);
        serve(policy(4));
        std::vector<std::unique_ptr<QTcpSocket>> hostile;
        for (int i = 0; i < 4; ++i) {
            hostile.push_back(connectedClient(m_port, Hostile));
            QVERIFY(hostile.back());
        }
        QTRY_COMPARE(m_listener->openConnections(), 4);
        // Three rounds a few (clock) seconds apart: each time every connection asks again, or
        // sends a few more bytes of its request.
        for (int round = 0; round < 3 && !hostileSends.isEmpty(); ++round) {
            for (auto &socket : hostile)
                socket->write(hostileSends);
            if (hostileSends == Healthz) {
                for (auto &socket : hostile)
                    QCOMPARE(answers(readAnswers(socket.get(), 1)), 1);
            } else {
                QTest::qWait(0);
            }
            m_clock.advance(300);
        }
        QCOMPARE(m_listener->openConnections(), 4);

        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        QCOMPARE(closed(closedFor), 1u);
        QCOMPARE(m_listener->openConnections(), 4);
        QVERIFY(listenerMetrics(*m_listener)
                        .contains(
                                "dnswatch_http_connections_closed_total{reason=\"evicted\"} 1\n"));
    }

    void aClientWithFewIsNotPushedOutByOneWithMany()
    {
        serve(policy(4));
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        // The client's connection is the one idle longest, but the hostile one holds the most.
        std::vector<std::unique_ptr<QTcpSocket>> hostile;
        for (int i = 0; i < 4; ++i) {
            hostile.push_back(connectedClient(m_port, Hostile));
            QVERIFY(hostile.back());
            QTRY_COMPARE(m_listener->openConnections(), std::min(4, i + 2));
        }
        QTRY_COMPARE(closed(CloseReason::Evicted), 1u);
        QTRY_VERIFY(hostile.front()->state() != QAbstractSocket::ConnectedState);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
    }

    void aClientGetsItsShareOfTheSlots()
    {
        AgentPolicy limits = policy(8);
        limits.maxConnectionsPerClient = 2;
        serve(limits);
        std::vector<std::unique_ptr<QTcpSocket>> hostile;
        for (int i = 0; i < 2; ++i)
            hostile.push_back(connectedClient(m_port, Hostile));
        QTRY_COMPARE(m_listener->openConnections(), 2);
        // Its third closes its own oldest idle one; another client takes a free slot.
        hostile.push_back(connectedClient(m_port, Hostile));
        QTRY_COMPARE(closed(CloseReason::ClientLimit), 1u);
        QTRY_VERIFY(hostile.front()->state() != QAbstractSocket::ConnectedState);
        QCOMPARE(m_listener->openConnections(), 2);
        auto other = connectedClient(m_port);
        QVERIFY(other);
        other->write(Healthz);
        QCOMPARE(answers(readAnswers(other.get(), 1)), 1);
        QCOMPARE(m_listener->openConnections(), 3);
        QCOMPARE(closed(CloseReason::Evicted), 0u);
    }

    void closeAndHttp10AreClosedOnceAnswered_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("Connection: close") << QByteArray(
                "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n");
        QTest::newRow("HTTP/1.0 bare LF") << QByteArray("GET /healthz HTTP/1.0\n\n");
    }
    void closeAndHttp10AreClosedOnceAnswered()
    {
        QFETCH(QByteArray, request);
        serve(policy(4));
        auto client = connectedClient(m_port);
        QVERIFY(client);
        QSignalSpy closed(client.get(), &QTcpSocket::disconnected);
        client->write(request);
        // The server closes: nothing the client does, no clock moved (the timeouts are far).
        QVERIFY(closed.wait(20000));
        QCOMPARE(answers(client->readAll()), 1);
        QTRY_COMPARE(m_listener->openConnections(), 0);
    }

    void keepAliveKeepsTheConnection()
    {
        serve(policy(4));
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    }

    void pipelinedRequestsAreAllAnswered_data()
    {
        QTest::addColumn<int>("padding");
        QTest::newRow("small") << 0;
        // Each well under max_request_bytes (2048), the three together over it.
        QTest::newRow("900 bytes each") << 900;
    }
    void pipelinedRequestsAreAllAnswered()
    {
        QFETCH(int, padding);
        serveSmallRequests();
        auto client = connectedClient(m_port);
        QVERIFY(client);
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (padding ? "X-Pad: " + QByteArray(padding, 'p') + "\r\n" : QByteArray()) + "\r\n";
        client->write(request + request + request);
        QCOMPARE(answers(readAnswers(client.get(), 3)), 3);
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(closed(CloseReason::Oversized), 0u);
    }

    void requestsThatAreTooLargeOrCarryABodyAreAnsweredAndClosed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<CloseReason>("reason");
        QTest::newRow("oversized") << "GET /healthz HTTP/1.1\r\nX-Big: " + QByteArray(4096, 'b')
                                   << QByteArray("HTTP/1.1 431") << CloseReason::Oversized;
        QTest::newRow("body over max_body_bytes")
                << QByteArray("POST /healthz HTTP/1.1\r\nContent-Length: 16385\r\n\r\nhello")
                << QByteArray("HTTP/1.1 413") << CloseReason::Body;
        QTest::newRow("chunked") << QByteArray("POST /healthz HTTP/1.1\r\nTransfer-Encoding: "
                                               "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                 << QByteArray("HTTP/1.1 411") << CloseReason::Body;
        QTest::newRow("a length twice")
                << QByteArray("POST /healthz HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: "
                              "2\r\n\r\nhi")
                << QByteArray("HTTP/1.1 400") << CloseReason::Body;
        QTest::newRow("after an answered one")
                << Healthz + "POST /healthz HTTP/1.1\r\nContent-Length: 20000\r\n\r\nhi"
                << QByteArray("HTTP/1.1 413") << CloseReason::Body;
    }
    void requestsThatAreTooLargeOrCarryABodyAreAnsweredAndClosed()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(CloseReason, reason);
        serveSmallRequests();
        auto client = connectedClient(m_port);
        QVERIFY(client);
        QSignalSpy closedSpy(client.get(), &QTcpSocket::disconnected);
        client->write(request);
        QVERIFY(closedSpy.wait(20000));
        const QByteArray received = client->readAll();
        QVERIFY2(received.contains(status), received.constData());
        QCOMPARE(answers(received), request.startsWith(Healthz) ? 1 : 0);
        QCOMPARE(closed(reason), 1u);
    }

    void aBodyWithinTheBoundIsTakenAndTheNextRequestToo_data()
    {
        QTest::addColumn<int>("bodyBytes");
        QTest::newRow("small") << 2;
        // As large as allowed, and larger than the head limit (2048): counted apart from it.
        QTest::newRow("max_body_bytes") << 16384;
    }
    void aBodyWithinTheBoundIsTakenAndTheNextRequestToo()
    {
        QFETCH(int, bodyBytes);
        serveSmallRequests();
        auto client = connectedClient(m_port);
        QVERIFY(client);
        // The body looks like a request: it is the body's, not a second request.
        QByteArray body = "GET /healthz HTTP/1.1\r\n\r\n";
        body += QByteArray(bodyBytes - qMin<int>(bodyBytes, int(body.size())), 'b');
        body.truncate(bodyBytes);
        client->write("POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                      + QByteArray::number(bodyBytes) + "\r\n\r\n" + body + Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 2)), 2);
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(closed(CloseReason::Body), 0u);
        QCOMPARE(closed(CloseReason::Oversized), 0u);
    }

    void aBodyThatStopsArrivingHasTheHeadsDeadline()
    {
        AgentPolicy limits = policy(4);
        limits.headerTimeoutMs = 2000;
        serve(limits);
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write("POST /healthz HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");
        QTRY_COMPARE(client->bytesToWrite(), 0);
        QTRY_COMPARE(m_listener->openConnections(), 1);
        m_clock.advance(1900);
        QCOMPARE(closed(CloseReason::HeaderTimeout), 0u);
        m_clock.advance(200);
        QTRY_COMPARE(closed(CloseReason::HeaderTimeout), 1u);
    }

    void deadlinesCloseSilentSlowAndIdleConnections()
    {
        AgentPolicy limits = policy(8);
        limits.headerTimeoutMs = 2000;
        limits.idleTimeoutMs = 5000;
        serve(limits);
        auto silent = connectedClient(m_port);
        auto slow = connectedClient(m_port);
        auto idle = connectedClient(m_port);
        QVERIFY(silent && slow && idle);
        QTRY_COMPARE(m_listener->openConnections(), 3);
        slow->write("GET /healthz HTTP/1.1\r\n");
        idle->write(Healthz);
        QCOMPARE(answers(readAnswers(idle.get(), 1)), 1);
        QTRY_COMPARE(slow->bytesToWrite(), 0);
        QTest::qWait(0);

        m_clock.advance(1900);
        QCOMPARE(m_listener->openConnections(), 3);
        m_clock.advance(200); // the head's deadline: from the connection, not its first byte
        QTRY_COMPARE(closed(CloseReason::HeaderTimeout), 2u);
        QTRY_VERIFY(silent->state() != QAbstractSocket::ConnectedState);
        QTRY_VERIFY(slow->state() != QAbstractSocket::ConnectedState);
        QCOMPARE(idle->state(), QAbstractSocket::ConnectedState);
        m_clock.advance(3000);
        QCOMPARE(closed(CloseReason::IdleTimeout), 1u);
        QTRY_VERIFY(idle->state() != QAbstractSocket::ConnectedState);
        // Nothing open, the closures reported: the sweep sleeps.
        m_clock.advance(GuardedTcpServer::SummaryIntervalMs);
        QCOMPARE(m_clock.pendingCalls(), 0);
    }

    void anAnswerGivenLaterIsNotTakenForAnIdleConnection()
    {
        // /slow keeps its answer for later, as the agent's history and report reads do.
        AgentPolicy limits = policy(1);
        limits.idleTimeoutMs = 1000;
        limits.requestTimeoutMs = 5000;
        serve(limits);
        std::optional<DeferredAnswer> pending;
        m_http->route(QStringLiteral("/slow"), [&](QHttpServerResponder &&responder) {
            pending.emplace(std::move(responder), m_listener);
        });
        auto waiting = connectedClient(m_port);
        QVERIFY(waiting);
        waiting->write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_VERIFY(pending.has_value());
        QTest::qWait(0);
        // Past the idle timeout, and a newcomer wanting the one slot: it is being answered, so
        // neither closes it (the newcomer is refused).
        m_clock.advance(2000);
        auto newcomer = connectedClient(m_port, Hostile);
        QVERIFY(newcomer);
        QTRY_COMPARE(closed(CloseReason::ConnectionLimit), 1u);
        QCOMPARE(closed(CloseReason::IdleTimeout), 0u);
        QCOMPARE(closed(CloseReason::Evicted), 0u);
        QCOMPARE(waiting->state(), QAbstractSocket::ConnectedState);
        // The answer comes, and the connection goes on as any other.
        pending->send(
                QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("done")));
        QCOMPARE(answers(readAnswers(waiting.get(), 1)), 1);
        waiting->write(Healthz);
        QCOMPARE(answers(readAnswers(waiting.get(), 1)), 1);
        // One that never comes is bounded by the request timeout.
        waiting->write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_VERIFY(!pending->clientGone());
        QTest::qWait(0);
        m_clock.advance(5100);
        QTRY_COMPARE(closed(CloseReason::RequestTimeout), 1u);
    }

    void theIdleTimeoutShrinksAsTheSlotsRunOut()
    {
        AgentPolicy limits = policy(4);
        limits.idleTimeoutMs = 10000;
        serve(limits);
        QCOMPARE(m_listener->idleTimeoutNowMs(), qint64(10000));
        std::vector<std::unique_ptr<QTcpSocket>> open;
        // Full time up to half the slots, then in proportion to the free ones, down to a tenth.
        const QList<qint64> expected{10000, 10000, 5000, 1000};
        for (qint64 timeout : expected) {
            open.push_back(connectedClient(m_port));
            QTRY_COMPARE(m_listener->openConnections(), int(open.size()));
            QCOMPARE(m_listener->idleTimeoutNowMs(), timeout);
        }
    }

    void closuresAreSummedUpAtMostOncePerInterval()
    {
        AgentPolicy limits = policy(1);
        serve(limits);
        QSignalSpy lines(m_listener, &GuardedTcpServer::closuresSummarized);
        std::vector<std::unique_ptr<QTcpSocket>> open;
        // Each from a client of its own: the slot, not a client's share, runs out.
        const auto from = [](int client) {
            return QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + client));
        };
        for (int i = 0; i < 3; ++i) {
            open.push_back(connectedClient(m_port, from(i)));
            QTRY_COMPARE(closed(CloseReason::Evicted), quint64(i));
        }
        m_clock.advance(GuardedTcpServer::SweepIntervalMs);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).at(0).toString(),
                 QStringLiteral("http: 2 connection(s) closed or refused since the last report: "
                                "evicted 2; 1 of 1 open"));
        open.push_back(connectedClient(m_port, from(3)));
        QTRY_COMPARE(closed(CloseReason::Evicted), 3u);
        m_clock.advance(GuardedTcpServer::SummaryIntervalMs / 2);
        QCOMPARE(lines.size(), 1); // not yet
        m_clock.advance(GuardedTcpServer::SummaryIntervalMs / 2);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).at(0).toString().contains(QLatin1String("1 connection(s)")));
        m_clock.advance(GuardedTcpServer::SummaryIntervalMs * 3);
        QCOMPARE(lines.size(), 2); // nothing new, nothing said
    }
};

QTEST_GUILESS_MAIN(TestGuardedTcpServer)
#include "tst_guardedtcpserver.moc"

// GET /api/v1/events in-process: the route, the long polls and the listener under a real
// QHttpServer on loopback and a ManualClock. A held poll is answered when an event comes and
// with an empty list when its wait passes (clock time); it outlives the request and idle
// timeouts, counts against neither max_connections nor a client's share, and is never evicted;
// beyond max_waiting_polls a poll is answered 503 at once; a client that hangs up while held is
// forgotten (nothing written to its socket); bad parameters are answered 400.
#include "clock.h"
#include "eventfeed.h"
#include "eventsroute.h"
#include "guardedtcpserver.h"
#include "listenermetrics.h"
#include "longpolls.h"
#include "rawhttp.h"
#include "resolver/resolvereventlog.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

namespace {

constexpr qint64 FirstId = 7'000'000;
const QByteArray Healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

QByteArray poll(qint64 after, int waitS, const QByteArray &extraHeaders = QByteArray())
{
    return "GET /api/v1/events?after=" + QByteArray::number(after)
            + "&wait=" + QByteArray::number(waitS) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + extraHeaders + "\r\n";
}

QJsonObject bodyOf(const RawHttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object();
}

ResolverEvent anEvent()
{
    return ResolverEventLog::resolutionFailed(QStringLiteral("system"), QStringLiteral("a.test"),
                                              FailureCause::Timeout, QStringLiteral("timeout"));
}

} // namespace

class TestLongPolls : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    std::unique_ptr<QHttpServer> m_http;
    GuardedTcpServer *m_listener = nullptr; // owned by m_http
    std::unique_ptr<EventFeed> m_feed;
    std::unique_ptr<LongPolls> m_polls;
    quint16 m_port = 0;

    void serve(const AgentPolicy &limits)
    {
        m_http = std::make_unique<QHttpServer>();
        m_http->route(QStringLiteral("/healthz"), [] {
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
        });
        m_listener = new GuardedTcpServer(limits, &m_clock);
        m_feed = std::make_unique<EventFeed>(&m_clock, FirstId);
        m_polls = std::make_unique<LongPolls>(m_feed.get(), m_listener, &m_clock);
        routeEvents(*m_http, *m_polls, [](const QHttpServerRequest &) {
            return std::optional<QHttpServerResponse>();
        });
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        m_http->bind(m_listener);
        m_port = m_listener->serverPort();
    }

    static AgentPolicy policy()
    {
        AgentPolicy limits;
        limits.maxConnections = 4;
        limits.maxConnectionsPerClient = 2;
        limits.headerTimeoutMs = 1000;
        limits.idleTimeoutMs = 1000;
        limits.requestTimeoutMs = 1000;
        return limits;
    }

    // A poll from `from` that the agent holds.
    std::unique_ptr<QTcpSocket> heldPoll(int waitS, const QHostAddress &from = QHostAddress())
    {
        const int before = m_polls->waiting();
        auto socket = connectedClient(m_port, from);
        if (!socket)
            return nullptr;
        socket->write(poll(m_feed->lastId(), waitS));
        if (!QTest::qWaitFor([&] { return m_polls->waiting() == before + 1; }, 10000))
            return nullptr;
        return socket;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_polls.reset();
        m_http.reset();
        m_feed.reset();
    }

    void aHeldPollIsAnsweredWhenAnEventComes()
    {
        serve(policy());
        auto client = heldPoll(30);
        QVERIFY(client);
        QCOMPARE(m_listener->waitingPolls(), 1);
        QCOMPARE(client->bytesAvailable(), 0);
        m_feed->record(anEvent(), {});
        const RawHttpAnswer answer = readRawAnswer(client.get());
        QCOMPARE(answer.status, 200);
        const QJsonObject body = bodyOf(answer);
        const QJsonArray events = body.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("id")).toDouble(), double(FirstId));
        QCOMPARE(body.value(QStringLiteral("last_id")).toDouble(), double(FirstId));
        QCOMPARE(body.value(QStringLiteral("gap")).toBool(), false);
        QCOMPARE(m_polls->waiting(), 0);
        QTRY_COMPARE(m_listener->waitingPolls(), 0);
        // Kept alive: the next poll on the same connection is held again.
        client->write(poll(FirstId, 30));
        QTRY_COMPARE(m_polls->waiting(), 1);
    }

    void aWaitThatPassesIsAnsweredWithNothing()
    {
        serve(policy());
        auto client = heldPoll(5);
        QVERIFY(client);
        m_clock.advance(4900);
        QTest::qWait(0);
        QCOMPARE(client->bytesAvailable(), 0);
        m_clock.advance(100);
        const RawHttpAnswer answer = readRawAnswer(client.get());
        QCOMPARE(answer.status, 200);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("events")).toArray().size(), 0);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("last_id")).toDouble(), double(FirstId - 1));
    }

    void somethingToSayIsAnsweredAtOnce()
    {
        serve(policy());
        m_feed->record(anEvent(), {});
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write(poll(FirstId - 1, 30)); // one event after it
        QCOMPARE(
                bodyOf(readRawAnswer(client.get())).value(QStringLiteral("events")).toArray().size(),
                1);
        client->write(poll(FirstId + 50, 30)); // ahead: the client saw another run
        const QJsonObject ahead = bodyOf(readRawAnswer(client.get()));
        QCOMPARE(ahead.value(QStringLiteral("gap")).toBool(), true);
        QCOMPARE(m_polls->waiting(), 0);
    }

    void waitingPollsOutliveTheTimeoutsAndLeaveTheSlotsFree()
    {
        serve(policy()); // 4 slots, 2 a client, every timeout 1 s
        const QHostAddress clients[] = {QHostAddress(QStringLiteral("127.0.0.2")),
                                        QHostAddress(QStringLiteral("127.0.0.3"))};
        std::vector<std::unique_ptr<QTcpSocket>> pollers;
        for (const QHostAddress &from : clients) {
            for (int i = 0; i < 3; ++i) { // more than a client's share
                pollers.push_back(heldPoll(30, from));
                QVERIFY(pollers.back());
            }
        }
        QCOMPARE(m_listener->waitingPolls(), 6); // more than the slots
        QVERIFY(listenerMetrics(*m_listener).contains("dnswatch_http_long_polls_waiting 6\n"));
        // Well past the request, idle and header timeouts: none is closed.
        for (int i = 0; i < 20; ++i)
            m_clock.advance(500);
        QTest::qWait(0);
        QCOMPARE(m_listener->waitingPolls(), 6);
        for (const auto &poller : pollers)
            QCOMPARE(poller->state(), QAbstractSocket::ConnectedState);
        // Every slot is still there for others, and filling them evicts no poll.
        std::vector<std::unique_ptr<QTcpSocket>> others;
        for (int i = 0; i < 5; ++i) {
            others.push_back(
                    connectedClient(m_port, QHostAddress(QStringLiteral("127.0.0.%1").arg(4 + i))));
            QVERIFY(others.back());
            others.back()->write(Healthz);
            QCOMPARE(readRawAnswer(others.back().get()).status, 200);
        }
        QCOMPARE(m_listener->waitingPolls(), 6);
        QCOMPARE(m_listener->closed()[size_t(CloseReason::Evicted)], 1u);
        m_feed->record(anEvent(), {});
        for (const auto &poller : pollers)
            QCOMPARE(readRawAnswer(poller.get()).status, 200);
    }

    void aPollBeyondTheBoundIsAnswered503()
    {
        AgentPolicy limits = policy();
        limits.maxWaitingPolls = 1;
        serve(limits);
        auto first = heldPoll(30);
        QVERIFY(first);
        auto second = connectedClient(m_port);
        QVERIFY(second);
        second->write(poll(m_feed->lastId(), 30));
        const RawHttpAnswer answer = readRawAnswer(second.get());
        QCOMPARE(answer.status, 503);
        QVERIFY(answer.head.contains("\r\nRetry-After: 1"));
        QVERIFY(bodyOf(answer)
                        .value(QStringLiteral("error"))
                        .toString()
                        .contains(QStringLiteral("max_waiting_polls")));
        QCOMPARE(m_listener->refusedPolls(), 1u);
        QCOMPARE(m_polls->waiting(), 1);
    }

    void aClientThatHangsUpIsForgotten()
    {
        serve(policy());
        auto client = heldPoll(30);
        QVERIFY(client);
        client->abort();
        QTRY_COMPARE(m_polls->waiting(), 0);
        QTRY_COMPARE(m_listener->waitingPolls(), 0);
        QTRY_COMPARE(m_listener->openConnections(), 0);
        // An event and the deadline after it find nothing to write to (ASan would say).
        m_feed->record(anEvent(), {});
        QTest::qWait(0);
        m_clock.advance(60000);
        auto other = connectedClient(m_port);
        other->write(Healthz);
        QCOMPARE(readRawAnswer(other.get()).status, 200);
    }

    void connectionCloseIsHonouredAfterTheHeldAnswer()
    {
        serve(policy());
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write(poll(FirstId - 1, 30, "Connection: close\r\n"));
        QTRY_COMPARE(m_polls->waiting(), 1);
        m_clock.advance(30000);
        const RawHttpAnswer answer = readRawAnswer(client.get());
        QCOMPARE(answer.status, 200);
        QTRY_VERIFY(client->state() != QAbstractSocket::ConnectedState);
    }

    void aRequestBehindAHeldPollClosesTheConnection()
    {
        serve(policy());
        auto client = heldPoll(30);
        QVERIFY(client);
        client->write(Healthz); // would be answered before the poll
        QTRY_VERIFY(client->state() != QAbstractSocket::ConnectedState);
        QCOMPARE(client->readAll(), QByteArray()); // not a word out of order
        QCOMPARE(m_listener->closed()[size_t(CloseReason::Pipeline)], 1u);
        QTRY_COMPARE(m_polls->waiting(), 0);
    }

    void badParametersAre400_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("error");
        QTest::newRow("after not a number")
                << QByteArray("after=x")
                << QStringLiteral("after: expected a non-negative integer, got \"x\"");
        QTest::newRow("after negative")
                << QByteArray("after=-1")
                << QStringLiteral("after: expected a non-negative integer, got \"-1\"");
        QTest::newRow("after beyond 2^53")
                << QByteArray("after=99999999999999999999")
                << QStringLiteral("after: expected at most 9007199254740991, got "
                                  "\"99999999999999999999\"");
        QTest::newRow("wait above 30") << QByteArray("after=1&wait=31")
                                       << QStringLiteral("wait: expected at most 30, got \"31\"");
        QTest::newRow("wait empty")
                << QByteArray("wait=")
                << QStringLiteral("wait: expected a non-negative integer, got \"\"");
        QTest::newRow("wait twice") << QByteArray("wait=1&wait=2")
                                    << QStringLiteral("wait: expected once, given 2 times");
    }
    void badParametersAre400()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, error);
        serve(policy());
        auto client = connectedClient(m_port);
        QVERIFY(client);
        client->write("GET /api/v1/events?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const RawHttpAnswer answer = readRawAnswer(client.get());
        QCOMPARE(answer.status, 400);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("error")).toString(), error);
    }
};

QTEST_GUILESS_MAIN(TestLongPolls)
#include "tst_longpolls.moc"

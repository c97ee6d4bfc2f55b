// The agent's listener with TLS, in-process under a real QHttpServer on loopback and a
// ManualClock, with a certificate made by openssl: HTTPS requests are answered (kept alive,
// closed on request, refused when too large); plain HTTP and garbage are closed and counted as
// tls_handshake; a client that never finishes its handshake or never asks is closed at the
// header deadline; the slots' limits hold for connections still in their handshake.
#include "clock.h"
#include "guardedtcpserver.h"
#include "listenerfixture.h"
#include "listenermetrics.h"
#include "testcertificates.h"
#include "tlsidentity.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace {

using ListenerFixture::answers;
using ListenerFixture::Healthz;
using ListenerFixture::readAnswers;

// Requests of at most 2048 bytes.
AgentPolicy policy(int maxConnections)
{
    AgentPolicy limits = ListenerFixture::policy(maxConnections);
    limits.maxRequestBytes = 2048;
    return limits;
}

bool connected(const QAbstractSocket &socket)
{
    return socket.state() == QAbstractSocket::ConnectedState;
}

} // namespace

class TestGuardedTcpServerTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<TlsIdentity> m_identity;
    ManualClock m_clock;
    std::unique_ptr<QHttpServer> m_http;
    GuardedTcpServer *m_listener = nullptr; // owned by m_http
    quint16 m_port = 0;

    void serve(const AgentPolicy &limits)
    {
        ListenerFixture::ServedListener served = ListenerFixture::serveHealthz(
                limits, &m_clock, m_identity->serverConfiguration());
        QVERIFY(served.listener && served.listener->speaksTls());
        m_http = std::move(served.http);
        m_listener = served.listener;
        m_port = served.port;
    }

    // A client that trusts the test's certificate (and checks the name 127.0.0.1 in it),
    // encrypted and ready to ask.
    std::unique_ptr<QSslSocket> httpsClient()
    {
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({m_identity->certificate()});
        socket->setSslConfiguration(configuration);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!QTest::qWaitFor(
                    [&] {
                        return socket->isEncrypted()
                                || socket->state() == QAbstractSocket::UnconnectedState;
                    },
                    10000)
            || !socket->isEncrypted())
            return nullptr;
        return socket;
    }

    // A client that connects and says nothing.
    std::unique_ptr<QTcpSocket> silentClient()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        if (!QTest::qWaitFor([&] { return connected(*socket); }, 10000))
            return nullptr;
        return socket;
    }

    quint64 closed(CloseReason reason) const { return m_listener->closed()[size_t(reason)]; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const std::optional<TestCertificate> made = makeTestCertificate(
                m_dir.path(), QStringLiteral("agent"), TestKeyType::Rsa, 2, &error);
        QVERIFY2(made, qPrintable(error));
        m_identity = TlsIdentity::load(made->certificate, made->key,
                                       QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(m_identity, qPrintable(error));
    }

    void cleanup() { m_http.reset(); }

    void answersOverTlsKeptAliveOrClosedOnRequest()
    {
        serve(policy(4));
        auto client = httpsClient();
        QVERIFY(client);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        // Kept alive, and two more pipelined in one go.
        client->write(Healthz + Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 2)), 2);
        QVERIFY(connected(*client));
        QSignalSpy closedSpy(client.get(), &QSslSocket::disconnected);
        client->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QVERIFY(closedSpy.wait(10000));
        QVERIFY(client->readAll().contains("\r\n\r\nok\n"));
        QCOMPARE(m_listener->closed(), CloseCounts{});
    }

    void aRequestTooLargeIsAnsweredOverTls()
    {
        serve(policy(4));
        auto client = httpsClient();
        QVERIFY(client);
        QSignalSpy closedSpy(client.get(), &QSslSocket::disconnected);
        client->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(4096, 'b'));
        QVERIFY(closedSpy.wait(10000));
        QVERIFY(client->readAll().startsWith("HTTP/1.1 431"));
        QCOMPARE(closed(CloseReason::Oversized), 1u);
    }

    void plainHttpAndGarbageAreClosedAndCounted_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("plain HTTP") << Healthz;
        QTest::newRow("garbage") << QByteArray("not TLS at all\r\n\r\n");
    }
    void plainHttpAndGarbageAreClosedAndCounted()
    {
        QFETCH(QByteArray, sent);
        serve(policy(4));
        auto plain = silentClient();
        QVERIFY(plain);
        QTRY_COMPARE(m_listener->openConnections(), 1);
        plain->write(sent);
        QTRY_VERIFY(!connected(*plain));
        QTRY_COMPARE(closed(CloseReason::TlsHandshake), 1u);
        QCOMPARE(m_listener->openConnections(), 0);
        // No answer in plain text, and the next client is served.
        QVERIFY(!plain->readAll().contains("HTTP/1.1"));
        auto client = httpsClient();
        QVERIFY(client);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        QVERIFY(listenerMetrics(*m_listener)
                        .contains("dnswatch_http_connections_closed_total{reason=\"tls_"
                                  "handshake\"} 1\n"));
    }

    // The handshake and the first request's head share header_timeout_ms from the connection.
    void aClientThatNeverSaysHelloOrNeverAsksIsClosedAtTheHeaderDeadline()
    {
        AgentPolicy limits = policy(8);
        limits.headerTimeoutMs = 2000;
        serve(limits);
        auto silent = silentClient();
        auto encryptedOnly = httpsClient();
        auto asking = httpsClient();
        QVERIFY(silent && encryptedOnly && asking);
        QTRY_COMPARE(m_listener->openConnections(), 3);
        asking->write(Healthz);
        QCOMPARE(answers(readAnswers(asking.get(), 1)), 1);

        m_clock.advance(1900);
        QCOMPARE(m_listener->openConnections(), 3);
        m_clock.advance(200);
        QTRY_COMPARE(closed(CloseReason::HeaderTimeout), 2u);
        QTRY_VERIFY(!connected(*silent));
        QTRY_VERIFY(!connected(*encryptedOnly));
        QVERIFY(connected(*asking));
        QCOMPARE(closed(CloseReason::TlsHandshake), 0u);
        asking->write(Healthz);
        QCOMPARE(answers(readAnswers(asking.get(), 1)), 1);
    }

    // Connections still in their handshake take slots like any other, and make room as idle
    // ones do.
    void theSlotsLimitsHoldDuringHandshakes()
    {
        serve(policy(2));
        auto first = silentClient();
        auto second = silentClient();
        QVERIFY(first && second);
        QTRY_COMPARE(m_listener->openConnections(), 2);
        auto client = httpsClient();
        QVERIFY(client);
        client->write(Healthz);
        QCOMPARE(answers(readAnswers(client.get(), 1)), 1);
        QCOMPARE(m_listener->openConnections(), 2);
        // All from 127.0.0.1, whose share is both slots: it lost its own longest silent one.
        QCOMPARE(closed(CloseReason::ClientLimit), 1u);
        QTRY_VERIFY(!connected(*first));
        QVERIFY(connected(*second));
    }
};

QTEST_GUILESS_MAIN(TestGuardedTcpServerTls)
#include "tst_guardedtcpserver_tls.moc"

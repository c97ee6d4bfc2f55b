// What keeps DNS over TLS and DNS over HTTPS fast: a burst of queries leaves in one write and in
// order; DNS over HTTPS keeps many queries in flight as streams of one HTTP/2 connection. Against
// a real unbound on loopback (the test's private CA) and fake TLS servers.
#include "clock.h"
#include "dns/dnsclient.h"
#include "dns/dnshttp2connection.h"
#include "dns/dnstlsconnection.h"
#include "encrypteddnsfixture.h"
#include "misbehavinghttp2server.h"
#include "testtlsserver.h"

#include <QSslSocket>
#include <QTest>
#include <QtEndian>

namespace {

QByteArray queryFor(quint16 id, const QString &name)
{
    return DnsWire::buildQuery(id, name, quint16(DnsWire::RecordType::A), {});
}

// Runs fn once the events queued so far (a connection's pending flush among them) are handled.
void afterQueuedEvents(QObject *context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

} // namespace

class TestEncryptedDnsStreams : public QObject
{
    Q_OBJECT

private:
    EncryptedDnsFixture m_lab;
    SystemClock m_clock;

    QSslConfiguration trustingTheLab() const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(m_lab.caFile(), QSsl::Pem));
        return tls;
    }

    DnsClientOptions clientOptions(const QString &server) const
    {
        DnsClientOptions options;
        options.servers = {*NameServer::parseAnyTransport(server)};
        options.timeoutMs = 5000;
        options.attempts = 1;
        options.tlsName = EncryptedDnsFixture::ServerName;
        options.caCertificates = QSslCertificate::fromPath(m_lab.caFile(), QSsl::Pem);
        return options;
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here");
        QString error;
        QVERIFY2(m_lab.start(&error), qPrintable(error));
    }

    void tlsBurstLeavesInOneWriteInTheOrderSent()
    {
        // Echoes every length-prefixed message back, noting the IDs in the order they came.
        TestTlsServer echo(m_lab.serverCertificate());
        QList<quint16> arrived;
        QByteArray buffer;
        echo.onReadyRead = [&](QSslSocket *socket) {
            buffer.append(socket->readAll());
            while (buffer.size() >= 2) {
                const int length = qFromBigEndian<quint16>(buffer.constData());
                if (buffer.size() < 2 + length)
                    return;
                arrived.append(qFromBigEndian<quint16>(buffer.constData() + 2));
                socket->write(buffer.left(2 + length));
                buffer.remove(0, 2 + length);
            }
        };
        QVERIFY(echo.listen(QHostAddress::LocalHost));
        const NameServer server = *NameServer::parseAnyTransport(
                QStringLiteral("tls://127.0.0.1:%1").arg(echo.serverPort()));
        DnsTlsConnection connection(server, trustingTheLab(), EncryptedDnsFixture::ServerName, 5000,
                                    10000, &m_clock);
        QList<quint16> answered;
        connect(&connection, &DnsTlsConnection::replyReceived, this,
                [&](quint16 id, const QByteArray &) { answered.append(id); });
        connection.send(1, queryFor(1, EncryptedDnsFixture::LabName));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 10000);

        const quint64 writesBefore = connection.writes();
        QList<quint16> sent;
        for (int i = 0; i < 50; ++i) {
            const quint16 id = quint16(60000 - 7 * i); // not sorted either way by accident
            sent.append(id);
            connection.send(id, queryFor(id, QStringLiteral("n%1.lab.test").arg(i)));
        }
        std::optional<quint64> writesOfTheBurst;
        afterQueuedEvents(this, [&] { writesOfTheBurst = connection.writes() - writesBefore; });
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 51, 10000);
        QCOMPARE(writesOfTheBurst, std::optional<quint64>(1));
        QCOMPARE(arrived.mid(1), sent);
        QCOMPARE(answered.mid(1), sent);
    }

    void httpsBurstLeavesInOneWriteAndEveryStreamIsAnswered()
    {
        const NameServer server = *NameServer::parseAnyTransport(m_lab.httpsServer());
        DnsHttp2Connection connection(server, trustingTheLab(), EncryptedDnsFixture::ServerName,
                                      5000, 10000, &m_clock);
        QList<int> statuses;
        QStringList failures;
        const auto answered = [&](const DnsHttp2Connection::Response &response) {
            statuses.append(response.status);
        };
        const auto failed = [&](DnsHttp2Connection::Failure, const QString &detail) {
            failures.append(detail);
        };
        connection.send(queryFor(0, EncryptedDnsFixture::LabName), answered, failed);
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size() + failures.size(), 1, 10000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        const quint64 writesBefore = connection.writes();
        for (int i = 0; i < 50; ++i)
            connection.send(queryFor(0, QStringLiteral("n%1.lab.test").arg(i)), answered, failed);
        std::optional<quint64> writesOfTheBurst;
        afterQueuedEvents(this, [&] { writesOfTheBurst = connection.writes() - writesBefore; });
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size() + failures.size(), 51, 10000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(writesOfTheBurst, std::optional<quint64>(1));
        QCOMPARE(statuses, QList<int>(51, 200));
        QCOMPARE(connection.connectionsOpened(), 1u);
    }

    void httpsKeepsManyQueriesInFlightOnOneConnection()
    {
        // More than unbound's 100 streams at once: the rest wait their turn on the same
        // connection instead of failing or opening more.
        DnsClient client(clientOptions(m_lab.httpsServer()), &m_clock);
        constexpr int Queries = 300;
        int answered = 0;
        QStringList failures;
        QObject context;
        for (int i = 0; i < Queries; ++i) {
            const QString name = i % 2 ? EncryptedDnsFixture::LabName
                                       : QStringLiteral("n%1.lab.test").arg(i);
            client.query(name, quint16(DnsWire::RecordType::A), &context,
                         [&](const DnsExchange &exchange) {
                             ++answered;
                             if (exchange.error != DnsExchange::Error::None)
                                 failures.append(exchange.detail);
                         });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, Queries, 30000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(client.stats().httpsConnections, 1u);
    }

    void idleHttpsConnectionClosesAndTheNextQueryReopensIt()
    {
        ManualClock clock;
        DnsClientOptions options = clientOptions(m_lab.httpsServer());
        options.tlsIdleCloseMs = 2000;
        DnsClient client(options, &clock);
        const auto ask = [&] {
            std::optional<DnsExchange> result;
            QObject context;
            client.query(EncryptedDnsFixture::LabName, quint16(DnsWire::RecordType::A), &context,
                         [&](const DnsExchange &exchange) { result = exchange; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
            return result.value_or(DnsExchange()).error;
        };
        QCOMPARE(ask(), DnsExchange::Error::None);
        clock.advance(1999);
        QCOMPARE(ask(), DnsExchange::Error::None);
        QCOMPARE(client.stats().httpsConnections, 1u);
        clock.advance(2000);
        QCOMPARE(ask(), DnsExchange::Error::None);
        QCOMPARE(client.stats().httpsConnections, 2u);
    }

    DnsExchange askOnce(DnsClient &client)
    {
        std::optional<DnsExchange> result;
        QObject context;
        client.query(EncryptedDnsFixture::LabName, quint16(DnsWire::RecordType::A), &context,
                     [&](const DnsExchange &exchange) { result = exchange; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
        return result.value_or(DnsExchange());
    }

    void oversizedHttpsAnswerIsCancelledAndReported()
    {
        MisbehavingHttp2Server server(m_lab.serverCertificate(),
                                      MisbehavingHttp2Server::Answer::OversizedBody);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        DnsClient client(clientOptions(server.url()), &m_clock);
        const DnsExchange exchange = askOnce(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Malformed);
        QVERIFY2(exchange.detail.contains(QStringLiteral("more than 65535 bytes")),
                 qPrintable(exchange.detail));
        // The rest of the body was refused, not read: the stream was cancelled.
        QTRY_COMPARE_WITH_TIMEOUT(server.resetsReceived, QList<quint32>{0x8}, 5000);
    }

    void httpsStreamClosedBeforeItsEndFails()
    {
        // RST_STREAM(NO_ERROR) where the answer should end: a clean close, but no END_STREAM.
        MisbehavingHttp2Server server(m_lab.serverCertificate(),
                                      MisbehavingHttp2Server::Answer::ClosedWithoutEnd);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        DnsClient client(clientOptions(server.url()), &m_clock);
        const DnsExchange exchange = askOnce(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Network);
        QVERIFY2(exchange.detail.contains(QStringLiteral("ended before the answer was complete")),
                 qPrintable(exchange.detail));
    }

    void httpsNeedsTheServerToAgreeToHttp2()
    {
        // No ALPN at all, as an HTTP/1.1 server that predates it: the handshake succeeds.
        TestTlsServer http1Only(m_lab.serverCertificate());
        QVERIFY(http1Only.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("https://127.0.0.1:%1/dns-query")
                                    .arg(http1Only.serverPort());
        DnsClient client(clientOptions(url), &m_clock);
        std::optional<DnsExchange> result;
        client.query(EncryptedDnsFixture::LabName, quint16(DnsWire::RecordType::A), this,
                     [&](const DnsExchange &exchange) { result = exchange; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QCOMPARE(result->error, DnsExchange::Error::Network);
        QVERIFY2(result->detail.contains(QStringLiteral("did not agree to HTTP/2")),
                 qPrintable(result->detail));
        QVERIFY2(result->detail.contains(url), qPrintable(result->detail));
    }
};

QTEST_GUILESS_MAIN(TestEncryptedDnsStreams)
#include "tst_encrypted_dns_streams.moc"

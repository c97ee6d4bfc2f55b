// DNS over TLS (RFC 7858) and DNS over HTTPS (RFC 8484) against a real unbound on loopback with a
// certificate from a private CA made by the test; and a fake TLS server that breaks off mid-answer.
#include "clock.h"
#include "dns/dnsclient.h"
#include "encrypteddnsfixture.h"
#include "nofreefiledescriptors.h"
#include "resolver/directdnsbackend.h"
#include "testtlsserver.h"

#include <QFile>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QtEndian>

#include <csignal>

namespace {

// Accepts TLS connections, reads one length-prefixed query and answers with a length prefix and
// half of the answer it announced, then closes the connection.
class HalfAnswerTlsServer : public TestTlsServer
{
public:
    HalfAnswerTlsServer(const TestCertificate &identity) : TestTlsServer(identity)
    {
        onReadyRead = [this](QSslSocket *socket) {
            if (socket->bytesAvailable() < 14)
                return;
            const QByteArray query = socket->readAll();
            ++queriesSeen;
            QByteArray half(2, Qt::Uninitialized);
            qToBigEndian<quint16>(quint16(query.size() - 2), half.data());
            half.append(query.mid(2, (query.size() - 2) / 2));
            socket->write(half);
            socket->flush();
            socket->disconnectFromHost();
        };
    }

    QString server() const { return QStringLiteral("tls://127.0.0.1:%1").arg(serverPort()); }
    int queriesSeen = 0;
};

QList<QSslCertificate> certificatesOf(const QString &path)
{
    return QSslCertificate::fromPath(path, QSsl::Pem);
}

QStringList addressesIn(const DnsExchange &exchange)
{
    QStringList addresses;
    for (const DnsWire::Record &record : exchange.response.answers) {
        if (!record.address.isNull())
            addresses.append(record.address.toString());
    }
    return addresses;
}

} // namespace

class TestEncryptedDns : public QObject
{
    Q_OBJECT

private:
    EncryptedDnsFixture m_lab;
    SystemClock m_clock;

    DnsClientOptions optionsFor(const QStringList &servers, const QString &tlsName, bool trustTestCa)
    {
        DnsClientOptions options;
        for (const QString &server : servers)
            options.servers.append(*NameServer::parseAnyTransport(server));
        options.timeoutMs = 5000;
        options.attempts = 1;
        options.tlsName = tlsName;
        if (trustTestCa)
            options.caCertificates = certificatesOf(m_lab.caFile());
        return options;
    }

    static void addTransportRows()
    {
        QTest::addColumn<bool>("https");
        QTest::newRow("DNS over TLS") << false;
        QTest::newRow("DNS over HTTPS") << true;
    }

    // The bytes received but not yet read by the process at the established loopback TCP
    // connections whose local port is port (the Recv-Q of /proc/net/tcp).
    static qint64 unreadBytesAtLoopbackPort(quint16 port)
    {
        QFile table(QStringLiteral("/proc/net/tcp"));
        if (!table.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray local = "0100007F:"
                + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
        qint64 unread = 0;
        for (const QByteArray &line : table.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            // sl local_address rem_address st tx_queue:rx_queue ...; st 01 is ESTABLISHED
            if (fields.size() > 4 && fields[1] == local && fields[3] == "01")
                unread += fields[4].split(':').value(1).toLongLong(nullptr, 16);
        }
        return unread;
    }

    static DnsExchange ask(DnsClient &client, const QString &name = EncryptedDnsFixture::LabName)
    {
        std::optional<DnsExchange> result;
        QObject context;
        client.query(name, quint16(DnsWire::RecordType::A), &context,
                     [&](const DnsExchange &exchange) { result = exchange; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
        return result.value_or(DnsExchange());
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here");
        QString error;
        QVERIFY2(m_lab.start(&error), qPrintable(error));
    }

    void resolvesOverTlsWithThePrivateCa()
    {
        DnsClient client(optionsFor({m_lab.tlsServer()}, EncryptedDnsFixture::ServerName, true),
                         &m_clock);
        const DnsExchange exchange = ask(client);
        QVERIFY2(exchange.error == DnsExchange::Error::None, qPrintable(exchange.detail));
        QCOMPARE(addressesIn(exchange), QStringList{EncryptedDnsFixture::LabAddress});
        QCOMPARE(exchange.server.toString(), m_lab.tlsServer());
        QCOMPARE(client.stats().tlsConnections, 1u);
    }

    void resolvesOverHttpsWithThePrivateCa()
    {
        DnsClient client(optionsFor({m_lab.httpsServer()}, EncryptedDnsFixture::ServerName, true),
                         &m_clock);
        const DnsExchange exchange = ask(client);
        QVERIFY2(exchange.error == DnsExchange::Error::None, qPrintable(exchange.detail));
        QCOMPARE(addressesIn(exchange), QStringList{EncryptedDnsFixture::LabAddress});
        QCOMPARE(exchange.server.toString(), m_lab.httpsServer());
        // RFC 8484 4.1: the query went out with ID 0 (unbound also listens for plain DNS on that
        // port, and a plain query would have a random one).
        QCOMPARE(exchange.response.id, quint16(0));
        // A second query goes over the connection the manager kept.
        const DnsExchange again = ask(client);
        QVERIFY2(again.error == DnsExchange::Error::None, qPrintable(again.detail));
    }

    void manyQueriesShareOneTlsConnection()
    {
        DnsClient client(optionsFor({m_lab.tlsServer()}, EncryptedDnsFixture::ServerName, true),
                         &m_clock);
        constexpr int Queries = 40;
        int answered = 0;
        QStringList failures;
        QObject context;
        for (int i = 0; i < Queries; ++i) {
            // Different names: unbound answers each on its own, in whatever order it likes.
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
        QCOMPARE(client.stats().tlsConnections, 1u);
        // And the next queries reuse it too.
        QCOMPARE(ask(client).error, DnsExchange::Error::None);
        QCOMPARE(ask(client).error, DnsExchange::Error::None);
        QCOMPARE(client.stats().tlsConnections, 1u);
    }

    void idleConnectionClosesAndTheNextQueryReopensIt()
    {
        ManualClock clock;
        DnsClientOptions options = optionsFor({m_lab.tlsServer()}, EncryptedDnsFixture::ServerName,
                                              true);
        options.tlsIdleCloseMs = 2000;
        DnsClient client(options, &clock);
        QCOMPARE(ask(client).error, DnsExchange::Error::None);
        clock.advance(1999);
        QCOMPARE(client.stats().tlsIdleCloses, 0u);
        QCOMPARE(ask(client).error, DnsExchange::Error::None);
        QCOMPARE(client.stats().tlsConnections, 1u);
        clock.advance(2000);
        QCOMPARE(client.stats().tlsIdleCloses, 1u);
        const DnsExchange reopened = ask(client);
        QVERIFY2(reopened.error == DnsExchange::Error::None, qPrintable(reopened.detail));
        QCOMPARE(client.stats().tlsConnections, 2u);
    }

    void wrongTlsNameFailsWithTheMismatchNamed_data() { addTransportRows(); }

    void wrongTlsNameFailsWithTheMismatchNamed()
    {
        QFETCH(bool, https);
        const QString server = https ? m_lab.httpsServer() : m_lab.tlsServer();
        DirectDnsBackend backend(QStringLiteral("encrypted"),
                                 optionsFor({server}, QStringLiteral("other.test"), true),
                                 &m_clock);
        std::optional<BackendAnswer> answer;
        backend.lookup(EncryptedDnsFixture::LabName, RecordKind::A, this,
                       [&](const BackendAnswer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 30000);
        QCOMPARE(causeName(answer->cause), QStringLiteral("tls"));
        QVERIFY2(answer->detail.contains(
                         QStringLiteral("certificate name mismatch: expected other.test, got "
                                        "dns.test")),
                 qPrintable(answer->detail));
        QVERIFY2(answer->detail.contains(server), qPrintable(answer->detail));
    }

    void withoutTheCaTheCertificateIsRefused_data() { addTransportRows(); }

    void withoutTheCaTheCertificateIsRefused()
    {
        QFETCH(bool, https);
        const QString server = https ? m_lab.httpsServer() : m_lab.tlsServer();
        DnsClient client(optionsFor({server}, EncryptedDnsFixture::ServerName, false), &m_clock);
        const DnsExchange exchange = ask(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Tls);
        QVERIFY2(exchange.detail.contains(QStringLiteral("unknown CA")),
                 qPrintable(exchange.detail));
    }

    void tlsNameDefaultsToTheHostOfTheUrl()
    {
        // The certificate names dns.test only; the URL's host is 127.0.0.1.
        DnsClient client(optionsFor({m_lab.tlsServer()}, QString(), true), &m_clock);
        const DnsExchange exchange = ask(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Tls);
        QVERIFY2(exchange.detail.contains(QStringLiteral("expected 127.0.0.1, got dns.test")),
                 qPrintable(exchange.detail));
    }

    void stalledHandshakeIsGivenUpAndTriedAnew()
    {
        QTcpServer silent; // accepts connections and never says a word of TLS
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        DnsClientOptions options = optionsFor(
                {QStringLiteral("tls://127.0.0.1:%1").arg(silent.serverPort())},
                EncryptedDnsFixture::ServerName, true);
        options.timeoutMs = 300;
        options.attempts = 2;
        DnsClient client(options, &m_clock);
        const DnsExchange exchange = ask(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Timeout);
        QVERIFY2(exchange.detail.contains(QStringLiteral("within 300 ms")),
                 qPrintable(exchange.detail));
        // The stalled connection was given up: the next query does not queue behind it.
        QCOMPARE(ask(client).error, DnsExchange::Error::Timeout);
        QVERIFY2(client.stats().tlsConnections >= 2,
                 qPrintable(QString::number(client.stats().tlsConnections)));
    }

    void noFileDescriptorLeftFailsTheQueryOnce_data() { addTransportRows(); }

    void noFileDescriptorLeftFailsTheQueryOnce()
    {
        // Qt fails the socket inside connectToHostEncrypted(): the failure comes later, once.
        QFETCH(bool, https);
        const QString server = https ? m_lab.httpsServer() : m_lab.tlsServer();
        DnsClient client(optionsFor({server}, EncryptedDnsFixture::ServerName, true), &m_clock);
        QList<DnsExchange> outcomes;
        QObject context;
        {
            NoFreeFileDescriptors noneLeft;
            QVERIFY(noneLeft.ok());
            client.query(EncryptedDnsFixture::LabName, quint16(DnsWire::RecordType::A), &context,
                         [&](const DnsExchange &exchange) { outcomes.append(exchange); });
            QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10000);
        }
        // Exactly once: a second outcome would be queued at once, so a short wait shows it.
        QTest::qWait(100);
        QCOMPARE(outcomes.size(), 1);
        QCOMPARE(outcomes.first().error, DnsExchange::Error::Network);
        QVERIFY2(outcomes.first().detail.contains(server), qPrintable(outcomes.first().detail));
        // With descriptors free again the next query connects anew.
        const DnsExchange again = ask(client);
        QVERIFY2(again.error == DnsExchange::Error::None, qPrintable(again.detail));
    }

    void serverClosingMidAnswerFailsOverToTheNext()
    {
        HalfAnswerTlsServer broken(m_lab.serverCertificate());
        QVERIFY(broken.listen(QHostAddress::LocalHost));
        DnsClient client(optionsFor({broken.server(), m_lab.tlsServer()},
                                    EncryptedDnsFixture::ServerName, true),
                         &m_clock);
        const DnsExchange exchange = ask(client);
        QVERIFY2(exchange.error == DnsExchange::Error::None, qPrintable(exchange.detail));
        QCOMPARE(exchange.server.toString(), m_lab.tlsServer());
        QCOMPARE(broken.queriesSeen, 1);
    }

    void serverClosingMidAnswerIsANetworkErrorThatSaysSo()
    {
        HalfAnswerTlsServer broken(m_lab.serverCertificate());
        QVERIFY(broken.listen(QHostAddress::LocalHost));
        DnsClientOptions options = optionsFor({broken.server()}, EncryptedDnsFixture::ServerName,
                                              true);
        options.attempts = 2;
        DnsClient client(options, &m_clock);
        const DnsExchange exchange = ask(client);
        QCOMPARE(exchange.error, DnsExchange::Error::Network);
        QVERIFY2(exchange.detail.contains(QStringLiteral("in the middle of an answer")),
                 qPrintable(exchange.detail));
        // The second round opened a new connection and was cut off the same way.
        QCOMPARE(broken.queriesSeen, 2);
        QCOMPARE(client.stats().tlsConnections, 2u);
    }

    // A real unbound that dies with queries in flight on its connection: each fails at once, as
    // a network error that says the server closed the connection, not after its timeout.
    void unboundDyingWithQueriesInFlightFailsThem_data() { addTransportRows(); }
    void unboundDyingWithQueriesInFlightFailsThem()
    {
        QFETCH(bool, https);
        EncryptedDnsFixture doomed;
        QString error;
        QVERIFY2(doomed.start(&error), qPrintable(error));
        DnsClientOptions options;
        options.servers = {
                *NameServer::parseAnyTransport(https ? doomed.httpsServer() : doomed.tlsServer())};
        options.timeoutMs = 60000; // far longer than the test waits
        options.attempts = 1;
        options.tlsName = EncryptedDnsFixture::ServerName;
        options.caCertificates = certificatesOf(doomed.caFile());
        DnsClient client(options, &m_clock);
        const DnsExchange first = ask(client); // the connection is open
        QVERIFY2(first.error == DnsExchange::Error::None, qPrintable(first.detail));

        doomed.unbound().pause(); // it reads nothing more
        QList<DnsExchange> outcomes;
        QObject context;
        for (int i = 0; i < 3; ++i)
            client.query(QStringLiteral("n%1.lab.test").arg(i), quint16(DnsWire::RecordType::A),
                         &context, [&](const DnsExchange &exchange) { outcomes.append(exchange); });
        // The queries are in flight: their bytes wait, unread, at the stopped unbound's end.
        const quint16 port = options.servers[0].port;
        QTRY_VERIFY_WITH_TIMEOUT(unreadBytesAtLoopbackPort(port) > 0, 10000);
        QVERIFY(outcomes.isEmpty());
        QCOMPARE(::kill(pid_t(doomed.unbound().pid()), SIGKILL), 0); // dies stopped: no answer
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 20000);
        for (const DnsExchange &exchange : std::as_const(outcomes)) {
            QCOMPARE(exchange.error, DnsExchange::Error::Network);
            QVERIFY2(exchange.detail.contains(QStringLiteral("closed the connection")),
                     qPrintable(exchange.detail));
        }
        QCOMPARE(client.stats().tlsConnections + client.stats().httpsConnections, 1u);
    }
};

QTEST_GUILESS_MAIN(TestEncryptedDns)
#include "tst_encrypted_dns.moc"

// `dnswatch --headless --tls-cert FILE --tls-key FILE` as an operator runs it, with certificates
// made by openssl: /metrics over HTTPS for a client that trusts the certificate, plain HTTP to
// the HTTPS port closed and counted, a client that never says hello closed at the header
// deadline while /healthz answers, a key of another certificate and an expired certificate
// refused at start; and the warning of a plain-HTTP agent off loopback.
#include "agentprocess.h"
#include "binaryrun.h"
#include "dnsserverfixture.h"
#include "testcertificates.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestAgentTls : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString error;
    };

    QTemporaryDir m_dir;
    QString m_configPath;
    QString m_tokenPath;
    TestCertificate m_certificate;
    QNetworkAccessManager m_network;

    Answer get(const QString &scheme, quint16 port, const QString &path,
               const QByteArray &token = QByteArray())
    {
        QNetworkRequest request(
                QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port).arg(path)));
        if (scheme == QLatin1String("https")) {
            QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
            trust.setCaCertificates(QSslCertificate::fromPath(m_certificate.certificate));
            request.setSslConfiguration(trust);
        }
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_network.get(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(),
                      reply->error() == QNetworkReply::NoError ? QString() : reply->errorString()};
        reply->deleteLater();
        return answer;
    }

    std::unique_ptr<QProcess> startAgent(const QStringList &extra)
    {
        return startHeadlessAgent(QStringLiteral(DNSWATCH_BINARY), m_configPath, extra);
    }

    QStringList tlsArguments(const TestCertificate &certificate) const
    {
        return {QStringLiteral("--tls-cert"), certificate.certificate, QStringLiteral("--tls-key"),
                certificate.key};
    }

    static void waitUntilListening(QProcess *agent, QByteArray *log)
    {
        QTRY_VERIFY_WITH_TIMEOUT((*log += agent->readAllStandardOutput()).contains("listening on"),
                                 10000);
    }

    // The agent over HTTPS with the test's certificate on 127.0.0.1:port, once it listens.
    std::unique_ptr<QProcess> startHttpsAgent(quint16 port, QByteArray *log)
    {
        auto agent = startAgent(
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}
                + tlsArguments(m_certificate));
        waitUntilListening(agent.get(), log);
        return agent;
    }

    // The agent started with this certificate and key, to its (early) end.
    BinaryRun runWith(const TestCertificate &certificate) const
    {
        return runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                QStringList{QStringLiteral("--headless"), QStringLiteral("--config"), m_configPath,
                            QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(DnsServerFixture::freePort())}
                        + tlsArguments(certificate));
    }

    // Stops the agent; what it logged, from its start to its end.
    static void stop(QProcess *agent, QByteArray *log)
    {
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitCode(), 0);
        *log += agent->readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QFile config(m_configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
                "{\"agent\":{\"header_timeout_ms\":2000},\"targets\":[{\"name\":\"localhost\","
                "\"host\":\"localhost\",\"resolver\":\"system\",\"check\":{\"type\":\"dns\"}}]}");
        config.close();
        m_tokenPath = m_dir.filePath(QStringLiteral("token"));
        QFile token(m_tokenPath);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("t0p-secret\n");
        token.close();
        QString error;
        const std::optional<TestCertificate> made = makeTestCertificate(
                m_dir.path(), QStringLiteral("agent"), TestKeyType::Rsa, 2, &error);
        QVERIFY2(made, qPrintable(error));
        m_certificate = *made;
    }

    void servesHttpsToAClientThatTrustsTheCertificate()
    {
        const quint16 port = DnsServerFixture::freePort();
        QByteArray log;
        auto agent = startHttpsAgent(port, &log);
        const Answer metrics = get(QStringLiteral("https"), port, QStringLiteral("/metrics"));
        QVERIFY2(metrics.error.isEmpty(), qPrintable(metrics.error));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("dnswatch_http_connections_closed_total{reason=\"tls_"
                                      "handshake\"} 0\n"));
        // Plain HTTP gets no answer; the agent closes it and counts it.
        auto plain = std::make_unique<QTcpSocket>();
        plain->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(plain->waitForConnected(10000));
        plain->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(plain->state() != QAbstractSocket::ConnectedState, 10000);
        QVERIFY(!plain->readAll().contains("HTTP/1.1"));
        QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("https"), port, QStringLiteral("/metrics"))
                                         .body.contains("dnswatch_http_connections_closed_total{"
                                                        "reason=\"tls_handshake\"} 1\n"),
                                 10000);
        stop(agent.get(), &log);
        QVERIFY2(log.contains(
                         QStringLiteral("listening on https://127.0.0.1:%1 ").arg(port).toUtf8()),
                 log.constData());
        QVERIFY2(log.contains(QByteArray("TLS: certificate " + m_certificate.certificate.toUtf8())),
                 log.constData());
        // Made for 2 days: within the 14 days of warning.
        QVERIFY2(log.contains(QByteArray("warning: the TLS certificate "
                                         + m_certificate.certificate.toUtf8()
                                         + " expires in 1 day(s)")),
                 log.constData());
    }

    void aClientThatNeverSaysHelloIsClosedWhileHealthzAnswers()
    {
        const quint16 port = DnsServerFixture::freePort();
        QByteArray log;
        auto agent = startHttpsAgent(port, &log);
        auto silent = std::make_unique<QTcpSocket>();
        silent->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(silent->waitForConnected(10000));
        const Answer health = get(QStringLiteral("https"), port, QStringLiteral("/healthz"));
        QVERIFY2(health.error.isEmpty(), qPrintable(health.error));
        QCOMPARE(health.body, QByteArray("ok\n"));
        // header_timeout_ms is 2 s: far within the 20 s waited.
        QTRY_VERIFY_WITH_TIMEOUT(silent->state() != QAbstractSocket::ConnectedState, 20000);
        const Answer metrics = get(QStringLiteral("https"), port, QStringLiteral("/metrics"));
        QVERIFY2(metrics.body.contains(
                         "dnswatch_http_connections_closed_total{reason=\"header_timeout\"} 1\n"),
                 metrics.body.constData());
        QVERIFY(metrics.body.contains(
                "dnswatch_http_connections_closed_total{reason=\"tls_handshake\"} 0\n"));
        stop(agent.get(), &log);
    }

    void aKeyOfAnotherCertificateIsRefusedAtStart()
    {
        QString error;
        const std::optional<TestCertificate> other = makeTestCertificate(
                m_dir.path(), QStringLiteral("other"), TestKeyType::Ec, 2, &error);
        QVERIFY2(other, qPrintable(error));
        const BinaryRun run = runWith({m_certificate.certificate, other->key});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("dnswatch: --tls-key %1 does not match the "
                                                 "certificate in %2: a TLS handshake with them "
                                                 "failed (")
                                          .arg(other->key, m_certificate.certificate)
                                          .toUtf8()),
                 run.err.constData());
        QVERIFY(!run.out.contains("listening on"));
    }

    void anExpiredCertificateIsRefusedAtStart()
    {
        QString error;
        const std::optional<TestCertificate> expired = makeExpiredTestCertificate(
                m_dir.path(), QStringLiteral("expired"), &error);
        QVERIFY2(expired, qPrintable(error));
        const BinaryRun run = runWith(*expired);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("dnswatch: --tls-cert %1: the certificate expired "
                                                 "on 2020-01-02T00:00:00Z\n")
                                          .arg(expired->certificate)
                                          .toUtf8()),
                 run.err.constData());
    }

    // Off loopback without TLS the token crosses the network in clear: said once at start. With
    // TLS, or on loopback, nothing is said.
    void plainHttpOffLoopbackIsWarnedOf_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("warned");
        QTest::newRow("any address, plain") << QStringLiteral("0.0.0.0") << false << true;
        QTest::newRow("any address, TLS") << QStringLiteral("0.0.0.0") << true << false;
        QTest::newRow("loopback, plain") << QStringLiteral("127.0.0.1") << false << false;
    }
    void plainHttpOffLoopbackIsWarnedOf()
    {
        QFETCH(QString, address);
        QFETCH(bool, tls);
        QFETCH(bool, warned);
        const quint16 port = DnsServerFixture::freePort();
        QStringList arguments{QStringLiteral("--listen"),
                              QStringLiteral("%1:%2").arg(address).arg(port),
                              QStringLiteral("--token-file"), m_tokenPath};
        if (tls)
            arguments += tlsArguments(m_certificate);
        auto agent = startAgent(arguments);
        QByteArray log;
        waitUntilListening(agent.get(), &log);
        const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
        const Answer metrics = get(scheme, port, QStringLiteral("/metrics"), "t0p-secret");
        QVERIFY2(metrics.error.isEmpty(), qPrintable(metrics.error));
        QCOMPARE(metrics.status, 200);
        stop(agent.get(), &log);
        QVERIFY2(log.contains(QStringLiteral("listening on %1://%2:%3 ")
                                      .arg(scheme, address)
                                      .arg(port)
                                      .toUtf8()),
                 log.constData());
        const QByteArray warning = "warning: plain HTTP on " + address.toUtf8()
                + ", which is not loopback: the token crosses the network in clear; serve HTTPS "
                  "with --tls-cert and --tls-key\n";
        QCOMPARE(log.contains(warning), warned);
        QVERIFY(!log.contains("t0p-secret"));
    }
};

QTEST_GUILESS_MAIN(TestAgentTls)
#include "tst_agent_tls.moc"

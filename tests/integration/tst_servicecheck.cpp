// Service checks against a real HTTP server on loopback (tests/common/http_stub.py): the check
// goes to the address resolution gave while the URL's host name stays in the Host header.
#include "clock.h"
#include "httpstubfixture.h"
#include "probe/servicecheck.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTest>

class TestServiceCheck : public QObject
{
    Q_OBJECT

private:
    CheckOptions fastRetries() const
    {
        CheckOptions options;
        options.timeoutMs = 3000;
        options.maxRetries = 3;
        options.backoffFactorMs = 10;
        options.backoffJitterMs = 10;
        return options;
    }

    CheckOutcome runCheck(const CheckConfig &check, const CheckOptions &options,
                          const QList<QHostAddress> &addresses = {QHostAddress::LocalHost})
    {
        ServiceChecker checker(options, &m_clock);
        std::optional<CheckOutcome> outcome;
        checker.run(check, addresses, this, [&](const CheckOutcome &o) { outcome = o; });
        [&] { QVERIFY(!outcome); }(); // never inside run()
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000); }();
        return outcome.value_or(CheckOutcome());
    }

    CheckConfig http(const QString &path, CheckConfig::Type type = CheckConfig::Type::Http) const
    {
        CheckConfig check;
        check.type = type;
        check.url = QUrl(QStringLiteral("http://svc.test:%1%2").arg(m_stub.port()).arg(path));
        return check;
    }

    SystemClock m_clock;
    HttpStubFixture m_stub;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stub.start(&error), qPrintable(error));
    }

    void httpGoesToTheAddressWithTheNameInTheHostHeader()
    {
        const CheckOutcome outcome = runCheck(http(QStringLiteral("/app/health")), fastRetries());
        QVERIFY2(outcome.ok, qPrintable(outcome.detail));
        QCOMPARE(outcome.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(outcome.attempts.size(), 1);
        QCOMPARE(outcome.attempts[0].httpStatus, 200);
        // svc.test resolves nowhere: the request reached 127.0.0.1 and still named svc.test.
        QVERIFY2(m_stub.requests().contains(
                         QStringLiteral("GET /app/health host=svc.test:%1 auth=no")
                                 .arg(m_stub.port())),
                 qPrintable(m_stub.requests().join(QLatin1Char('\n'))));
    }

    void httpExpectedStatus_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<bool>("ok");
        QTest::newRow("404 by default") << QStringLiteral("/status/404") << 200 << 399 << false;
        QTest::newRow("302 by default") << QStringLiteral("/status/302") << 200 << 399 << true;
        QTest::newRow("404 expected") << QStringLiteral("/status/404") << 404 << 404 << true;
        QTest::newRow("200 not expected") << QStringLiteral("/x/health") << 204 << 204 << false;
    }
    void httpExpectedStatus()
    {
        QFETCH(QString, path);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(bool, ok);
        CheckConfig check = http(path);
        check.expectStatusMin = min;
        check.expectStatusMax = max;
        const CheckOutcome outcome = runCheck(check, fastRetries());
        QCOMPARE(outcome.ok, ok);
        if (!ok)
            QVERIFY2(outcome.detail.contains(QStringLiteral("answered HTTP")),
                     qPrintable(outcome.detail));
    }

    void mlflowHealth_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("detail");
        QTest::newRow("healthy") << QStringLiteral("/ml") << true << 1 << QString();
        QTest::newRow("503 twice, then fine")
                << QStringLiteral("/flaky2") << true << 3 << QString();
        QTest::newRow("503 for good") << QStringLiteral("/flaky9") << false << 4
                                      << QStringLiteral("answered HTTP 503 (after 3 retries)");
        QTest::newRow("wrong body") << QStringLiteral("/wrongbody") << false << 1
                                    << QStringLiteral("instead of \"OK\"");
        QTest::newRow("404 is not retried")
                << QStringLiteral("/missing") << false << 1 << QStringLiteral("answered HTTP 404");
    }
    void mlflowHealth()
    {
        QFETCH(QString, path);
        QFETCH(bool, ok);
        QFETCH(int, attempts);
        QFETCH(QString, detail);
        const CheckOutcome outcome = runCheck(http(path, CheckConfig::Type::Mlflow), fastRetries());
        QCOMPARE(outcome.ok, ok);
        QCOMPARE(outcome.attempts.size(), attempts); // every attempt is recorded
        QVERIFY2(outcome.detail.contains(detail), qPrintable(outcome.detail));
    }

    void retryAfterIsHonoured()
    {
        QElapsedTimer timer;
        timer.start();
        const CheckOutcome outcome = runCheck(
                http(QStringLiteral("/busy"), CheckConfig::Type::Mlflow), fastRetries());
        QVERIFY2(outcome.ok, qPrintable(outcome.detail));
        QCOMPARE(outcome.attempts.size(), 2);
        QCOMPARE(outcome.attempts[0].httpStatus, 429);
        QVERIFY2(timer.elapsed() >= 1000, "429 with Retry-After: 1 waits a second, not 10 ms");
    }

    void connectionErrorsAreRetriedThenReported()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        CheckConfig check;
        check.type = CheckConfig::Type::Mlflow;
        check.url = QUrl(QStringLiteral("http://mlflow.test:%1").arg(port));
        const CheckOutcome outcome = runCheck(check, fastRetries());
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.attempts.size(), 4);
        QCOMPARE(outcome.attempts[0].httpStatus, 0);
        QVERIFY2(outcome.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(outcome.detail));
    }

    void mlflowCredentialsAreUsedAndNeverShown_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("ok");
        QTest::newRow("basic") << QStringLiteral("alice") << QStringLiteral("s3cret") << QString()
                               << true;
        QTest::newRow("bearer") << QString() << QString() << QStringLiteral("t0ken") << true;
        QTest::newRow("wrong password")
                << QStringLiteral("alice") << QStringLiteral("guess") << QString() << false;
    }
    void mlflowCredentialsAreUsedAndNeverShown()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, token);
        QFETCH(bool, ok);
        CheckOptions options = fastRetries();
        options.credentials = {user, password, token};
        const CheckOutcome outcome = runCheck(
                http(QStringLiteral("/auth"), CheckConfig::Type::Mlflow), options);
        QCOMPARE(outcome.ok, ok);
        QCOMPARE(outcome.attempts.size(), 2); // /health, then the authenticated API call
        QCOMPARE(outcome.attempts[1].httpStatus, ok ? 200 : 401);
        QString everything = outcome.detail;
        for (const CheckAttempt &attempt : outcome.attempts)
            everything += attempt.what + attempt.error;
        for (const QString &secret : {password, token}) {
            if (!secret.isEmpty())
                QVERIFY2(!everything.contains(secret), qPrintable(everything));
        }
    }

    void httpsVerifiesTheNameNotTheAddress()
    {
        HttpStubFixture https;
        QString error;
        QVERIFY2(https.start(&error, HttpStubFixture::Protocol::Https), qPrintable(error));
        // Trust the test's self-signed certificate (for svc.test) in this process only.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        const QSslConfiguration original = tls;
        tls.addCaCertificates(https.certificatePath());
        QSslConfiguration::setDefaultConfiguration(tls);

        CheckConfig check;
        check.type = CheckConfig::Type::Mlflow;
        check.url = QUrl(QStringLiteral("https://svc.test:%1/ml").arg(https.port()));
        const CheckOutcome outcome = runCheck(check, fastRetries());
        QVERIFY2(outcome.ok, qPrintable(outcome.detail));
        // TLS was asked for svc.test (SNI) although the connection went to 127.0.0.1.
        QVERIFY2(https.requests().contains(QStringLiteral("SNI svc.test")),
                 qPrintable(https.requests().join(QLatin1Char('\n'))));

        // A name the certificate does not cover fails verification: no silent trust of the IP.
        check.url = QUrl(QStringLiteral("https://other.test:%1/ml").arg(https.port()));
        CheckOptions once = fastRetries();
        once.maxRetries = 0;
        const CheckOutcome mismatch = runCheck(check, once);
        QSslConfiguration::setDefaultConfiguration(original);
        QVERIFY(!mismatch.ok);
        QCOMPARE(mismatch.attempts.size(), 1);
        QCOMPARE(mismatch.attempts[0].httpStatus, 0);
    }

    void tcpConnects()
    {
        CheckConfig check;
        check.type = CheckConfig::Type::Tcp;
        check.port = m_stub.port();
        const CheckOutcome outcome = runCheck(check, fastRetries());
        QVERIFY2(outcome.ok, qPrintable(outcome.detail));
        QCOMPARE(outcome.attempts[0].what,
                 QStringLiteral("connect 127.0.0.1:%1").arg(m_stub.port()));

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        check.port = closed.serverPort();
        closed.close();
        const CheckOutcome refused = runCheck(check, fastRetries());
        QVERIFY(!refused.ok);
        QVERIFY2(refused.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(refused.detail));
    }

    void dnsExpectation_data()
    {
        QTest::addColumn<QStringList>("expect");
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<bool>("ok");
        QTest::newRow("no expectation")
                << QStringList() << QStringList{QStringLiteral("192.0.2.1")} << true;
        QTest::newRow("inside CIDR")
                << QStringList{QStringLiteral("10.0.0.0/8")}
                << QStringList{QStringLiteral("10.1.2.3"), QStringLiteral("10.9.9.9")} << true;
        QTest::newRow("one outside")
                << QStringList{QStringLiteral("10.0.0.0/8")}
                << QStringList{QStringLiteral("10.1.2.3"), QStringLiteral("192.0.2.1")} << false;
        QTest::newRow("exact address") << QStringList{QStringLiteral("fd00::1")}
                                       << QStringList{QStringLiteral("fd00::1")} << true;
    }
    void dnsExpectation()
    {
        QFETCH(QStringList, expect);
        QFETCH(QStringList, addresses);
        QFETCH(bool, ok);
        CheckConfig check;
        check.type = CheckConfig::Type::Dns;
        check.expect = expect;
        QList<QHostAddress> resolved;
        for (const QString &address : addresses)
            resolved.append(QHostAddress(address));
        const CheckOutcome outcome = runCheck(check, fastRetries(), resolved);
        QCOMPARE(outcome.ok, ok);
        if (!ok)
            QVERIFY2(outcome.detail.startsWith(QStringLiteral("unexpected-answer: 192.0.2.1")),
                     qPrintable(outcome.detail));
    }
};

QTEST_GUILESS_MAIN(TestServiceCheck)
#include "tst_servicecheck.moc"

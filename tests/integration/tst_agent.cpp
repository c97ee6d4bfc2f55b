// `dnswatch --headless` as an operator runs it: the real binary against a real dnsmasq and a real
// HTTP server, scraped over HTTP, checked by promtool, reloaded by SIGHUP, stopped by SIGTERM.
#include "agentprocess.h"
#include "dnsserverfixture.h"
#include "httpstubfixture.h"
#include "promtoolcheck.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestAgent : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
    };

    Answer get(quint16 port, const QString &path, const QByteArray &token = QByteArray(),
               const QByteArray &host = QByteArray())
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        QNetworkReply *reply = m_network.get(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
        reply->deleteLater();
        return answer;
    }

    void writeConfig(const QByteArray &targets, const QByteArray &topLevel = QByteArray())
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{" + topLevel + "\"resolvers\":[{\"name\":\"lab\",\"servers\":[\""
                   + m_dns.server().toLatin1()
                   + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":[" + targets + "]}");
    }

    QJsonObject targetStatus(quint16 port, const QString &name)
    {
        const QJsonArray targets = QJsonDocument::fromJson(
                                           get(port, QStringLiteral("/api/v1/status")).body)
                                           .object()
                                           .value(QStringLiteral("targets"))
                                           .toArray();
        for (const QJsonValue &target : targets) {
            if (target.toObject().value(QStringLiteral("name")).toString() == name)
                return target.toObject();
        }
        return {};
    }

    static QString sourceOf(const QJsonObject &target)
    {
        return target.value(QStringLiteral("source")).toString();
    }

    QByteArray svcTarget() const
    {
        return "{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\",\"interval_s\":1,"
               "\"check\":{\"type\":\"mlflow\",\"url\":\"http://svc.test:"
                + QByteArray::number(m_http.port()) + "/ml\"}}";
    }

    std::unique_ptr<QProcess> startAgent(const QStringList &extra)
    {
        return startHeadlessAgent(QStringLiteral(DNSWATCH_BINARY), m_configPath, extra);
    }

    static std::unique_ptr<QTcpSocket> connectedTo(quint16 port,
                                                   const QHostAddress &from = QHostAddress())
    {
        auto socket = std::make_unique<QTcpSocket>();
        if (!from.isNull() && !socket->bind(from))
            return nullptr;
        socket->connectToHost(QHostAddress::LocalHost, port);
        return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
    }

    static bool closedByAgent(QTcpSocket *socket, int withinMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < withinMs)
            socket->waitForDisconnected(50);
        return socket->state() != QAbstractSocket::ConnectedState;
    }

    // Until the agent answers /healthz, asked on a connection the agent closes itself: by the
    // time the close is seen here, the agent no longer counts it, so the tests that fill its
    // slots start from none taken (a kept-alive connection could still hold one).
    static bool servingWithNoConnectionsOpen(quint16 port)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            auto socket = connectedTo(port);
            if (socket) {
                socket->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Connection: close\r\n\r\n");
                if (closedByAgent(socket.get(), 5000)
                    && socket->readAll().startsWith("HTTP/1.1 200"))
                    return true;
            }
            QTest::qWait(100);
        }
        return false;
    }

    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    HttpStubFixture m_http;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60"),
                                     QStringLiteral("--address=/nx.test/")},
                                    &error),
                 qPrintable(error));
        QVERIFY2(m_http.start(&error), qPrintable(error));
    }

    void servesHealthReadinessMetricsAndStatus()
    {
        writeConfig(svcTarget()
                    + ",{\"name\":\"gone\",\"host\":\"x.nx.test\",\"resolver\":\"lab\","
                      "\"interval_s\":1,\"critical\":false}");
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/healthz")).status, 200, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/readyz")).status, 200, 10000);

        // The metrics pass promtool's parser and linter.
        const Answer metrics = get(port, QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        const QByteArray promtoolSays = promtoolCheck(metrics.body);
        QVERIFY2(promtoolSays.isEmpty(), promtoolSays.constData());
        QVERIFY(metrics.body.contains("dnswatch_target_state{target=\"gone\",host=\"x.nx.test\","
                                      "resolver=\"lab\",state=\"down\"} 1"));
        QVERIFY(metrics.body.contains("dnswatch_ready 1"));
        // A web page that rebinds its name to 127.0.0.1 is turned away; localhost is fine.
        QCOMPARE(get(port, QStringLiteral("/api/v1/status"), {},
                     "evil.example:" + QByteArray::number(port))
                         .status,
                 403);
        QCOMPARE(get(port, QStringLiteral("/metrics"), {}, "localhost:" + QByteArray::number(port))
                         .status,
                 200);

        const QJsonObject status =
                QJsonDocument::fromJson(get(port, QStringLiteral("/api/v1/status")).body).object();
        QCOMPARE(status.value(QStringLiteral("ready")).toBool(), true);
        const QJsonArray targets = status.value(QStringLiteral("targets")).toArray();
        QCOMPARE(targets.size(), 2);
        QCOMPARE(targets[0].toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("healthy"));
        QCOMPARE(targets[1].toObject().value(QStringLiteral("error")).toString(),
                 QStringLiteral("nxdomain"));

        // SIGHUP reloads: a new target appears, the others keep their counts.
        writeConfig(svcTarget()
                    + ",{\"name\":\"extra\",\"host\":\"svc.test\",\"resolver\":\"lab\",\"interval_"
                      "s\":1}");
        ::kill(pid_t(agent->processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(
                get(port, QStringLiteral("/api/v1/status")).body.contains("\"extra\""), 10000);
        // An invalid reload is rejected and the running config stays.
        QFile broken(m_configPath);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{\"targets\": [ {\"name\": 1 } ]");
        broken.close();
        ::kill(pid_t(agent->processId()), SIGHUP);
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT(
                (log += agent->readAllStandardOutput()).contains("reload rejected"), 10000);
        QVERIFY(get(port, QStringLiteral("/api/v1/status")).body.contains("\"extra\""));

        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent->exitCode(), 0);
    }

    // DNS goes away: the stale tier keeps the agent ready and the check passing, events and
    // metrics say so, and recovery is seen. Then the agent is killed with DNS still down, and the
    // restarted agent is ready at once from the last-known-good answer its --db kept.
    void outageStaysReadyAndARestartKeepsItFromHistory()
    {
        // TTLs clamped to 2 s, so the cached answer expires within the test.
        writeConfig(svcTarget(), "\"cache\":{\"min_ttl_s\":1,\"max_ttl_s\":2},");
        const QString db = m_dir.filePath(QStringLiteral("outage.db"));
        const quint16 port = DnsServerFixture::freePort();
        const QStringList arguments{QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--db"), db};
        auto agent = startAgent(arguments);
        QTRY_COMPARE_WITH_TIMEOUT(
                targetStatus(port, QStringLiteral("svc")).value(QStringLiteral("state")).toString(),
                QStringLiteral("healthy"), 15000);

        m_dns.kill();
        QTRY_COMPARE_WITH_TIMEOUT(sourceOf(targetStatus(port, QStringLiteral("svc"))),
                                  QStringLiteral("stale"), 15000);
        const QJsonObject degraded = targetStatus(port, QStringLiteral("svc"));
        QCOMPARE(degraded.value(QStringLiteral("state")).toString(), QStringLiteral("degraded"));
        QCOMPARE(get(port, QStringLiteral("/readyz")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
                get(port, QStringLiteral("/metrics"))
                        .body.contains("dnswatch_kept_reachable_by_fallback_total{target=\"svc\","
                                       "host=\"svc.test\",resolver=\"lab\"} "),
                5000);
        const QByteArray metrics = get(port, QStringLiteral("/metrics")).body;
        QVERIFY(metrics.contains("dnswatch_fallback_entries_total{target=\"svc\",host=\"svc.test\","
                                 "resolver=\"lab\",tier=\"stale\"} 1"));

        QString error;
        QVERIFY2(m_dns.restart(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
                QStringList({QStringLiteral("fresh"), QStringLiteral("cache")})
                        .contains(sourceOf(targetStatus(port, QStringLiteral("svc")))),
                15000);
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += agent->readAllStandardOutput()).contains("recovered"),
                                 10000);
        QVERIFY2(log.contains("kept reachable by the stale tier"), log.constData());

        // Down again, and this time the agent dies without a word.
        m_dns.kill();
        QTRY_COMPARE_WITH_TIMEOUT(sourceOf(targetStatus(port, QStringLiteral("svc"))),
                                  QStringLiteral("stale"), 15000);
        const auto hourProbes = [&] {
            return targetStatus(port, QStringLiteral("svc"))
                    .value(QStringLiteral("success_rates"))
                    .toObject()
                    .value(QStringLiteral("1h"))
                    .toObject()
                    .value(QStringLiteral("probes"))
                    .toInt();
        };
        const int probesBefore = hourProbes();
        QVERIFY2(probesBefore >= 5, qPrintable(QString::number(probesBefore)));
        ::kill(pid_t(agent->processId()), SIGKILL);
        QVERIFY(agent->waitForFinished(10000));

        auto restarted = startAgent(arguments);
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/readyz")).status, 200, 15000);
        const QJsonObject served = targetStatus(port, QStringLiteral("svc"));
        QCOMPARE(sourceOf(served), QStringLiteral("stale"));
        QCOMPARE(
                served.value(QStringLiteral("check")).toObject().value(QStringLiteral("ok")).toBool(),
                true);
        // The success-rate windows came back too (less at most the last second's probes).
        QVERIFY2(hourProbes() >= probesBefore - 2,
                 qPrintable(QStringLiteral("%1 probes in the hour before, %2 after the restart")
                                    .arg(probesBefore)
                                    .arg(hourProbes())));
        QByteArray restartLog;
        QTRY_VERIFY_WITH_TIMEOUT((restartLog += restarted->readAllStandardOutput())
                                         .contains("took back 1 last-known-good answer(s)"),
                                 5000);
        ::kill(pid_t(restarted->processId()), SIGTERM);
        QVERIFY(restarted->waitForFinished(10000));
        QCOMPARE(restarted->exitCode(), 0);
        QVERIFY2(m_dns.restart(&error), qPrintable(error));
    }

    // Qt HttpServer 6.4 sets no limits: the agent's listener does. Idle, dripping and oversized
    // clients are cut off, and a new connection when all are taken closes the oldest idle one,
    // while normal requests keep working.
    void misbehavingClientsCannotHogTheEndpoints()
    {
        writeConfig(svcTarget(),
                    "\"agent\":{\"max_connections\":4,\"header_timeout_ms\":6000,"
                    "\"max_request_bytes\":2048},");
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(servingWithNoConnectionsOpen(port));

        // Four idle connections take every slot: a fifth closes the oldest of them...
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 4; ++i) {
            idle.push_back(connectedTo(port));
            QVERIFY(idle.back());
        }
        // The agent accepts in the kernel's order: by the time it sees the fifth, the four
        // before it are counted.
        auto fifth = connectedTo(port);
        QVERIFY(fifth);
        QVERIFY(closedByAgent(idle.front().get(), 15000));
        // ...and the others are cut off when their time to send a request is up.
        for (auto &socket : idle)
            QVERIFY(closedByAgent(socket.get(), 15000));
        QVERIFY(closedByAgent(fifth.get(), 15000));
        QCOMPARE(get(port, QStringLiteral("/healthz")).status, 200);
        // The first went to make room (6 s before the others' time was up), not by a timeout:
        // all five come from one address, whose share here is all 4 slots, so it lost its own.
        const QByteArray closures = get(port, QStringLiteral("/metrics")).body;
        QVERIFY2(closures.contains(
                         "dnswatch_http_connections_closed_total{reason=\"client_limit\"} 1\n"),
                 closures.constData());
        QVERIFY2(closures.contains(
                         "dnswatch_http_connections_closed_total{reason=\"header_timeout\"} 4\n"),
                 closures.constData());

        // A client that drips its request a byte at a time does not get to keep the line.
        auto drip = connectedTo(port);
        QVERIFY(drip);
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                + QByteArray(160, 'a');
        // At least 50 ms a byte: the whole request would take over 9 s, the timeout is 6 s.
        qsizetype sent = 0;
        for (; sent < request.size() && drip->state() == QAbstractSocket::ConnectedState; ++sent) {
            drip->write(request.mid(sent, 1));
            drip->waitForBytesWritten(100);
            drip->waitForDisconnected(50);
        }
        QVERIFY(closedByAgent(drip.get(), 15000));
        QVERIFY2(sent < request.size(),
                 qPrintable(QStringLiteral("the drip was allowed to send all %1 bytes")
                                    .arg(request.size())));

        // A request far larger than any the endpoints take is refused.
        auto flood = connectedTo(port);
        QVERIFY(flood);
        flood->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(16384, 'b'));
        QVERIFY(closedByAgent(flood.get(), 10000));
        QVERIFY(flood->readAll().startsWith("HTTP/1.1 431"));

        // Normal scrapes, kept alive or not, are served.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(port, QStringLiteral("/metrics")).status, 200);
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitCode(), 0);
    }

    // A client holding every slot, idle or asking now and then on each, does not keep the
    // endpoints from others; what the listener closed is counted in /metrics (promtool-clean)
    // and summed up in the log.
    void aClientHoldingEverySlotDoesNotLockOutScrapes_data()
    {
        QTest::addColumn<bool>("asking");
        QTest::newRow("idle") << false;
        QTest::newRow("asking on each") << true;
    }
    void aClientHoldingEverySlotDoesNotLockOutScrapes()
    {
        QFETCH(bool, asking);
        // With every slot taken the idle time shrinks to a tenth: 6 s here, so that a slow
        // machine's pause between two rounds of asking does not close a held connection.
        writeConfig(svcTarget(),
                    "\"agent\":{\"max_connections\":8,\"request_timeout_ms\":60000,"
                    "\"idle_timeout_ms\":60000},");
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(servingWithNoConnectionsOpen(port));

        const QHostAddress hostile(QStringLiteral("127.0.0.2"));
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(connectedTo(port, hostile));
            QVERIFY(held.back());
        }
        for (int round = 0; round < 3 && asking; ++round) {
            for (auto &socket : held)
                socket->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            for (auto &socket : held) {
                QByteArray received;
                QTRY_VERIFY_WITH_TIMEOUT((received += socket->readAll()).contains("ok\n"), 10000);
            }
        }
        for (const QString &path :
             {QStringLiteral("/healthz"), QStringLiteral("/readyz"), QStringLiteral("/metrics")})
            QVERIFY(get(port, path).status != 0);

        const QByteArray metrics = get(port, QStringLiteral("/metrics")).body;
        QRegularExpression evicted(QStringLiteral(
                "\ndnswatch_http_connections_closed_total\\{reason=\"evicted\"\\} ([0-9]+)\n"));
        const QRegularExpressionMatch match = evicted.match(QString::fromUtf8(metrics));
        QVERIFY2(match.hasMatch(), metrics.constData());
        QVERIFY(match.captured(1).toInt() >= 1);
        QVERIFY(metrics.contains("\ndnswatch_http_connections_open "));
        const QByteArray promtoolSays = promtoolCheck(metrics);
        QVERIFY2(promtoolSays.isEmpty(), promtoolSays.constData());

        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT(
                (log += agent->readAllStandardOutput()).contains("connection(s) closed or refused"),
                10000);
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitCode(), 0);
    }

    // "Connection: close" and HTTP/1.0 are answered, then the agent closes; pipelined requests
    // are all answered.
    void closesWhenAskedAndAnswersPipelinedRequests()
    {
        writeConfig(svcTarget(), "\"agent\":{\"request_timeout_ms\":60000},");
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/healthz")).status, 200, 10000);

        for (const QByteArray &request :
             {QByteArray("GET /healthz HTTP/1.0\r\n\r\n"),
              QByteArray(
                      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")}) {
            auto socket = connectedTo(port);
            QVERIFY(socket);
            socket->write(request);
            // Far below the 60 s the agent would otherwise keep it.
            QVERIFY2(closedByAgent(socket.get(), 20000), request.constData());
            QVERIFY(socket->readAll().contains("\r\n\r\nok\n"));
        }

        auto socket = connectedTo(port);
        QVERIFY(socket);
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        socket->write(request + request + request);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket->readAll()).count("ok\n") == 3, 10000);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
    }

    void anyAddressButLoopbackNeedsAToken()
    {
        writeConfig(svcTarget());
        const quint16 port = DnsServerFixture::freePort();
        auto refused = startAgent(
                {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:%1").arg(port)});
        QVERIFY(refused->waitForFinished(10000));
        QCOMPARE(refused->exitCode(), 2);
        QVERIFY(refused->readAllStandardError().contains("needs --token"));

        QFile tokenFile(m_dir.filePath(QStringLiteral("token")));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("t0p-secret\n");
        tokenFile.close();
        auto agent = startAgent({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:%1").arg(port),
                                 QStringLiteral("--token-file"), tokenFile.fileName()});
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/healthz")).status, 200, 10000);
        QCOMPARE(get(port, QStringLiteral("/metrics")).status, 401);
        QCOMPARE(get(port, QStringLiteral("/readyz"), "wrong").status, 401);
        QCOMPARE(get(port, QStringLiteral("/metrics"), "t0p-secret").status, 200);
        QCOMPARE(get(port, QStringLiteral("/metrics"), "t0p-secre").status,
                 401); // a prefix is not it
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QVERIFY(!agent->readAll().contains("t0p-secret")); // never logged
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"

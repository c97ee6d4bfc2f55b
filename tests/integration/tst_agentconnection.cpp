// The dashboard's line to an agent, against the real `dnswatch --headless`: it comes online with
// the agent's targets, follows its events, marks it unreachable (keeping the last status) when it
// goes away, finds it again when it comes back, and says why when the token is refused.
#include "agentconnection.h"
#include "agentprocess.h"
#include "clock.h"
#include "dnsserverfixture.h"
#include "testcertificates.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <csignal>

// Holds every thread of the global pool until released, so what is queued behind waits. Its
// tasks have left the pool when it is destroyed.
class PoolHold
{
public:
    PoolHold() : m_threads(QThreadPool::globalInstance()->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i) {
            QThreadPool::globalInstance()->start([this] {
                m_running.release();
                m_gate.acquire();
                m_done.release();
            });
        }
        m_running.acquire(m_threads);
    }
    ~PoolHold()
    {
        release();
        m_done.acquire(m_threads);
    }
    void release()
    {
        if (std::exchange(m_held, false))
            m_gate.release(m_threads);
    }

private:
    int m_threads;
    bool m_held = true;
    QSemaphore m_running;
    QSemaphore m_gate;
    QSemaphore m_done;
};

class TestAgentConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    QNetworkAccessManager m_network;
    SystemClock m_clock;

    static AgentConnection::Options quickOptions()
    {
        AgentConnection::Options options;
        options.statusIntervalMs = 300;
        options.pollWaitSeconds = 1;
        options.requestTimeoutMs = 3000;
        options.backoffFirstMs = 100;
        options.backoffMaxMs = 400;
        return options;
    }

    std::unique_ptr<AgentConnection> connectionTo(const AgentProcess &agent,
                                                  const QString &token = QString(),
                                                  int statusIntervalMs = 300)
    {
        AgentEndpoint endpoint;
        endpoint.name = QStringLiteral("lab");
        endpoint.url = QUrl(agent.baseUrl());
        endpoint.token = token;
        AgentConnection::Options options = quickOptions();
        options.statusIntervalMs = statusIntervalMs;
        return std::make_unique<AgentConnection>(endpoint, options, &m_clock, &m_network);
    }

    // What the agent answers to GET /api/v1/status sent through connection for the operator.
    AgentAnswer statusThrough(AgentConnection *connection)
    {
        std::optional<AgentAnswer> answer;
        connection->send(AgentConnection::Verb::Get, QStringLiteral("/api/v1/status"), {}, this,
                         [&](const AgentAnswer &got) { answer = got; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
            return AgentAnswer{0, {}, {}, QStringLiteral("no answer within 10 s")};
        return *answer;
    }

    // Two targets, svc (resolves) and gone (NXDOMAIN), and the extra ones given.
    void writeConfig(const QByteArray &extraTargets = QByteArray())
    {
        QFile config(m_configPath);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                     + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":["
                       "{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\","
                       "\"interval_s\":1},"
                       "{\"name\":\"gone\",\"host\":\"x.nx.test\",\"resolver\":\"lab\","
                       "\"interval_s\":1,\"critical\":false}"
                     + extraTargets + "]}");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60"),
                                     QStringLiteral("--address=/nx.test/")},
                                    &error),
                 qPrintable(error));
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        writeConfig();
    }

    void comesOnlineWithTheAgentsTargetsAndEvents()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        auto connection = connectionTo(agent);
        QSignalSpy pages(connection.get(), &AgentConnection::eventsArrived);
        connection->start();
        QTRY_COMPARE_WITH_TIMEOUT(connection->reach(), AgentConnection::Reach::Online, 10000);
        QVERIFY(connection->status());
        QCOMPARE(connection->status()->targets.size(), 2);
        QCOMPARE(connection->status()->targets[0].name, QStringLiteral("svc"));
        // The name that does not exist becomes down once probed; its events come through the
        // feed, in order, after the first page.
        QTRY_VERIFY_WITH_TIMEOUT(connection->status()->targets[1].state == TargetState::Down, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!pages.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(connection->lastEventId() > 0, 10000);
        qint64 previous = 0;
        for (const QList<QVariant> &arguments : pages) {
            const auto page = arguments.at(0).value<RemoteEventPage>();
            for (const RemoteEvent &event : page.events) {
                QVERIFY(event.id > previous);
                previous = event.id;
            }
        }

        // Events keep coming through the long poll alone, however rare the status refresh: a
        // target added by a reload goes down, and its event arrives.
        auto following = connectionTo(agent, QString(), 60000);
        QSignalSpy followed(following.get(), &AgentConnection::eventsArrived);
        following->start();
        QTRY_VERIFY_WITH_TIMEOUT(!followed.isEmpty(), 10000); // the first page, at once
        writeConfig(",{\"name\":\"later\",\"host\":\"later.nx.test\",\"resolver\":\"lab\","
                    "\"interval_s\":1,\"critical\":false}");
        ::kill(pid_t(agent.process()->processId()), SIGHUP);
        const auto sawLater = [&] {
            for (const QList<QVariant> &arguments : std::as_const(followed)) {
                for (const RemoteEvent &event : arguments.at(0).value<RemoteEventPage>().events) {
                    if (event.target == QLatin1String("later"))
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawLater(), 10000);
        writeConfig();
        QVERIFY(agent.stop());
    }

    // A status is read on the thread pool, not the GUI thread: until the pool gets to it the
    // connection waits. What was being read when the agent was found unreachable, or when the
    // connection stopped, is never heard.
    void readsTheStatusOffTheGuiThreadAndDropsItWhenUnreachableOrStopped()
    {
        auto agent = std::make_unique<AgentProcess>(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QString error;
        QVERIFY2(agent->start({}, &error), qPrintable(error));
        auto connection = connectionTo(*agent, QString(), 60000);
        QSignalSpy statuses(connection.get(), &AgentConnection::statusChanged);
        int statusReplies = 0;
        QObject counter;
        connect(&m_network, &QNetworkAccessManager::finished, &counter, [&](QNetworkReply *reply) {
            statusReplies += reply->url().path() == QLatin1String("/api/v1/status");
        });

        auto hold = std::make_unique<PoolHold>();
        connection->start();
        // The answer came (the connection handed it on in the same signal), the reading waits.
        QTRY_COMPARE_WITH_TIMEOUT(statusReplies, 1, 10000);
        QCOMPARE(statuses.count(), 0);
        QCOMPARE(connection->reach(), AgentConnection::Reach::Connecting);
        hold.reset();
        QTRY_COMPARE_WITH_TIMEOUT(statuses.count(), 1, 10000);
        QCOMPARE(connection->reach(), AgentConnection::Reach::Online);
        QCOMPARE(connection->status()->targets.size(), 2);

        // The agent goes away while a status is being read: its events poll fails, the agent is
        // unreachable, and the reading does not bring it back.
        hold = std::make_unique<PoolHold>();
        connection->refreshSoon();
        QTRY_COMPARE_WITH_TIMEOUT(statusReplies, 2, 10000);
        QVERIFY(agent->stop());
        QTRY_COMPARE_WITH_TIMEOUT(connection->reach(), AgentConnection::Reach::Unreachable, 10000);
        hold.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QTest::qWait(200); // what the reading would have posted back is handled by now
        QCOMPARE(connection->reach(), AgentConnection::Reach::Unreachable);
        QCOMPARE(statuses.count(), 1);

        // Back, then stopped while a status is being read. (The first connection went on asking
        // the missing agent with backoff: its failed answers are counted too.)
        connection->stop();
        agent = std::make_unique<AgentProcess>(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QVERIFY2(agent->start({}, &error), qPrintable(error));
        connection = connectionTo(*agent, QString(), 60000);
        QSignalSpy stoppedStatuses(connection.get(), &AgentConnection::statusChanged);
        const int repliesBefore = statusReplies;
        hold = std::make_unique<PoolHold>();
        connection->start();
        QTRY_COMPARE_WITH_TIMEOUT(statusReplies, repliesBefore + 1, 10000);
        connection->stop();
        hold.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QTest::qWait(200);
        QCOMPARE(stoppedStatuses.count(), 0);
        QVERIFY(agent->stop());
    }

    void marksTheAgentUnreachableKeepingItsLastStatusAndFindsItAgain()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        auto connection = connectionTo(agent);
        QSignalSpy pages(connection.get(), &AgentConnection::eventsArrived);
        connection->start();
        QTRY_COMPARE_WITH_TIMEOUT(connection->reach(), AgentConnection::Reach::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(connection->lastEventId() > 0, 10000);
        const qint64 seenBefore = connection->lastEventId();

        const QDateTime killed = QDateTime::currentDateTimeUtc();
        agent.kill();
        QTRY_COMPARE_WITH_TIMEOUT(connection->reach(), AgentConnection::Reach::Unreachable, 10000);
        QVERIFY2(connection->problem().contains(QStringLiteral("connection refused"))
                         || connection->problem().contains(QStringLiteral("closed")),
                 qPrintable(connection->problem()));
        QVERIFY(connection->unreachableSince() >= killed.addMSecs(-1));
        QVERIFY(connection->status()); // the last known state stays, to be shown greyed
        QCOMPARE(connection->status()->targets.size(), 2);

        // Back on the same port: online again, and the feed resumes after the last ID it saw.
        // Without --db the new run's events are not the old run's: the page says a gap.
        pages.clear();
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connection->reach(), AgentConnection::Reach::Online, 10000);
        QVERIFY(!connection->unreachableSince().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!pages.isEmpty(), 10000);
        const auto firstAfter = pages.first().at(0).value<RemoteEventPage>();
        QVERIFY2(firstAfter.gap,
                 qPrintable(QStringLiteral("seen %1, last_id %2, %3 event(s)")
                                    .arg(seenBefore)
                                    .arg(firstAfter.lastId)
                                    .arg(firstAfter.events.size())));
        QVERIFY(connection->lastEventId() >= seenBefore);
        QVERIFY(agent.stop());
    }

    // HTTPS is verified: a certificate no authority the dashboard trusts signed is shown as such
    // (never ignored), the agent's own CA file makes it trusted, and a CA file without a
    // certificate is said rather than silently trusting the system's.
    void verifiesTheAgentsCertificate()
    {
        QString error;
        const std::optional<TestCertificate> certificate = makeTestCertificate(
                m_dir.path(), QStringLiteral("agent"), TestKeyType::Ec, 30, &error);
        QVERIFY2(certificate, qPrintable(error));
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QVERIFY2(agent.start({QStringLiteral("--tls-cert"), certificate->certificate,
                              QStringLiteral("--tls-key"), certificate->key},
                             &error),
                 qPrintable(error));
        // Each with a network access manager of its own, as each connection of the dashboard.
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        const auto connect = [&](const QString &caFile) {
            networks.push_back(std::make_unique<QNetworkAccessManager>());
            networks.back()->setProxy(QNetworkProxy::NoProxy);
            AgentEndpoint endpoint;
            endpoint.name = QStringLiteral("lab");
            endpoint.url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(agent.port()));
            endpoint.caFile = caFile;
            auto connection = std::make_unique<AgentConnection>(endpoint, quickOptions(), &m_clock,
                                                                networks.back().get());
            connection->start();
            return connection;
        };
        auto untrusted = connect(QString());
        QTRY_COMPARE_WITH_TIMEOUT(untrusted->reach(), AgentConnection::Reach::Unreachable, 10000);
        QVERIFY2(untrusted->problem().startsWith(QStringLiteral("certificate not trusted")),
                 qPrintable(untrusted->problem()));
        QVERIFY(!untrusted->status());

        auto trusted = connect(certificate->certificate); // self-signed: its own authority
        QTRY_VERIFY2_WITH_TIMEOUT(trusted->reach() == AgentConnection::Reach::Online,
                                  qPrintable(trusted->problem()), 10000);
        QCOMPARE(trusted->status()->targets.size(), 2);

        auto noCa = connect(m_configPath); // a file, but no PEM certificate in it
        QTRY_COMPARE_WITH_TIMEOUT(noCa->reach(), AgentConnection::Reach::Unreachable, 10000);
        QVERIFY2(noCa->problem().contains(QStringLiteral("no PEM certificate")),
                 qPrintable(noCa->problem()));
        QVERIFY(agent.stop());
    }

    void saysWhenTheTokenIsRefused()
    {
        QFile token(m_dir.filePath(QStringLiteral("token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("the-right-token\n");
        token.close();
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        QString error;
        QVERIFY2(agent.start({QStringLiteral("--token-file"), token.fileName()}, &error),
                 qPrintable(error));
        auto wrong = connectionTo(agent, QStringLiteral("a-wrong-token"));
        wrong->start();
        QTRY_COMPARE_WITH_TIMEOUT(wrong->reach(), AgentConnection::Reach::Unreachable, 10000);
        QVERIFY2(wrong->problem().contains(QStringLiteral("refused the token (HTTP 401)")),
                 qPrintable(wrong->problem()));
        QVERIFY(!wrong->status());

        auto right = connectionTo(agent, QStringLiteral("the-right-token"));
        right->start();
        QTRY_COMPARE_WITH_TIMEOUT(right->reach(), AgentConnection::Reach::Online, 10000);
        // The operator's requests go with the token and bring back what the agent said.
        AgentAnswer answer = statusThrough(right.get());
        QVERIFY2(answer.ok(), qPrintable(answer.problem));
        QCOMPARE(answer.httpStatus, 200);
        QVERIFY(answer.body.contains("\"svc\""));
        answer = statusThrough(wrong.get());
        QCOMPARE(answer.httpStatus, 401);
        QVERIFY(!answer.ok());
        QVERIFY(agent.stop());
    }
};

QTEST_GUILESS_MAIN(TestAgentConnection)
#include "tst_agentconnection.moc"

// GET /api/v1/events against the real `dnswatch --headless` over a real dnsmasq: a long poll is
// answered soon after an event (a pin from the config, applied by SIGHUP) and with an empty list
// when its wait passes; bad parameters are 400; a client that hangs up while held is forgotten;
// 80 polls waiting from eight addresses leave /metrics answering; with --db the IDs go on from
// where the run before stopped.
#include "agentprocess.h"
#include "dnsserverfixture.h"
#include "rawhttp.h"
#include "store/historydatabase.h"

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
#include <memory>
#include <vector>

namespace {

QByteArray eventsRequest(const QByteArray &query)
{
    return "GET /api/v1/events?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

QByteArray pollRequest(qint64 after, int waitS)
{
    return eventsRequest("after=" + QByteArray::number(after)
                         + "&wait=" + QByteArray::number(waitS));
}

QJsonObject bodyOf(const RawHttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object();
}

QList<qint64> idsOf(const QJsonObject &body)
{
    QList<qint64> ids;
    for (const QJsonValue &event : body.value(QStringLiteral("events")).toArray())
        ids.append(qint64(event.toObject().value(QStringLiteral("id")).toDouble()));
    return ids;
}

QJsonObject eventOfKind(const QJsonObject &body, const QString &kind)
{
    for (const QJsonValue &event : body.value(QStringLiteral("events")).toArray()) {
        if (event.toObject().value(QStringLiteral("kind")).toString() == kind)
            return event.toObject();
    }
    return {};
}

} // namespace

class TestAgentEvents : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    QNetworkAccessManager m_network;
    int m_pins = 0;

    // The config with one target on the lab dnsmasq, pinned to `pin` when given.
    void writeConfig(const QByteArray &pin = QByteArray())
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                   + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":[{\"name\":\"svc\","
                     "\"host\":\"svc.test\",\"resolver\":\"lab\",\"interval_s\":1"
                   + (pin.isEmpty() ? QByteArray() : ",\"fallback_ips\":[\"" + pin + "\"]") + "}]}");
    }

    // An event on demand: a new pinned address in the config, applied by SIGHUP.
    void pinAndReload(QProcess *agent)
    {
        writeConfig("10.9.9." + QByteArray::number(++m_pins % 250 + 1));
        ::kill(pid_t(agent->processId()), SIGHUP);
    }

    std::unique_ptr<QProcess> startAgent(quint16 port, const QStringList &extra = {})
    {
        return startHeadlessAgent(
                QStringLiteral(DNSWATCH_BINARY), m_configPath,
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}
                        + extra,
                QProcess::ForwardedErrorChannel);
    }

    QByteArray get(quint16 port, const QString &path, int *status = nullptr)
    {
        QNetworkReply *reply = m_network.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
        [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return reply->isFinished(); },
                                                               10000);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    QJsonObject events(quint16 port, qint64 after)
    {
        return QJsonDocument::fromJson(
                       get(port, QStringLiteral("/api/v1/events?after=%1").arg(after)))
                .object();
    }

    int waitingPolls(quint16 port)
    {
        const QRegularExpression gauge(
                QStringLiteral("\ndnswatch_http_long_polls_waiting (\\d+)\n"));
        const QRegularExpressionMatch match = gauge.match(
                QString::fromUtf8(get(port, QStringLiteral("/metrics"))));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    // The agent answers and its target has settled (healthy): the newest ID then.
    qint64 settled(quint16 port)
    {
        qint64 last = -1;
        [[maybe_unused]] const bool healthy = QTest::qWaitFor(
                [&] {
                    const QJsonObject all = events(port, 0);
                    for (const QJsonValue &event : all.value(QStringLiteral("events")).toArray()) {
                        const QJsonObject object = event.toObject();
                        if (object.value(QStringLiteral("kind")).toString()
                                    == QStringLiteral("state_changed")
                            && object.value(QStringLiteral("detail"))
                                       .toString()
                                       .contains(QStringLiteral("-> healthy"))) {
                            last = qint64(all.value(QStringLiteral("last_id")).toDouble());
                            return true;
                        }
                    }
                    return false;
                },
                20000);
        return last;
    }

    void stop(QProcess *agent)
    {
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitCode(), 0);
        m_network.clearConnectionCache(); // the next agent is another server on the same port
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60")}, &error),
                 qPrintable(error));
    }

    void init() { writeConfig(); }

    void aLongPollIsAnsweredSoonAfterAnEvent()
    {
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port);
        const qint64 last = settled(port);
        QVERIFY(last > 0);
        auto poller = connectedClient(port);
        QVERIFY(poller);
        poller->write(pollRequest(last, 30));
        QTRY_COMPARE_WITH_TIMEOUT(waitingPolls(port), 1, 10000);
        QElapsedTimer sinceEvent;
        sinceEvent.start();
        pinAndReload(agent.get());
        const RawHttpAnswer answer = readRawAnswer(poller.get(), 20000);
        const qint64 tookMs = sinceEvent.elapsed();
        qInfo("answered %lld ms after the SIGHUP that pinned an address", tookMs);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.head.contains("Content-Type: application/json"));
        const QJsonObject pinned = eventOfKind(bodyOf(answer), QStringLiteral("pinned"));
        QVERIFY2(!pinned.isEmpty(), answer.body.constData());
        QCOMPARE(pinned.value(QStringLiteral("target")).toString(), QStringLiteral("svc"));
        QCOMPARE(pinned.value(QStringLiteral("host")).toString(), QStringLiteral("svc.test"));
        QCOMPARE(pinned.value(QStringLiteral("actor")).toString(), QString()); // the config's
        QVERIFY(QRegularExpression(
                        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                        .match(pinned.value(QStringLiteral("time")).toString())
                        .hasMatch());
        // Contiguous from the ID asked after, nothing missing.
        const QList<qint64> ids = idsOf(bodyOf(answer));
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], last + 1 + i);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("gap")).toBool(), false);
        QCOMPARE(qint64(bodyOf(answer).value(QStringLiteral("last_id")).toDouble()), ids.last());
        // Generous: the reload and the loaded machine, not the feed, take most of it.
        QVERIFY2(tookMs < 10000, qPrintable(QString::number(tookMs)));
        QTRY_COMPARE_WITH_TIMEOUT(waitingPolls(port), 0, 10000);
        stop(agent.get());
    }

    void aWaitThatPassesAnswersAnEmptyList()
    {
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port);
        const qint64 last = settled(port);
        auto poller = connectedClient(port);
        QVERIFY(poller);
        QElapsedTimer waited;
        waited.start();
        poller->write(pollRequest(last, 2));
        const RawHttpAnswer answer = readRawAnswer(poller.get(), 20000);
        qInfo("a wait of 2 s answered after %lld ms", waited.elapsed());
        QCOMPARE(answer.status, 200);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("events")).toArray().size(), 0);
        QCOMPARE(qint64(bodyOf(answer).value(QStringLiteral("last_id")).toDouble()), last);
        QCOMPARE(bodyOf(answer).value(QStringLiteral("gap")).toBool(), false);
        stop(agent.get());
    }

    void badParametersAre400()
    {
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port);
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/healthz")), QByteArray("ok\n"), 10000);
        const std::pair<QByteArray, QString> cases[] = {
                {"after=x", QStringLiteral("after: expected a non-negative integer, got \"x\"")},
                {"after=1&wait=31", QStringLiteral("wait: expected at most 30, got \"31\"")},
                {"wait=-1", QStringLiteral("wait: expected a non-negative integer, got \"-1\"")},
        };
        for (const auto &[query, error] : cases) {
            auto client = connectedClient(port);
            QVERIFY(client);
            client->write(eventsRequest(query));
            const RawHttpAnswer answer = readRawAnswer(client.get(), 10000);
            QCOMPARE(answer.status, 400);
            QCOMPARE(bodyOf(answer), QJsonObject({{QStringLiteral("error"), error}}));
        }
        stop(agent.get());
    }

    void aClientHangingUpWhileHeldIsForgotten()
    {
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port);
        const qint64 last = settled(port);
        auto poller = connectedClient(port);
        QVERIFY(poller);
        poller->write(pollRequest(last, 30));
        QTRY_COMPARE_WITH_TIMEOUT(waitingPolls(port), 1, 10000);
        poller->abort();
        QTRY_COMPARE_WITH_TIMEOUT(waitingPolls(port), 0, 10000);
        // The event that would have answered it finds nothing to write to.
        pinAndReload(agent.get());
        QTRY_VERIFY_WITH_TIMEOUT(
                !eventOfKind(events(port, last), QStringLiteral("pinned")).isEmpty(), 10000);
        QCOMPARE(agent->state(), QProcess::Running);
        stop(agent.get());
    }

    void eightyWaitingPollsLeaveMetricsAnswering()
    {
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port); // max_connections 64, 16 a client
        const qint64 last = settled(port);
        std::vector<std::unique_ptr<QTcpSocket>> pollers;
        for (int client = 2; client <= 9; ++client) {
            const QHostAddress from(QStringLiteral("127.0.0.%1").arg(client));
            for (int i = 0; i < 10; ++i) {
                pollers.push_back(connectedClient(port, from));
                QVERIFY(pollers.back());
                pollers.back()->write(pollRequest(last, 30));
            }
            QTRY_COMPARE_WITH_TIMEOUT(waitingPolls(port), int(pollers.size()), 10000);
        }
        int status = 0;
        const QByteArray metrics = get(port, QStringLiteral("/metrics"), &status);
        QCOMPARE(status, 200);
        QVERIFY(metrics.contains("\ndnswatch_http_long_polls_waiting 80\n"));
        QVERIFY(metrics.contains("dnswatch_http_connections_closed_total{reason=\"evicted\"} 0\n"));
        pinAndReload(agent.get());
        for (const auto &poller : pollers) {
            const RawHttpAnswer answer = readRawAnswer(poller.get(), 20000);
            QCOMPARE(answer.status, 200);
            QVERIFY(!eventOfKind(bodyOf(answer), QStringLiteral("pinned")).isEmpty());
        }
        stop(agent.get());
    }

    // The history keeps the newest ID; a restart starts above it even when the wall clock says
    // less (here: the file says a run gave IDs up to 11 days ahead of the clock, as when the
    // clock has stepped back since), and above the clock's seconds times a million otherwise.
    void idsGoOnOverARestartWithDb()
    {
        const QString db = m_dir.filePath(QStringLiteral("events.db"));
        const quint16 port = DnsServerFixture::freePort();
        auto agent = startAgent(port, {QStringLiteral("--db"), db});
        const qint64 before = settled(port);
        QVERIFY(before > 0);
        stop(agent.get());
        const qint64 ahead = (QDateTime::currentSecsSinceEpoch() + 1'000'000) * qint64(1'000'000)
                + 41;
        {
            HistoryDatabase history(QStringLiteral("events-test"));
            QVERIFY(history.open(db).ok);
            const std::optional<RestoredState> kept = history.restoredState(
                    QDateTime::currentDateTimeUtc());
            QVERIFY(kept);
            QVERIFY2(kept->eventFeedLastId >= before,
                     qPrintable(QStringLiteral("%1 kept, %2 given")
                                        .arg(kept->eventFeedLastId)
                                        .arg(before)));
            HistoryWriteBatch batch;
            batch.eventFeedLastId = ahead;
            QVERIFY(history.write(batch));
        }

        auto restarted = startAgent(port, {QStringLiteral("--db"), db});
        QTRY_COMPARE_WITH_TIMEOUT(get(port, QStringLiteral("/healthz")), QByteArray("ok\n"), 10000);
        auto poller = connectedClient(port);
        QVERIFY(poller);
        poller->write(pollRequest(before, 30));
        pinAndReload(restarted.get()); // an event, if the first probe has not made one yet
        const RawHttpAnswer answer = readRawAnswer(poller.get(), 20000);
        QCOMPARE(answer.status, 200);
        // What came before the restart is not held: the client is told to catch up.
        QCOMPARE(bodyOf(answer).value(QStringLiteral("gap")).toBool(), true);
        QList<qint64> ids = idsOf(bodyOf(answer));
        if (ids.isEmpty()) {
            // A gap is answered at once: this one came before the new run's first event. Its
            // last ID is where the file left off; the next event comes right after it.
            const qint64 lastId = qint64(bodyOf(answer).value(QStringLiteral("last_id")).toDouble());
            QCOMPARE(lastId, ahead);
            auto next = connectedClient(port);
            QVERIFY(next);
            next->write(pollRequest(lastId, 30));
            pinAndReload(restarted.get());
            const RawHttpAnswer more = readRawAnswer(next.get(), 20000);
            QCOMPARE(more.status, 200);
            ids = idsOf(bodyOf(more));
            QVERIFY2(!ids.isEmpty(), more.body.constData());
        }
        QCOMPARE(ids.first(), ahead + 1);
        stop(restarted.get());
    }
};

QTEST_GUILESS_MAIN(TestAgentEvents)
#include "tst_agent_events.moc"

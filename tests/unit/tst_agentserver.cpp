// The agent's HTTP face in-process, over a Monitor on a ManualClock fed probe results by hand:
// readiness and status follow the statistics, tokens and Host headers are checked, actions need
// an operate token and name its holder, a non-loopback listener without a token is refused.
#include "agentserver.h"
#include "clock.h"
#include "probe/monitor.h"
#include "testconfig.h"
#include "testprobes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTest>

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
};

AppConfig oneTarget()
{
    return testConfig("{\"targets\": [{\"name\": \"api\", \"host\": \"api.test\"}]}");
}

} // namespace

class TestAgentServer : public QObject
{
    Q_OBJECT

private:
    // The clock stands still: the monitor's own probes (of names nothing serves) never run.
    ManualClock m_clock;
    QNetworkAccessManager m_network;

    Answer get(quint16 port, const QString &path,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", port, path, headers);
    }

    Answer send(const QByteArray &verb, quint16 port, const QString &path,
                const QList<QPair<QByteArray, QByteArray>> &headers = {},
                const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
        reply->deleteLater();
        return answer;
    }

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void readinessAndStatusFollowTheStatistics()
    {
        Monitor monitor(oneTarget(), EnvFallback(), MlflowCredentials(), &m_clock);
        AgentServer server(&monitor, QString(), AgentPolicy());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));

        QCOMPARE(get(server.port(), QStringLiteral("/healthz")).status, 200);
        Answer ready = get(server.port(), QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 503);
        QCOMPARE(QJsonDocument::fromJson(ready.body).object().value(QLatin1String("ready")),
                 QJsonValue(false));
        QCOMPARE(QJsonDocument::fromJson(ready.body)
                         .object()
                         .value(QLatin1String("not_ready"))
                         .toArray()
                         .size(),
                 1);

        monitor.statistics()->record(reachableProbe(ResolutionSource::Stale));
        ready = get(server.port(), QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 200); // reachable through a fallback tier counts as ready

        const Answer status = get(server.port(), QStringLiteral("/api/v1/status"));
        QCOMPARE(status.status, 200);
        const QJsonObject target = QJsonDocument::fromJson(status.body)
                                           .object()
                                           .value(QLatin1String("targets"))
                                           .toArray()
                                           .first()
                                           .toObject();
        QCOMPARE(target.value(QLatin1String("name")).toString(), QStringLiteral("api"));
        QCOMPARE(target.value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(target.value(QLatin1String("source")).toString(), QStringLiteral("stale"));
        QCOMPARE(target.value(QLatin1String("reachable")).toBool(), true);

        const Answer metrics = get(server.port(), QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("dnswatch_ready 1\n"));
    }

    void aTokenGuardsEverythingButHealthz()
    {
        Monitor monitor(oneTarget(), EnvFallback(), MlflowCredentials(), &m_clock);
        AgentServer server(&monitor, QStringLiteral("s3cret"), AgentPolicy());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const quint16 port = server.port();
        QCOMPARE(get(port, QStringLiteral("/healthz")).status, 200);
        for (const QString &path : {QStringLiteral("/readyz"), QStringLiteral("/metrics"),
                                    QStringLiteral("/api/v1/status")}) {
            QCOMPARE(get(port, path).status, 401);
            QCOMPARE(get(port, path, {{"Authorization", "Bearer wrong"}}).status, 401);
            QCOMPARE(get(port, path, {{"Authorization", "Basic s3cret"}}).status, 401);
            QVERIFY(get(port, path, {{"Authorization", "bearer s3cret"}}).status != 401);
        }
    }

    void aForeignHostIsRefusedWithoutAToken()
    {
        Monitor monitor(oneTarget(), EnvFallback(), MlflowCredentials(), &m_clock);
        AgentServer server(&monitor, QString(), AgentPolicy());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        // A web page whose name resolves to 127.0.0.1 (DNS rebinding) names itself in Host.
        QCOMPARE(get(server.port(), QStringLiteral("/api/v1/status"),
                     {{"Host", "evil.example:9108"}})
                         .status,
                 403);
        QCOMPARE(get(server.port(), QStringLiteral("/api/v1/status"), {{"Host", "localhost:9108"}})
                         .status,
                 200);
        QCOMPARE(get(server.port(), QStringLiteral("/api/v1/status"), {{"Host", "[::1]:9108"}})
                         .status,
                 200);
    }

    void actionsNeedAnOperateTokenAndNameTheActor()
    {
        Monitor monitor(oneTarget(), EnvFallback(), MlflowCredentials(), &m_clock);
        const AgentTokens tokens(
                {{QStringLiteral("alice"), AgentToken::Role::Operate, "alice-0123456789abcdef"},
                 {QStringLiteral("bob"), AgentToken::Role::Read, "bob-0123456789abcdef"}});
        AgentServer server(&monitor, tokens, AgentPolicy());
        QList<AgentAction> taken;
        connect(&server, &AgentServer::actionTaken, this,
                [&taken](const AgentAction &action) { taken.append(action); });
        QStringList lines;
        connect(&server, &AgentServer::acted, this,
                [&lines](const QString &line) { lines.append(line); });
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const quint16 port = server.port();
        const QString pause = QStringLiteral("/api/v1/targets/api/pause");
        const QPair<QByteArray, QByteArray> alice{"Authorization", "Bearer alice-0123456789abcdef"};
        const QPair<QByteArray, QByteArray> bob{"Authorization", "Bearer bob-0123456789abcdef"};

        QCOMPARE(get(port, QStringLiteral("/api/v1/status"), {bob}).status, 200);
        QCOMPARE(send("POST", port, pause).status, 401);
        QCOMPARE(send("POST", port, pause, {bob}).status, 403);
        QVERIFY(taken.isEmpty());
        QCOMPARE(send("POST", port, pause, {alice}).status, 200);
        QCOMPARE(monitor.statistics()->health(QStringLiteral("api")).state, TargetState::Paused);
        QCOMPARE(taken.size(), 1);
        QCOMPARE(taken.first().kind, QStringLiteral("paused"));
        QCOMPARE(taken.first().target, QStringLiteral("api"));
        QCOMPARE(taken.first().actor, QStringLiteral("alice"));
        QCOMPARE(lines, QStringList{QStringLiteral("alice paused api")});

        // What the resolver does for an operator carries the operator's name; what it does on
        // its own afterwards does not.
        QCOMPARE(send("PUT", port, QStringLiteral("/api/v1/pins/api.test"), {alice},
                      R"({"addresses": ["10.0.0.9"], "reason": "drill"})")
                         .status,
                 200);
        const ResolverEvent pinned = monitor.resolver()->recentEvents().constLast();
        QCOMPARE(pinned.kind, ResolverEvent::Kind::Pinned);
        QCOMPARE(pinned.actor, QStringLiteral("alice"));
        monitor.resolver()->unpinAddresses(QStringLiteral("api.test"));
        QCOMPARE(monitor.resolver()->recentEvents().constLast().actor, QString());
        const Answer cleared = send("POST", port, QStringLiteral("/api/v1/cache/clear"), {alice},
                                    "{}");
        QCOMPARE(cleared.status, 200);
        QCOMPARE(monitor.resolver()->recentEvents().constLast().kind,
                 ResolverEvent::Kind::CacheCleared);
        QCOMPARE(monitor.resolver()->recentEvents().constLast().actor, QStringLiteral("alice"));
        QCOMPARE(send("POST", port, QStringLiteral("/api/v1/targets/nope/resume"), {alice}).status,
                 404);
    }

    void listeningBeyondLoopbackNeedsAToken()
    {
        Monitor monitor(oneTarget(), EnvFallback(), MlflowCredentials(), &m_clock);
        AgentServer server(&monitor, QString(), AgentPolicy());
        QString error;
        QVERIFY(!server.listen(QHostAddress::AnyIPv4, 0, &error));
        QVERIFY2(error.contains(QLatin1String("needs --token")), qPrintable(error));
        QCOMPARE(server.port(), quint16(0));
    }
};

QTEST_GUILESS_MAIN(TestAgentServer)
#include "tst_agentserver.moc"

// The agent's access rules and actions as an operator meets them: the real `dnswatch --headless`
// against a real dnsmasq and a real HTTP service, with a --tokens file. Reads with a read token,
// actions with an operate token only (on loopback too, and with no token configured at all),
// 401 and 403 as they should be; every action, its errors (unknown target, bad JSON, a bad
// address, a past expiry, bodies too large or chunked); the actor's name in the log and the
// status's events; and no token anywhere in what the agent says.
#include "agentprocess.h"
#include "dnsserverfixture.h"
#include "httpstubfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

namespace {

const QByteArray AliceToken = "alice-op-7f3a9c2e41b8d605";
const QByteArray BobToken = "bob-read-51c0e8a2f9d4b736";

} // namespace

class TestAgentAccess : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray authenticate; // WWW-Authenticate
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token = {},
                const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(), reply->rawHeader("WWW-Authenticate")};
        reply->deleteLater();
        m_seen += answer.body;
        return answer;
    }

    // Everything an agent's answer to raw bytes holds, until it closes the connection.
    QByteArray rawExchange(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(5000))
            return "not connected";
        socket.write(bytes);
        QByteArray received;
        [[maybe_unused]] const bool closed = QTest::qWaitFor(
                [&] {
                    received += socket.readAll();
                    return socket.state() != QAbstractSocket::ConnectedState;
                },
                10000);
        return received + socket.readAll();
    }

    void writeConfig()
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray check = "\"check\":{\"type\":\"mlflow\",\"url\":\"http://svc.test:"
                + QByteArray::number(m_http.port()) + "/ml\"}";
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                   + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":["
                     "{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\","
                     "\"interval_s\":1,"
                   + check
                   + "},{\"name\":\"other\",\"host\":\"other.test\",\"resolver\":\"lab\","
                     "\"interval_s\":1,\"critical\":false}]}");
    }

    QString writeTokens(mode_t mode)
    {
        const QString path = m_dir.filePath(QStringLiteral("tokens"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        file.write("# who may reach this agent\nalice operate " + AliceToken + "\nbob read "
                   + BobToken + "\n");
        file.close();
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

    std::unique_ptr<QProcess> startAgent(const QStringList &extra)
    {
        m_port = DnsServerFixture::freePort();
        return startHeadlessAgent(
                QStringLiteral(DNSWATCH_BINARY), m_configPath,
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)}
                        + extra);
    }

    // The status's events of kind, as the status lists them.
    QList<QJsonObject> statusEvents(const QString &kind)
    {
        QList<QJsonObject> found;
        const QJsonArray events = call("GET", QStringLiteral("/api/v1/status"), BobToken)
                                          .json()
                                          .value(QStringLiteral("events"))
                                          .toArray();
        for (const QJsonValue &event : events) {
            if (event.toObject().value(QStringLiteral("kind")).toString() == kind)
                found.append(event.toObject());
        }
        return found;
    }

    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    HttpStubFixture m_http;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
    QByteArray m_seen; // every answer's body

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60"),
                                     QStringLiteral("--host-record=other.test,127.0.0.1,60")},
                                    &error),
                 qPrintable(error));
        QVERIFY2(m_http.start(&error), qPrintable(error));
        writeConfig();
    }

    void withoutTokensReadsAreOpenOnLoopbackButActionsAreNot()
    {
        auto agent = startAgent({});
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/healthz")).status, 200, 10000);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/status")).status, 200);
        // A web page in a local browser can post to a loopback port: no action without a token.
        const Answer pause = call("POST", QStringLiteral("/api/v1/targets/svc/pause"));
        QCOMPARE(pause.status, 401);
        QCOMPARE(pause.authenticate, QByteArray("Bearer"));
        QVERIFY2(pause.json()
                         .value(QStringLiteral("error"))
                         .toString()
                         .contains(QLatin1String("operate token")),
                 pause.body.constData());
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/pins/svc.test"), {},
                      R"({"addresses": ["127.0.0.1"]})")
                         .status,
                 401);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/cache/clear"), {}, "{}").status, 401);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/status"))
                                 .json()
                                 .value(QStringLiteral("targets"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("state"))
                                 .toString()
                         == QLatin1String("paused"),
                 false);
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
    }

    void aTokensFileOthersMayReadIsRefused()
    {
        const QString path = writeTokens(0640);
        auto agent = startAgent({QStringLiteral("--tokens"), path});
        QVERIFY(agent->waitForFinished(10000));
        QCOMPARE(agent->exitCode(), 2);
        const QByteArray said = agent->readAllStandardError();
        QVERIFY2(said.contains("permissions 0640 are too open"), said.constData());
        QVERIFY(!said.contains(AliceToken) && !said.contains(BobToken));
    }

    void readTokensReadOperateTokensAct()
    {
        auto agent = startAgent({QStringLiteral("--tokens"), writeTokens(0600)});
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/healthz")).status, 200, 10000);

        // Reads: a read or operate token; none, or a wrong one, is 401 even on loopback.
        const Answer anonymous = call("GET", QStringLiteral("/api/v1/status"));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.authenticate, QByteArray("Bearer"));
        QCOMPARE(call("GET", QStringLiteral("/metrics"), "wrong-token-0000000000").status, 401);
        const Answer bobReads = call("GET", QStringLiteral("/api/v1/status"), BobToken);
        QCOMPARE(bobReads.status, 200);
        // The status says which token asked and what it may do.
        QCOMPARE(bobReads.json().value(QStringLiteral("access")).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("bob")},
                              {QStringLiteral("role"), QStringLiteral("read")}}));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/status"), AliceToken)
                         .json()
                         .value(QStringLiteral("access"))
                         .toObject()
                         .value(QStringLiteral("role"))
                         .toString(),
                 QStringLiteral("operate"));
        QCOMPARE(call("GET", QStringLiteral("/metrics"), AliceToken).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/readyz"), BobToken).status, 200,
                                  10000);

        // Actions: an operate token; a read token is 403, a wrong one 401.
        const QString pause = QStringLiteral("/api/v1/targets/svc/pause");
        QCOMPARE(call("POST", pause).status, 401);
        QCOMPARE(call("POST", pause, BobToken.chopped(1)).status, 401);
        const Answer readOnly = call("POST", pause, BobToken);
        QCOMPARE(readOnly.status, 403);
        QCOMPARE(readOnly.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("the token bob may only read; actions need an operate token"));
        const Answer paused = call("POST", pause, AliceToken);
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.json().value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QCOMPARE(paused.json().value(QStringLiteral("paused")).toBool(), true);
        const Answer resumed = call("POST", QStringLiteral("/api/v1/targets/svc/resume"),
                                    AliceToken);
        QCOMPARE(resumed.status, 200);
        QCOMPARE(resumed.json().value(QStringLiteral("paused")).toBool(), false);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/targets/svc/probe"), AliceToken).status, 202);
        const Answer unknown = call("POST", QStringLiteral("/api/v1/targets/nope/probe"),
                                    AliceToken);
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.json()
                        .value(QStringLiteral("error"))
                        .toString()
                        .contains(QLatin1String("no target is named \"nope\"")));

        // A forced re-resolve is the resolver's event, carrying the actor.
        const Answer resolve = call("POST", QStringLiteral("/api/v1/targets/svc/resolve"),
                                    AliceToken);
        QCOMPARE(resolve.status, 202);
        QCOMPARE(resolve.json().value(QStringLiteral("host")).toString(),
                 QStringLiteral("svc.test"));
        QTRY_VERIFY_WITH_TIMEOUT(!statusEvents(QStringLiteral("forced_re_resolve")).isEmpty(),
                                 10000);
        QCOMPARE(statusEvents(QStringLiteral("forced_re_resolve"))
                         .constLast()
                         .value(QStringLiteral("actor"))
                         .toString(),
                 QStringLiteral("alice"));

        // Pins: strict bodies.
        const QString pin = QStringLiteral("/api/v1/pins/svc.test");
        const Answer badJson = call("PUT", pin, AliceToken, R"({"addresses": ["127.0.0.1"],)");
        QCOMPARE(badJson.status, 400);
        QVERIFY2(badJson.json()
                         .value(QStringLiteral("error"))
                         .toString()
                         .startsWith(QLatin1String("the body is not JSON")),
                 badJson.body.constData());
        const Answer badAddress = call("PUT", pin, AliceToken,
                                       R"({"addresses": ["127.0.0.1", "10.0.0.300"]})");
        QCOMPARE(badAddress.status, 400);
        QCOMPARE(badAddress.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("\"addresses\"[1]: \"10.0.0.300\" is not an IPv4 or IPv6 "
                                "address"));
        const Answer expired = call(
                "PUT", pin, AliceToken,
                R"({"addresses": ["127.0.0.1"], "expires": "2020-01-01T00:00:00Z"})");
        QCOMPARE(expired.status, 400);
        QVERIFY2(expired.json()
                         .value(QStringLiteral("error"))
                         .toString()
                         .contains(QLatin1String("is not in the future")),
                 expired.body.constData());
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/pins/elsewhere.test"), AliceToken,
                      R"({"addresses": ["127.0.0.1"]})")
                         .status,
                 404);
        QCOMPARE(call("PUT", pin, BobToken, R"({"addresses": ["127.0.0.1"]})").status, 403);
        const QString expiry = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        const Answer pinned = call("PUT", pin, AliceToken,
                                   R"({"addresses": ["127.0.0.2"], "expires": ")"
                                           + expiry.toLatin1() + R"(", "reason": "drill"})");
        QCOMPARE(pinned.status, 200);
        QCOMPARE(pinned.json().value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("127.0.0.2")});
        QCOMPARE(pinned.json().value(QStringLiteral("reason")).toString(), QStringLiteral("drill"));
        QCOMPARE(pinned.json().value(QStringLiteral("origin")).toString(),
                 QStringLiteral("operator"));
        QVERIFY(!pinned.json().value(QStringLiteral("expires")).isNull());
        const QList<QJsonObject> pins = statusEvents(QStringLiteral("pinned"));
        QCOMPARE(pins.size(), 1);
        QCOMPARE(pins.first().value(QStringLiteral("actor")).toString(), QStringLiteral("alice"));
        const Answer unpinned = call("DELETE", pin, AliceToken);
        QCOMPARE(unpinned.status, 200);
        QCOMPARE(unpinned.json().value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("127.0.0.2")});
        QCOMPARE(statusEvents(QStringLiteral("unpinned"))
                         .constLast()
                         .value(QStringLiteral("actor"))
                         .toString(),
                 QStringLiteral("alice"));
        QCOMPARE(call("DELETE", pin, AliceToken).status, 404);

        // The cache: how many entries went.
        const Answer host = call("POST", QStringLiteral("/api/v1/cache/clear"), AliceToken,
                                 R"({"host": "svc.test"})");
        QCOMPARE(host.status, 200);
        QVERIFY2(host.json().value(QStringLiteral("cleared")).toInt() >= 1, host.body.constData());
        QCOMPARE(host.json().value(QStringLiteral("host")).toString(), QStringLiteral("svc.test"));
        const Answer stale = call("POST", QStringLiteral("/api/v1/cache/clear"), AliceToken,
                                  R"({"stale_only": true})");
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.json().value(QStringLiteral("stale_only")).toBool(), true);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/cache/clear"), AliceToken,
                      R"({"stale_only": "yes"})")
                         .status,
                 400);
        const Answer all = call("POST", QStringLiteral("/api/v1/cache/clear"), AliceToken, "{}");
        QCOMPARE(all.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!statusEvents(QStringLiteral("cache_cleared")).isEmpty(), 10000);
        QCOMPARE(statusEvents(QStringLiteral("cache_cleared"))
                         .constLast()
                         .value(QStringLiteral("actor"))
                         .toString(),
                 QStringLiteral("alice"));

        // Bodies: a Content-Length up to agent.max_body_bytes (16 KiB); larger 413, chunked 411,
        // answered as soon as the head says so (the body is not sent: bytes still arriving when
        // the agent closes could turn its answer into a reset).
        const QByteArray large = rawExchange(
                "POST /api/v1/cache/clear HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + AliceToken + "\r\nContent-Length: 20000\r\n\r\n");
        QVERIFY2(large.startsWith("HTTP/1.1 413"), large.constData());
        const QByteArray chunked = rawExchange(
                "POST /api/v1/cache/clear HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + AliceToken + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY2(chunked.startsWith("HTTP/1.1 411"), chunked.constData());
        // A body and a request after it on one connection: both answered, in order.
        const QByteArray clear = "POST /api/v1/cache/clear HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Authorization: Bearer "
                + AliceToken + "\r\nContent-Length: 2\r\n\r\n{}";
        const QByteArray then = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                                "close\r\n\r\n";
        const QByteArray both = rawExchange(clear + then);
        QCOMPARE(both.count("HTTP/1.1 200"), 2);
        QVERIFY2(both.contains("\"cleared\"") && both.endsWith("ok\n"), both.constData());

        const QByteArray metrics = call("GET", QStringLiteral("/metrics"), BobToken).body;
        QVERIFY(metrics.contains("dnswatch_http_connections_closed_total{reason=\"body\"} 2"));
        ::kill(pid_t(agent->processId()), SIGTERM);
        QVERIFY(agent->waitForFinished(10000));
        const QByteArray out = agent->readAllStandardOutput();
        const QByteArray err = agent->readAllStandardError();
        // One line per action, naming the actor.
        for (const QByteArray &line :
             {QByteArray("alice paused svc"), QByteArray("alice resumed svc"),
              QByteArray("alice asked to probe svc now"), QByteArray("alice re-resolved svc"),
              QByteArray("alice pinned svc.test to 127.0.0.2"),
              QByteArray("alice unpinned svc.test"),
              QByteArray("access: 2 token(s): alice (operate), bob (read)")})
            QVERIFY2(out.contains(line), QByteArray(line + " not in:\n" + out).constData());
        // No token anywhere: not in the log, the errors, the metrics or any answer.
        for (const QByteArray &said : {out, err, metrics, m_seen}) {
            QVERIFY(!said.contains(AliceToken));
            QVERIFY(!said.contains(BobToken));
        }
    }
};

QTEST_GUILESS_MAIN(TestAgentAccess)
#include "tst_agent_access.moc"

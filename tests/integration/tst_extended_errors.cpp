// Extended DNS Errors (RFC 8914) end to end: a real unbound with `ede: yes` refuses the client
// with "Prohibited" (EDE 18), and the real `dnswatch` shows it in `--once` (JSON and table), in
// its events and in the agent's /api/v1/status.
#include "agentprocess.h"
#include "binaryrun.h"
#include "dnsserverfixture.h"
#include "rawhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestExtendedErrors : public QObject
{
    Q_OBJECT

private:
    QString writeConfig()
    {
        const QString path = m_dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_server.server().toLatin1()
                   + "\"],\"timeout_ms\":2000,\"attempts\":1}],\"targets\":[{\"name\":\"svc\","
                     "\"host\":\"svc.test\",\"resolver\":\"lab\",\"record\":\"A\"}]}");
        return path;
    }

    static QJsonObject firstTarget(const QJsonObject &answer)
    {
        return answer.value(QStringLiteral("targets")).toArray().first().toObject();
    }

    // The EDE unbound gives to a client its access-control refuses.
    static void verifyProhibited(const QJsonObject &target)
    {
        QCOMPARE(target.value(QStringLiteral("error")).toString(), QStringLiteral("refused"));
        const QJsonArray ede = target.value(QStringLiteral("ede")).toArray();
        QCOMPARE(ede.size(), 1);
        QCOMPARE(ede.first()[QStringLiteral("code")].toInt(), 18);
        QCOMPARE(ede.first()[QStringLiteral("name")].toString(), QStringLiteral("prohibited"));
        QVERIFY2(target.value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral("Prohibited (EDE 18)")),
                 qPrintable(target.value(QStringLiteral("detail")).toString()));
    }

    QTemporaryDir m_dir;
    DnsServerFixture m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        // 127.0.0.1/32 is more specific than the fixture's 127.0.0.0/8 allow: every query from
        // the test is refused, which unbound 1.17 explains with EDE 18 when `ede` is on. "." goes
        // to a loopback port nobody serves (nothing leaves the machine).
        QVERIFY2(m_server.startUnbound({QStringLiteral("  ede: yes"),
                                        QStringLiteral("  access-control: 127.0.0.1/32 refuse")},
                                       DnsServerFixture::freePort(), &error),
                 qPrintable(error));
    }

    void onceJsonCarriesTheExtendedError()
    {
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         writeConfig(), QStringLiteral("--format=json")});
        QCOMPARE(run.exitCode, 1); // the only target, critical by default, is down
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
        verifyProhibited(firstTarget(doc.object()));

        bool shown = false;
        for (const QJsonValue &event : doc.object().value(QStringLiteral("events")).toArray()) {
            shown = shown
                    || (event[QStringLiteral("host")] == QStringLiteral("svc.test")
                        && event[QStringLiteral("detail")].toString().contains(
                                QStringLiteral("Prohibited (EDE 18)")));
        }
        QVERIFY2(shown, run.out.constData());
    }

    void onceTableNamesTheExtendedError()
    {
        const BinaryRun run = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("refused") && run.out.contains("Prohibited (EDE 18)"),
                 run.out.constData());
    }

    void agentStatusCarriesTheExtendedError()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), writeConfig());
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        QJsonObject target;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    std::unique_ptr<QTcpSocket> client = connectedClient(agent.port());
                    if (!client)
                        return false;
                    client->write("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    const RawHttpAnswer answer = readRawAnswer(client.get());
                    target = firstTarget(QJsonDocument::fromJson(answer.body).object());
                    return !target.value(QStringLiteral("ede")).toArray().isEmpty();
                }(),
                20000);
        verifyProhibited(target);
        QVERIFY(agent.stop());
    }
};

QTEST_GUILESS_MAIN(TestExtendedErrors)
#include "tst_extended_errors.moc"

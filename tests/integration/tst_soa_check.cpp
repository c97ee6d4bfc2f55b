// The soa check end to end: two real unbound servers serve example.test authoritatively (AA on
// local-data) with different serials. The real `dnswatch --once` names the lagging server with
// max_lag_s 0 and lets it pass with a large max_lag_s; the real agent exports the serials in
// /metrics, says soa_serials_diverged, and soa_serials_agree once the lagging server is restarted
// with the new serial.
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

namespace {

constexpr quint32 Newest = 2026120604;
constexpr quint32 Older = 2026120601;

QStringList zoneLines(quint32 serial)
{
    return {QStringLiteral("local-zone: \"example.test.\" static"),
            QStringLiteral("local-data: \"example.test. 3600 IN SOA ns1.example.test. "
                           "host.example.test. %1 3600 900 604800 60\"")
                    .arg(serial),
            QStringLiteral("local-data: \"www.example.test. 60 IN A 10.0.0.1\"")};
}

// The body of GET path on the agent; empty when no answer came.
QByteArray agentGet(quint16 port, const QByteArray &path)
{
    std::unique_ptr<QTcpSocket> client = connectedClient(port);
    if (!client)
        return QByteArray();
    client->write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return readRawAnswer(client.get()).body;
}

// The events of the agent's feed of this kind, their details.
QStringList eventDetails(quint16 port, const QString &kind)
{
    QStringList details;
    const QJsonArray events = QJsonDocument::fromJson(agentGet(port, "/api/v1/events?after=0"))
                                      .object()
                                      .value(QStringLiteral("events"))
                                      .toArray();
    for (const QJsonValue &event : events) {
        if (event[QStringLiteral("kind")].toString() == kind)
            details.append(event[QStringLiteral("detail")].toString());
    }
    return details;
}

// dnswatch_probes_total of the only target, -1 when the agent did not say.
int probesTotal(quint16 port)
{
    const QString metrics = QString::fromUtf8(agentGet(port, "/metrics"));
    for (const QString &line : metrics.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("dnswatch_probes_total{")))
            return line.section(QLatin1Char(' '), -1).toInt();
    }
    return -1;
}

} // namespace

class TestSoaCheck : public QObject
{
    Q_OBJECT

private:
    QString writeConfig(int maxLagS, int intervalS = 60)
    {
        const QString path = m_dir.filePath(QStringLiteral("soa-%1.json").arg(maxLagS));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write config");
        file.write(QStringLiteral(
                           R"({"resolvers": [{"name": "lab", "servers": ["%1"], "timeout_ms": 2000,
                                "attempts": 1}],
                "probes": {"check_timeout_ms": 2000},
                "targets": [{"name": "zone", "host": "www.example.test", "resolver": "lab",
                             "record": "A", "interval_s": %4,
                             "check": {"type": "soa", "zone": "example.test",
                                       "servers": ["%1", "%2"], "max_lag_s": %3}}]})")
                           .arg(m_ns1.server(), m_ns2.server())
                           .arg(maxLagS)
                           .arg(intervalS)
                           .toUtf8());
        return path;
    }

    QJsonObject onceCheck(int maxLagS, int expectedExit)
    {
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         writeConfig(maxLagS), QStringLiteral("--format=json")});
        if (run.exitCode != expectedExit)
            qWarning("%s", qPrintable(run.output()));
        m_lastExit = run.exitCode;
        return QJsonDocument::fromJson(run.out)
                .object()
                .value(QStringLiteral("targets"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("check"))
                .toObject();
    }

    // Restarts ns2 on its port with the zone at serial.
    bool restartNs2With(quint32 serial, QString *error)
    {
        const QString path = m_ns2.workDir() + QStringLiteral("/unbound.conf");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read ") + path;
            return false;
        }
        QByteArray config = file.readAll();
        file.close();
        config.replace(QByteArray::number(Older), QByteArray::number(serial));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write ") + path;
            return false;
        }
        file.write(config);
        file.close();
        m_ns2.kill();
        return m_ns2.restart(error);
    }

    QTemporaryDir m_dir;
    DnsServerFixture m_ns1;
    DnsServerFixture m_ns2;
    int m_lastExit = -1;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        // "." goes to a loopback port nobody serves: nothing leaves the machine.
        QVERIFY2(m_ns1.startUnbound(zoneLines(Newest), DnsServerFixture::freePort(), &error),
                 qPrintable(error));
        QVERIFY2(m_ns2.startUnbound(zoneLines(Older), DnsServerFixture::freePort(), &error),
                 qPrintable(error));
    }

    void onceNamesTheLaggingServerWithMaxLagZero()
    {
        const QJsonObject check = onceCheck(0, 1);
        QCOMPARE(m_lastExit, 1); // the only target, critical, is down
        QCOMPARE(check.value(QStringLiteral("type")).toString(), QStringLiteral("soa"));
        QCOMPARE(check.value(QStringLiteral("ok")).toBool(), false);
        const QString detail = check.value(QStringLiteral("detail")).toString();
        QCOMPARE(detail,
                 QStringLiteral("%1 serial %2 is 3 behind %3 (for 0 s)")
                         .arg(m_ns2.server())
                         .arg(Older)
                         .arg(Newest));
        const QJsonObject soa = check.value(QStringLiteral("soa")).toObject();
        QCOMPARE(soa.value(QStringLiteral("zone")).toString(), QStringLiteral("example.test"));
        QCOMPARE(soa.value(QStringLiteral("newest")).toInteger(), qint64(Newest));
        const QJsonArray servers = soa.value(QStringLiteral("servers")).toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers[0][QStringLiteral("server")].toString(), m_ns1.server());
        QCOMPARE(servers[0][QStringLiteral("behind")].toInteger(), 0);
        QCOMPARE(servers[1][QStringLiteral("server")].toString(), m_ns2.server());
        QCOMPARE(servers[1][QStringLiteral("serial")].toInteger(), qint64(Older));
        QCOMPARE(servers[1][QStringLiteral("behind")].toInteger(), 3);
        QVERIFY(servers[1][QStringLiteral("error")].isNull());

        const BinaryRun table = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), writeConfig(0)});
        QCOMPARE(table.exitCode, 1);
        QVERIFY2(table.output().contains(QStringLiteral("failed: ") + detail),
                 qPrintable(table.output()));
    }

    void onceLetsALagWithinMaxLagPass()
    {
        const QJsonObject check = onceCheck(3600, 0);
        QCOMPARE(m_lastExit, 0);
        QCOMPARE(check.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY2(check.value(QStringLiteral("detail"))
                         .toString()
                         .endsWith(QStringLiteral("(for 0 s, within max_lag_s 3600)")),
                 qPrintable(check.value(QStringLiteral("detail")).toString()));
    }

    void notAuthoritativeServerFails()
    {
        // A recursive unbound without the zone refuses an RD=0 query for it.
        DnsServerFixture stranger;
        QString error;
        QVERIFY2(stranger.startUnbound({}, DnsServerFixture::freePort(), &error), qPrintable(error));
        const QString path = m_dir.filePath(QStringLiteral("stranger.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(
                           R"({"resolvers": [{"name": "lab", "servers": ["%1"]}],
                "targets": [{"name": "zone", "host": "www.example.test", "resolver": "lab",
                             "record": "A",
                             "check": {"type": "soa", "zone": "example.test",
                                       "servers": ["%1", "%2"]}}]})")
                           .arg(m_ns1.server(), stranger.server())
                           .toUtf8());
        file.close();
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"), path,
                                         QStringLiteral("--format=json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject check = QJsonDocument::fromJson(run.out)
                                          .object()
                                          .value(QStringLiteral("targets"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QStringLiteral("check"))
                                          .toObject();
        const QString detail = check.value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.startsWith(stranger.server() + QStringLiteral(": ")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("REFUSED")), qPrintable(detail));
    }

    // Last: it restarts ns2 with the newest serial.
    void agentSaysDivergedThenAgree()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), writeConfig(0, 1));
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        const QString behindLine = QStringLiteral(
                "dnswatch_soa_serial_behind{target=\"zone\",host=\"www.example.test\","
                "resolver=\"lab\",server=\"%1\"} ");
        QTRY_VERIFY2_WITH_TIMEOUT(
                QString::fromUtf8(agentGet(agent.port(), "/metrics"))
                        .contains(behindLine.arg(m_ns2.server()) + QStringLiteral("3\n")),
                agentGet(agent.port(), "/metrics").constData(), 20000);
        const QString metrics = QString::fromUtf8(agentGet(agent.port(), "/metrics"));
        QVERIFY2(metrics.contains(behindLine.arg(m_ns1.server()) + QStringLiteral("0\n")),
                 qPrintable(metrics));
        QVERIFY2(metrics.contains(
                         QStringLiteral("dnswatch_soa_serial{target=\"zone\",host=\"www."
                                        "example.test\",resolver=\"lab\",server=\"%1\"} %2\n")
                                 .arg(m_ns2.server())
                                 .arg(Older)),
                 qPrintable(metrics));
        QTRY_COMPARE_WITH_TIMEOUT(
                eventDetails(agent.port(), QStringLiteral("soa_serials_diverged")).size(), 1, 10000);
        const QString diverged = eventDetails(agent.port(), QStringLiteral("soa_serials_diverged"))
                                         .first();
        QVERIFY2(diverged.contains(QStringLiteral("%1 serial %2 is 3 behind %3")
                                           .arg(m_ns2.server())
                                           .arg(Older)
                                           .arg(Newest)),
                 qPrintable(diverged));
        QVERIFY(eventDetails(agent.port(), QStringLiteral("soa_serials_agree")).isEmpty());

        QVERIFY2(restartNs2With(Newest, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
                eventDetails(agent.port(), QStringLiteral("soa_serials_agree")).size(), 1, 20000);
        QVERIFY2(QString::fromUtf8(agentGet(agent.port(), "/metrics"))
                         .contains(behindLine.arg(m_ns2.server()) + QStringLiteral("0\n")),
                 agentGet(agent.port(), "/metrics").constData());
        // One of each: nothing more while the state holds, two probes later.
        const int probes = probesTotal(agent.port());
        QTRY_VERIFY_WITH_TIMEOUT(probesTotal(agent.port()) >= probes + 2, 10000);
        QCOMPARE(eventDetails(agent.port(), QStringLiteral("soa_serials_diverged")).size(), 1);
        QCOMPARE(eventDetails(agent.port(), QStringLiteral("soa_serials_agree")).size(), 1);
        QVERIFY(agent.stop());
    }
};

QTEST_GUILESS_MAIN(TestSoaCheck)
#include "tst_soa_check.moc"

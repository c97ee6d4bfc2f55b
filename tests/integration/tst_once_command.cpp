// `dnswatch --once` as a user runs it: the real binary, a config file, a real dnsmasq.
#include "dnsserverfixture.h"
#include "httpstubfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestOnceCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &arguments, const QString &fallbackEnv = QString())
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNSWATCH_FALLBACK_IPS"), fallbackEnv);
        env.remove(QStringLiteral("MLFLOW_TRACKING_URI"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DNSWATCH_BINARY), arguments);
        Run result;
        if (!process.waitForFinished(30000)) {
            process.kill();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    QString writeConfig(const QByteArray &json)
    {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(m_configs++));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        file.write(json);
        return path;
    }

    QByteArray labConfig(const QByteArray &targets) const
    {
        return "{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_server.server().toLatin1()
                + "\"],\"timeout_ms\":300,\"attempts\":1}],\"targets\":[" + targets + "]}";
    }

    static QJsonObject targetNamed(const QJsonDocument &doc, const QString &name)
    {
        for (const QJsonValue &value : doc.object().value(QStringLiteral("targets")).toArray()) {
            if (value.toObject().value(QStringLiteral("name")).toString() == name)
                return value.toObject();
        }
        return QJsonObject();
    }

    QTemporaryDir m_dir;
    int m_configs = 0;
    DnsServerFixture m_server;
    HttpStubFixture m_http;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDnsmasq(
                         {QStringLiteral("--host-record=svc.test,10.0.0.1,fd00::1,120"),
                          QStringLiteral("--cname=alias.test,svc.test,30"),
                          QStringLiteral("--address=/nx.test/"),
                          QStringLiteral("--host-record=local.test,127.0.0.1,60")},
                         &error),
                 qPrintable(error));
        QVERIFY2(m_http.start(&error), qPrintable(error));
    }

    void jsonReportsEveryTarget()
    {
        const QString config = writeConfig(
                labConfig("{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\"},"
                          "{\"name\":\"alias\",\"host\":\"alias.test\",\"resolver\":\"lab\","
                          "\"record\":\"A\"},"
                          "{\"name\":\"gone\",\"host\":\"x.nx.test\",\"resolver\":\"lab\","
                          "\"critical\":false}"));
        const Run result = run({QStringLiteral("--once"), QStringLiteral("--config"), config,
                                QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0); // the only down target is not critical
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(result.out, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, result.out.constData());
        QCOMPARE(doc.object().value(QStringLiteral("ready")).toBool(), true);

        const QJsonObject svc = targetNamed(doc, QStringLiteral("svc"));
        QCOMPARE(svc.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(svc.value(QStringLiteral("source")).toString(), QStringLiteral("fresh"));
        QCOMPARE(svc.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")}));
        QCOMPARE(svc.value(QStringLiteral("ttl_s")).toInt(), 120);
        QVERIFY(svc.value(QStringLiteral("error")).isNull());
        QVERIFY(svc.value(QStringLiteral("latency_ms")).toDouble() > 0);

        const QJsonObject alias = targetNamed(doc, QStringLiteral("alias"));
        QCOMPARE(alias.value(QStringLiteral("ttl_s")).toInt(),
                 30); // smallest along the CNAME chain

        const QJsonObject gone = targetNamed(doc, QStringLiteral("gone"));
        QCOMPARE(gone.value(QStringLiteral("status")).toString(), QStringLiteral("down"));
        QCOMPARE(gone.value(QStringLiteral("error")).toString(), QStringLiteral("nxdomain"));
        QCOMPARE(gone.value(QStringLiteral("addresses")).toArray().size(), 0);
    }

    void serviceChecksRunAtTheResolvedAddress()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        const QString config = writeConfig(labConfig(
                "{\"name\":\"ml\",\"host\":\"local.test\",\"resolver\":\"lab\",\"check\":"
                "{\"type\":\"mlflow\",\"url\":\"http://local.test:"
                + QByteArray::number(m_http.port())
                + "/ml\"}},"
                  "{\"name\":\"db\",\"host\":\"local.test\",\"resolver\":\"lab\",\"check\":"
                  "{\"type\":\"tcp\",\"port\":"
                + QByteArray::number(closedPort) + "}}"));
        const Run result = run(
                {QStringLiteral("--config"), config, QStringLiteral("--format=json")});
        QCOMPARE(result.exitCode, 1); // db resolves, but nothing answers on its port
        const QJsonDocument doc = QJsonDocument::fromJson(result.out);
        const QJsonObject ml = targetNamed(doc, QStringLiteral("ml"));
        QCOMPARE(ml.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(ml[QStringLiteral("check")][QStringLiteral("ok")].toBool(), true);
        QCOMPARE(ml[QStringLiteral("check")][QStringLiteral("type")].toString(),
                 QStringLiteral("mlflow"));
        const QJsonObject db = targetNamed(doc, QStringLiteral("db"));
        QCOMPARE(db.value(QStringLiteral("status")).toString(), QStringLiteral("down"));
        QCOMPARE(db.value(QStringLiteral("source")).toString(), QStringLiteral("fresh"));
        QVERIFY2(db[QStringLiteral("check")][QStringLiteral("detail")].toString().contains(
                         QStringLiteral("refused"), Qt::CaseInsensitive),
                 result.out.constData());
    }

    void criticalTargetDownExitsOne()
    {
        const QString config = writeConfig(labConfig(
                "{\"name\":\"api\",\"host\":\"unknown.elsewhere\",\"resolver\":\"lab\"}"));
        const Run result = run({QStringLiteral("--once"), QStringLiteral("--config"), config});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("ready: no (0 of 1 critical targets up)"),
                 result.out.constData());
        // The ERROR column names the cause and the server that gave it.
        const QByteArray expected = "refused: " + m_server.server().toLatin1()
                + " answered REFUSED";
        QVERIFY2(result.out.contains(expected), result.out.constData());
    }

    void fallbackTiersKeepTargetsReady_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("address");
        QTest::newRow("pinned from config")
                << QByteArray("{\"name\":\"t\",\"host\":\"down.elsewhere\",\"resolver\":\"lab\","
                              "\"fallback_ips\":[\"10.9.0.1\"]}")
                << QString() << QStringLiteral("pinned") << QStringLiteral("10.9.0.1");
        QTest::newRow("environment")
                << QByteArray("{\"name\":\"t\",\"host\":\"down.elsewhere\",\"resolver\":\"lab\"}")
                << QStringLiteral("down.elsewhere=10.9.0.2") << QStringLiteral("env")
                << QStringLiteral("10.9.0.2");
    }
    void fallbackTiersKeepTargetsReady()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, env);
        QFETCH(QString, source);
        QFETCH(QString, address);
        const Run result = run({QStringLiteral("--once"), QStringLiteral("-c"),
                                writeConfig(labConfig(target)), QStringLiteral("--format=json")},
                               env);
        QCOMPARE(result.exitCode, 0);
        const QJsonObject t = targetNamed(QJsonDocument::fromJson(result.out), QStringLiteral("t"));
        QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(t.value(QStringLiteral("source")).toString(), source);
        QCOMPARE(t.value(QStringLiteral("error")).toString(), QStringLiteral("refused"));
        QCOMPARE(t.value(QStringLiteral("addresses")).toArray(), QJsonArray({address}));
        QVERIFY(t.value(QStringLiteral("ttl_s")).isNull());
        // The decision is shown as an event.
        bool shown = false;
        const QJsonArray events = QJsonDocument::fromJson(result.out)
                                          .object()
                                          .value(QStringLiteral("events"))
                                          .toArray();
        for (const QJsonValue &event : events) {
            shown = shown
                    || (event[QStringLiteral("kind")] == QStringLiteral("fallback_entered")
                        && event[QStringLiteral("host")] == QStringLiteral("down.elsewhere")
                        && event[QStringLiteral("detail")].toString().contains(address));
        }
        QVERIFY2(shown, result.out.constData());
    }

    void malformedEnvironmentIsAWarningNotAnError()
    {
        const QString config = writeConfig(
                labConfig("{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\"}"));
        const Run result = run({QStringLiteral("--once"), QStringLiteral("--config"), config},
                               QStringLiteral("svc.test=10.0.0.999"));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("warning: DNSWATCH_FALLBACK_IPS: entry 1"),
                 result.err.constData());
    }

    void invalidConfigExitsTwoAndNamesEveryProblem()
    {
        const QString config = writeConfig(
                "{\"targets\":[{\"name\":\"a\",\"host\":\"bad "
                "host\"},{\"name\":\"a\",\"host\":\"b.test\",\"resolver\":\"nope\"}]}");
        const Run result = run({QStringLiteral("--once"), QStringLiteral("--config"), config});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty()); // nothing started
        QVERIFY2(result.err.contains("$.targets[0].host"), result.err.constData());
        QVERIFY(result.err.contains("$.targets[1].name"));
        QVERIFY(result.err.contains("$.targets[1].resolver"));
        QVERIFY(result.err.contains(config.toUtf8()));
    }

    void aConfigOfAgentsAloneIsForTheDashboard_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("once") << QStringLiteral("--once");
        QTest::newRow("agent") << QStringLiteral("--headless");
    }
    void aConfigOfAgentsAloneIsForTheDashboard()
    {
        QFETCH(QString, mode);
        const QString config = writeConfig(
                "{\"agents\":[{\"name\":\"fra1\",\"url\":\"http://127.0.0.1:9\"}]}");
        // Refused before anything listens or probes.
        const Run result = run({mode, QStringLiteral("--config"), config});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty()); // nothing started
        QVERIFY2(result.err.contains(
                         QByteArray(config.toUtf8() + ": no targets to probe on this machine")),
                 result.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("bad format")
                << QStringList{QStringLiteral("--once"), QStringLiteral("--format"),
                               QStringLiteral("xml")}
                << QByteArray("--format must be table or json");
        QTest::newRow("unknown option")
                << QStringList{QStringLiteral("--bogus")} << QByteArray("Unknown option 'bogus'");
        QTest::newRow("missing config") << QStringList{QStringLiteral("--config"),
                                                       QStringLiteral("/nonexistent/dnswatch.json")}
                                        << QByteArray("/nonexistent/dnswatch.json: $:");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--once"));
        QVERIFY(help.out.contains("DNSWATCH_FALLBACK_IPS"));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("dnswatch "));
    }

    void credentialsInTheTrackingUriNeverShow_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("table") << QStringLiteral("table");
        QTest::newRow("json") << QStringLiteral("json");
    }
    void credentialsInTheTrackingUriNeverShow()
    {
        QFETCH(QString, format);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The URI's host does not resolve; the emergency address is loopback, where the stub runs.
        env.insert(QStringLiteral("MLFLOW_TRACKING_URI"),
                   QStringLiteral("http://alice:s3cret@mlflow.invalid:%1/ml").arg(m_http.port()));
        env.insert(QStringLiteral("DNSWATCH_FALLBACK_IPS"),
                   QStringLiteral("mlflow.invalid=127.0.0.1"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DNSWATCH_BINARY), {QStringLiteral("--format"), format});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray all = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(all.contains("mlflow.invalid"), all.constData()); // the target is there...
        QVERIFY2(!all.contains("s3cret") && !all.contains("alice"),
                 all.constData()); // ...its secret not
        // The check ran at the emergency address, and the stub saw no credentials from the URI.
        QVERIFY2(m_http.requests().contains(
                         QStringLiteral("GET /ml/health host=mlflow.invalid:%1 auth=no")
                                 .arg(m_http.port())),
                 qPrintable(m_http.requests().join(QLatin1Char('\n'))));
    }

    void embeddedDefaultResolvesLocalhost()
    {
        const Run result = run({QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject localhost = targetNamed(QJsonDocument::fromJson(result.out),
                                                  QStringLiteral("localhost"));
        QCOMPARE(localhost.value(QStringLiteral("resolver")).toString(), QStringLiteral("system"));
        QVERIFY(localhost.value(QStringLiteral("addresses"))
                        .toArray()
                        .contains(QStringLiteral("127.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestOnceCommand)
#include "tst_once_command.moc"

// `dnswatch --report` and the agent's `--report-every`, the real binary: a report of a history
// in each format from the command line; exit 2 with the reason for a bad range, an unwritable
// path, an unknown format, no history or an old one (a report never migrates it); and an agent
// that writes a report every 2 s keeps the newest N of its own and touches nothing else in the
// directory.
#include "dnsserverfixture.h"
#include "store/historydatabase.h"
#include "testaddresses.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestReportCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    Run dnswatch(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(DNSWATCH_BINARY), arguments);
        if (!process.waitForFinished(60'000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAll())};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    DnsServerFixture m_dns;

private Q_SLOTS:
    // The last hour: 60 probes of "api" a minute apart, 54 of them reached.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HistoryDatabase db(QStringLiteral("fill"));
        QVERIFY(db.open(path(QStringLiteral("history.db"))).ok);
        HistoryWriteBatch batch;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int minute = 1; minute <= 60; ++minute) {
            ProbeResult result;
            result.time = now.addSecs(-minute * 60);
            result.target = QStringLiteral("api");
            result.resolution.host = QStringLiteral("api.lab.test");
            result.resolution.source = ResolutionSource::Fresh;
            result.resolution.addresses = ips({QStringLiteral("127.0.0.1")});
            result.checked = true;
            result.check.ok = minute > 6;
            result.reachable = result.check.ok;
            batch.results.append(result);
        }
        QVERIFY(db.write(batch));
        QFile config(path(QStringLiteral("dnswatch.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=api.lab.test,127.0.0.1,60")},
                                    &error),
                 qPrintable(error));
        config.write(R"({"resolvers": [{"name": "lab", "servers": [")" + m_dns.server().toLatin1()
                     + R"("], "timeout_ms": 500, "attempts": 1}], "targets": [{"name": "api",)"
                       R"( "host": "api.lab.test", "resolver": "lab", "interval_s": 1}]})");
    }

    void writesEachFormat()
    {
        for (const QString &name : {QStringLiteral("r.json"), QStringLiteral("r.html"),
                                    QStringLiteral("r.pdf"), QStringLiteral("r.csv")}) {
            const Run run = dnswatch({QStringLiteral("--report"), path(name),
                                      QStringLiteral("--db"), path(QStringLiteral("history.db")),
                                      QStringLiteral("--config"),
                                      path(QStringLiteral("dnswatch.json")),
                                      QStringLiteral("--last"), QStringLiteral("2h")});
            QVERIFY2(run.exitCode == 0, qPrintable(name + QStringLiteral(": ") + run.output));
            QVERIFY2(run.output.contains(QStringLiteral("report: ") + path(name)),
                     qPrintable(run.output));
            QFile file(path(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            if (name.endsWith(QLatin1String(".json"))) {
                const QJsonObject api = QJsonDocument::fromJson(bytes)
                                                .object()
                                                .value(QLatin1String("targets"))
                                                .toArray()[0]
                                                .toObject();
                QCOMPARE(api.value(QLatin1String("probes")).toInt(), 60);
                QCOMPARE(api.value(QLatin1String("service_availability")).toDouble(), 0.9);
            } else if (name.endsWith(QLatin1String(".pdf"))) {
                QVERIFY(bytes.startsWith("%PDF-"));
            } else if (name.endsWith(QLatin1String(".html"))) {
                QVERIFY(bytes.contains("90.0"));
            } else {
                QCOMPARE(bytes.count("\r\nresult,"), 60);
            }
        }
        // --format wins over the extension.
        const Run run = dnswatch({QStringLiteral("--report"), path(QStringLiteral("as-json.txt")),
                                  QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("--db"), path(QStringLiteral("history.db"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QFile file(path(QStringLiteral("as-json.txt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readAll()).isObject());
    }

    void refusesWithTheReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const QString db = path(QStringLiteral("history.db"));
        QTest::newRow("reversed range")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("x.html")),
                               QStringLiteral("--db"),     db,
                               QStringLiteral("--from"),   QStringLiteral("2026-11-20T10:00:00Z"),
                               QStringLiteral("--to"),     QStringLiteral("2026-11-20T09:00:00Z")}
                << QStringLiteral("the range is empty");
        QTest::newRow("bad duration")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("x.html")),
                               QStringLiteral("--db"),     db,
                               QStringLiteral("--last"),   QStringLiteral("a week")}
                << QStringLiteral("is not a duration");
        QTest::newRow("missing directory")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("no/such/x.html")),
                               QStringLiteral("--db"), db}
                << QStringLiteral("does not exist");
        QTest::newRow("unknown extension")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("x.txt")),
                               QStringLiteral("--db"), db}
                << QStringLiteral("cannot tell the format");
        QTest::newRow("unknown format")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("x.html")),
                               QStringLiteral("--format"), QStringLiteral("docx"),
                               QStringLiteral("--db"),     db}
                << QStringLiteral("html, pdf, csv or json");
        QTest::newRow("no history")
                << QStringList{QStringLiteral("--report"), path(QStringLiteral("x.html"))}
                << QStringLiteral("needs --db");
        QTest::newRow("schedule into a missing directory")
                << QStringList{QStringLiteral("--headless"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--report-every"),
                               QStringLiteral("1h"),
                               QStringLiteral("--report-dir"),
                               path(QStringLiteral("no/such"))}
                << QStringLiteral("--report-dir: the directory");
        QTest::newRow("the lab's schedule into a missing directory")
                << QStringList{QStringLiteral("--demo"),         QStringLiteral("--headless"),
                               QStringLiteral("--db"),           db,
                               QStringLiteral("--report-every"), QStringLiteral("1h"),
                               QStringLiteral("--report-dir"),   path(QStringLiteral("no/such"))}
                << QStringLiteral("--report-dir: the directory");
        QTest::newRow("range without report")
                << QStringList{QStringLiteral("--once"), QStringLiteral("--last"),
                               QStringLiteral("24h")}
                << QStringLiteral("--last belongs to --report");
    }

    void refusesWithTheReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run run = dnswatch(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(says), qPrintable(run.output));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.html"))));
    }

    void oldHistoryIsRefusedNotMigrated()
    {
        // A report only reads: a file at an older schema is left exactly as it is, no backup.
        const QString old = path(QStringLiteral("old.db"));
        {
            HistoryDatabase db(QStringLiteral("old"));
            QVERIFY(db.open(old, HistorySchema::steps().mid(0, 1)).ok);
        }
        QFile file(old);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        // SQLite's own -wal and -shm files may appear beside it (a read-only reader of a
        // write-ahead log makes them); a backup or any other file may not.
        const QStringList nameFilters{QStringLiteral("old.*")};
        const auto others = [&] {
            QStringList names = QDir(m_dir.path()).entryList(nameFilters, QDir::Files);
            names.removeAll(QStringLiteral("old.db-wal"));
            names.removeAll(QStringLiteral("old.db-shm"));
            return names;
        };
        const QStringList filesBefore = others();
        const Run run = dnswatch({QStringLiteral("--report"), path(QStringLiteral("old.json")),
                                  QStringLiteral("--db"), old});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(QStringLiteral("history schema 1"))
                         && run.output.contains(QStringLiteral("migrates")),
                 qPrintable(run.output));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QCOMPARE(others(), filesBefore);
    }

    void agentWritesEveryIntervalAndKeepsTheNewest()
    {
        const QString reports = path(QStringLiteral("reports"));
        QVERIFY(QDir().mkpath(reports));
        // Not ours: left alone whatever the rotation does.
        for (const QString &name :
             {QStringLiteral("notes.txt"), QStringLiteral("dnswatch-report-mine.html")}) {
            QFile other(QDir(reports).filePath(name));
            QVERIFY(other.open(QIODevice::WriteOnly));
        }
        QProcess agent;
        agent.setProcessChannelMode(QProcess::MergedChannels);
        agent.start(QStringLiteral(DNSWATCH_BINARY),
                    {QStringLiteral("--headless"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(DnsServerFixture::freePort()),
                     QStringLiteral("--config"), path(QStringLiteral("dnswatch.json")),
                     QStringLiteral("--db"), path(QStringLiteral("agent.db")),
                     QStringLiteral("--report-every"), QStringLiteral("2s"),
                     QStringLiteral("--report-dir"), reports, QStringLiteral("--report-keep"),
                     QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += agent.readAll()).count("report: ") >= 3,
                                  output.constData(), 30'000);
        agent.terminate();
        QVERIFY(agent.waitForFinished(10'000));
        QCOMPARE(agent.exitCode(), 0);
        const QStringList ours = QDir(reports).entryList({QStringLiteral("dnswatch-report-2*")},
                                                         QDir::Files, QDir::Name);
        QCOMPARE(ours.size(), 2);
        QVERIFY(QFile::exists(QDir(reports).filePath(QStringLiteral("notes.txt"))));
        QVERIFY(QFile::exists(QDir(reports).filePath(QStringLiteral("dnswatch-report-mine.html"))));
        // Nothing half-written is left under any name.
        QCOMPARE(QDir(reports).entryList(QDir::Files).size(), 4);
        QFile newest(QDir(reports).filePath(ours.constLast()));
        QVERIFY(newest.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(newest.readAll()).object();
        QCOMPARE(report.value(QLatin1String("schema_version")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("targets"))
                         .toArray()[0]
                         .toObject()
                         .value(QLatin1String("name")),
                 QStringLiteral("api"));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_report_command.moc"

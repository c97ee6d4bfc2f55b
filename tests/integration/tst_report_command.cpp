// `dnswatch --report` and the agent's `--report-every`, the real binary: a report of a history
// in each format from the command line; exit 2 with the reason for a bad range, an unwritable
// path, an unknown format, no history or an old one (a report never migrates it); and an agent
// that writes a report every 2 s keeps the newest N of its own and touches nothing else in the
// directory. A report is whole or absent: a disk that fills while it is written, a device or a
// fifo at the path, or SIGTERM while it is made exit non-zero with the reason and leave no file.
#include "dnsserverfixture.h"
#include "fulldiskfixture.h"
#include "store/historydatabase.h"
#include "testaddresses.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/sysmacros.h>

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

    // A report of the last two hours of the test's history into file.
    QStringList reportArguments(const QString &file) const
    {
        return {QStringLiteral("--report"), file,
                QStringLiteral("--db"),     path(QStringLiteral("history.db")),
                QStringLiteral("--config"), path(QStringLiteral("dnswatch.json")),
                QStringLiteral("--last"),   QStringLiteral("2h")};
    }

    // Whether any process has file open, from /proc/PID/fd.
    static bool hasOpen(qint64 pid, const QString &file)
    {
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System)) {
            if (QFile::symLinkTarget(fds.filePath(fd)) == file)
                return true;
        }
        return false;
    }

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

    void fullDiskLeavesNoReport_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"r.json", "r.csv", "r.html", "r.pdf"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    // A disk with one page (4 KiB) left: the report is cut partway. Before, the command said
    // "report: FILE", exited 0 and left the cut file (CSV) or said "Unknown error" (HTML, PDF).
    void fullDiskLeavesNoReport()
    {
        QFETCH(QString, name);
        if (!FullDiskFixture::isRoot())
            QSKIP("mounting a full tmpfs needs root");
        constexpr qint64 FreeBytes = 4096;
        // The same report on a disk with room: larger than what is left, so it cannot fit.
        const QString roomy = path(QStringLiteral("roomy-") + name);
        const Run written = dnswatch(reportArguments(roomy));
        QVERIFY2(written.exitCode == 0, qPrintable(written.output));
        QVERIFY2(QFileInfo(roomy).size() > FreeBytes,
                 qPrintable(QString::number(QFileInfo(roomy).size())));

        FullDiskFixture disk;
        QString error;
        QVERIFY2(disk.mount(path(QStringLiteral("full-") + name), FreeBytes, &error),
                 qPrintable(error));
        const QString file = QDir(disk.path()).filePath(name);
        const Run run = dnswatch(reportArguments(file));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(file + QStringLiteral(": ")), qPrintable(run.output));
        QVERIFY2(run.output.contains(QLatin1String("No space left on device")),
                 qPrintable(run.output));
        QVERIFY2(!run.output.contains(QStringLiteral("report: %1 (").arg(file)),
                 qPrintable(run.output));
        // Neither the report nor a temporary file: only the filler.
        QCOMPARE(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("filler")});
        QVERIFY(disk.unmount());
    }

    void refusesATargetThatIsNotAFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        for (const char *format : {"json", "csv", "html", "pdf"}) {
            QTest::newRow(qPrintable(QStringLiteral("device, %1").arg(QLatin1String(format))))
                    << QStringLiteral("fakefull.%1").arg(QLatin1String(format))
                    << QStringLiteral("a character device");
        }
        QTest::newRow("fifo") << QStringLiteral("pipe.json") << QStringLiteral("a named pipe");
    }

    // A device at the path stays a device. Before, as root, `--report /dev/full` renamed a
    // regular file over the device node and exited 0. The device here is a twin of /dev/full
    // (character device 1,7) in the test's own directory.
    void refusesATargetThatIsNotAFile()
    {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        const bool device = kind.contains(QLatin1String("device"));
        if (device && !FullDiskFixture::isRoot())
            QSKIP("making a device node needs root");
        const QString target = path(QStringLiteral("nodes/") + name);
        QVERIFY(QDir().mkpath(path(QStringLiteral("nodes"))));
        const QByteArray native = QFile::encodeName(target);
        const int made = device ? ::mknod(native.constData(), S_IFCHR | 0666, makedev(1, 7))
                                : ::mkfifo(native.constData(), 0666);
        QVERIFY2(made == 0, qPrintable(target));
        const Run run = dnswatch(reportArguments(target));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(QStringLiteral("%1: is %2").arg(target, kind)),
                 qPrintable(run.output));
        struct stat info
        { };
        QCOMPARE(::lstat(native.constData(), &info), 0);
        QVERIFY(device ? S_ISCHR(info.st_mode) : S_ISFIFO(info.st_mode));
        // Nothing else beside it: no temporary file either.
        QCOMPARE(QDir(path(QStringLiteral("nodes")))
                         .entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{name});
        QVERIFY(QFile::remove(target));
    }

    // SIGTERM while a long report is read: its reads stop, and it exits 128 + 15 saying so and
    // leaves no file. Before, the signal killed it outright. The shutdown timeout is long, so
    // the end seen is the reads stopping, not the watchdog that ends a report past it.
    void sigtermStopsAReportWithoutAFile()
    {
        const QString big = path(QStringLiteral("big.db"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            // Enough rows that the CSV is still being read when the signal comes.
            HistoryDatabase db(QStringLiteral("big"));
            QVERIFY(db.open(big).ok);
            for (int chunk = 0; chunk < 30; ++chunk) {
                HistoryWriteBatch batch;
                for (int i = 0; i < 10'000; ++i) {
                    ProbeResult result;
                    result.time = now.addMSecs(-qint64(chunk * 10'000 + i) * 10 - 1000);
                    result.target = QStringLiteral("api");
                    result.resolution.host = QStringLiteral("api.lab.test");
                    result.resolution.source = ResolutionSource::Fresh;
                    result.resolution.addresses = ips({QStringLiteral("127.0.0.1")});
                    result.checked = true;
                    result.check.ok = true;
                    result.reachable = true;
                    batch.results.append(result);
                }
                QVERIFY(db.write(batch));
            }
        }
        QFile config(path(QStringLiteral("stop.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"history": {"shutdown_timeout_ms": 20000},)"
                     R"( "targets": [{"name": "api", "host": "api.lab.test"}]})");
        config.close();
        const QString out = path(QStringLiteral("stopped"));
        QVERIFY(QDir().mkpath(out));

        QProcess report;
        report.setProcessChannelMode(QProcess::MergedChannels);
        report.start(QStringLiteral(DNSWATCH_BINARY),
                     {QStringLiteral("--report"), QDir(out).filePath(QStringLiteral("big.csv")),
                      QStringLiteral("--db"), big, QStringLiteral("--config"), config.fileName(),
                      QStringLiteral("--last"), QStringLiteral("2h")});
        QVERIFY(report.waitForStarted());
        // Signalled once it has the history open, that is while it reads.
        QTRY_VERIFY_WITH_TIMEOUT(hasOpen(report.processId(), QFileInfo(big).canonicalFilePath())
                                         || report.state() == QProcess::NotRunning,
                                 30'000);
        QVERIFY2(report.state() == QProcess::Running, report.readAll().constData());
        report.terminate();
        // The configured 20 s and a generous margin for a loaded machine.
        QVERIFY(report.waitForFinished(60'000));
        const QByteArray output = report.readAll();
        QCOMPARE(report.exitStatus(), QProcess::NormalExit);
        QCOMPARE(report.exitCode(), 128 + SIGTERM);
        QVERIFY2(output.contains("stopped by SIGTERM: no report written"), output.constData());
        QVERIFY2(!output.contains("not ended within"), output.constData());
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
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

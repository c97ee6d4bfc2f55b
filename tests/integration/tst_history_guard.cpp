// The history's guards, with the real binary: a report refuses a damaged history (exit 2, in
// each of JSON and CSV) rather than leaving rows out; one writer per history (a second agent,
// or --once, is refused with the holder's pid; a report still reads beside the agent; after
// SIGKILL the file is free at once); and clear words for a history on a read-only file system
// (for writing and for reading) and for a --db that is not a regular file (/dev/null is left
// alone). The read-only cases mount a read-only bind mount and need root.
#include "binaryrun.h"
#include "dnsserverfixture.h"
#include "historyfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

class TestHistoryGuard : public QObject
{
    Q_OBJECT

private:
    using Run = BinaryRun;

    static Run dnswatch(const QStringList &arguments)
    {
        return runBinary(QStringLiteral(DNSWATCH_BINARY), arguments);
    }

    // An agent on db, started and listening (its first line said), or null.
    std::unique_ptr<QProcess> startAgent(const QString &db, QByteArray *output)
    {
        auto agent = std::make_unique<QProcess>();
        agent->setProcessChannelMode(QProcess::MergedChannels);
        agent->start(QStringLiteral(DNSWATCH_BINARY),
                     {QStringLiteral("--headless"), QStringLiteral("--config"), m_config,
                      QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(DnsServerFixture::freePort()),
                      QStringLiteral("--db"), db});
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((*output += agent->readAll()).contains("listening on")
                                             || agent->state() == QProcess::NotRunning,
                                     15000);
        }();
        *output += agent->readAll();
        return agent->state() == QProcess::Running ? std::move(agent) : nullptr;
    }

    static void stop(QProcess *agent)
    {
        agent->terminate();
        if (!agent->waitForFinished(15000))
            agent->kill();
    }

    QStringList once(const QString &db) const
    {
        return {QStringLiteral("--once"), QStringLiteral("--config"), m_config,
                QStringLiteral("--db"), db};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static bool run(const QString &program, const QStringList &arguments)
    {
        return runBinary(program, arguments, 30'000).exitCode == 0;
    }

    QTemporaryDir m_dir;
    QString m_config;
    DnsServerFixture m_dns;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=api.lab.test,127.0.0.1,60")},
                                    &error),
                 qPrintable(error));
        m_config = path(QStringLiteral("dnswatch.json"));
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"resolvers": [{"name": "lab", "servers": [")" + m_dns.server().toLatin1()
                     + R"("], "timeout_ms": 500, "attempts": 1}], "targets": [{"name": "api",)"
                       R"( "host": "api.lab.test", "resolver": "lab", "interval_s": 1,)"
                       R"( "check": {"type": "dns"}}]})");
    }

    void aReportRefusesADamagedHistory_data()
    {
        QTest::addColumn<QString>("report");
        QTest::newRow("json") << QStringLiteral("damaged.json");
        QTest::newRow("csv") << QStringLiteral("damaged.csv");
    }
    void aReportRefusesADamagedHistory()
    {
        QFETCH(QString, report);
        const QString db = path(QStringLiteral("damaged-%1.db").arg(report));
        QVERIFY(HistoryFiles::fill(db, 3000, QDateTime::currentDateTimeUtc()));
        QVERIFY(HistoryFiles::damagePages(db));
        const Run run = dnswatch({QStringLiteral("--report"), path(report), QStringLiteral("--db"),
                                  db, QStringLiteral("--last"), QStringLiteral("24h")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output().contains(QStringLiteral("--report: --db: %1: damaged: ").arg(db)),
                 qPrintable(run.output()));
        QVERIFY(!QFile::exists(path(report)));
    }

    void oneWriterPerHistory()
    {
        const QString db = path(QStringLiteral("shared.db"));
        QByteArray firstOutput;
        const auto first = startAgent(db, &firstOutput);
        QVERIFY2(first, firstOutput.constData());
        const auto stopFirst = qScopeGuard([&] { stop(first.get()); });

        QByteArray secondOutput;
        QVERIFY(!startAgent(db, &secondOutput));
        const QString said = QStringLiteral("--db: %1 is in use: another process (pid %2)")
                                     .arg(db)
                                     .arg(first->processId());
        QVERIFY2(secondOutput.contains(said.toUtf8()), secondOutput.constData());

        const Run oneRound = dnswatch(once(db));
        QCOMPARE(oneRound.exitCode, 2);
        QVERIFY2(oneRound.output().contains(said), qPrintable(oneRound.output()));

        // A report only reads: it works beside the agent (once the agent wrote a first batch).
        Run report;
        QTRY_VERIFY_WITH_TIMEOUT(
                (report = dnswatch({QStringLiteral("--report"), path(QStringLiteral("beside.json")),
                                    QStringLiteral("--db"), db, QStringLiteral("--last"),
                                    QStringLiteral("1h")}))
                                .exitCode
                        == 0,
                20000);
        QVERIFY2(report.output().contains(QStringLiteral("report: ")), qPrintable(report.output()));

        // The lock dies with its process: after SIGKILL the next agent starts at once.
        QVERIFY(first->state() == QProcess::Running);
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(10000));
        QByteArray thirdOutput;
        const auto third = startAgent(db, &thirdOutput);
        QVERIFY2(third, thirdOutput.constData());
        stop(third.get());
        QCOMPARE(third->exitCode(), 0);
    }

    void aReadOnlyFileSystemIsSaid()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: mounts a read-only bind mount");
        const QString source = path(QStringLiteral("writable"));
        const QString readOnly = path(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(source) && QDir().mkpath(readOnly));
        QVERIFY(HistoryFiles::fill(source + QStringLiteral("/h.db"), 100,
                                   QDateTime::currentDateTimeUtc()));
        QVERIFY(run(QStringLiteral("mount"), {QStringLiteral("--bind"), source, readOnly}));
        const auto unmount = qScopeGuard([&] {
            run(QStringLiteral("umount"), {QStringLiteral("-l"), readOnly});
        });
        QVERIFY(run(QStringLiteral("mount"),
                    {QStringLiteral("-o"), QStringLiteral("remount,ro,bind"), readOnly}));
        const QString db = readOnly + QStringLiteral("/h.db");

        // A writer: what is wrong and what it needs (not "attempt to write a readonly database").
        const Run oneRound = dnswatch(once(db));
        QCOMPARE(oneRound.exitCode, 2);
        QVERIFY2(oneRound.output().contains(
                         QStringLiteral("--db: %1 is on a read-only file system: the history is "
                                        "written, so it needs a file system mounted read-write")
                                 .arg(db)),
                 qPrintable(oneRound.output()));

        // A reader: why SQLite cannot open it (not "unable to open database file").
        const Run report = dnswatch({QStringLiteral("--report"), path(QStringLiteral("ro.json")),
                                     QStringLiteral("--db"), db});
        QCOMPARE(report.exitCode, 2);
        QVERIFY2(report.output().contains(
                         QStringLiteral("--report: --db: %1 is on a read-only file system, and "
                                        "reading a history needs SQLite's shared-memory file")
                                 .arg(db)),
                 qPrintable(report.output()));
    }

    void aDbThatIsNotARegularFileIsRefusedUntouched()
    {
        // An older build left SQLite's journal there: removed whatever the outcome.
        const QString journal = QStringLiteral("/dev/null-journal");
        QFile::remove(journal);
        const auto removeJournal = qScopeGuard([&] { QFile::remove(journal); });
        const Run oneRound = dnswatch(once(QStringLiteral("/dev/null")));
        QCOMPARE(oneRound.exitCode, 2);
        QVERIFY2(oneRound.output().contains(QStringLiteral(
                         "--db: /dev/null is not a regular file (it is a device, pipe or socket)")),
                 qPrintable(oneRound.output()));
        const Run report = dnswatch({QStringLiteral("--report"), path(QStringLiteral("null.json")),
                                     QStringLiteral("--db"), QStringLiteral("/dev/null")});
        QCOMPARE(report.exitCode, 2);
        QVERIFY2(report.output().contains(QStringLiteral("/dev/null is not a regular file")),
                 qPrintable(report.output()));
        const Run directory = dnswatch(once(m_dir.path()));
        QCOMPARE(directory.exitCode, 2);
        QVERIFY2(directory.output().contains(QStringLiteral("is not a regular file (it is a "
                                                            "directory)")),
                 qPrintable(directory.output()));

        QVERIFY(!QFile::exists(journal));
        struct stat null
        { };
        QVERIFY(::stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode));
        QVERIFY(!QFile::exists(QStringLiteral("/dev/null.lock")));
    }
};

QTEST_GUILESS_MAIN(TestHistoryGuard)
#include "tst_history_guard.moc"

// The agent's report schedule in-process on a ManualClock: a report each interval, none before,
// the first one interval after the newest already there, the newest N kept (by modification
// time, never the one just written, never a name from the future), and a report that cannot be
// written (a full disk) said and left out whole.
#include "clock.h"
#include "fulldiskfixture.h"
#include "probe/monitor.h"
#include "reportschedule.h"
#include "store/historystore.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

AppConfig oneTarget()
{
    return testConfig("{\"targets\": [{\"name\": \"api\", \"host\": \"api.test\"}]}");
}

QString reportName(const QDateTime &time)
{
    return ReportSchedule::fileNamePrefix()
            + time.toUTC().toString(QStringLiteral("yyyyMMddTHHmmssZ")) + QStringLiteral(".json");
}

} // namespace

class TestReportSchedule : public QObject
{
    Q_OBJECT

private:
    // The monitor's target is paused: moving the clock runs the schedule, never a probe of a
    // name nothing here serves.
    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<HistoryStore> m_store;

    QString reportDir(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(path);
        return path;
    }

    // An empty file named as a report of ours from that time, last modified at modified.
    static QString placeReport(const QString &directory, const QDateTime &named,
                               const QDateTime &modified)
    {
        QFile file(QDir(directory).filePath(reportName(named)));
        if (!file.open(QIODevice::WriteOnly)
            || !file.setFileTime(modified, QFileDevice::FileModificationTime))
            return QString();
        return file.fileName();
    }

private Q_SLOTS:
    void init()
    {
        m_monitor = std::make_unique<Monitor>(oneTarget(), EnvFallback(), MlflowCredentials(),
                                              &m_clock);
        m_monitor->pause(QStringLiteral("api"));
        m_store = std::make_unique<HistoryStore>(HistoryPolicy(), 3600, &m_clock);
        std::optional<SchemaReport> opened;
        m_store->open(m_dir.filePath(QStringLiteral("history-%1.db")
                                             .arg(QLatin1String(QTest::currentTestFunction()))),
                      [&](const SchemaReport &report) { opened = report; });
        QTRY_VERIFY(opened.has_value());
        QVERIFY2(opened->ok, qPrintable(opened->error));
    }

    void cleanup()
    {
        QVERIFY(m_store->close());
        m_store.reset();
        m_monitor.reset();
    }

    void writesOneReportEachIntervalAndKeepsTheNewest()
    {
        const QString directory = reportDir(QStringLiteral("every"));
        ReportSchedule schedule({60, directory, 2, ReportFormat::Json}, m_store.get(),
                                m_monitor.get());
        QSignalSpy written(&schedule, &ReportSchedule::written);
        QSignalSpy failed(&schedule, &ReportSchedule::failed);
        m_clock.advance(59'000);
        QCoreApplication::processEvents();
        QCOMPARE(written.size(), 0); // not before its interval
        QVERIFY(ReportSchedule::reportsIn(directory).isEmpty());

        m_clock.advance(1'000);
        QVERIFY(written.wait(10'000));
        const QString first = written.last().constFirst().toString();
        QCOMPARE(QFileInfo(first).fileName(), reportName(m_clock.wallTime()));
        QVERIFY(QFile::exists(first));

        for (int more = 0; more < 2; ++more) {
            m_clock.advance(60'000);
            QVERIFY(written.wait(10'000));
        }
        QCOMPARE(written.size(), 3);
        QCOMPARE(failed.size(), 0);
        // Two kept, the newest; the first is gone.
        QCOMPARE(ReportSchedule::reportsIn(directory),
                 QStringList({reportName(m_clock.wallTime()),
                              reportName(m_clock.wallTime().addSecs(-60))}));
        QVERIFY(!QFile::exists(first));
    }

    void firstReportComesOneIntervalAfterTheNewestThere()
    {
        const QString directory = reportDir(QStringLiteral("restart"));
        // A report of ours written 40 s ago (by an agent that restarted since), and a file whose
        // name is not ours, which the schedule never touches.
        QFile earlier(QDir(directory).filePath(reportName(m_clock.wallTime().addSecs(-40))));
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.close();
        QFile foreign(QDir(directory).filePath(QStringLiteral("dnswatch-report-notes.txt")));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.close();

        ReportSchedule schedule({60, directory, 1, ReportFormat::Csv}, m_store.get(),
                                m_monitor.get());
        QSignalSpy written(&schedule, &ReportSchedule::written);
        m_clock.advance(19'000);
        QCoreApplication::processEvents();
        QCOMPARE(written.size(), 0);
        m_clock.advance(1'000); // 60 s after the one already there
        QVERIFY(written.wait(10'000));
        QVERIFY(QFile::exists(foreign.fileName()));
        QVERIFY(!QFile::exists(earlier.fileName())); // keep 1: the newest only
    }

    void rotationKeepsWhatItWroteAndLeavesFutureNamesAlone()
    {
        const QString directory = reportDir(QStringLiteral("stray"));
        const QDateTime realNow = QDateTime::currentDateTimeUtc();
        // A stray named for 2099: not the schedule's. Before, its name sorted first and the
        // rotation deleted the report it had just written to keep it.
        const QString stray = placeReport(directory,
                                          QDateTime(QDate(2099, 12, 31), QTime(0, 0), Qt::UTC),
                                          realNow.addSecs(-7200));
        // Two of ours whose names disagree with when they were written: the later name was
        // modified an hour ago, the earlier one ten seconds ago. The real order wins.
        const QString modifiedLately = placeReport(directory, m_clock.wallTime().addSecs(-120),
                                                   realNow.addSecs(-10));
        const QString modifiedEarlier = placeReport(directory, m_clock.wallTime().addSecs(-60),
                                                    realNow.addSecs(-3600));
        QVERIFY(!stray.isEmpty() && !modifiedLately.isEmpty() && !modifiedEarlier.isEmpty());

        ReportSchedule schedule({600, directory, 2, ReportFormat::Json}, m_store.get(),
                                m_monitor.get());
        QSignalSpy written(&schedule, &ReportSchedule::written);
        QSignalSpy removed(&schedule, &ReportSchedule::removed);
        m_clock.advance(600'000 - 60'000); // one interval after the newest name not in the future
        QVERIFY(written.wait(10'000));
        const QString report = written.last().constFirst().toString();
        QVERIFY(QFile::exists(report)); // kept: it was just written
        QVERIFY(QFile::exists(stray)); // never deleted, never counted
        QVERIFY(QFile::exists(modifiedLately)); // the newest before it: keep 2
        QVERIFY(!QFile::exists(modifiedEarlier));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.constFirst().constFirst().toString(), modifiedEarlier);
    }

    void aFutureNameNeverPushesOutTheReportJustWritten()
    {
        // Before, with --report-keep 1, the stray's name sorted first: the rotation deleted the
        // report it had just written and kept the stray.
        const QString directory = reportDir(QStringLiteral("keep-one"));
        const QString stray = placeReport(directory,
                                          QDateTime(QDate(2099, 12, 31), QTime(0, 0), Qt::UTC),
                                          QDateTime::currentDateTimeUtc());
        QVERIFY(!stray.isEmpty());
        ReportSchedule schedule({60, directory, 1, ReportFormat::Json}, m_store.get(),
                                m_monitor.get());
        QSignalSpy written(&schedule, &ReportSchedule::written);
        QSignalSpy removed(&schedule, &ReportSchedule::removed);
        m_clock.advance(60'000);
        QVERIFY(written.wait(10'000));
        QVERIFY(QFile::exists(written.last().constFirst().toString()));
        QVERIFY(QFile::exists(stray));
        QCOMPARE(removed.size(), 0);
    }

    void aReportThatCannotBeWrittenIsSaidAndLeavesNoFile()
    {
        if (!FullDiskFixture::isRoot())
            QSKIP("mounting a full tmpfs needs root");
        FullDiskFixture disk;
        QString error;
        QVERIFY2(disk.mount(m_dir.filePath(QStringLiteral("full")), 0, &error), qPrintable(error));
        for (const ReportFormat format : {ReportFormat::Json, ReportFormat::Csv}) {
            ReportSchedule schedule({60, disk.path(), 2, format}, m_store.get(), m_monitor.get());
            QSignalSpy written(&schedule, &ReportSchedule::written);
            QSignalSpy failed(&schedule, &ReportSchedule::failed);
            m_clock.advance(60'000);
            QVERIFY(failed.wait(10'000));
            QCOMPARE(written.size(), 0);
            const QString why = failed.last().constFirst().toString();
            QVERIFY2(why.contains(QLatin1String("No space left on device")), qPrintable(why));
            QVERIFY2(why.contains(disk.path()), qPrintable(why));
            // Neither the report nor a temporary file: only the filler.
            QCOMPARE(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
                     QStringList{QStringLiteral("filler")});
        }
        QVERIFY(disk.unmount());
    }
};

QTEST_GUILESS_MAIN(TestReportSchedule)
#include "tst_reportschedule.moc"

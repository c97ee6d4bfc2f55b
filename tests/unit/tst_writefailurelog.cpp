// What is said about writes that keep failing, on a manual clock: the first failure with its
// reason, nothing more within the minute, then one summary with the count, and one line when a
// write works again. (A real full disk under the history store: tst_history_fulldisk.)
#include "clock.h"
#include "store/writefailurelog.h"

#include <QTest>

class TestWriteFailureLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysTheFirstThenSumsUpThenRecovers()
    {
        ManualClock clock;
        WriteFailureLog log(&clock);
        QCOMPARE(log.succeeded(), QString()); // nothing failed: nothing to say
        QCOMPARE(log.failed(QStringLiteral("database or disk is full")),
                 QStringLiteral("history writes failing, kept to try again: database or disk is "
                                "full"));
        const QString firstSaidAt = clock.wallTime().toString(Qt::ISODate);
        for (int i = 0; i < 279; ++i) {
            clock.advance(200);
            QCOMPARE(log.failed(QStringLiteral("database or disk is full")), QString());
        }
        clock.advance(WriteFailureLog::DefaultSummaryIntervalMs);
        QCOMPARE(log.failed(QStringLiteral("disk I/O error")),
                 QStringLiteral("history writes failing: 280 more since %1, kept to try again: "
                                "disk I/O error")
                         .arg(firstSaidAt));
        clock.advance(1000);
        QCOMPARE(log.failed(QStringLiteral("disk I/O error")), QString());
        QVERIFY(log.failing());
        QCOMPARE(log.succeeded(), QStringLiteral("history writes recovered after 282 failure(s)"));
        QVERIFY(!log.failing());
        QCOMPARE(log.succeeded(), QString());
        // A new run of failures starts with its reason again.
        QVERIFY(log.failed(QStringLiteral("database is locked")).contains(QStringLiteral("locked")));
    }
};

QTEST_GUILESS_MAIN(TestWriteFailureLog)
#include "tst_writefailurelog.moc"

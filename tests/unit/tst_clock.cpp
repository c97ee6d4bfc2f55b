#include "clock.h"

#include <QTest>

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualClockRunsCallsInDeadlineOrder()
    {
        ManualClock clock;
        QObject context;
        QList<int> order;
        const qint64 start = clock.nowMs();
        clock.callAfter(300, &context, [&] { order.append(3); });
        clock.callAfter(100, &context, [&] { order.append(1); });
        clock.callAfter(200, &context, [&] {
            order.append(2);
            QCOMPARE(clock.nowMs(), start + 200); // each call sees its own deadline as now
        });
        clock.advance(250);
        QCOMPARE(order, QList<int>({1, 2}));
        clock.advance(50);
        QCOMPARE(order, QList<int>({1, 2, 3}));
        QCOMPARE(clock.pendingCalls(), 0);
    }

    void cancelledAndOrphanedCallsDoNotRun()
    {
        ManualClock clock;
        int runs = 0;
        QObject kept;
        auto *dropped = new QObject;
        const Clock::TimerId id = clock.callAfter(10, &kept, [&] { ++runs; });
        clock.callAfter(10, dropped, [&] { ++runs; });
        clock.callAfter(10, &kept, [&] { runs += 10; });
        clock.cancel(id);
        delete dropped;
        clock.advance(10);
        QCOMPARE(runs, 10);
    }

    void callsScheduledFromCallsRunWhenDue()
    {
        ManualClock clock;
        QObject context;
        QList<qint64> times;
        clock.callAfter(10, &context, [&] {
            times.append(clock.nowMs());
            clock.callAfter(10, &context, [&] { times.append(clock.nowMs()); });
        });
        const qint64 start = clock.nowMs();
        clock.advance(100);
        QCOMPARE(times, QList<qint64>({start + 10, start + 20}));
    }

    void wallTimeMovesWithManualTime()
    {
        ManualClock clock;
        const QDateTime before = clock.wallTime();
        clock.advance(90'000);
        QCOMPARE(before.secsTo(clock.wallTime()), 90);
        QCOMPARE(clock.wallTime().timeSpec(), Qt::UTC);
    }

    void systemClockFiresOnTheEventLoop()
    {
        SystemClock clock;
        QObject context;
        bool fired = false;
        const qint64 start = clock.nowMs();
        qint64 firedAt = 0;
        clock.callAfter(30, &context, [&] {
            fired = true;
            firedAt = clock.nowMs();
        });
        QVERIFY(!fired);
        QTRY_VERIFY(fired);
        QVERIFY(firedAt - start >= 30);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"

#include "clock.h"

#include <QTest>

#include <memory>

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

    void intervalsKeepTheirCadenceUntilStopped()
    {
        ManualClock clock;
        QList<qint64> times;
        const qint64 start = clock.nowMs();
        auto every = std::make_unique<ClockInterval>(&clock, 10,
                                                     [&] { times.append(clock.nowMs() - start); });
        QVERIFY(!every->isActive());
        every->start();
        QVERIFY(every->isActive());
        clock.advance(35);
        QCOMPARE(times, QList<qint64>({10, 20, 30}));
        every->stop();
        clock.advance(100);
        QCOMPARE(times.size(), 3);
        every->start(); // again: one interval from now
        clock.advance(15);
        QCOMPARE(times.constLast(), 145);
        every.reset(); // gone: its call with it
        QCOMPARE(clock.pendingCalls(), 0);
        clock.advance(100);
        QCOMPARE(times.size(), 4);

        // Stopped from its own call: no more after it.
        int calls = 0;
        ClockInterval once(&clock, 10, [&] {
            ++calls;
            once.stop();
        });
        once.start();
        clock.advance(100);
        QCOMPARE(calls, 1);
        QVERIFY(!once.isActive());
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

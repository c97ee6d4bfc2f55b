// The probe cadence on a manual clock: jitter, backoff after failures, the concurrency cap,
// pause/resume and probe-now, without sleeping.
#include "clock.h"
#include "probe/probescheduler.h"

#include <QTest>

using Outcome = ProbeScheduler::Outcome;

class TestProbeScheduler : public QObject
{
    Q_OBJECT

private:
    // A scheduler whose probes wait until the test finishes them.
    struct Rig
    {
        explicit Rig(ProbeScheduler::Options options = {})
            : scheduler(options, &clock,
                        [this](const QString &target, std::function<void(Outcome)> done) {
                            starts.append({target, clock.nowMs()});
                            pending.insert(target, std::move(done));
                        })
        { }
        bool finish(const QString &target, Outcome outcome)
        {
            auto done = pending.take(target);
            if (!done)
                return false;
            done(outcome);
            return true;
        }
        // The clock at each start of target.
        QList<qint64> startsOf(const QString &target) const
        {
            QList<qint64> times;
            for (const auto &start : starts) {
                if (start.first == target)
                    times.append(start.second);
            }
            return times;
        }

        ManualClock clock;
        ProbeScheduler scheduler;
        QList<QPair<QString, qint64>> starts;
        QHash<QString, std::function<void(Outcome)>> pending;
    };

private Q_SLOTS:
    void firstProbesSpreadOverATenthOfTheInterval()
    {
        Rig rig;
        const qint64 t0 = rig.clock.nowMs();
        for (int i = 0; i < 10; ++i)
            rig.scheduler.setTarget(QStringLiteral("t%1").arg(i), 10'000);
        QVERIFY(rig.starts.isEmpty());
        rig.clock.advance(1000);
        QCOMPARE(rig.starts.size(), 10);
        for (const auto &start : std::as_const(rig.starts))
            QVERIFY(start.second - t0 <= 1000);
    }

    void nextDueIsWithinTenPercent()
    {
        Rig rig;
        rig.scheduler.setTarget(QStringLiteral("a"), 10'000);
        QSet<qint64> offsets;
        for (int round = 0; round < 40; ++round) {
            rig.clock.advance(20'000);
            const qint64 finishedAt = rig.clock.nowMs();
            QVERIFY(rig.finish(QStringLiteral("a"), Outcome::Success));
            const qint64 offset = rig.scheduler.nextDueMs(QStringLiteral("a")).value_or(-1)
                    - finishedAt;
            QVERIFY2(offset >= 9000 && offset <= 11'000, qPrintable(QString::number(offset)));
            offsets.insert(offset);
        }
        QVERIFY2(offsets.size() > 10, "the delays should vary, not repeat one value");
    }

    void failuresBackOffExponentiallyThenRecover()
    {
        ProbeScheduler::Options options;
        options.retryInitialMs = 1000;
        options.retryMaxMs = 8000;
        Rig rig(options);
        rig.scheduler.setTarget(QStringLiteral("a"), 60'000);
        rig.clock.advance(6000);
        const QList<qint64> bases = {1000, 2000, 4000, 8000, 8000};
        for (qint64 base : bases) {
            const qint64 failedAt = rig.clock.nowMs();
            QVERIFY(rig.finish(QStringLiteral("a"), Outcome::Failure));
            const qint64 delay = rig.scheduler.nextDueMs(QStringLiteral("a")).value_or(-1)
                    - failedAt;
            QVERIFY2(delay >= base * 9 / 10 && delay <= base * 11 / 10,
                     qPrintable(QStringLiteral("%1 for base %2").arg(delay).arg(base)));
            rig.clock.advance(delay);
        }
        QCOMPARE(rig.scheduler.consecutiveFailures(QStringLiteral("a")), 5);
        const qint64 recoveredAt = rig.clock.nowMs();
        QVERIFY(rig.finish(QStringLiteral("a"), Outcome::Success));
        QCOMPARE(rig.scheduler.consecutiveFailures(QStringLiteral("a")), 0);
        const qint64 delay = rig.scheduler.nextDueMs(QStringLiteral("a")).value_or(-1)
                - recoveredAt;
        QVERIFY(delay >= 54'000 && delay <= 66'000); // back to the normal cadence
    }

    void concurrencyIsCappedAndQueueIsFifo()
    {
        ProbeScheduler::Options options;
        options.maxConcurrent = 2;
        Rig rig(options);
        for (const QString &name :
             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")})
            rig.scheduler.setTarget(name, 10'000);
        rig.clock.advance(1000);
        QCOMPARE(rig.scheduler.running(), 2);
        QCOMPARE(rig.scheduler.queued(), 2);
        QCOMPARE(rig.starts.size(), 2);
        const QString first = rig.starts[0].first;
        QVERIFY(rig.finish(first, Outcome::Success));
        QCOMPARE(rig.starts.size(), 3); // the next in line starts as soon as a slot is free
        QCOMPARE(rig.scheduler.running(), 2);
        QCOMPARE(rig.scheduler.queued(), 1);
    }

    void pausedTargetsAreNotProbedUntilResumed()
    {
        Rig rig;
        rig.scheduler.setTarget(QStringLiteral("a"), 1000);
        rig.scheduler.setTarget(QStringLiteral("b"), 1000);
        rig.scheduler.pause(QStringLiteral("a"));
        QVERIFY(rig.scheduler.isPaused(QStringLiteral("a")));
        for (int i = 0; i < 10; ++i) {
            rig.clock.advance(1200);
            rig.finish(QStringLiteral("b"), Outcome::Success);
        }
        QVERIFY(rig.startsOf(QStringLiteral("a")).isEmpty());
        QVERIFY(rig.startsOf(QStringLiteral("b")).size() >= 8);
        rig.scheduler.resume(QStringLiteral("a"));
        rig.clock.advance(0);
        QCOMPARE(rig.startsOf(QStringLiteral("a")).size(), 1); // at once after resuming

        rig.scheduler.pauseAll();
        rig.finish(QStringLiteral("a"), Outcome::Success);
        rig.finish(QStringLiteral("b"), Outcome::Success);
        const int before = int(rig.starts.size());
        rig.clock.advance(60'000);
        QCOMPARE(int(rig.starts.size()), before);
        rig.scheduler.resumeAll();
        rig.clock.advance(0);
        QCOMPARE(int(rig.starts.size()), before + 2);
    }

    void pausingAQueuedTargetKeepsItFromStarting()
    {
        ProbeScheduler::Options options;
        options.maxConcurrent = 1;
        Rig rig(options);
        rig.scheduler.setTarget(QStringLiteral("a"), 10'000);
        rig.scheduler.setTarget(QStringLiteral("b"), 10'000);
        rig.clock.advance(1000);
        QCOMPARE(rig.scheduler.queued(), 1);
        const QString waiting = rig.starts[0].first == QLatin1String("a") ? QStringLiteral("b")
                                                                          : QStringLiteral("a");
        rig.scheduler.pause(waiting);
        QCOMPARE(rig.scheduler.queued(), 0);
        rig.finish(rig.starts[0].first, Outcome::Success);
        QVERIFY(rig.startsOf(waiting).isEmpty()); // the freed slot did not go to it
    }

    void probesThatEndAtOnceDoNotNest()
    {
        // A probe function that answers synchronously (a cached answer) for many queued targets.
        ManualClock clock;
        int depth = 0, deepest = 0, runs = 0;
        ProbeScheduler::Options options;
        options.maxConcurrent = 1;
        ProbeScheduler scheduler(options, &clock,
                                 [&](const QString &, std::function<void(Outcome)> done) {
                                     ++runs;
                                     ++depth;
                                     deepest = qMax(deepest, depth);
                                     done(Outcome::Success);
                                     --depth;
                                 });
        for (int i = 0; i < 200; ++i)
            scheduler.setTarget(QStringLiteral("t%1").arg(i), 10'000);
        clock.advance(1000);
        QCOMPARE(runs, 200);
        QCOMPARE(deepest, 1);
    }

    void probeNowRunsAtOnceEvenWhenPaused()
    {
        Rig rig;
        rig.scheduler.setTarget(QStringLiteral("a"), 60'000);
        rig.clock.advance(6000);
        rig.finish(QStringLiteral("a"), Outcome::Success);
        rig.scheduler.pause(QStringLiteral("a"));
        rig.scheduler.probeNow(QStringLiteral("a"));
        QCOMPARE(rig.startsOf(QStringLiteral("a")).size(), 2);
        rig.scheduler.probeNow(QStringLiteral("a")); // already running: no second probe
        QCOMPARE(rig.startsOf(QStringLiteral("a")).size(), 2);
        rig.finish(QStringLiteral("a"), Outcome::Success);
        QVERIFY(!rig.scheduler.nextDueMs(QStringLiteral("a"))); // still paused: nothing due
    }

    void changedTargetKeepsItsStateAndRemovedOneFreesItsSlot()
    {
        ProbeScheduler::Options options;
        options.maxConcurrent = 1;
        Rig rig(options);
        rig.scheduler.setTarget(QStringLiteral("a"), 10'000);
        rig.clock.advance(1000);
        rig.finish(QStringLiteral("a"), Outcome::Failure);
        rig.scheduler.setTarget(QStringLiteral("a"), 20'000); // a config reload
        QCOMPARE(rig.scheduler.consecutiveFailures(QStringLiteral("a")), 1);

        rig.scheduler.setTarget(QStringLiteral("b"), 10'000);
        rig.scheduler.probeNow(QStringLiteral("a"));
        QCOMPARE(rig.scheduler.running(), 1);
        rig.scheduler.removeTarget(QStringLiteral("a")); // removed while its probe runs
        rig.finish(QStringLiteral("a"), Outcome::Success);
        QCOMPARE(rig.scheduler.running(), 0);
        QVERIFY(!rig.scheduler.targets().contains(QStringLiteral("a")));
        rig.clock.advance(2000);
        QCOMPARE(rig.startsOf(QStringLiteral("b")).size(), 1); // the slot was freed for b
    }
};

QTEST_GUILESS_MAIN(TestProbeScheduler)
#include "tst_probescheduler.moc"

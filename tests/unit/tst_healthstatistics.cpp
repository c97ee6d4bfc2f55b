// Health statistics from known probe histories on a manual clock: exact rates, histogram
// quantiles, time in fallback, states and readiness.
#include "clock.h"
#include "probe/healthstatistics.h"

#include <QSignalSpy>
#include <QTest>

namespace {
ProbeResult probe(const QString &target, ResolutionSource source, bool reachable,
                  qint64 dnsUs = 1000, qint64 checkUs = 2000)
{
    ProbeResult result;
    result.target = target;
    result.resolution.source = source;
    if (source != ResolutionSource::None)
        result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    result.resolution.cause = isFallbackSource(source) || source == ResolutionSource::None
            ? FailureCause::Timeout
            : FailureCause::None;
    result.resolution.latencyUs = dnsUs;
    result.checked = source != ResolutionSource::None;
    result.check.ok = reachable;
    result.check.latencyUs = checkUs;
    result.check.detail = reachable ? QString() : QStringLiteral("connection refused");
    result.reachable = reachable;
    return result;
}

TargetConfig target(const QString &name, bool critical = true)
{
    TargetConfig config;
    config.name = name;
    config.critical = critical;
    return config;
}
} // namespace

class TestHealthStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastCountsFillTheWindowsTheyFallIn()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        const QDateTime now = clock.wallTime();
        const auto counts = [](quint32 probes, quint32 ok) { return WindowCounts{ok, ok, probes}; };
        stats.restorePast({
                {QStringLiteral("api"), now.addSecs(-30 * 60), 60, counts(6, 5)}, // last hour
                {QStringLiteral("api"), now.addSecs(-3 * 60), 60, counts(6, 6)}, // last 5 min
                {QStringLiteral("api"), now.addSecs(-5 * 3600), 3600, counts(360, 300)}, // day
                {QStringLiteral("api"), now.addSecs(-25 * 3600), 3600, counts(360, 0)}, // too old
                {QStringLiteral("gone"), now.addSecs(-60), 60, counts(6, 0)}, // not a target
        });
        const TargetHealth health = stats.health(QStringLiteral("api"));
        QCOMPARE(health.windows[TargetHealth::OneMinute].probes, 0u);
        QCOMPARE(health.windows[TargetHealth::FiveMinutes].probes, 6u);
        QCOMPARE(health.windows[TargetHealth::OneHour].probes, 12u);
        QCOMPARE(health.windows[TargetHealth::OneHour].checkOk, 11u);
        QCOMPARE(health.windows[TargetHealth::OneDay].probes, 372u);
        QCOMPARE(health.windows[TargetHealth::OneDay].dnsOk, 311u);
        QCOMPARE(health.total.probes, 0u); // counters start anew
        QCOMPARE(health.state, TargetState::Unknown);
        // A new probe adds to what came back; time moves the old counts out as usual.
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        QCOMPARE(stats.health(QStringLiteral("api")).windows[TargetHealth::OneHour].probes, 13u);
        clock.advance(31 * 60'000); // the stretch from 30 min ago leaves the hour
        QCOMPARE(stats.health(QStringLiteral("api")).windows[TargetHealth::OneHour].probes, 7u);
    }

    void ratesOverEachWindowAreExact()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        // 100 probes, one a minute: numbers 0-9 fail outright, the rest are fresh and fine.
        for (int i = 0; i < 100; ++i) {
            stats.record(probe(QStringLiteral("api"),
                               i < 10 ? ResolutionSource::None : ResolutionSource::Fresh, i >= 10));
            clock.advance(60'000);
        }
        const TargetHealth health = stats.health(QStringLiteral("api"));
        const WindowCounts &day = health.windows[TargetHealth::OneDay];
        QCOMPARE(day.probes, 100u);
        QCOMPARE(day.checkOk, 90u);
        QCOMPARE(day.dnsRate(), 0.9);
        QCOMPARE(health.total.checkOk, 90u);
        // The last hour holds the last 60 probes or so (bucket edges), all of them fine.
        const WindowCounts &hour = health.windows[TargetHealth::OneHour];
        QVERIFY2(hour.probes >= 59 && hour.probes <= 61, qPrintable(QString::number(hour.probes)));
        QCOMPARE(hour.checkRate(), 1.0);
        QVERIFY(health.windows[TargetHealth::FiveMinutes].probes >= 4
                && health.windows[TargetHealth::FiveMinutes].probes <= 6);
        QVERIFY(health.windows[TargetHealth::OneMinute].probes <= 2);
        QCOMPARE(TargetHealth::windowName(TargetHealth::OneDay), QStringLiteral("24h"));
        // Old results leave the windows as time goes on.
        clock.advance(24LL * 3600 * 1000);
        QCOMPARE(stats.health(QStringLiteral("api")).windows[TargetHealth::OneDay].probes, 0u);
    }

    // Where a target requires validation, an unvalidated answer is no DNS success (as an
    // unexpected one is none), though its addresses are used; its Extended DNS Errors are
    // counted by code, once a probe.
    void unvalidatedAnswersAreNoDnsSuccess()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        ProbeResult unvalidated = probe(QStringLiteral("api"), ResolutionSource::Fresh, true);
        unvalidated.resolution.cause = FailureCause::NotValidated;
        unvalidated.resolution.validation = DnssecValidation::NotValidated;
        unvalidated.resolution.extendedErrors = {{3, QString()}, {3, QStringLiteral("again")}};
        QVERIFY(!unvalidated.dnsAnswered());
        stats.record(unvalidated);
        ProbeResult cached = probe(QStringLiteral("api"), ResolutionSource::Cache, true);
        cached.resolution.extendedErrors = {{3, QString()}, {6, QString()}};
        stats.record(cached);
        const TargetHealth health = stats.health(QStringLiteral("api"));
        QCOMPARE(health.total.probes, 3u);
        QCOMPARE(health.total.dnsOk, 2u);
        QCOMPARE(health.total.checkOk, 3u);
        QCOMPARE(health.windows[TargetHealth::FiveMinutes].dnsOk, 2u);
        QCOMPARE(health.extendedErrors.value(3), 2u);
        QCOMPARE(health.extendedErrors.value(6), 1u);
        QCOMPARE(health.extendedErrors.size(), 2);
    }

    void histogramQuantiles_data()
    {
        QTest::addColumn<double>("sample");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("3 ms") << 0.003 << 0.0025 << 0.005;
        QTest::newRow("300 ms") << 0.3 << 0.25 << 0.5;
        QTest::newRow("beyond 10 s") << 42.0 << 10.0 << 10.0;
    }
    void histogramQuantiles()
    {
        QFETCH(double, sample);
        QFETCH(double, low);
        QFETCH(double, high);
        LatencyHistogram histogram;
        QCOMPARE(histogram.quantile(0.5), 0.0);
        for (int i = 0; i < 100; ++i)
            histogram.add(sample);
        for (double q : {0.5, 0.95, 0.99}) {
            const double value = histogram.quantile(q);
            QVERIFY2(value >= low && value <= high, qPrintable(QString::number(value)));
        }
        QCOMPARE(histogram.count(), 100u);
        QCOMPARE(histogram.cumulativeCount(int(LatencyHistogram::UpperBounds.size())), 100u);
    }

    void quantilesSplitAMixedHistory()
    {
        LatencyHistogram histogram;
        for (int i = 0; i < 90; ++i)
            histogram.add(0.002); // fast
        for (int i = 0; i < 10; ++i)
            histogram.add(0.8); // slow tail
        QVERIFY(histogram.quantile(0.5) <= 0.0025);
        QVERIFY(histogram.quantile(0.95) > 0.5 && histogram.quantile(0.95) <= 1.0);
        QCOMPARE(histogram.cumulativeCount(2), 90u); // <= 2.5 ms
    }

    void statesFollowResultsAndAreSignalled()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        QSignalSpy changes(&stats, &HealthStatistics::stateChanged);
        QCOMPARE(stats.health(QStringLiteral("api")).state, TargetState::Unknown);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Cache, true)); // no change
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Stale, true));
        stats.record(probe(QStringLiteral("api"), ResolutionSource::None, false));
        stats.setPaused(QStringLiteral("api"), true);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true)); // probe now
        stats.setPaused(QStringLiteral("api"), false);
        QList<TargetState> seen;
        for (const QList<QVariant> &change : changes)
            seen.append(change[2].value<TargetState>());
        QCOMPARE(seen,
                 QList<TargetState>({TargetState::Healthy, TargetState::Degraded, TargetState::Down,
                                     TargetState::Paused, TargetState::Healthy}));
        // Resuming re-reads the last result; it does not count it again.
        QCOMPARE(stats.health(QStringLiteral("api")).total.probes, 5u);
        QVERIFY(changes[2][3].toString().contains(QStringLiteral("timeout")));
        QCOMPARE(targetStateName(TargetState::Degraded), QStringLiteral("degraded"));
    }

    void targetsAreCountedByState()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("a")), target(QStringLiteral("b")),
                          target(QStringLiteral("c"))});
        QCOMPARE(stats.countInState(TargetState::Unknown), 3);
        stats.record(probe(QStringLiteral("a"), ResolutionSource::Stale, true));
        stats.record(probe(QStringLiteral("b"), ResolutionSource::Pinned, true));
        stats.record(probe(QStringLiteral("c"), ResolutionSource::None, false));
        QCOMPARE(stats.countInState(TargetState::Degraded), 2);
        QCOMPARE(stats.countInState(TargetState::Down), 1);
        QCOMPARE(stats.countInState(TargetState::Unknown), 0);
    }

    void windowsFollowResultsWithinOneBucket()
    {
        // The sums are kept between 10 s buckets; a result inside one still counts at once.
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        for (int i = 1; i <= 3; ++i) {
            stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, i != 2));
            const TargetHealth health = stats.health(QStringLiteral("api"));
            QCOMPARE(health.windows[TargetHealth::OneMinute].probes, quint32(i));
            QCOMPARE(health.windows[TargetHealth::OneDay].probes, quint32(i));
            clock.advance(1000);
        }
        QCOMPARE(stats.health(QStringLiteral("api")).windows[TargetHealth::OneMinute].checkOk, 2u);
        clock.advance(60'000); // out of the minute, still in the day
        const TargetHealth later = stats.health(QStringLiteral("api"));
        QCOMPARE(later.windows[TargetHealth::OneMinute].probes, 0u);
        QCOMPARE(later.windows[TargetHealth::OneDay].probes, 3u);
    }

    void theDayTurnsOverInFiveMinuteSteps()
    {
        // A result stays in the 24 h window at least 23 h 55 min and never past 24 h: the day
        // is kept in 5 min buckets.
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        // The probe 4 min into a 5 min bucket, on a whole minute: it leaves 23 h 56 min later,
        // where minute buckets would keep it until 24 h.
        clock.advance((300'000 + 240'000 - clock.nowMs() % 300'000) % 300'000);
        QCOMPARE(clock.nowMs() % 300'000, 240'000);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        const auto dayProbes = [&] {
            return stats.health(QStringLiteral("api")).windows[TargetHealth::OneDay].probes;
        };
        clock.advance((23 * 60 + 56) * 60'000LL - 1);
        QCOMPARE(dayProbes(), 1u);
        clock.advance(1);
        QCOMPARE(dayProbes(), 0u);
    }

    void timeInFallbackAndEntriesByTier()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api"))});
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Stale, true));
        clock.advance(10'000);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Stale, true));
        clock.advance(10'000);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Pinned, false));
        clock.advance(10'000);
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        clock.advance(10'000);
        const TargetHealth health = stats.health(QStringLiteral("api"));
        QCOMPARE(health.fallbackMs, 30'000); // from the first stale answer to the fresh one
        QCOMPARE(health.fallbackEntries.value(ResolutionSource::Stale), 1u);
        QCOMPARE(health.fallbackEntries.value(ResolutionSource::Pinned), 1u);
        QCOMPARE(health.keptReachableByFallback, 2u); // the pinned probe was not reachable
    }

    void readinessCountsCriticalTargetsOnly()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("api")), target(QStringLiteral("db")),
                          target(QStringLiteral("extra"), /*critical=*/false)});
        QStringList why;
        QVERIFY(!stats.ready(&why));
        QCOMPARE(why,
                 QStringList({QStringLiteral("api: not probed yet"),
                              QStringLiteral("db: not probed yet")}));
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        stats.record(
                probe(QStringLiteral("db"), ResolutionSource::Pinned, true)); // fallback counts
        stats.record(probe(QStringLiteral("extra"), ResolutionSource::None, false));
        QVERIFY(stats.ready());
        stats.record(probe(QStringLiteral("db"), ResolutionSource::Fresh, false));
        why.clear();
        QVERIFY(!stats.ready(&why));
        QCOMPARE(why, QStringList{QStringLiteral("db: connection refused")});
    }

    void anOutdatedResultIsNotReadiness()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        TargetConfig api = target(QStringLiteral("api"));
        api.intervalS = 10;
        stats.setTargets({api});
        stats.record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true));
        clock.advance(3 * 10'000 + 60'000);
        QVERIFY(stats.ready()); // just within 3 intervals + 1 min
        clock.advance(1000);
        QStringList why;
        QVERIFY(!stats.ready(&why)); // no news for too long: a probe is stuck
        QCOMPARE(why, QStringList{QStringLiteral("api: no probe result for 91 s")});
        stats.setPaused(QStringLiteral("api"), true);
        QVERIFY(stats.ready()); // paused on purpose: the last word stands
    }

    void removedTargetsAreDroppedAndStayingOnesKept()
    {
        ManualClock clock;
        HealthStatistics stats(&clock);
        stats.setTargets({target(QStringLiteral("a")), target(QStringLiteral("b"))});
        stats.record(probe(QStringLiteral("a"), ResolutionSource::Fresh, true));
        stats.setTargets({target(QStringLiteral("a"), false)});
        QCOMPARE(stats.all().size(), 1);
        QCOMPARE(stats.health(QStringLiteral("a")).windows[TargetHealth::OneDay].probes, 1u);
        QVERIFY(!stats.health(QStringLiteral("a")).critical);
    }
};

QTEST_GUILESS_MAIN(TestHealthStatistics)
#include "tst_healthstatistics.moc"

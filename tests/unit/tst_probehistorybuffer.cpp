// The recent results kept in memory, summed into buckets as the history sums its rows: the same
// alignment (multiples of the width since the epoch), the same counts, only buckets with probes.
#include "probe/probehistorybuffer.h"

#include <QTest>

class TestProbeHistoryBuffer : public QObject
{
    Q_OBJECT

private:
    static ProbeResult result(const QString &target, const QDateTime &time, bool dnsOk,
                              bool reachable)
    {
        ProbeResult probe;
        probe.target = target;
        probe.time = time;
        probe.resolution.source = dnsOk ? ResolutionSource::Fresh : ResolutionSource::Stale;
        probe.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
        probe.resolution.latencyUs = 2000;
        probe.checked = true;
        probe.reachable = reachable;
        probe.check.latencyUs = 5000;
        return probe;
    }

private Q_SLOTS:
    void sumsIntoAlignedBuckets()
    {
        ProbeHistoryBuffer buffer;
        const QDateTime start(QDate(2026, 12, 6), QTime(10, 0, 50), Qt::UTC);
        buffer.add(result(QStringLiteral("api"), start, true, true)); // 10:00:50
        buffer.add(result(QStringLiteral("api"), start.addSecs(5), true, false)); // 10:00:55
        buffer.add(result(QStringLiteral("api"), start.addSecs(20), false, true)); // 10:01:10
        buffer.add(result(QStringLiteral("other"), start.addSecs(21), true, true));
        buffer.add(result(QStringLiteral("api"), start.addSecs(200), true, true)); // 10:04:10

        const QList<HistoryBucket> buckets = buffer.buckets(
                QStringLiteral("api"), start.addSecs(-50), start.addSecs(190), 60);
        QCOMPARE(buckets.size(), 2); // 10:00 and 10:01; 10:04 is past the end
        QCOMPARE(buckets[0].start, QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
        QCOMPARE(buckets[0].widthS, 60);
        QCOMPARE(buckets[0].probes, 2);
        QCOMPARE(buckets[0].dnsOk, 2);
        QCOMPARE(buckets[0].checks, 2);
        QCOMPARE(buckets[0].checkOk, 1);
        QCOMPARE(buckets[0].viaFallback, 0);
        QCOMPARE(buckets[0].dnsLatencySumUs, 4000);
        QCOMPARE(buckets[0].checkLatencyMaxUs, 5000);
        QCOMPARE(buckets[0].dnsLatency.count(), 2u);
        QCOMPARE(buckets[1].start, QDateTime(QDate(2026, 12, 6), QTime(10, 1), Qt::UTC));
        QCOMPARE(buckets[1].probes, 1);
        QCOMPARE(buckets[1].dnsOk, 0);
        QCOMPARE(buckets[1].viaFallback, 1);
        QCOMPARE(buckets[1].target, QStringLiteral("api"));
    }

    void widthsNotDividingAMinute()
    {
        ProbeHistoryBuffer buffer;
        const QDateTime start(QDate(2026, 12, 6), QTime(10, 0, 0), Qt::UTC);
        for (int s = 0; s < 10; ++s)
            buffer.add(result(QStringLiteral("api"), start.addSecs(s), true, true));
        const QList<HistoryBucket> buckets = buffer.buckets(QStringLiteral("api"), start,
                                                            start.addSecs(10), 7);
        // 10:00:00 is 1796551200 s since the epoch, 3 s past a multiple of 7.
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets[0].start, start.addSecs(-3));
        QCOMPARE(buckets[0].probes, 4);
        QCOMPARE(buckets[1].probes, 6);
    }

    void unknownTargetHasNone()
    {
        const ProbeHistoryBuffer buffer;
        QVERIFY(buffer.buckets(QStringLiteral("x"), QDateTime::currentDateTimeUtc().addSecs(-60),
                               QDateTime::currentDateTimeUtc(), 60)
                        .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProbeHistoryBuffer)
#include "tst_probehistorybuffer.moc"

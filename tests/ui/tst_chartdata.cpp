// What the charts draw, checked against known inputs: exact p50/p95 per bucket from the recent
// results, histogram quantiles from the history (and the mean for rows that have none), several
// targets merged into one bucket, census means, and fallback markers one per tier and bucket.
#include "charts/chartdata.h"

#include <QTest>

namespace {

ProbePoint point(qint64 timeMs, qint64 dnsMs, bool ok = true, bool checked = true,
                 qint64 checkMs = 20)
{
    ProbePoint p;
    p.timeMs = timeMs;
    p.dnsOk = ok;
    p.checkOk = ok && checked;
    p.checked = checked;
    p.dnsLatencyUs = dnsMs * 1000;
    p.checkLatencyUs = checkMs * 1000;
    return p;
}

PackedProbePoints packed(const QList<ProbePoint> &points)
{
    PackedProbePoints packed;
    for (const ProbePoint &point : points)
        packed.append(point);
    return packed;
}

StoredEvent fallbackEvent(qint64 timeMs, const QString &host, const QString &tier)
{
    StoredEvent event;
    event.time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    event.kind = QStringLiteral("fallback_entered");
    event.host = host;
    event.tier = tier;
    event.cause = QStringLiteral("timeout");
    event.after = {QStringLiteral("10.0.0.1")};
    event.detail = QStringLiteral("%1: timeout; serving %2 addresses 10.0.0.1").arg(host, tier);
    return event;
}

const ChartWindow Window{0, 60'000, 10'000}; // six buckets of 10 s

} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recentBucketsHaveExactQuantiles()
    {
        PackedProbePoints points;
        // Bucket 0: DNS took 1..10 ms, the 10th failed; two were not checked.
        for (int i = 1; i <= 10; ++i)
            points.append(point(i * 900, i, i != 10, i > 2, 100 + i));
        points.append(point(15'000, 7)); // bucket 1: one result
        points.append(point(70'000, 1)); // after the window
        const ChartData data = ChartDataBuilder::fromRecent({&points}, Window);
        QCOMPARE(data.dnsSuccess, (QList<QPointF>{QPointF(5'000, 90), QPointF(15'000, 100)}));
        QCOMPARE(data.checkSuccess.constFirst(), QPointF(5'000, 70)); // 7 checked and answered
        QCOMPARE(data.dnsLatency.p50.constFirst(), QPointF(5'000, 5)); // nearest rank
        QCOMPARE(data.dnsLatency.p95.constFirst(), QPointF(5'000, 10));
        // Only the 8 checked ones: 103..110 ms.
        QCOMPARE(data.checkLatency.p50.constFirst(), QPointF(5'000, 106));
        QCOMPARE(data.checkLatency.p95.constFirst(), QPointF(5'000, 110));
        QCOMPARE(data.dnsLatency.p50.constLast(), QPointF(15'000, 7));
    }

    void targetsShareTheirBuckets()
    {
        const PackedProbePoints a = packed({point(1'000, 1), point(2'000, 2)});
        const PackedProbePoints b = packed({point(3'000, 3, false), point(4'000, 4)});
        const ChartData data = ChartDataBuilder::fromRecent({&a, &b}, Window);
        QCOMPARE(data.dnsSuccess, QList<QPointF>{QPointF(5'000, 75)});
        QCOMPARE(data.dnsLatency.p50, QList<QPointF>{QPointF(5'000, 2)});
        QCOMPARE(data.dnsLatency.p95, QList<QPointF>{QPointF(5'000, 4)});
    }

    void historyQuantilesComeFromTheHistograms()
    {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(600'000, Qt::UTC);
        HistoryBucket a;
        a.target = QStringLiteral("a");
        a.start = start;
        a.widthS = 60;
        a.probes = 10;
        a.dnsOk = 9;
        a.checks = 10;
        a.checkOk = 10;
        a.dnsLatencySumUs = 10 * 2000;
        a.dnsLatency.addToBucket(2, 10); // 10 in (1, 2.5] ms
        a.checkLatencySumUs = 10 * 30'000;
        a.checkLatency.addToBucket(6, 10); // (25, 50] ms
        HistoryBucket b = a; // a second target, same minute, 10 slow answers
        b.target = QStringLiteral("b");
        b.dnsOk = 10;
        b.dnsLatency = LatencyHistogram();
        b.dnsLatency.addToBucket(7, 10); // (50, 100] ms
        HistoryBucket old = a; // the next minute, written before schema 2: sums only
        old.start = start.addSecs(60);
        old.dnsLatency = LatencyHistogram();
        old.checkLatency = LatencyHistogram();
        old.dnsLatencySumUs = 10 * 4000;

        const ChartData data = ChartDataBuilder::fromHistory({a, b, old});
        QCOMPARE(data.dnsSuccess.size(), 2);
        QCOMPARE(data.dnsSuccess.constFirst(), QPointF(630'000, 95)); // 19 of 20
        // p50 at rank 10 of 20: the top of (1, 2.5] ms; p95 inside (50, 100] ms.
        QCOMPARE(data.dnsLatency.p50.constFirst().y(), 2.5);
        QVERIFY(data.dnsLatency.p95.constFirst().y() > 50);
        QVERIFY(data.dnsLatency.p95.constFirst().y() <= 100);
        // The old minute: its mean, and no band.
        QCOMPARE(data.dnsLatency.p50.constLast(), QPointF(690'000, 4));
        QCOMPARE(data.dnsLatency.p95.constLast(), QPointF(690'000, 4));
    }

    void censusIsAveragedPerBucket()
    {
        std::deque<CacheCensus> samples;
        for (int i = 0; i < 4; ++i) {
            CacheCensus census;
            census.time = QDateTime::fromMSecsSinceEpoch(i * 5'000, Qt::UTC);
            census.counts[size_t(CacheEntrySnapshot::State::Fresh)] = 4 - i;
            census.counts[size_t(CacheEntrySnapshot::State::Stale)] = i;
            samples.push_back(census);
        }
        const QList<CacheCensus> buckets = ChartDataBuilder::censusPerBucket(samples, Window);
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets[0].count(CacheEntrySnapshot::State::Fresh), 3.5);
        QCOMPARE(buckets[0].count(CacheEntrySnapshot::State::Stale), 0.5);
        QCOMPARE(buckets[1].count(CacheEntrySnapshot::State::Fresh), 1.5);
        QCOMPARE(buckets[1].time.toMSecsSinceEpoch(), 15'000); // the bucket's middle
    }

    void fallbackEventsBecomeOneMarkerPerTierAndBucket()
    {
        const QString api = QStringLiteral("api.test");
        const QList<StoredEvent> events{
                fallbackEvent(1'000, api, QStringLiteral("stale")),
                fallbackEvent(4'000, api, QStringLiteral("stale")),
                fallbackEvent(8'000, api, QStringLiteral("pinned")),
                fallbackEvent(9'000, QStringLiteral("db.test"), QStringLiteral("env")),
                fallbackEvent(25'000, api, QStringLiteral("stale")),
                fallbackEvent(61'000, api, QStringLiteral("stale")), // after the window
        };
        StoredEvent recovered = fallbackEvent(2'000, api, QString());
        recovered.kind = QStringLiteral("recovered");
        const FallbackMarkers markers = ChartDataBuilder::markers(events + QList{recovered}, {api},
                                                                  Window);
        const auto stale = markers.byTier.value(QStringLiteral("stale"));
        QCOMPARE(stale.size(), 2);
        QCOMPARE(stale[0].point, QPointF(5'000, 100));
        QCOMPARE(stale[1].point, QPointF(25'000, 100));
        // Two events in the first bucket: both named, and how many.
        QVERIFY2(stale[0].text.contains(QStringLiteral("2 events")), qPrintable(stale[0].text));
        QCOMPARE(stale[0].text.count(api), 2);
        QCOMPARE(stale[1].text.count(QStringLiteral("serving stale")), 1);
        QCOMPARE(markers.byTier.value(QStringLiteral("pinned")).size(), 1);
        QVERIFY(!markers.byTier.contains(QStringLiteral("env"))); // another host
        // Every host when none is named.
        QCOMPARE(ChartDataBuilder::markers(events, {}, Window)
                         .byTier.value(QStringLiteral("env"))
                         .size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"

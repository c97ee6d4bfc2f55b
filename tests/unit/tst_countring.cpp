#include "probe/countring.h"

#include <QTest>

// The ring behind the health windows: counts per time bucket, the newest id kept once.
class TestCountRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsTheBucketsOfAWindow()
    {
        CountRing<6> ring;
        QCOMPARE(ring.sum(10, 6).probes, 0u); // nothing yet
        for (qint64 id = 10; id < 14; ++id)
            ring.add(id, {1, 0, 1});
        ring.add(13, {0, 1, 1});
        QCOMPARE(ring.sum(13, 6).probes, 5u);
        QCOMPARE(ring.sum(13, 6).dnsOk, 4u);
        QCOMPARE(ring.sum(13, 6).checkOk, 1u);
        QCOMPARE(ring.sum(13, 2).probes, 3u); // ids 12 and 13
        QCOMPARE(ring.sum(15, 3).probes, 2u); // 13 (twice); 14 and 15 are empty
    }

    void movingOnEmptiesTheBucketsPassed()
    {
        CountRing<6> ring;
        ring.add(0, {1, 1, 1});
        ring.add(2, {1, 1, 1});
        ring.add(7, {1, 1, 1}); // 0 and 1 leave; 2 stays, 3-6 were empty
        QCOMPARE(ring.sum(7, 6).probes, 2u);
        ring.add(100, {1, 1, 1}); // a gap longer than the ring: everything older leaves
        QCOMPARE(ring.sum(100, 6).probes, 1u);
        QCOMPARE(ring.sum(7, 6).probes, 0u); // no longer held
    }

    void anIdThatLeftTheRingIsDropped()
    {
        // Not written over the newer bucket in its slot (ids 3 and 9 share slot 3).
        CountRing<6> ring;
        ring.add(9, {1, 1, 1});
        ring.add(3, {5, 5, 5});
        QCOMPARE(ring.sum(9, 6).probes, 1u);
        ring.add(4, {2, 2, 2}); // still in the ring (4..9)
        QCOMPARE(ring.sum(9, 6).probes, 3u);
    }

    void negativeIdsOfAYoungClock()
    {
        CountRing<6> ring;
        ring.add(-3, {1, 1, 1});
        ring.add(1, {1, 1, 1});
        QCOMPARE(ring.sum(1, 6).probes, 2u);
        QCOMPARE(ring.sum(-3, 1).probes, 1u);
    }

    void aFullBucketSaturates()
    {
        CountRing<6> ring;
        ring.add(1, {60000, 60000, 60000});
        ring.add(1, {60000, 0, 60000});
        ring.add(2, {1, 1, 1});
        QCOMPARE(ring.sum(2, 6).probes, 65536u); // 65,535 in bucket 1, 1 in bucket 2
        QCOMPARE(ring.sum(2, 6).checkOk, 60001u);
    }

    void sixBytesABucket()
    {
        // 648 buckets a target (360 for the hour, 288 for the day): 3.9 KB, not the 10.4 KB of
        // buckets holding their own id and 32-bit counts.
        QCOMPARE(sizeof(CountRing<360>), 360 * 6 + sizeof(qint64));
        QCOMPARE(sizeof(CountRing<288>), 288 * 6 + sizeof(qint64));
    }
};

QTEST_APPLESS_MAIN(TestCountRing)
#include "tst_countring.moc"

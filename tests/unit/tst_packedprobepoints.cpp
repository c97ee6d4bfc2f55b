// The packed recent points: every point reads back as it went in (times that go back, latencies
// of any size, checked or not), the front drops in order and what stays still reads right, and a
// probe every 10 s takes a handful of bytes.
#include "probe/packedprobepoints.h"

#include <QList>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <limits>

class TestPackedProbePoints : public QObject
{
    Q_OBJECT

private:
    static QList<ProbePoint> readAll(const PackedProbePoints &points)
    {
        return QList<ProbePoint>(points.begin(), points.end());
    }

    static ProbePoint point(qint64 timeMs, qint64 dnsUs, bool checked, qint64 checkUs = 0)
    {
        ProbePoint p;
        p.timeMs = timeMs;
        p.dnsOk = dnsUs % 2 == 0;
        p.fallback = !p.dnsOk;
        p.checked = checked;
        p.checkOk = checked && checkUs % 3 != 0;
        p.dnsLatencyUs = dnsUs;
        p.checkLatencyUs = checked ? checkUs : 0;
        return p;
    }

private Q_SLOTS:
    void everyPointReadsBackAsItWentIn()
    {
        const qint64 now = 1'796'551'200'000; // 2026-12-06 10:00 UTC
        const QList<ProbePoint> in{
                point(now, 0, false),
                point(now + 10'000, 2'000, true, 5'000),
                point(now + 10'000, 127, true, 128), // the same millisecond
                point(now - 3'600'000, 16'384, true, 0), // the wall clock went back an hour
                point(now + 1, std::numeric_limits<qint64>::max(), true,
                      std::numeric_limits<qint64>::max()),
                point(0, 1, false), // the epoch itself
                point(now, 30'000'000, true, 29'999'999), // a 30 s timeout
                // The whole range of a time, both ways: the distances do not overflow.
                point(std::numeric_limits<qint64>::min(), 3, false),
                point(std::numeric_limits<qint64>::max(), 4, false),
                point(std::numeric_limits<qint64>::min(), 5, false),
        };
        PackedProbePoints packed;
        for (const ProbePoint &p : in)
            packed.append(p);
        QCOMPARE(packed.size(), in.size());
        QCOMPARE(readAll(packed), in);
        QCOMPARE(std::distance(packed.begin(), packed.end()), in.size());
    }

    void negativeLatenciesAreKeptAsZero()
    {
        PackedProbePoints packed;
        packed.append(point(1'000, -5, true, -7));
        QCOMPARE(packed.begin()->dnsLatencyUs, 0);
        QCOMPARE(packed.begin()->checkLatencyUs, 0);
    }

    void theFrontDropsInOrder()
    {
        PackedProbePoints packed;
        QList<ProbePoint> in;
        QRandomGenerator random(7);
        qint64 time = 1'796'551'200'000;
        for (int i = 0; i < 1000; ++i) {
            time += 9'000 + random.bounded(2'000);
            in.append(point(time, random.bounded(100'000), i % 5 != 0, random.bounded(1'000'000)));
            packed.append(in.last());
        }
        const qint64 cut = in[400].timeMs;
        packed.dropOlderThan(cut);
        QCOMPARE(readAll(packed), in.mid(400));
        packed.dropOlderThan(cut); // nothing more is older
        QCOMPARE(packed.size(), 600);
        // New points after a drop follow on from the newest one.
        in.append(point(time + 10'000, 42, true, 43));
        packed.append(in.last());
        QCOMPARE(readAll(packed), in.mid(400));
    }

    void fromFindsTheFirstPointAtOrAfterATime()
    {
        // Against a plain search of the same points: before them all, at a point's time, between
        // two, after them all; with the front dropped, and in the steady state of an agent (one
        // in, one out), whose checkpoints must keep coming.
        PackedProbePoints packed;
        QList<ProbePoint> in;
        QRandomGenerator random(3);
        qint64 time = 1'796'551'200'000;
        const auto check = [&] {
            const qint64 first = in.constFirst().timeMs;
            const qint64 last = in.constLast().timeMs;
            for (const qint64 at : {first - 1, first, first + 1, in[in.size() / 2].timeMs,
                                    in[in.size() / 3].timeMs + 1, last, last + 1,
                                    first + random.bounded(last - first)}) {
                const auto expected = std::find_if(
                        in.cbegin(), in.cend(), [&](const ProbePoint &p) { return p.timeMs >= at; });
                const QList<ProbePoint> found(packed.from(at), packed.end());
                QCOMPARE(found, QList<ProbePoint>(expected, in.cend()));
            }
        };
        for (int i = 0; i < 500; ++i) {
            time += 10'000 + random.bounded(5);
            in.append(point(time, random.bounded(5'000), i % 3 == 0, 1'000));
            packed.append(in.last());
        }
        check();
        const qint64 cut = in[130].timeMs; // not on a checkpoint
        packed.dropOlderThan(cut);
        in.remove(0, 130);
        check();
        for (int i = 0; i < 1000; ++i) {
            time += 10'000;
            in.append(point(time, 100 + i, true, 2'000));
            packed.append(in.last());
            packed.dropOlderThan(in[1].timeMs);
            in.removeFirst();
        }
        QCOMPARE(packed.size(), in.size());
        check();
    }

    void droppingAllLeavesItEmptyAndUsable()
    {
        PackedProbePoints packed;
        packed.append(point(1'000, 10, false));
        packed.append(point(2'000, 20, true, 30));
        packed.dropOlderThan(10'000);
        QVERIFY(packed.isEmpty());
        QCOMPARE(packed.byteSize(), 0);
        QVERIFY(packed.begin() == packed.end());
        packed.append(point(20'000, 40, true, 50));
        QCOMPARE(readAll(packed), QList<ProbePoint>{point(20'000, 40, true, 50)});
    }

    void aProbeEveryTenSecondsTakesAFewBytes()
    {
        // Two hours of a target probed every 10 s, a DNS answer in 0.2-20 ms and a check in
        // 1-50 ms: a ProbePoint is 32 bytes; packed, the flags, 2 bytes of time and 2-3 of each
        // latency.
        PackedProbePoints packed;
        QRandomGenerator random(11);
        for (int i = 0; i < 720; ++i)
            packed.append(point(1'796'551'200'000 + i * 10'000LL, 200 + random.bounded(19'800),
                                true, 1'000 + random.bounded(49'000)));
        const double bytesAPoint = double(packed.byteSize()) / double(packed.size());
        QVERIFY2(bytesAPoint <= 9, qPrintable(QString::number(bytesAPoint)));
        QVERIFY(sizeof(ProbePoint) >= 3 * bytesAPoint);
    }
};

QTEST_GUILESS_MAIN(TestPackedProbePoints)
#include "tst_packedprobepoints.moc"

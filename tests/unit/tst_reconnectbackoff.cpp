// The wait before trying an unreachable agent again: doubling, capped, jittered, reset.
#include "reconnectbackoff.h"

#include <QRandomGenerator>
#include <QTest>

class TestReconnectBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void doublesUpToTheCapWithinHalfAndWhole()
    {
        QRandomGenerator random(42);
        ReconnectBackoff backoff(1000, 60000, &random);
        const qint64 expected[] = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
        for (qint64 full : expected) {
            const qint64 delay = backoff.next();
            QVERIFY2(
                    delay >= full / 2 && delay <= full,
                    qPrintable(
                            QStringLiteral("%1 not in [%2, %3]").arg(delay).arg(full / 2).arg(full)));
        }
        QCOMPARE(backoff.failures(), int(std::size(expected)));
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QVERIFY(backoff.next() <= 1000);
    }

    void spreadsDashboardsThatLostTheSameAgent()
    {
        // Many dashboards failing at once must not all come back at the same instant.
        QSet<qint64> delays;
        for (int dashboard = 0; dashboard < 50; ++dashboard) {
            QRandomGenerator random(quint32(dashboard + 1));
            ReconnectBackoff backoff(1000, 60000, &random);
            for (int failure = 0; failure < 5; ++failure)
                backoff.next();
            delays.insert(backoff.next()); // the sixth: between 16 and 32 s
        }
        QVERIFY2(delays.size() >= 40, qPrintable(QString::number(delays.size())));
    }

    void neverWaitsLessThanAMillisecondOrBeyondTheCap()
    {
        QRandomGenerator random(7);
        ReconnectBackoff odd(0, -5, &random);
        for (int i = 0; i < 100; ++i) {
            const qint64 delay = odd.next();
            QVERIFY(delay >= 0 && delay <= 1);
        }
        ReconnectBackoff many(500, 3000, &random);
        for (int i = 0; i < 200; ++i)
            QVERIFY(many.next() <= 3000); // no overflow after many failures
    }
};

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"

// This machine's targets in the shape an agent's status has: the success rates of each window
// are taken over, and a window without a probe gives no rate (not 0 %).
#include "localsnapshot.h"

#include <QTest>

class TestLocalSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesTheFiveMinuteAndHourRates()
    {
        TargetConfig target;
        target.name = QStringLiteral("api");
        TargetHealth health;
        health.windows[TargetHealth::FiveMinutes] = WindowCounts{3, 2, 4};
        health.windows[TargetHealth::OneHour] = WindowCounts{45, 30, 50};
        const TargetSnapshot snapshot = localSnapshot(target, health, {});
        QCOMPARE(snapshot.dnsSuccessFiveMinutes, std::optional(0.75));
        QCOMPARE(snapshot.checkSuccessFiveMinutes, std::optional(0.5));
        QCOMPARE(snapshot.dnsSuccessOneHour, std::optional(0.9));
        QCOMPARE(snapshot.checkSuccessOneHour, std::optional(0.6));
    }

    void aWindowWithoutProbesHasNoRate()
    {
        TargetConfig target;
        target.name = QStringLiteral("new");
        const TargetSnapshot snapshot = localSnapshot(target, TargetHealth{}, {});
        QVERIFY(!snapshot.dnsSuccessFiveMinutes);
        QVERIFY(!snapshot.dnsSuccessOneHour);
        QVERIFY(!snapshot.checkSuccessOneHour);
    }
};

QTEST_GUILESS_MAIN(TestLocalSnapshot)
#include "tst_localsnapshot.moc"

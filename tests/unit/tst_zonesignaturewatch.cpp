// The zones of "dnssec_zones" re-checked every interval_s on a ManualClock, through a scripted
// responder that signs the zone's SOA with a fixed expiration: as time moves the zone crosses
// into warning, expires and, re-signed, is fine again; one event at each crossing, none while
// the level holds or a check fails. ZoneSignatureLevels alone for the first check's rules.
#include "clock.h"
#include "fakednsresponder.h"
#include "probe/zonesignaturewatch.h"
#include "rrsigrecord.h"

#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 DayMs = 86'400'000;

ZoneSignatureStatus statusAt(ZoneSignatureStatus::Level level, const QString &resolver)
{
    ZoneSignatureStatus status;
    status.zone = DnssecZoneConfig{QStringLiteral("signed.test"), resolver, 7, 3600};
    status.level = level;
    return status;
}
} // namespace

class TestZoneSignatureWatch : public QObject
{
    Q_OBJECT

private:
    // Answers "ZONE SOA" with the SOA and its RRSIG expiring at m_expiration; silent while
    // m_silent.
    void serve()
    {
        m_responder.setScript([this](const DnsWire::Message &query, const QByteArray &,
                                     FakeDnsResponder::Transport) {
            if (m_silent)
                return QList<FakeDnsResponder::Reply>();
            return QList<FakeDnsResponder::Reply>{{signedSoaResponse(query, m_expiration)}};
        });
    }

    QList<ResolverConfig> resolvers() const
    {
        ResolverConfig lab;
        lab.name = QStringLiteral("lab");
        lab.servers = {*NameServer::parse(m_responder.serverString())};
        lab.timeoutMs = 500;
        lab.attempts = 1;
        return {lab};
    }

    // Moves the clock one interval (a day) and waits for that check to end.
    bool nextDay(ManualClock &clock, ZoneSignatureWatch &watch)
    {
        const int before = watch.checksDone();
        clock.advance(DayMs);
        return QTest::qWaitFor([&] { return watch.checksDone() == before + 1; }, 5000);
    }

    static QStringList kinds(const QSignalSpy &spy)
    {
        QStringList kinds;
        for (const QList<QVariant> &emitted : spy)
            kinds.append(eventKindName(emitted.at(0).value<ResolverEvent>().kind));
        return kinds;
    }

    FakeDnsResponder m_responder;
    QDateTime m_expiration;
    bool m_silent = false;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ResolverEvent>();
        QVERIFY(m_responder.listen());
        serve();
    }

    void oneEventAtEachCrossing()
    {
        ManualClock clock;
        // Ten days and an hour ahead; warn_days 7; asked once a day.
        m_expiration = clock.wallTime().addSecs(10 * 86400 + 3600);
        ZoneSignatureWatch watch(&clock);
        QSignalSpy events(&watch, &ZoneSignatureWatch::eventOccurred);
        watch.setZones(
                {DnssecZoneConfig{QStringLiteral("signed.test"), QStringLiteral("lab"), 7, 86400}},
                resolvers());
        QVERIFY(!watch.wasChecked(0));
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Unknown);
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(watch.checksDone(), 1, 5000);
        QVERIFY(watch.wasChecked(0));
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Ok);
        QCOMPARE(watch.statuses().at(0).daysLeft(), std::optional<qint64>(10));
        QCOMPARE(watch.statuses().at(0).expiresAt, m_expiration);
        QVERIFY(events.isEmpty()); // fine at the first check: nothing to say

        for (int day = 1; day <= 3; ++day) // 9, 8, then 7 days and an hour: not under 7
            QVERIFY(nextDay(clock, watch));
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Ok);
        QVERIFY(events.isEmpty());

        QVERIFY(nextDay(clock, watch)); // 6 days left
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Warning);
        QCOMPARE(kinds(events), QStringList{QStringLiteral("zone_signatures_expiring")});
        const ResolverEvent expiring = events.at(0).at(0).value<ResolverEvent>();
        QCOMPARE(expiring.host, QStringLiteral("signed.test"));
        QCOMPARE(expiring.resolver, QStringLiteral("lab"));
        QVERIFY2(expiring.detail.contains(QLatin1String("expire in 6 days")),
                 qPrintable(expiring.detail));

        QVERIFY(nextDay(clock, watch)); // 5 days: still warning, no new event
        QCOMPARE(events.size(), 1);

        // The resolver falls silent: the check fails (unknown), the level stays, no event.
        m_silent = true;
        const int before = watch.checksDone();
        clock.advance(DayMs);
        clock.advance(1000); // the resolver's timeout_ms
        QTRY_COMPARE_WITH_TIMEOUT(watch.checksDone(), before + 1, 5000);
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Unknown);
        QVERIFY(!watch.statuses().at(0).detail.isEmpty());
        QCOMPARE(events.size(), 1);
        m_silent = false;

        // Back on the day's beat (the next check is due a day after the silent one was sent).
        clock.advance(DayMs - 1000);
        QTRY_COMPARE_WITH_TIMEOUT(watch.checksDone(), before + 2, 5000);
        for (int day = 8; day <= 10; ++day) // down to an hour left: the warning holds
            QVERIFY(nextDay(clock, watch));
        QVERIFY2(watch.statuses().at(0).level == ZoneSignatureStatus::Level::Warning,
                 qPrintable(watch.statuses().at(0).detail));
        QCOMPARE(events.size(), 1);

        QVERIFY(nextDay(clock, watch)); // a day past the expiration
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Expired);
        QCOMPARE(kinds(events),
                 (QStringList{QStringLiteral("zone_signatures_expiring"),
                              QStringLiteral("zone_signatures_expired")}));

        // Re-signed for 30 days: fine again.
        m_expiration = clock.wallTime().addSecs(30 * 86400);
        QVERIFY(nextDay(clock, watch));
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Ok);
        QCOMPARE(kinds(events),
                 (QStringList{QStringLiteral("zone_signatures_expiring"),
                              QStringLiteral("zone_signatures_expired"),
                              QStringLiteral("zone_signatures_ok")}));
        QVERIFY(nextDay(clock, watch));
        QCOMPARE(events.size(), 3);
    }

    void zonesThatStayKeepTheirStatusOnANewConfig()
    {
        ManualClock clock;
        m_expiration = clock.wallTime().addSecs(3 * 86400);
        ZoneSignatureWatch watch(&clock);
        QSignalSpy events(&watch, &ZoneSignatureWatch::eventOccurred);
        const DnssecZoneConfig zone{QStringLiteral("signed.test"), QStringLiteral("lab"), 7, 86400};
        watch.setZones({zone}, resolvers());
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000); // warning at the first check
        // The same zone again plus a new one: the first keeps its level (no second event of
        // its own), the new one says its warning.
        const DnssecZoneConfig other{QStringLiteral("other.test"), QStringLiteral("lab"), 7, 86400};
        watch.setZones({zone, other}, resolvers());
        QCOMPARE(watch.statuses().at(0).level, ZoneSignatureStatus::Level::Warning);
        QVERIFY(watch.wasChecked(0));
        QVERIFY(!watch.wasChecked(1));
        QTRY_COMPARE_WITH_TIMEOUT(watch.checksDone(), 3, 5000); // both asked again at once
        QCOMPARE(watch.statuses().at(1).level, ZoneSignatureStatus::Level::Warning);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).at(0).value<ResolverEvent>().host, QStringLiteral("other.test"));
    }

    void levelsOfTheFirstCheck()
    {
        using Level = ZoneSignatureStatus::Level;
        ZoneSignatureLevels levels;
        // Unknown says nothing, first or not; a first warning or expiry says so at once.
        QVERIFY(!levels.observe(statusAt(Level::Unknown, QStringLiteral("a"))));
        QVERIFY(!levels.observe(statusAt(Level::Ok, QStringLiteral("a"))));
        const std::optional<ResolverEvent> expired = levels.observe(
                statusAt(Level::Expired, QStringLiteral("b")));
        QVERIFY(expired);
        QCOMPARE(expired->kind, ResolverEvent::Kind::ZoneSignaturesExpired);
        QVERIFY(!levels.observe(statusAt(Level::Unknown, QStringLiteral("b"))));
        QVERIFY(!levels.observe(statusAt(Level::Expired, QStringLiteral("b"))));
        // A zone that left the config starts over.
        levels.keepOnly({statusAt(Level::Ok, QStringLiteral("a")).zone});
        QVERIFY(levels.observe(statusAt(Level::Expired, QStringLiteral("b"))));
        const std::optional<ResolverEvent> warned = levels.observe(
                statusAt(Level::Warning, QStringLiteral("a")));
        QVERIFY(warned);
        QCOMPARE(warned->kind, ResolverEvent::Kind::ZoneSignaturesExpiring);
    }
};

QTEST_GUILESS_MAIN(TestZoneSignatureWatch)
#include "tst_zonesignaturewatch.moc"

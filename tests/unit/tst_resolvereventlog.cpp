// The resolver's events on their own: the name of each kind, the words of each transition, the
// counts by kind and the bounded list of recent events.
#include "resolver/resolvereventlog.h"
#include "testaddresses.h"

#include <QSet>
#include <QTest>

namespace {

ResolverEvent eventOf(ResolverEvent::Kind kind, const QString &detail = QString())
{
    ResolverEvent event;
    event.kind = kind;
    event.detail = detail;
    return event;
}

} // namespace

class TestResolverEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKindHasItsName_data()
    {
        QTest::addColumn<ResolverEvent::Kind>("kind");
        QTest::addColumn<QString>("name");
        using Kind = ResolverEvent::Kind;
        QTest::newRow("fallback") << Kind::FallbackEntered << QStringLiteral("fallback_entered");
        QTest::newRow("recovered") << Kind::Recovered << QStringLiteral("recovered");
        QTest::newRow("failed") << Kind::ResolutionFailed << QStringLiteral("resolution_failed");
        QTest::newRow("changed") << Kind::AddressesChanged << QStringLiteral("addresses_changed");
        QTest::newRow("pinned") << Kind::Pinned << QStringLiteral("pinned");
        QTest::newRow("unpinned") << Kind::Unpinned << QStringLiteral("unpinned");
        QTest::newRow("forced") << Kind::ForcedReResolve << QStringLiteral("forced_re_resolve");
        QTest::newRow("cleared") << Kind::CacheCleared << QStringLiteral("cache_cleared");
    }
    void eachKindHasItsName()
    {
        QFETCH(ResolverEvent::Kind, kind);
        QFETCH(QString, name);
        QCOMPARE(eventKindName(kind), name);
    }

    void kindNamesAreDistinct()
    {
        QSet<QString> names;
        for (int kind = 0; kind < ResolverEvent::KindCount; ++kind) {
            const QString name = eventKindName(ResolverEvent::Kind(kind));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(kind)));
            names.insert(name);
        }
        QCOMPARE(names.size(), ResolverEvent::KindCount);
    }

    void transitionsInWords_data()
    {
        QTest::addColumn<ResolverEvent>("event");
        QTest::addColumn<ResolverEvent::Kind>("kind");
        QTest::addColumn<QString>("resolver");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("detail");
        using Kind = ResolverEvent::Kind;
        using Log = ResolverEventLog;
        const QString dns = QStringLiteral("corp");
        const QString host = QStringLiteral("a.test");
        const QString server = QStringLiteral("127.0.0.1:53");
        const QList<QHostAddress> one = ips({QStringLiteral("10.0.0.1")});
        const QList<QHostAddress> two = ips({QStringLiteral("10.0.0.2"), QStringLiteral("fd00::2")});

        LookupResult stale;
        stale.source = ResolutionSource::Stale;
        stale.cause = FailureCause::Timeout;
        stale.addresses = two;
        QTest::newRow("fallback entered")
                << Log::fallbackEntered(dns, host, stale, QStringLiteral("timeout from ") + server)
                << Kind::FallbackEntered << dns << host
                << QStringLiteral("a.test: timeout from 127.0.0.1:53; serving stale addresses "
                                  "10.0.0.2, fd00::2");
        QTest::newRow("recovered from a tier")
                << Log::recovered(dns, host, ResolutionSource::Pinned, server, one, 42)
                << Kind::Recovered << dns << host
                << QStringLiteral("a.test resolves again via 127.0.0.1:53 after 42 s on the "
                                  "pinned tier");
        QTest::newRow("recovered from failure")
                << Log::recovered(dns, host, ResolutionSource::None, server, one, 7)
                << Kind::Recovered << dns << host
                << QStringLiteral("a.test resolves again via 127.0.0.1:53 after 7 s of failure");
        QTest::newRow("resolution failed")
                << Log::resolutionFailed(dns, host, FailureCause::ServFail,
                                         Log::reason(FailureCause::ServFail, QString()))
                << Kind::ResolutionFailed << dns << host
                << QStringLiteral("a.test: servfail; no fallback addresses");
        QTest::newRow("addresses changed")
                << Log::addressesChanged(dns, host, one, two, 60) << Kind::AddressesChanged << dns
                << host << QStringLiteral("a.test changed from 10.0.0.1 to 10.0.0.2, fd00::2");
        QTest::newRow("exists again")
                << Log::addressesChanged(dns, host, {}, one, 60) << Kind::AddressesChanged << dns
                << host << QStringLiteral("a.test exists again: 10.0.0.1");
        QTest::newRow("became negative")
                << Log::becameNegative(dns, host, FailureCause::NxDomain, one)
                << Kind::AddressesChanged << dns << host
                << QStringLiteral("a.test now answers NXDOMAIN (was 10.0.0.1)");
        QTest::newRow("forced") << Log::forcedReResolve(dns, host, RecordKind::AAAA)
                                << Kind::ForcedReResolve << dns << host
                                << QStringLiteral("re-resolve of a.test (AAAA) forced");

        PinnedFallback byOperator;
        byOperator.addresses = one;
        byOperator.reason = QStringLiteral("INC-42");
        byOperator.expiresAt = QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC);
        QTest::newRow("pinned by an operator")
                << Log::pinned(host, byOperator) << Kind::Pinned << QString() << host
                << QStringLiteral("a.test pinned to 10.0.0.1 by an operator (INC-42) until "
                                  "2026-01-02T12:00:00Z");
        PinnedFallback byConfig;
        byConfig.addresses = two;
        byConfig.origin = PinnedFallback::Origin::Config;
        QTest::newRow("pinned by the config")
                << Log::pinned(host, byConfig) << Kind::Pinned << QString() << host
                << QStringLiteral("a.test pinned to 10.0.0.2, fd00::2 by the config");
        QTest::newRow("unpinned with a reason")
                << Log::unpinned(host, one, QStringLiteral("pin expired")) << Kind::Unpinned
                << QString() << host
                << QStringLiteral("a.test unpinned (was 10.0.0.1): pin expired");
        QTest::newRow("unpinned") << Log::unpinned(host, one, QString()) << Kind::Unpinned
                                  << QString() << host
                                  << QStringLiteral("a.test unpinned (was 10.0.0.1)");
        QTest::newRow("host cleared")
                << Log::hostCleared(host, 1) << Kind::CacheCleared << QString() << host
                << QStringLiteral("cache of a.test cleared (1 entry)");
        QTest::newRow("stale cleared")
                << Log::staleCleared(2) << Kind::CacheCleared << QString() << QString()
                << QStringLiteral("stale cache entries cleared (2 entries)");
        QTest::newRow("all cleared")
                << Log::allCleared(0) << Kind::CacheCleared << QString() << QString()
                << QStringLiteral("whole cache cleared (0 entries)");
    }
    void transitionsInWords()
    {
        QFETCH(ResolverEvent, event);
        QFETCH(ResolverEvent::Kind, kind);
        QFETCH(QString, resolver);
        QFETCH(QString, host);
        QFETCH(QString, detail);
        QCOMPARE(event.kind, kind);
        QCOMPARE(event.resolver, resolver);
        QCOMPARE(event.host, host);
        QCOMPARE(event.detail, detail);
        QVERIFY(!event.time.isValid()); // the recorder's to set
    }

    void transitionsCarryTheirFacts()
    {
        const QList<QHostAddress> before = ips({QStringLiteral("10.0.0.1")});
        const QList<QHostAddress> after = ips({QStringLiteral("10.0.0.2")});
        LookupResult pinned;
        pinned.source = ResolutionSource::Pinned;
        pinned.cause = FailureCause::NxDomain;
        pinned.addresses = after;
        const ResolverEvent fallback = ResolverEventLog::fallbackEntered(
                QStringLiteral("corp"), QStringLiteral("a.test"), pinned, QStringLiteral("gone"));
        QCOMPARE(fallback.tier, ResolutionSource::Pinned);
        QCOMPARE(fallback.cause, FailureCause::NxDomain);
        QCOMPARE(fallback.after, after);

        const ResolverEvent changed = ResolverEventLog::addressesChanged(
                QStringLiteral("corp"), QStringLiteral("a.test"), before, after, 300);
        QCOMPARE(changed.before, before);
        QCOMPARE(changed.after, after);
        QCOMPARE(changed.ttlS, std::optional<qint64>(300));
        const ResolverEvent negative = ResolverEventLog::becameNegative(
                QStringLiteral("corp"), QStringLiteral("a.test"), FailureCause::NoData, before);
        QCOMPARE(negative.cause, FailureCause::NoData);
        QCOMPARE(negative.before, before);
        QVERIFY(negative.after.isEmpty());
        const ResolverEvent recovered = ResolverEventLog::recovered(
                QStringLiteral("corp"), QStringLiteral("a.test"), ResolutionSource::Stale,
                QStringLiteral("s"), after, 1);
        QCOMPARE(recovered.tier, ResolutionSource::Stale);
        QCOMPARE(recovered.after, after);
        const ResolverEvent failed = ResolverEventLog::resolutionFailed(
                QStringLiteral("corp"), QStringLiteral("a.test"), FailureCause::Refused,
                QStringLiteral("refused by 127.0.0.1:53"));
        QCOMPARE(failed.cause, FailureCause::Refused);
        QCOMPARE(failed.detail,
                 QStringLiteral("a.test: refused by 127.0.0.1:53; no fallback "
                                "addresses"));

        PinnedFallback pin;
        pin.addresses = after;
        const ResolverEvent pinnedEvent = ResolverEventLog::pinned(QStringLiteral("a.test"), pin);
        QCOMPARE(pinnedEvent.tier, ResolutionSource::Pinned);
        QCOMPARE(pinnedEvent.after, after);
        QCOMPARE(ResolverEventLog::unpinned(QStringLiteral("a.test"), before, QString()).before,
                 before);
    }

    void reasonIsTheDetailElseTheCause()
    {
        QCOMPARE(ResolverEventLog::reason(FailureCause::Timeout, QString()),
                 QStringLiteral("timeout"));
        QCOMPARE(ResolverEventLog::reason(FailureCause::Timeout,
                                          QStringLiteral("no answer from 127.0.0.1:53")),
                 QStringLiteral("no answer from 127.0.0.1:53"));
    }

    void countsEveryEventByKind()
    {
        ResolverEventLog log;
        QCOMPARE(log.limit(), ResolverEventLog::DefaultLimit);
        for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
            QCOMPARE(log.count(ResolverEvent::Kind(kind)), 0u);
        log.record(eventOf(ResolverEvent::Kind::Pinned));
        log.record(eventOf(ResolverEvent::Kind::FallbackEntered));
        log.record(eventOf(ResolverEvent::Kind::FallbackEntered));
        QCOMPARE(log.count(ResolverEvent::Kind::Pinned), 1u);
        QCOMPARE(log.count(ResolverEvent::Kind::FallbackEntered), 2u);
        QCOMPARE(log.count(ResolverEvent::Kind::Recovered), 0u);
        QCOMPARE(log.recent().size(), 3);
    }

    void recentEventsAreBoundedOldestDropped()
    {
        ResolverEventLog log(3);
        for (int i = 1; i <= 5; ++i)
            log.record(eventOf(ResolverEvent::Kind::CacheCleared, QString::number(i)));
        QCOMPARE(log.recent().size(), 3);
        QCOMPARE(log.recent()[0].detail, QStringLiteral("3"));
        QCOMPARE(log.recent()[2].detail, QStringLiteral("5"));
        QCOMPARE(log.count(ResolverEvent::Kind::CacheCleared), 5u); // counts are not bounded
    }

    void defaultBoundIsAThousand()
    {
        ResolverEventLog log;
        for (int i = 0; i < 1001; ++i)
            log.record(eventOf(ResolverEvent::Kind::ForcedReResolve, QString::number(i)));
        QCOMPARE(log.recent().size(), 1000);
        QCOMPARE(log.recent().first().detail, QStringLiteral("1"));
        QCOMPARE(log.recent().last().detail, QStringLiteral("1000"));
    }

    void recordedEventsKeepTheirTime()
    {
        ResolverEventLog log;
        ResolverEvent event = eventOf(ResolverEvent::Kind::Pinned);
        event.time = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        log.record(event);
        QCOMPARE(log.recent().first().time, event.time);
    }
};

QTEST_GUILESS_MAIN(TestResolverEventLog)
#include "tst_resolvereventlog.moc"

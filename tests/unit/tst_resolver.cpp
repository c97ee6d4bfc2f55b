// The resolution contract (docs/architecture.md), driven by a fake backend and a manual clock: no
// sleeps, every TTL, stale window and backoff rule checked by moving time.
#include "clock.h"
#include "fakebackend.h"
#include "resolver/resolver.h"
#include "store/storedevent.h"
#include "testaddresses.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(std::optional<quint32>)

namespace {

PinnedFallback pinOf(const QList<QHostAddress> &addresses)
{
    PinnedFallback pin;
    pin.addresses = addresses;
    return pin;
}
} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private:
    // One resolver over one fake backend named "fake", the time frozen.
    struct Rig
    {
        explicit Rig(CachePolicy policy = CachePolicy(), bool givesTtl = true)
            : resolver(policy, &clock)
        {
            backend = new FakeBackend(QStringLiteral("fake"), givesTtl);
            resolver.addBackend(backend);
        }
        // Resolves host and keeps what comes back in `results`.
        Resolver::RequestId ask(const QString &host, RecordKind kind = RecordKind::Both,
                                Resolver::CacheUse use = Resolver::CacheUse::UseCache)
        {
            return resolver.resolve(
                    {host, QStringLiteral("fake"), kind}, &context,
                    [this](const LookupResult &r) { results.append(r); }, use);
        }
        void advanceSeconds(double s) { clock.advance(qint64(s * 1000)); }

        ManualClock clock;
        Resolver resolver;
        FakeBackend *backend;
        QObject context;
        QList<LookupResult> results;
    };

    static CachePolicy policy()
    {
        CachePolicy p;
        p.minTtlS = 5;
        p.maxTtlS = 300;
        p.defaultTtlS = 60;
        p.staleTtlS = 30;
        p.maxStaleS = 3600;
        p.negativeTtlMaxS = 300;
        p.clientResponseTimerMs = 1800;
        p.refreshBackoffInitialMs = 1000;
        p.refreshBackoffMaxMs = 8000;
        return p;
    }

    // Leaves host with an answer that expired `ago` seconds ago.
    static void primeExpired(Rig &rig, const QString &host, quint32 ttl, double ago)
    {
        rig.ask(host);
        QVERIFY(rig.backend->answer(host,
                                    FakeBackend::addresses({QStringLiteral("10.0.0.1")}, ttl)));
        rig.advanceSeconds(ttl + ago);
        rig.results.clear();
    }

    static KnownGoodAnswer keptAnswer(const QString &host, const QDateTime &expiresAt)
    {
        KnownGoodAnswer kept;
        kept.resolver = QStringLiteral("fake");
        kept.host = host;
        kept.addresses = ips({QStringLiteral("10.9.9.9")});
        kept.server = QStringLiteral("fake:53");
        kept.resolvedAt = expiresAt.addSecs(-60);
        kept.expiresAt = expiresAt;
        return kept;
    }

private Q_SLOTS:
    void liveAnswersAreOfferedToTheKnownGoodCache()
    {
        Rig rig(policy());
        QSignalSpy kept(&rig.resolver, &Resolver::knownGoodStored);
        const QDateTime start = rig.clock.wallTime();
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 120));
        QCOMPARE(kept.size(), 1);
        const auto answer = kept[0][0].value<KnownGoodAnswer>();
        QCOMPARE(answer.resolver, QStringLiteral("fake"));
        QCOMPARE(answer.host, QStringLiteral("a.test"));
        QCOMPARE(answer.addresses, ips({QStringLiteral("10.0.0.1")}));
        QCOMPARE(answer.resolvedAt, start);
        QCOMPARE(answer.expiresAt, start.addSecs(120));
        // Cache hits and failures add nothing; the cache's content is listed.
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(rig.resolver.knownGood().size(), 1);
        QCOMPARE(rig.resolver.knownGood()[0].expiresAt, start.addSecs(120));
    }

    void restoredAnswerServesOnlyWhenTheLiveLookupFails()
    {
        Rig rig(policy());
        const QDateTime now = rig.clock.wallTime();
        // Kept from a run that stopped a minute ago, its TTL not even over: still not fresh.
        QCOMPARE(rig.resolver.restoreKnownGood(
                         {keptAnswer(QStringLiteral("a.test"), now.addSecs(30))}),
                 1);
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.results.isEmpty());
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 1);
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"),
                                    FakeBackend::failure(FailureCause::Timeout)));
        QCOMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results[0].source, ResolutionSource::Stale);
        QCOMPARE(rig.results[0].addresses, ips({QStringLiteral("10.9.9.9")}));
        QCOMPARE(rig.results[0].cause, FailureCause::Timeout);
        // The snapshot dates the staleness from the kept expiry, not from the restart.
        const CacheEntrySnapshot snap = rig.resolver.snapshotOf(
                {QStringLiteral("a.test"), QStringLiteral("fake"), RecordKind::Both});
        QCOMPARE(snap.state, CacheEntrySnapshot::State::Stale);
        QCOMPARE(snap.staleDeadline.value_or(QDateTime()), now.addSecs(30 + 3600));
    }

    // A validated answer kept across a restart stays validated: served stale after the restart
    // it is not "not asked" (which "require_validated" would call not_validated).
    void validationIsKeptWithTheKnownGoodAnswer()
    {
        Rig first(policy());
        QSignalSpy kept(&first.resolver, &Resolver::knownGoodStored);
        BackendAnswer validated = FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60);
        validated.validation = DnssecValidation::Validated;
        first.ask(QStringLiteral("a.test"));
        QVERIFY(first.backend->answer(QStringLiteral("a.test"), validated));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0][0].value<KnownGoodAnswer>().validation, DnssecValidation::Validated);
        QCOMPARE(first.resolver.knownGood().value(0).validation, DnssecValidation::Validated);

        Rig second(policy());
        KnownGoodAnswer answer = keptAnswer(QStringLiteral("a.test"), second.clock.wallTime());
        answer.validation = DnssecValidation::Validated;
        KnownGoodAnswer unvalidated = keptAnswer(QStringLiteral("b.test"), second.clock.wallTime());
        unvalidated.validation = DnssecValidation::NotValidated;
        QCOMPARE(second.resolver.restoreKnownGood({answer, unvalidated}), 2);
        for (const QString &host : {QStringLiteral("a.test"), QStringLiteral("b.test")}) {
            second.ask(host);
            QVERIFY(second.backend->answer(host, FakeBackend::failure(FailureCause::Timeout)));
        }
        QCOMPARE(second.results.size(), 2);
        QCOMPARE(second.results[0].source, ResolutionSource::Stale);
        QCOMPARE(second.results[0].validation, DnssecValidation::Validated);
        QCOMPARE(second.results[1].validation, DnssecValidation::NotValidated);
        const CacheEntrySnapshot snap = second.resolver.snapshotOf(
                {QStringLiteral("a.test"), QStringLiteral("fake"), RecordKind::Both});
        QCOMPARE(snap.validation, DnssecValidation::Validated);
        // Kept again as it was restored (the history replaces its answers on the way out); the
        // list comes in no particular order.
        const QList<KnownGoodAnswer> keptAgain = second.resolver.knownGood();
        const auto keptA = std::find_if(
                keptAgain.cbegin(), keptAgain.cend(),
                [](const KnownGoodAnswer &kept) { return kept.host == u"a.test"; });
        QVERIFY(keptA != keptAgain.cend());
        QCOMPARE(keptA->validation, DnssecValidation::Validated);
    }

    // Events name the verdict and the Extended DNS Errors of the answer they are about.
    void eventsCarryTheAnswersVerdictAndErrors()
    {
        Rig rig(policy());
        QSignalSpy events(&rig.resolver, &Resolver::eventOccurred);
        const QList<ExtendedDnsError> bogus{{6, QStringLiteral("signature expired")}};
        BackendAnswer failure = FakeBackend::failure(FailureCause::ServFail);
        failure.validation = DnssecValidation::NotValidated;
        failure.extendedErrors = bogus;
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"), failure));
        QCOMPARE(events.size(), 1);
        auto event = events[0][0].value<ResolverEvent>();
        QCOMPARE(event.kind, ResolverEvent::Kind::ResolutionFailed);
        QCOMPARE(event.extendedErrors, bogus);
        QCOMPARE(event.validation, DnssecValidation::NotValidated);

        BackendAnswer validated = FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60);
        validated.validation = DnssecValidation::Validated;
        rig.ask(QStringLiteral("a.test"), RecordKind::Both, Resolver::CacheUse::BypassCache);
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"), validated));
        event = events.last()[0].value<ResolverEvent>();
        QCOMPARE(event.kind, ResolverEvent::Kind::Recovered);
        QCOMPARE(event.validation, DnssecValidation::Validated);
        QVERIFY(event.extendedErrors.isEmpty());

        // The stale answer served keeps its verdict; the errors are the failure's.
        rig.advanceSeconds(61);
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"), failure));
        event = events.last()[0].value<ResolverEvent>();
        QCOMPARE(event.kind, ResolverEvent::Kind::FallbackEntered);
        QCOMPARE(event.validation, DnssecValidation::Validated);
        QCOMPARE(event.extendedErrors, bogus);
        const StoredEvent stored = StoredEvent::fromResolverEvent(event);
        QCOMPARE(stored.validation, DnssecValidation::Validated);
        QCOMPARE(stored.extendedErrors, bogus);
    }

    void restoreSkipsWhatCannotServe()
    {
        Rig rig(policy());
        const QDateTime now = rig.clock.wallTime();
        KnownGoodAnswer otherResolver = keptAnswer(QStringLiteral("b.test"), now);
        otherResolver.resolver = QStringLiteral("gone");
        KnownGoodAnswer empty = keptAnswer(QStringLiteral("c.test"), now);
        empty.addresses.clear();
        rig.ask(QStringLiteral("d.test"));
        rig.backend->answer(QStringLiteral("d.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.4")}, 60));
        const QList<KnownGoodAnswer> kept{
                keptAnswer(QStringLiteral("a.test"), now.addSecs(-3601)), // past max-stale
                otherResolver,
                empty,
                keptAnswer(QStringLiteral("d.test"), now), // a live answer is newer
                keptAnswer(QStringLiteral("e.test"), now.addSecs(-3500)),
        };
        QCOMPARE(rig.resolver.restoreKnownGood(kept), 1);
        rig.results.clear();
        rig.ask(QStringLiteral("d.test"));
        QCOMPARE(rig.results.value(0).addresses, ips({QStringLiteral("10.0.0.4")}));
        // e.test's window closes 100 s from now.
        rig.ask(QStringLiteral("e.test"));
        rig.backend->answer(QStringLiteral("e.test"), FakeBackend::failure(FailureCause::ServFail));
        QCOMPARE(rig.results.value(1).source, ResolutionSource::Stale);
    }

    void freshAnswerThenCacheHit()
    {
        Rig rig(policy());
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.results.isEmpty()); // a live lookup never answers inside resolve()
        QVERIFY(rig.backend->answer(
                QStringLiteral("a.test"),
                FakeBackend::addresses({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")},
                                       60)));
        QCOMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results[0].source, ResolutionSource::Fresh);
        QCOMPARE(rig.results[0].addresses,
                 ips({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")}));
        QCOMPARE(rig.results[0].ttlLeftMs.value_or(-1), 60'000);
        QCOMPARE(rig.results[0].server, QStringLiteral("fake:53"));

        rig.advanceSeconds(20);
        rig.ask(QStringLiteral("A.TEST.")); // same name, other spelling
        QCOMPARE(rig.results.size(), 2); // a cache hit answers at once
        QCOMPARE(rig.results[1].source, ResolutionSource::Cache);
        QCOMPARE(rig.results[1].ttlLeftMs.value_or(-1), 40'000);
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 1);
    }

    void extendedErrorsTravelWithTheirAnswer()
    {
        Rig rig(policy());
        const QList<ExtendedDnsError> stale{{3, QStringLiteral("upstream down")}};
        BackendAnswer positive = FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60);
        positive.extendedErrors = stale;
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"), positive));
        QCOMPARE(rig.results.last().extendedErrors, stale);
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.results.last().source, ResolutionSource::Cache);
        QCOMPARE(rig.results.last().extendedErrors, stale);

        // The failure's own reason replaces it, also on the stale answer that covers it.
        const QList<ExtendedDnsError> bogus{{6, QString()}};
        BackendAnswer failure = FakeBackend::failure(FailureCause::ServFail);
        failure.extendedErrors = bogus;
        rig.advanceSeconds(61);
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.backend->answer(QStringLiteral("a.test"), failure));
        QCOMPARE(rig.results.last().source, ResolutionSource::Stale);
        QCOMPARE(rig.results.last().extendedErrors, bogus);

        rig.ask(QStringLiteral("b.test"));
        QVERIFY(rig.backend->answer(QStringLiteral("b.test"), failure));
        QCOMPARE(rig.results.last().source, ResolutionSource::None);
        QCOMPARE(rig.results.last().cause, FailureCause::ServFail);
        QCOMPARE(rig.results.last().extendedErrors, bogus);

        // A later answer without any clears them.
        rig.ask(QStringLiteral("b.test"), RecordKind::Both, Resolver::CacheUse::BypassCache);
        QVERIFY(rig.backend->answer(QStringLiteral("b.test"),
                                    FakeBackend::addresses({QStringLiteral("10.0.0.2")}, 60)));
        QVERIFY(rig.results.last().extendedErrors.isEmpty());
    }

    void callbackMayClearTheCacheItIsServedFrom()
    {
        Rig rig(policy());
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QList<QHostAddress> seen;
        rig.resolver.resolve({QStringLiteral("a.test"), QStringLiteral("fake")}, &rig.context,
                             [&](const LookupResult &result) {
                                 rig.resolver.clearAll(); // drops the entry this answer lives in
                                 seen = result.addresses;
                             });
        QCOMPARE(seen, ips({QStringLiteral("10.0.0.1")}));
        QVERIFY(rig.resolver.snapshot().isEmpty());
    }

    void callerAbandonedByAnotherCallbackIsNotAnswered()
    {
        Rig rig(policy());
        Resolver::RequestId second = 0;
        int secondCalls = 0;
        rig.resolver.resolve({QStringLiteral("a.test"), QStringLiteral("fake")}, &rig.context,
                             [&](const LookupResult &) { rig.resolver.abandon(second); });
        second = rig.resolver.resolve({QStringLiteral("a.test"), QStringLiteral("fake")},
                                      &rig.context, [&](const LookupResult &) { ++secondCalls; });
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QCOMPARE(secondCalls, 0);
    }

    void eventSlotsMayCallBackIntoTheResolver()
    {
        Rig rig(policy());
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        int reentered = 0;
        connect(&rig.resolver, &Resolver::eventOccurred, &rig.context,
                [&](const ResolverEvent &event) {
                    if (event.kind != ResolverEvent::Kind::FallbackEntered)
                        return;
                    ++reentered; // a dashboard reacting: ask again, then clear the cache
                    rig.ask(QStringLiteral("a.test"));
                    rig.resolver.clearHost(QStringLiteral("a.test"));
                });
        rig.ask(QStringLiteral("a.test"));
        rig.clock.advance(1800); // the client response timer serves stale and emits the event
        QCOMPARE(reentered, 1);
        QVERIFY(!rig.results.isEmpty());
        QCOMPARE(rig.results.first().source, ResolutionSource::Stale);
    }

    void ttlIsClampedAndHonoured_data()
    {
        QTest::addColumn<quint32>("recordTtl");
        QTest::addColumn<int>("effectiveTtl");
        QTest::newRow("below min") << 1u << 5;
        QTest::newRow("within") << 60u << 60;
        QTest::newRow("above max") << 86400u << 300;
        QTest::newRow("zero") << 0u << 5;
    }
    void ttlIsClampedAndHonoured()
    {
        QFETCH(quint32, recordTtl);
        QFETCH(int, effectiveTtl);
        Rig rig(policy());
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, recordTtl));
        QCOMPARE(rig.results.last().ttlLeftMs.value_or(-1), effectiveTtl * 1000);
        rig.clock.advance(effectiveTtl * 1000 - 1);
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.results.last().source, ResolutionSource::Cache);
        rig.clock.advance(1);
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 2); // expired: asked again
    }

    void backendWithoutTtlUsesDefault()
    {
        Rig rig(policy(), /*givesTtl=*/false);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 9999));
        QCOMPARE(rig.results.last().ttlLeftMs.value_or(-1), 60'000);
    }

    void concurrentCallersShareOneLookup()
    {
        Rig rig(policy());
        for (int i = 0; i < 5; ++i)
            rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 1);
        QCOMPARE(rig.resolver.inFlightLookups(), 1);
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QCOMPARE(rig.results.size(), 5);
        for (const LookupResult &result : std::as_const(rig.results))
            QCOMPARE(result.source, ResolutionSource::Fresh);
        // Families are separate questions.
        rig.ask(QStringLiteral("a.test"), RecordKind::A);
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 2);
    }

    void callerThatGivesUpDoesNotCancelOthers()
    {
        Rig rig(policy());
        QList<LookupResult> leaverResults;
        auto *leaver = new QObject;
        const auto abandoned = rig.ask(QStringLiteral("a.test"));
        rig.resolver.resolve({QStringLiteral("a.test"), QStringLiteral("fake"), RecordKind::Both},
                             leaver, [&](const LookupResult &r) { leaverResults.append(r); });
        rig.ask(QStringLiteral("a.test"));
        rig.resolver.abandon(abandoned);
        delete leaver;
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QCOMPARE(rig.results.size(), 1); // only the caller that stayed
        QVERIFY(leaverResults.isEmpty());
        QCOMPARE(rig.resolver.snapshotOf({QStringLiteral("a.test"), QStringLiteral("fake")}).state,
                 CacheEntrySnapshot::State::Fresh);
    }

    void forceResolveBypassesFreshCacheAndIsShared()
    {
        Rig rig(policy());
        QSignalSpy events(&rig.resolver, &Resolver::eventOccurred);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 300));
        const ResolveRequest request{QStringLiteral("a.test"), QStringLiteral("fake")};
        rig.resolver.forceResolve(request, &rig.context,
                                  [&](const LookupResult &r) { rig.results.append(r); });
        rig.resolver.forceResolve(request, &rig.context,
                                  [&](const LookupResult &r) { rig.results.append(r); });
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 2);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::ForcedReResolve), 2u);
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.2")}, 300));
        QCOMPARE(rig.results.size(), 3);
        QCOMPARE(rig.results[2].source, ResolutionSource::Fresh);
        QCOMPARE(rig.results[2].addresses, ips({QStringLiteral("10.0.0.2")}));
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::AddressesChanged), 1u);
        QVERIFY(events.count() >= 3);
    }

    void forcedLookupFailingKeepsValidCache()
    {
        Rig rig(policy());
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 300));
        rig.ask(QStringLiteral("a.test"), RecordKind::Both, Resolver::CacheUse::BypassCache);
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(rig.results.last().source, ResolutionSource::Cache);
        QCOMPARE(rig.results.last().cause, FailureCause::Timeout);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::FallbackEntered), 0u);
    }

    void staleServedAfterLookupFails_data()
    {
        QTest::addColumn<FailureCause>("cause");
        QTest::newRow("timeout") << FailureCause::Timeout;
        QTest::newRow("servfail") << FailureCause::ServFail;
        QTest::newRow("refused") << FailureCause::Refused;
        QTest::newRow("network") << FailureCause::Network;
        QTest::newRow("malformed") << FailureCause::Malformed;
    }
    void staleServedAfterLookupFails()
    {
        QFETCH(FailureCause, cause);
        Rig rig(policy());
        primeExpired(rig, QStringLiteral("a.test"), 10, 5);
        QSignalSpy events(&rig.resolver, &Resolver::eventOccurred);
        rig.ask(QStringLiteral("a.test"));
        QVERIFY(rig.results.isEmpty()); // expired: a live lookup first
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(cause));
        QCOMPARE(rig.results.size(), 1);
        const LookupResult &result = rig.results[0];
        QCOMPARE(result.source, ResolutionSource::Stale);
        QCOMPARE(result.cause, cause);
        QCOMPARE(result.addresses, ips({QStringLiteral("10.0.0.1")}));
        QCOMPARE(result.ttlLeftMs.value_or(-1), 30'000); // the stale TTL, RFC 8767
        QCOMPARE(events.count(), 1);
        const auto event = events[0][0].value<ResolverEvent>();
        QCOMPARE(event.kind, ResolverEvent::Kind::FallbackEntered);
        QCOMPARE(event.tier, ResolutionSource::Stale);
        QCOMPARE(event.cause, cause);
        QCOMPARE(event.time, rig.clock.wallTime());
    }

    void slowLookupAnsweredFromStaleAfterResponseTimer()
    {
        Rig rig(policy());
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.clock.advance(1799);
        QVERIFY(rig.results.isEmpty());
        rig.clock.advance(1);
        QCOMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results[0].source, ResolutionSource::Stale);
        QCOMPARE(rig.results[0].cause, FailureCause::Timeout);
        // The lookup went on; when it answers the name has recovered.
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QCOMPARE(rig.results.size(), 1); // that caller was already answered
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Recovered), 1u);
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.results.last().source, ResolutionSource::Cache);
    }

    void slowLookupWithoutFallbackWaitsForItsEnd()
    {
        Rig rig(policy());
        rig.ask(QStringLiteral("a.test"));
        rig.advanceSeconds(5);
        QVERIFY(rig.results.isEmpty());
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results[0].source, ResolutionSource::None);
        QCOMPARE(rig.results[0].cause, FailureCause::Timeout);
        QVERIFY(rig.results[0].addresses.isEmpty());
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::ResolutionFailed), 1u);
    }

    void staleNotServedPastMaxStale()
    {
        Rig rig(policy()); // max stale 3600 s
        primeExpired(rig, QStringLiteral("a.test"), 10, 3600);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(rig.results.last().source, ResolutionSource::None);

        Rig fresh(policy());
        primeExpired(fresh, QStringLiteral("a.test"), 10, 3599);
        fresh.ask(QStringLiteral("a.test"));
        fresh.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(fresh.results.last().source, ResolutionSource::Stale);
    }

    void fallbackServedAtOnceWhileRefreshPending()
    {
        Rig rig(policy());
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.results.size(), 2); // no second wait for a server that just failed
        QCOMPARE(rig.results[1].source, ResolutionSource::Stale);
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 2);
    }

    void backgroundRefreshBacksOffWithJitterUntilRecovery()
    {
        Rig rig(policy()); // backoff 1 s doubling, capped at 8 s, equal jitter
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        const QList<qint64> bases = {1000, 2000, 4000, 8000, 8000};
        for (qint64 base : bases) {
            const int before = rig.backend->lookupCount(QStringLiteral("a.test"));
            const qint64 start = rig.clock.nowMs();
            // The retry comes no earlier than half the base delay and no later than the base.
            rig.clock.advance(base / 2 - 1);
            QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), before);
            for (qint64 t = base / 2;
                 t <= base && rig.backend->lookupCount(QStringLiteral("a.test")) == before; ++t)
                rig.clock.advance(1);
            QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), before + 1);
            QVERIFY(rig.clock.nowMs() - start <= base);
            rig.backend->answer(QStringLiteral("a.test"),
                                FakeBackend::failure(FailureCause::Timeout));
        }
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::FallbackEntered),
                 1u); // one transition
        rig.advanceSeconds(8);
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60));
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Recovered), 1u);
        const int after = rig.backend->lookupCount(QStringLiteral("a.test"));
        rig.advanceSeconds(50); // still fresh: no more refreshes
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), after);
    }

    void negativeAnswersAreCached_data()
    {
        QTest::addColumn<FailureCause>("cause");
        QTest::addColumn<std::optional<quint32>>("soaTtl");
        QTest::addColumn<bool>("givesTtl");
        QTest::addColumn<int>("cachedFor");
        QTest::newRow("nxdomain soa 60")
                << FailureCause::NxDomain << std::optional<quint32>(60) << true << 60;
        QTest::newRow("nodata soa 20")
                << FailureCause::NoData << std::optional<quint32>(20) << true << 20;
        QTest::newRow("capped") << FailureCause::NxDomain << std::optional<quint32>(86400) << true
                                << 300;
        QTest::newRow("no soa: not cached")
                << FailureCause::NxDomain << std::optional<quint32>() << true << 0;
        QTest::newRow("system: default ttl")
                << FailureCause::NxDomain << std::optional<quint32>() << false << 60;
    }
    void negativeAnswersAreCached()
    {
        QFETCH(FailureCause, cause);
        QFETCH(std::optional<quint32>, soaTtl);
        QFETCH(bool, givesTtl);
        QFETCH(int, cachedFor);
        Rig rig(policy(), givesTtl);
        rig.ask(QStringLiteral("gone.test"));
        rig.backend->answer(QStringLiteral("gone.test"), FakeBackend::failure(cause, soaTtl));
        QCOMPARE(rig.results.last().source, ResolutionSource::Fresh);
        QCOMPARE(rig.results.last().cause, cause);
        QVERIFY(rig.results.last().addresses.isEmpty());
        if (cachedFor > 0) {
            rig.clock.advance(cachedFor * 1000 - 1);
            rig.ask(QStringLiteral("gone.test"));
            QCOMPARE(rig.results.last().source, ResolutionSource::Cache);
            QCOMPARE(rig.results.last().cause, cause);
            QCOMPARE(rig.resolver.snapshotOf({QStringLiteral("gone.test"), QStringLiteral("fake")})
                             .state,
                     CacheEntrySnapshot::State::Negative);
            rig.clock.advance(1);
        }
        rig.ask(QStringLiteral("gone.test"));
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("gone.test")), 2);
    }

    void deletedNameGetsNoStaleAnswer()
    {
        Rig rig(policy());
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::failure(FailureCause::NxDomain, 60));
        QCOMPARE(rig.results.last().cause, FailureCause::NxDomain);
        QVERIFY(rig.results.last().addresses.isEmpty()); // the old address is not served
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::AddressesChanged), 1u);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::FallbackEntered), 0u);
        QCOMPARE(rig.resolver.snapshotOf({QStringLiteral("a.test"), QStringLiteral("fake")}).state,
                 CacheEntrySnapshot::State::Negative);
    }

    void deletedNameStillHonoursExplicitTiers_data()
    {
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<ResolutionSource>("expected");
        QTest::addColumn<QString>("address");
        QTest::newRow("pinned") << true << ResolutionSource::Pinned << QStringLiteral("10.9.9.9");
        QTest::newRow("environment")
                << false << ResolutionSource::Env << QStringLiteral("10.8.8.8");
    }
    void deletedNameStillHonoursExplicitTiers()
    {
        QFETCH(bool, pinned);
        QFETCH(ResolutionSource, expected);
        QFETCH(QString, address);
        Rig rig(policy());
        if (pinned)
            rig.resolver.pinAddresses(QStringLiteral("a.test"),
                                      pinOf(ips({QStringLiteral("10.9.9.9")})));
        rig.resolver.setEnvFallback(EnvFallback::parse(QStringLiteral("a.test=10.8.8.8")));
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::failure(FailureCause::NxDomain, 60));
        QCOMPARE(rig.results.last().source, expected);
        QCOMPARE(rig.results.last().cause, FailureCause::NxDomain); // visibly a deleted name
        QCOMPARE(rig.results.last().addresses, ips({address}));
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::FallbackEntered), 1u);
        // The negative answer is cached; the explicit tier keeps answering from the cache.
        rig.ask(QStringLiteral("a.test"));
        QCOMPARE(rig.results.last().source, expected);
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("a.test")), 2);
        // When the name comes back it has recovered.
        rig.advanceSeconds(61);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.3")}, 60));
        QCOMPARE(rig.results.last().source, ResolutionSource::Fresh);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Recovered), 1u);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::AddressesChanged), 2u); // gone, back
    }

    void fallbackOnNegativeWhenConfigured()
    {
        CachePolicy p = policy();
        p.fallbackOnNegative = true;
        Rig rig(p);
        primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::failure(FailureCause::NxDomain, 60));
        QCOMPARE(rig.results.last().source, ResolutionSource::Stale);
        QCOMPARE(rig.results.last().cause, FailureCause::NxDomain);
    }

    void fallbackTiersInOrder_data()
    {
        QTest::addColumn<bool>("stale");
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<bool>("env");
        QTest::addColumn<ResolutionSource>("expected");
        QTest::addColumn<QString>("address");
        QTest::newRow("all three: stale")
                << true << true << true << ResolutionSource::Stale << QStringLiteral("10.0.0.1");
        QTest::newRow("pin and env: pinned")
                << false << true << true << ResolutionSource::Pinned << QStringLiteral("10.2.2.2");
        QTest::newRow("env only") << false << false << true << ResolutionSource::Env
                                  << QStringLiteral("10.3.3.3");
        QTest::newRow("nothing") << false << false << false << ResolutionSource::None << QString();
    }
    void fallbackTiersInOrder()
    {
        QFETCH(bool, stale);
        QFETCH(bool, pinned);
        QFETCH(bool, env);
        QFETCH(ResolutionSource, expected);
        QFETCH(QString, address);
        Rig rig(policy());
        if (stale)
            primeExpired(rig, QStringLiteral("a.test"), 10, 1);
        if (pinned)
            rig.resolver.pinAddresses(QStringLiteral("A.test"),
                                      pinOf(ips({QStringLiteral("10.2.2.2")})));
        if (env)
            rig.resolver.setEnvFallback(EnvFallback::parse(QStringLiteral("a.test=10.3.3.3")));
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::ServFail));
        QCOMPARE(rig.results.last().source, expected);
        QCOMPARE(rig.results.last().cause, FailureCause::ServFail);
        QCOMPARE(rig.results.last().addresses,
                 address.isEmpty() ? QList<QHostAddress>() : ips({address}));
    }

    void pinsFollowTheFamilyAsked()
    {
        Rig rig(policy());
        rig.resolver.pinAddresses(QStringLiteral("a.test"), pinOf(ips({QStringLiteral("fd00::9")})));
        rig.ask(QStringLiteral("a.test"), RecordKind::A);
        rig.ask(QStringLiteral("a.test"), RecordKind::AAAA);
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(rig.results.size(), 2);
        QCOMPARE(rig.results[0].source, ResolutionSource::None); // no IPv4 pin
        QCOMPARE(rig.results[1].source, ResolutionSource::Pinned);
    }

    void pinExpiresAndUnpinIsAnEvent()
    {
        Rig rig(policy());
        PinnedFallback pin;
        pin.addresses = ips({QStringLiteral("10.2.2.2")});
        pin.reason = QStringLiteral("DNS outage INC-42");
        pin.expiresAt = rig.clock.wallTime().addSecs(10);
        rig.resolver.pinAddresses(QStringLiteral("a.test"), pin);
        QCOMPARE(rig.resolver.pin(QStringLiteral("a.test"))->reason, pin.reason);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Pinned), 1u);
        rig.advanceSeconds(11);
        // Expired on time, by its own timer, not whenever someone next looks.
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Unpinned), 1u);
        rig.ask(QStringLiteral("a.test"));
        rig.backend->answer(QStringLiteral("a.test"), FakeBackend::failure(FailureCause::Timeout));
        QCOMPARE(rig.results.last().source, ResolutionSource::None);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Unpinned), 1u);
        QVERIFY(!rig.resolver.pin(QStringLiteral("a.test")));
        QVERIFY(!rig.resolver.unpinAddresses(QStringLiteral("a.test")));
    }

    void configPinsAreReplacedButOperatorPinsStay()
    {
        Rig rig(policy());
        rig.resolver.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.1.1.1")})},
                                    {QStringLiteral("b.test"), ips({QStringLiteral("10.1.1.2")})}});
        rig.resolver.pinAddresses(QStringLiteral("c.test"),
                                  pinOf(ips({QStringLiteral("10.1.1.3")})));
        rig.resolver.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.1.1.1")})}});
        QVERIFY(rig.resolver.pin(QStringLiteral("a.test")));
        QVERIFY(!rig.resolver.pin(QStringLiteral("b.test")));
        QVERIFY(rig.resolver.pin(QStringLiteral("c.test")));
        QCOMPARE(rig.resolver.pin(QStringLiteral("a.test"))->origin, PinnedFallback::Origin::Config);
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::Unpinned), 1u);
    }

    void clearingTheCache()
    {
        Rig rig(policy());
        for (const QString &host :
             {QStringLiteral("a.test"), QStringLiteral("b.test"), QStringLiteral("c.test")}) {
            rig.ask(host);
            rig.backend->answer(host,
                                FakeBackend::addresses({QStringLiteral("10.0.0.1")},
                                                       host == QStringLiteral("c.test") ? 300 : 10));
        }
        rig.advanceSeconds(20); // a and b expired, c fresh
        QCOMPARE(rig.resolver.clearHost(QStringLiteral("a.test")), 1);
        QCOMPARE(rig.resolver.clearStale(), 1); // b
        QCOMPARE(rig.resolver.snapshot().size(), 1);
        QCOMPARE(rig.resolver.clearAll(), 1);
        QVERIFY(rig.resolver.snapshot().isEmpty());
        QCOMPARE(rig.resolver.eventCount(ResolverEvent::Kind::CacheCleared), 3u);
        rig.ask(QStringLiteral("c.test"));
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("c.test")), 2); // cleared: asked again
    }

    void snapshotDescribesEveryState()
    {
        Rig rig(policy());
        rig.ask(QStringLiteral("fresh.test"));
        rig.backend->answer(QStringLiteral("fresh.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 300));
        rig.ask(QStringLiteral("fresh.test"));
        rig.ask(QStringLiteral("stale.test"));
        rig.backend->answer(QStringLiteral("stale.test"),
                            FakeBackend::addresses({QStringLiteral("10.0.0.2")}, 10));
        rig.ask(QStringLiteral("gone.test"));
        rig.backend->answer(QStringLiteral("gone.test"),
                            FakeBackend::failure(FailureCause::NxDomain, 120));
        rig.resolver.pinAddresses(QStringLiteral("pinned.test"),
                                  pinOf(ips({QStringLiteral("10.0.0.4")})));
        const QDateTime expiredAt = rig.clock.wallTime().addSecs(10);
        rig.advanceSeconds(60);

        QHash<QString, CacheEntrySnapshot> byHost;
        for (const CacheEntrySnapshot &snap : rig.resolver.snapshot())
            byHost.insert(snap.host, snap);
        QCOMPARE(byHost.size(), 4);
        QCOMPARE(byHost[QStringLiteral("fresh.test")].state, CacheEntrySnapshot::State::Fresh);
        QCOMPARE(byHost[QStringLiteral("fresh.test")].ttlLeftMs.value_or(-1), 240'000);
        QCOMPARE(byHost[QStringLiteral("fresh.test")].hits, 1u);
        QCOMPARE(byHost[QStringLiteral("stale.test")].state, CacheEntrySnapshot::State::Stale);
        QCOMPARE(byHost[QStringLiteral("stale.test")].staleSince.value_or(QDateTime()), expiredAt);
        QCOMPARE(byHost[QStringLiteral("stale.test")].staleDeadline.value_or(QDateTime()),
                 expiredAt.addSecs(3600));
        QCOMPARE(byHost[QStringLiteral("gone.test")].state, CacheEntrySnapshot::State::Negative);
        QCOMPARE(byHost[QStringLiteral("gone.test")].ttlLeftMs.value_or(-1), 60'000);
        QCOMPARE(byHost[QStringLiteral("pinned.test")].state, CacheEntrySnapshot::State::Pinned);
        QCOMPARE(cacheStateName(CacheEntrySnapshot::State::Stale), QStringLiteral("stale"));
    }

    void unknownResolverFailsLater()
    {
        Rig rig(policy());
        QList<LookupResult> results;
        rig.resolver.resolve({QStringLiteral("a.test"), QStringLiteral("nope")}, &rig.context,
                             [&](const LookupResult &r) { results.append(r); });
        QVERIFY(results.isEmpty());
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results[0].cause, FailureCause::Network);
        QVERIFY(results[0].detail.contains(QStringLiteral("nope")));
    }

    void recentEventsAreKeptInOrder()
    {
        Rig rig(policy());
        rig.resolver.pinAddresses(QStringLiteral("a.test"),
                                  pinOf(ips({QStringLiteral("10.0.0.9")})));
        rig.advanceSeconds(1);
        rig.resolver.unpinAddresses(QStringLiteral("a.test"), QStringLiteral("test"));
        const QList<ResolverEvent> events = rig.resolver.recentEvents();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].kind, ResolverEvent::Kind::Pinned);
        QCOMPARE(events[1].kind, ResolverEvent::Kind::Unpinned);
        QCOMPARE(events[0].time.secsTo(events[1].time), 1);
        QVERIFY(events[1].detail.contains(QStringLiteral("10.0.0.9")));
    }
};

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"

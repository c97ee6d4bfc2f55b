// The resolver through a real dnsmasq that stops answering and comes back: stale answers while
// it is stopped (SIGSTOP) or gone (killed), then recovery, all on real time with short TTLs.
#include "clock.h"
#include "dnsserverfixture.h"
#include "resolver/directdnsbackend.h"
#include "resolver/resolver.h"

#include <QSignalSpy>
#include <QTest>

class TestResolverOutage : public QObject
{
    Q_OBJECT

private:
    CachePolicy policy() const
    {
        CachePolicy p;
        p.minTtlS = 1;
        p.clientResponseTimerMs = 400;
        p.refreshBackoffInitialMs = 200;
        p.refreshBackoffMaxMs = 800;
        return p;
    }

    std::unique_ptr<Resolver> makeResolver(int timeoutMs)
    {
        auto resolver = std::make_unique<Resolver>(policy(), &m_clock);
        DnsClientOptions options;
        options.servers = {*NameServer::parse(m_server.server())};
        options.timeoutMs = timeoutMs;
        options.attempts = 1;
        resolver->addBackend(new DirectDnsBackend(QStringLiteral("lab"), options, &m_clock));
        return resolver;
    }

    LookupResult resolveNow(Resolver &resolver, const QString &host)
    {
        std::optional<LookupResult> result;
        resolver.resolve({host, QStringLiteral("lab"), RecordKind::A}, this,
                         [&](const LookupResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
        return result.value_or(LookupResult());
    }

    void waitUntilExpired(Resolver &resolver)
    {
        const ResolveRequest request{QStringLiteral("svc.test"), QStringLiteral("lab"),
                                     RecordKind::A};
        QTRY_COMPARE_WITH_TIMEOUT(resolver.snapshotOf(request).state,
                                  CacheEntrySnapshot::State::Stale, 5000);
    }

    SystemClock m_clock;
    DnsServerFixture m_server;

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(m_server.startDnsmasq({QStringLiteral("--host-record=svc.test,10.0.0.7,1"),
                                        QStringLiteral("--host-record=other.test,10.0.0.8,300")},
                                       &error),
                 qPrintable(error));
    }
    void cleanup() { m_server.kill(); }

    void stoppedServerGivesStaleThenRecovers()
    {
        auto resolver = makeResolver(3000); // slower than the 400 ms client response timer
        QSignalSpy events(resolver.get(), &Resolver::eventOccurred);
        QCOMPARE(resolveNow(*resolver, QStringLiteral("svc.test")).source, ResolutionSource::Fresh);

        m_server.pause();
        waitUntilExpired(*resolver); // the 1 s TTL runs out (real time: the server is real)
        const LookupResult stale = resolveNow(*resolver, QStringLiteral("svc.test"));
        QCOMPARE(stale.source, ResolutionSource::Stale);
        QCOMPARE(stale.addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.7"))}));
        QVERIFY2(stale.latencyUs < 2'000'000,
                 "answered by the client response timer, not the lookup's timeout");
        QCOMPARE(resolver->eventCount(ResolverEvent::Kind::FallbackEntered), 1u);

        m_server.resume();
        QTRY_COMPARE_WITH_TIMEOUT(resolver->eventCount(ResolverEvent::Kind::Recovered), 1u, 15000);
        const LookupResult back = resolveNow(*resolver, QStringLiteral("svc.test"));
        QVERIFY(back.source == ResolutionSource::Cache || back.source == ResolutionSource::Fresh);
    }

    void killedServerGivesStaleThenRecoversWhenRestarted()
    {
        auto resolver = makeResolver(500);
        QCOMPARE(resolveNow(*resolver, QStringLiteral("svc.test")).source, ResolutionSource::Fresh);
        m_server.kill();
        waitUntilExpired(*resolver);
        const LookupResult stale = resolveNow(*resolver, QStringLiteral("svc.test"));
        QCOMPARE(stale.source, ResolutionSource::Stale);
        QCOMPARE(stale.cause, FailureCause::Network); // nothing listens: refused at once

        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(resolver->eventCount(ResolverEvent::Kind::Recovered), 1u, 15000);
    }

    void concurrentLookupsReachTheServerOnce()
    {
        auto resolver = makeResolver(2000);
        int answered = 0;
        for (int i = 0; i < 25; ++i) {
            resolver->resolve({QStringLiteral("other.test"), QStringLiteral("lab"), RecordKind::A},
                              this,
                              [&](const LookupResult &r) { answered += r.hasAddresses() ? 1 : 0; });
        }
        QTRY_COMPARE(answered, 25);
        QTRY_COMPARE(m_server.queryCount(QStringLiteral("other.test")), 1);
        // A forced re-resolve does reach the server again.
        resolver->forceResolve({QStringLiteral("other.test"), QStringLiteral("lab"), RecordKind::A},
                               this, [&](const LookupResult &) { ++answered; });
        QTRY_COMPARE(answered, 26);
        QTRY_COMPARE(m_server.queryCount(QStringLiteral("other.test")), 2);
    }
};

QTEST_GUILESS_MAIN(TestResolverOutage)
#include "tst_resolver_outage.moc"

// The system resolver end to end, run by run-in-netns.sh inside a private network namespace
// where getaddrinfo asks our dnsmasq on 127.0.0.1:53 (resolv.conf: timeout 5 s, 1 attempt).
#include "clock.h"
#include "dnsserverfixture.h"
#include "probe/monitor.h"
#include "resolver/resolver.h"
#include "resolver/systemresolverbackend.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

class TestSystemResolverNetns : public QObject
{
    Q_OBJECT

private:
    void writeHosts(const QString &address)
    {
        QFile file(m_hostsFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QStringLiteral("%1 moving.test\n").arg(address).toLatin1());
    }

    BackendAnswer lookup(SystemResolverBackend &backend, const QString &host,
                         RecordKind kind = RecordKind::A)
    {
        std::optional<BackendAnswer> answer;
        backend.lookup(host, kind, this, [&](const BackendAnswer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000); }();
        return answer.value_or(BackendAnswer());
    }

    SystemClock m_clock;
    DnsServerFixture m_server;
    QString m_hostsFile;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DNSWATCH_NETNS_WORKDIR"),
                 "run through tests/integration/run-in-netns.sh");
        m_hostsFile = qEnvironmentVariable("DNSWATCH_NETNS_WORKDIR")
                + QStringLiteral("/dnsmasq-hosts");
        writeHosts(QStringLiteral("10.0.0.1"));
        m_server.setFixedPort(53);
        QString error;
        QVERIFY2(m_server.startDnsmasq({QStringLiteral("--addn-hosts=%1").arg(m_hostsFile),
                                        QStringLiteral("--host-record=a.test,10.0.0.7"),
                                        QStringLiteral("--address=/nx.test/")},
                                       &error),
                 qPrintable(error));
    }

    void resolvesThroughTheNamespacesServer()
    {
        SystemResolverBackend backend({}, &m_clock);
        const BackendAnswer answer = lookup(backend, QStringLiteral("a.test"));
        QCOMPARE(answer.cause, FailureCause::None);
        QCOMPARE(answer.addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.7"))}));
        QCOMPARE(answer.server, QStringLiteral("system"));
        QVERIFY(!answer.ttlSeconds); // getaddrinfo gives no TTL
        QCOMPARE(lookup(backend, QStringLiteral("x.nx.test")).cause, FailureCause::NxDomain);
    }

    void changedAnswerIsSeenAtTheNextLookup()
    {
        SystemResolverBackend backend({}, &m_clock);
        QCOMPARE(lookup(backend, QStringLiteral("moving.test")).addresses,
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.1"))}));
        writeHosts(QStringLiteral("10.0.0.2"));
        m_server.reload();
        // No hidden cache (QHostInfo would keep 10.0.0.1 for 60 s): the next lookup sees it.
        QTRY_COMPARE_WITH_TIMEOUT(lookup(backend, QStringLiteral("moving.test")).addresses,
                                  QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.2"))}),
                                  5000);

        // Through the resolver, a forced re-resolve shows the change too.
        Resolver resolver(CachePolicy(), &m_clock);
        resolver.addBackend(new SystemResolverBackend({}, &m_clock));
        std::optional<LookupResult> first;
        resolver.resolve({QStringLiteral("moving.test"), QStringLiteral("system"), RecordKind::A},
                         this, [&](const LookupResult &r) { first = r; });
        QTRY_VERIFY(first.has_value());
        writeHosts(QStringLiteral("10.0.0.3"));
        m_server.reload();
        QTRY_COMPARE_WITH_TIMEOUT(lookup(backend, QStringLiteral("moving.test")).addresses,
                                  QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.3"))}),
                                  5000);
        std::optional<LookupResult> forced;
        resolver.forceResolve(
                {QStringLiteral("moving.test"), QStringLiteral("system"), RecordKind::A}, this,
                [&](const LookupResult &r) { forced = r; });
        QTRY_VERIFY(forced.has_value());
        QCOMPARE(forced->source, ResolutionSource::Fresh);
        QCOMPARE(forced->addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.3"))}));
        QCOMPARE(resolver.eventCount(ResolverEvent::Kind::AddressesChanged), 1u);
    }

    void stoppedServerEndsInTimeoutWhileOtherNamesResolve()
    {
        // The backend's own timeout runs on a clock the test moves; libc's (5 s) on real time.
        ManualClock clock;
        SystemResolverBackend::Options options;
        options.timeoutMs = 500; // far shorter than libc's own 5 s: the threads stay stuck
        options.maxConcurrent = 2;
        SystemResolverBackend backend(options, &clock);
        m_server.pause();
        QList<BackendAnswer> hung;
        for (int i = 0; i < 2; ++i)
            backend.lookup(QStringLiteral("h%1.test").arg(i), RecordKind::Both, this,
                           [&](const BackendAnswer &a) { hung.append(a); });
        QTRY_COMPARE(backend.running(), 2);
        clock.advance(499);
        QVERIFY(hung.isEmpty());
        clock.advance(1); // the backend's timeout ends them, not libc's
        QTRY_COMPARE(hung.size(), 2);
        for (const BackendAnswer &answer : std::as_const(hung)) {
            QCOMPARE(answer.cause, FailureCause::Timeout);
            QVERIFY(answer.detail.contains(QStringLiteral("within 500 ms")));
        }
        QCOMPARE(backend.abandoned(), 2); // both workers are still inside getaddrinfo

        // Every worker the bound allows is stuck, yet the next name is answered: while both are
        // still stuck (waiting for one would mean waiting until libc gives up and frees it).
        std::optional<BackendAnswer> fromHosts;
        int abandonedWhenAnswered = -1;
        backend.lookup(QStringLiteral("static.test"), RecordKind::A, this,
                       [&](const BackendAnswer &a) {
                           fromHosts = a;
                           abandonedWhenAnswered = backend.abandoned();
                       });
        QTRY_VERIFY_WITH_TIMEOUT(fromHosts.has_value(), 15000);
        QCOMPARE(fromHosts->addresses,
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.5.5.5"))}));
        QCOMPARE(abandonedWhenAnswered, 2);
        m_server.resume();
        QTRY_COMPARE_WITH_TIMEOUT(backend.abandoned(), 0, 10000); // the stuck threads came back
    }

    // The comparison that explains most incidents: what applications get (getaddrinfo) against
    // a nameserver asked directly, here a second dnsmasq that answers otherwise.
    void systemPathComparedWithADirectOne()
    {
        DnsServerFixture direct;
        QString error;
        QVERIFY2(direct.startDnsmasq({QStringLiteral("--host-record=a.test,10.0.0.8,0")}, &error),
                 qPrintable(error));
        const QString json = QStringLiteral(R"({"resolvers": [{"name": "direct",
              "servers": ["%1"], "timeout_ms": 500, "attempts": 1}],
            "targets": [{"name": "a", "host": "a.test", "resolver": "system", "record": "A",
                         "interval_s": 3600, "compare": ["direct"]}]})")
                                     .arg(direct.server());
        const ConfigLoadResult loaded = parseConfig(json.toUtf8(), QStringLiteral("test"));
        QVERIFY(loaded.config);
        Monitor monitor(*loaded.config, EnvFallback(), MlflowCredentials(), &m_clock);
        QSignalSpy recorded(&monitor, &Monitor::resultRecorded);
        QSignalSpy events(monitor.resolver(), &Resolver::eventOccurred);
        monitor.engine()->scheduler()->probeNow(QStringLiteral("a"));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 15000);
        const auto result = recorded.first().first().value<ProbeResult>();
        QCOMPARE(result.paths.paths.size(), 2);
        QCOMPARE(result.paths.paths[0].result.resolver, QStringLiteral("system"));
        QCOMPARE(result.paths.paths[0].result.addresses,
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.7"))}));
        QCOMPARE(result.paths.paths[1].result.addresses,
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.8"))}));
        QVERIFY(!result.paths.agree);
        bool diverged = false;
        for (const QList<QVariant> &arguments : std::as_const(events))
            diverged = diverged
                    || arguments.first().value<ResolverEvent>().kind
                            == ResolverEvent::Kind::PathsDiverged;
        QVERIFY(diverged);
        direct.kill();
    }
};

QTEST_GUILESS_MAIN(TestSystemResolverNetns)
#include "tst_systemresolver_netns.moc"

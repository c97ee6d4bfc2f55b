// The probe engine end to end in one process: the scheduler on a manual clock, a scripted
// resolver backend, and real TCP connects to a listening socket on loopback.
#include "clock.h"
#include "fakebackend.h"
#include "probe/probeengine.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestProbeEngine : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        Rig()
            : resolver(CachePolicy(), &clock)
            , checker(CheckOptions(), &clock)
            , engine(&resolver, &checker, &clock, ProbeScheduler::Options())
        {
            backend = new FakeBackend(QStringLiteral("fake"));
            resolver.addBackend(backend);
            if (!service.listen(QHostAddress::LocalHost))
                qFatal("cannot listen");
        }
        TargetConfig target(const QString &name, const QString &host) const
        {
            TargetConfig target;
            target.name = name;
            target.host = host;
            target.resolver = QStringLiteral("fake");
            target.record = RecordKind::A;
            target.intervalS = 10;
            target.check.type = CheckConfig::Type::Tcp;
            target.check.port = service.serverPort();
            return target;
        }

        ManualClock clock;
        Resolver resolver;
        ServiceChecker checker;
        ProbeEngine engine;
        FakeBackend *backend;
        QTcpServer service; // the "service" the tcp checks connect to
    };

private Q_SLOTS:
    void resolvesThenChecksTheAddressItGot()
    {
        Rig rig;
        AppConfig config;
        config.targets = {rig.target(QStringLiteral("api"), QStringLiteral("api.test")),
                          rig.target(QStringLiteral("gone"), QStringLiteral("gone.test"))};
        QSignalSpy results(&rig.engine, &ProbeEngine::resultRecorded);
        rig.engine.applyConfig(config);
        rig.clock.advance(1000); // the first probes start within a tenth of the interval
        QVERIFY(rig.backend->answer(QStringLiteral("api.test"),
                                    FakeBackend::addresses({QStringLiteral("127.0.0.1")}, 60)));
        QVERIFY(rig.backend->answer(QStringLiteral("gone.test"),
                                    FakeBackend::failure(FailureCause::NxDomain, 60)));
        QTRY_COMPARE(results.count(), 2);

        const ProbeResult api = rig.engine.latest(QStringLiteral("api")).value();
        QVERIFY(api.checked);
        QVERIFY2(api.reachable, qPrintable(api.check.detail));
        QCOMPARE(api.check.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(api.resolution.source, ResolutionSource::Fresh);
        QVERIFY(!api.keptReachableByFallback());

        const ProbeResult gone = rig.engine.latest(QStringLiteral("gone")).value();
        QVERIFY(!gone.checked); // nothing to connect to
        QVERIFY(!gone.reachable);
        QCOMPARE(gone.resolution.cause, FailureCause::NxDomain);
        // A failure is retried sooner than the 10 s interval.
        QVERIFY(rig.engine.scheduler()->nextDueMs(QStringLiteral("gone")).value()
                < rig.clock.nowMs() + 5000);
    }

    void fallbackAddressKeepsTheServiceReachable()
    {
        Rig rig;
        PinnedFallback pin;
        pin.addresses = {QHostAddress(QHostAddress::LocalHost)};
        rig.resolver.pinAddresses(QStringLiteral("mlflow.test"), pin);
        AppConfig config;
        config.targets = {rig.target(QStringLiteral("mlflow"), QStringLiteral("mlflow.test"))};
        QSignalSpy kept(&rig.engine, &ProbeEngine::keptReachableByFallback);
        rig.engine.applyConfig(config);
        rig.clock.advance(1000);
        QVERIFY(rig.backend->answer(QStringLiteral("mlflow.test"),
                                    FakeBackend::failure(FailureCause::Timeout)));
        QTRY_COMPARE(kept.count(), 1);
        const auto result = kept[0][0].value<ProbeResult>();
        QCOMPARE(result.resolution.source, ResolutionSource::Pinned);
        QCOMPARE(result.resolution.cause, FailureCause::Timeout);
        QVERIFY(result.reachable);
    }

    void reloadKeepsStayingTargetsAndDropsRemovedOnes()
    {
        Rig rig;
        AppConfig config;
        config.targets = {rig.target(QStringLiteral("a"), QStringLiteral("a.test")),
                          rig.target(QStringLiteral("b"), QStringLiteral("b.test"))};
        QSignalSpy results(&rig.engine, &ProbeEngine::resultRecorded);
        rig.engine.applyConfig(config);
        rig.clock.advance(1000);
        rig.backend->answer(QStringLiteral("a.test"),
                            FakeBackend::addresses({QStringLiteral("127.0.0.1")}, 300));
        rig.backend->answer(QStringLiteral("b.test"),
                            FakeBackend::addresses({QStringLiteral("127.0.0.1")}, 300));
        QTRY_COMPARE(results.count(), 2);

        config.targets = {rig.target(QStringLiteral("a"), QStringLiteral("a.test"))};
        config.targets[0].intervalS = 30;
        rig.engine.applyConfig(config);
        QVERIFY(rig.engine.latest(QStringLiteral("a"))); // kept its history
        QVERIFY(!rig.engine.latest(QStringLiteral("b")));
        QCOMPARE(rig.engine.scheduler()->targets(), QStringList{QStringLiteral("a")});
    }
};

QTEST_GUILESS_MAIN(TestProbeEngine)
#include "tst_probeengine.moc"

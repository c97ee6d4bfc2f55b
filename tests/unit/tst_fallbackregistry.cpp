// The explicit fallback tiers on their own: pins (operator and config, with reasons and expiry on a
// manual clock) and the environment's addresses, and what each host and family gets from them.
#include "clock.h"
#include "resolver/fallbackregistry.h"
#include "testaddresses.h"

#include <QTest>

#include <memory>

namespace {

PinnedFallback operatorPin(const QStringList &addresses, const QString &reason = QString())
{
    PinnedFallback pin;
    pin.addresses = ips(addresses);
    pin.reason = reason;
    return pin;
}

} // namespace

class TestFallbackRegistry : public QObject
{
    Q_OBJECT

private:
    // A registry on a frozen clock that keeps every change it reports.
    struct Rig
    {
        Rig()
            : registry(&clock,
                       [this](const FallbackRegistry::Change &change) { changes.append(change); })
        { }
        int count(FallbackRegistry::Change::Kind kind) const
        {
            return int(std::count_if(changes.cbegin(), changes.cend(),
                                     [kind](const auto &change) { return change.kind == kind; }));
        }

        ManualClock clock;
        QList<FallbackRegistry::Change> changes;
        FallbackRegistry registry;
    };
    static constexpr auto Pinned = FallbackRegistry::Change::Kind::Pinned;
    static constexpr auto Unpinned = FallbackRegistry::Change::Kind::Unpinned;

private Q_SLOTS:
    void pinIsStampedKeyedByCanonicalHostAndReported()
    {
        Rig rig;
        rig.registry.pin(QStringLiteral("API.Test."),
                         operatorPin({QStringLiteral("10.0.0.5")}, QStringLiteral("INC-42")));
        const std::optional<PinnedFallback> pin = rig.registry.pinOf(QStringLiteral("api.test"));
        QVERIFY(pin);
        QCOMPARE(pin->addresses, ips({QStringLiteral("10.0.0.5")}));
        QCOMPARE(pin->origin, PinnedFallback::Origin::Operator);
        QCOMPARE(pin->reason, QStringLiteral("INC-42"));
        QCOMPARE(pin->pinnedAt, rig.clock.wallTime());
        QCOMPARE(rig.registry.pins().keys(), QStringList({QStringLiteral("api.test")}));
        QCOMPARE(rig.changes.size(), 1);
        QCOMPARE(rig.changes[0].kind, Pinned);
        QCOMPARE(rig.changes[0].host, QStringLiteral("api.test"));
        QCOMPARE(rig.changes[0].pin.pinnedAt, rig.clock.wallTime());
        // A pinnedAt given (a pin restored from the history) is kept.
        PinnedFallback restored = operatorPin({QStringLiteral("10.0.0.6")});
        restored.pinnedAt = rig.clock.wallTime().addDays(-1);
        rig.registry.pin(QStringLiteral("old.test"), restored);
        QCOMPARE(rig.registry.pinOf(QStringLiteral("old.test"))->pinnedAt, restored.pinnedAt);
    }

    void unpinReportsWhatWasPinnedAndWhy()
    {
        Rig rig;
        rig.registry.pin(QStringLiteral("a.test"), operatorPin({QStringLiteral("10.0.0.5")}));
        QVERIFY(rig.registry.unpin(QStringLiteral("A.TEST"), QStringLiteral("outage over")));
        QVERIFY(!rig.registry.pinOf(QStringLiteral("a.test")));
        QCOMPARE(rig.changes.size(), 2);
        QCOMPARE(rig.changes[1].kind, Unpinned);
        QCOMPARE(rig.changes[1].host, QStringLiteral("a.test"));
        QCOMPARE(rig.changes[1].pin.addresses, ips({QStringLiteral("10.0.0.5")}));
        QCOMPARE(rig.changes[1].why, QStringLiteral("outage over"));
        // Nothing to unpin: no change.
        QVERIFY(!rig.registry.unpin(QStringLiteral("a.test")));
        QCOMPARE(rig.changes.size(), 2);
    }

    void pinExpiresOnTime()
    {
        Rig rig;
        PinnedFallback pin = operatorPin({QStringLiteral("10.0.0.5")});
        pin.expiresAt = rig.clock.wallTime().addSecs(10);
        rig.registry.pin(QStringLiteral("a.test"), pin);
        rig.clock.advance(9'999);
        QCOMPARE(rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both)->source,
                 ResolutionSource::Pinned);
        QCOMPARE(rig.count(Unpinned), 0);
        rig.clock.advance(1);
        // By its own timer, not whenever someone next looks.
        QCOMPARE(rig.count(Unpinned), 1);
        QCOMPARE(rig.changes.last().why, QStringLiteral("pin expired"));
        QVERIFY(!rig.registry.pinOf(QStringLiteral("a.test")));
        QVERIFY(!rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both));
        QCOMPARE(rig.clock.pendingCalls(), 0);
    }

    void expiredPinIsSkippedBeforeItsTimerRuns()
    {
        Rig rig;
        rig.registry.setEnvironment(EnvFallback::parse(QStringLiteral("a.test=10.8.8.8")));
        PinnedFallback pin = operatorPin({QStringLiteral("10.0.0.5")});
        pin.expiresAt = rig.clock.wallTime(); // already over; its timer runs at the next tick
        rig.registry.pin(QStringLiteral("a.test"), pin);
        const auto served = rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both);
        QCOMPARE(served->source, ResolutionSource::Env);
        QCOMPARE(served->addresses, ips({QStringLiteral("10.8.8.8")}));
        QVERIFY(rig.registry.pinOf(QStringLiteral("a.test"))); // still listed until removed
        rig.clock.advance(0);
        QCOMPARE(rig.count(Unpinned), 1);
        QVERIFY(!rig.registry.pinOf(QStringLiteral("a.test")));
    }

    void rePinReplacesTheExpiry()
    {
        Rig rig;
        PinnedFallback brief = operatorPin({QStringLiteral("10.0.0.5")});
        brief.expiresAt = rig.clock.wallTime().addSecs(10);
        rig.registry.pin(QStringLiteral("a.test"), brief);
        // Re-pinned at the same instant, for good: the first expiry no longer applies.
        rig.registry.pin(QStringLiteral("a.test"), operatorPin({QStringLiteral("10.0.0.6")}));
        rig.clock.advance(60'000);
        QCOMPARE(rig.count(Unpinned), 0);
        QCOMPARE(rig.registry.pinOf(QStringLiteral("a.test"))->addresses,
                 ips({QStringLiteral("10.0.0.6")}));
        QCOMPARE(rig.clock.pendingCalls(), 0);
        // Unpinned by hand before its expiry: its timer goes with it.
        PinnedFallback again = brief;
        again.expiresAt = rig.clock.wallTime().addSecs(10);
        rig.registry.pin(QStringLiteral("b.test"), again);
        QCOMPARE(rig.clock.pendingCalls(), 1);
        rig.registry.unpin(QStringLiteral("b.test"));
        QCOMPARE(rig.clock.pendingCalls(), 0);
    }

    void destroyedRegistryLeavesNoTimerBehind()
    {
        ManualClock clock;
        int changes = 0;
        auto registry = std::make_unique<FallbackRegistry>(
                &clock, [&](const FallbackRegistry::Change &) { ++changes; });
        PinnedFallback pin = operatorPin({QStringLiteral("10.0.0.5")});
        pin.expiresAt = clock.wallTime().addSecs(10);
        registry->pin(QStringLiteral("a.test"), pin);
        QCOMPARE(clock.pendingCalls(), 1);
        registry.reset();
        QCOMPARE(clock.pendingCalls(), 0);
        clock.advance(20'000);
        QCOMPARE(changes, 1); // the pin; no expiry after the registry went
    }

    void configHostsAreMatchedAsPinsAre()
    {
        // A host the config spells with a trailing dot or capitals is one host with its pin: a
        // reload that changes nothing unpins and pins nothing.
        Rig rig;
        const QHash<QString, QList<QHostAddress>> config{
                {QStringLiteral("API.test."), ips({QStringLiteral("10.1.1.1")})}};
        rig.registry.setConfigPins(config);
        QCOMPARE(rig.count(Pinned), 1);
        QCOMPARE(rig.registry.pinOf(QStringLiteral("api.test"))->addresses,
                 ips({QStringLiteral("10.1.1.1")}));
        rig.changes.clear();
        rig.registry.setConfigPins(config);
        QCOMPARE(rig.changes.size(), 0);
    }

    void configPinsAreReplacedWhileOperatorPinsStay()
    {
        Rig rig;
        rig.registry.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.1.1.1")})},
                                    {QStringLiteral("b.test"), ips({QStringLiteral("10.1.1.2")})},
                                    {QStringLiteral("empty.test"), {}}});
        QCOMPARE(rig.count(Pinned), 2); // an empty list pins nothing
        const std::optional<PinnedFallback> a = rig.registry.pinOf(QStringLiteral("a.test"));
        QCOMPARE(a->origin, PinnedFallback::Origin::Config);
        QCOMPARE(a->reason, QStringLiteral("fallback_ips in the config"));
        rig.registry.pin(QStringLiteral("c.test"), operatorPin({QStringLiteral("10.1.1.3")}));
        rig.changes.clear();

        // a.test unchanged, b.test gone, c.test now in the config too, d.test new.
        rig.registry.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.1.1.1")})},
                                    {QStringLiteral("c.test"), ips({QStringLiteral("10.9.9.9")})},
                                    {QStringLiteral("d.test"), ips({QStringLiteral("10.1.1.4")})}});
        QCOMPARE(rig.changes.size(), 2);
        QCOMPARE(rig.changes[0].kind, Unpinned);
        QCOMPARE(rig.changes[0].host, QStringLiteral("b.test"));
        QCOMPARE(rig.changes[0].why, QStringLiteral("removed from the config"));
        QCOMPARE(rig.changes[1].kind, Pinned);
        QCOMPARE(rig.changes[1].host, QStringLiteral("d.test"));
        QCOMPARE(rig.registry.pinOf(QStringLiteral("a.test"))->pinnedAt, a->pinnedAt);
        QCOMPARE(rig.registry.pinOf(QStringLiteral("c.test"))->origin,
                 PinnedFallback::Origin::Operator);
        QCOMPARE(rig.registry.pinOf(QStringLiteral("c.test"))->addresses,
                 ips({QStringLiteral("10.1.1.3")}));

        // A config pin whose addresses change is unpinned and pinned again.
        rig.changes.clear();
        rig.registry.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.1.1.5")})}});
        QCOMPARE(rig.registry.pinOf(QStringLiteral("a.test"))->addresses,
                 ips({QStringLiteral("10.1.1.5")}));
        QVERIFY(!rig.registry.pinOf(QStringLiteral("d.test")));
        QVERIFY(rig.registry.pinOf(QStringLiteral("c.test"))); // the operator's, still
        QCOMPARE(rig.count(Unpinned), 2); // a (changed) and d (gone)
        QCOMPARE(rig.count(Pinned), 1);
    }

    void environmentAddressesByHost()
    {
        Rig rig;
        rig.registry.setEnvironment(
                EnvFallback::parse(QStringLiteral("a.test=10.0.0.5,fd00::5;B.test=fd00::6")));
        QCOMPARE(rig.registry.environment().value(QStringLiteral("b.test")),
                 ips({QStringLiteral("fd00::6")}));
        const auto both = rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both);
        QCOMPARE(both->source, ResolutionSource::Env);
        QCOMPARE(both->addresses, ips({QStringLiteral("10.0.0.5"), QStringLiteral("fd00::5")}));
        QCOMPARE(rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::A)->addresses,
                 ips({QStringLiteral("10.0.0.5")}));
        QCOMPARE(rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::AAAA)->addresses,
                 ips({QStringLiteral("fd00::5")}));
        QVERIFY(!rig.registry.addressesFor(QStringLiteral("b.test"), RecordKind::A)); // no IPv4
        QVERIFY(!rig.registry.addressesFor(QStringLiteral("c.test"), RecordKind::Both));
        QVERIFY(rig.changes.isEmpty()); // the environment is no pin
        // Replaced as a whole.
        rig.registry.setEnvironment(EnvFallback());
        QVERIFY(!rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both));
    }

    void pinnedBeforeEnvironmentForEachFamily()
    {
        Rig rig;
        rig.registry.setEnvironment(EnvFallback::parse(QStringLiteral("a.test=10.3.3.3,fd00::3")));
        rig.registry.pin(QStringLiteral("a.test"), operatorPin({QStringLiteral("fd00::9")}));
        const auto v6 = rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::AAAA);
        QCOMPARE(v6->source, ResolutionSource::Pinned);
        QCOMPARE(v6->addresses, ips({QStringLiteral("fd00::9")}));
        // The pin has no IPv4 address: the environment's serves.
        const auto v4 = rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::A);
        QCOMPARE(v4->source, ResolutionSource::Env);
        QCOMPARE(v4->addresses, ips({QStringLiteral("10.3.3.3")}));
        QCOMPARE(rig.registry.addressesFor(QStringLiteral("a.test"), RecordKind::Both)->source,
                 ResolutionSource::Pinned);
    }

    void handlerSeesTheChangeDoneAndMayCallBack()
    {
        ManualClock clock;
        FallbackRegistry *self = nullptr;
        QList<bool> pinnedWhenTold;
        FallbackRegistry registry(&clock, [&](const FallbackRegistry::Change &change) {
            pinnedWhenTold.append(bool(self->pinOf(change.host)));
            // An operator who unpins whatever the config pins.
            if (change.kind == FallbackRegistry::Change::Kind::Pinned
                && change.pin.origin == PinnedFallback::Origin::Config)
                self->unpin(change.host, QStringLiteral("not wanted"));
        });
        self = &registry;
        registry.setConfigPins({{QStringLiteral("a.test"), ips({QStringLiteral("10.0.0.1")})}});
        QCOMPARE(pinnedWhenTold, QList<bool>({true, false}));
        QVERIFY(!registry.pinOf(QStringLiteral("a.test")));
    }
};

QTEST_GUILESS_MAIN(TestFallbackRegistry)
#include "tst_fallbackregistry.moc"

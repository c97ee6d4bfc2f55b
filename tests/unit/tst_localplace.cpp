// This machine as a place, over a monitor that never probes (its clock stands still): a target
// is found by its name, and after a new config the targets it now has are found and the ones it
// dropped are not (the place keeps an index of the config's targets).
#include "clock.h"
#include "localplace.h"
#include "probe/monitor.h"
#include "unansweredresolver.h"

#include <QTest>

namespace {
TargetConfig targetNamed(const QString &name)
{
    TargetConfig target;
    target.name = name;
    target.host = name + QStringLiteral(".lab.test");
    target.resolver = unansweredResolver().name;
    return target;
}

AppConfig configOf(const QStringList &names)
{
    AppConfig config;
    config.resolvers = {unansweredResolver()};
    for (const QString &name : names)
        config.targets.append(targetNamed(name));
    return config;
}
} // namespace

class TestLocalPlace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEachTargetByName()
    {
        ManualClock clock;
        Monitor monitor(configOf({QStringLiteral("api"), QStringLiteral("db")}), EnvFallback(),
                        MlflowCredentials(), &clock);
        LocalPlace place(&monitor, QStringLiteral("this machine"));
        QCOMPARE(place.target(QStringLiteral("db"))->host, QStringLiteral("db.lab.test"));
        QCOMPARE(place.target(QStringLiteral("api"))->host, QStringLiteral("api.lab.test"));
        QVERIFY(!place.target(QStringLiteral("web")));
    }

    void followsANewConfig()
    {
        ManualClock clock;
        Monitor monitor(configOf({QStringLiteral("api"), QStringLiteral("db")}), EnvFallback(),
                        MlflowCredentials(), &clock);
        LocalPlace place(&monitor, QStringLiteral("this machine"));
        QVERIFY(place.target(QStringLiteral("api")));
        // db moves to the front, api goes, web comes.
        QCOMPARE(monitor.applyConfig(configOf({QStringLiteral("db"), QStringLiteral("web")})),
                 QStringList());
        QVERIFY(!place.target(QStringLiteral("api")));
        QCOMPARE(place.target(QStringLiteral("db"))->host, QStringLiteral("db.lab.test"));
        QCOMPARE(place.target(QStringLiteral("web"))->host, QStringLiteral("web.lab.test"));
        bool refused = false;
        place.act({PlaceAction::Kind::Pause, QStringLiteral("api"), {}}, &place,
                  [&refused](const ActionOutcome &outcome) { refused = !outcome.done; });
        QVERIFY(refused);
    }
};

QTEST_GUILESS_MAIN(TestLocalPlace)
#include "tst_localplace.moc"

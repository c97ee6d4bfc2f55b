// The agents' targets tell the desktop and the screen reader of their changes of state as this
// machine's do: over scripted agents and a manual clock, a critical target at an agent going
// down is notified and announced with the agent named ("db at south is down"); a non-critical
// one, a first status read, a target the agent adds, a muted target and an agent that does not
// answer say nothing; two agents' targets of the same name are two targets.
#include "clock.h"
#include "placestatewatch.h"
#include "readinessbanner.h"
#include "scriptedplace.h"
#include "statenotifier.h"
#include "translations.h"

#include <QAccessible>
#include <QApplication>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

Q_DECLARE_METATYPE(StateNotifier::Severity)

namespace {
const QString Db = QStringLiteral("db");

TargetSnapshot downTarget(const QString &name)
{
    TargetSnapshot target;
    target.name = name;
    target.critical = true;
    target.state = TargetState::Down;
    target.reachable = false;
    return target;
}
} // namespace

// One place with a healthy critical db, watched.
struct OnePlace
{
    OnePlace(Clock *clock, const QString &name, ScriptedPlace::Kind kind)
        : notifier(clock), place(name, kind)
    {
        place.addTarget(Db);
        watch.addPlace(&place);
    }

    StateNotifier notifier;
    ScriptedPlace place;
    PlaceStateWatch watch{&notifier};
};

// South and north, each with a healthy critical db, watched.
struct TwoAgents
{
    explicit TwoAgents(Clock *clock) : notifier(clock)
    {
        south.addTarget(Db);
        north.addTarget(Db);
        watch.addPlace(&south);
        watch.addPlace(&north);
    }

    StateNotifier notifier;
    ScriptedPlace south{QStringLiteral("south"), ScriptedPlace::Kind::Agent};
    ScriptedPlace north{QStringLiteral("north"), ScriptedPlace::Kind::Agent};
    PlaceStateWatch watch{&notifier};
};

class TestPlaceStateWatch : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;

private Q_SLOTS:
    void aCriticalTargetAtAnAgentGoingDownIsNotifiedAndAnnounced()
    {
        StateNotifier notifier(&m_clock);
        HealthStatistics statistics(&m_clock);
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        // As the main window says each notification to screen readers.
        connect(&notifier, &StateNotifier::notify, &banner, &ReadinessBanner::announceNotification);
        ScriptedPlace south(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        south.addTarget(Db);
        PlaceStateWatch watch(&notifier);
        watch.addPlace(&south);
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        QSignalSpy announced(&banner, &ReadinessBanner::announced);

        south.setState(Db, TargetState::Down);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("db at south is down"));
        QCOMPARE(notes[0][2].value<StateNotifier::Severity>(), StateNotifier::Severity::Critical);
        QCOMPARE(announced.size(), 1);
        const QString said = announced[0][0].toString();
        QVERIFY2(said.startsWith(QStringLiteral("db at south is down")), qPrintable(said));
        QCOMPARE(QAccessible::queryAccessibleInterface(&banner)->text(QAccessible::Description),
                 said);

        // Within the quiet period: the all-clear comes, more of the same does not.
        south.setState(Db, TargetState::Healthy);
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes[1][0].toString(), QStringLiteral("db at south recovered"));
        south.setState(Db, TargetState::Degraded);
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes[2][0].toString(),
                 QStringLiteral("db at south is kept reachable by fallback"));
        south.setState(Db, TargetState::Healthy);
        south.setState(Db, TargetState::Degraded);
        QCOMPARE(notes.size(), 5);
        south.setState(Db, TargetState::Degraded); // no change of state
        QCOMPARE(notes.size(), 5);
    }

    void inGermanThePlaceIsNamedAsOnTheBanner()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        OnePlace south(&m_clock, QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        QSignalSpy notes(&south.notifier, &StateNotifier::notify);
        south.place.setState(Db, TargetState::Down);
        const auto installed = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        for (QTranslator *translator : installed) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("db bei south ist ausgefallen"));
    }

    void aNonCriticalTargetSaysNothing()
    {
        StateNotifier notifier(&m_clock);
        ScriptedPlace south(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        TargetSnapshot batch = downTarget(QStringLiteral("batch"));
        batch.critical = false;
        batch.state = TargetState::Healthy;
        south.setTarget(batch);
        PlaceStateWatch watch(&notifier);
        watch.addPlace(&south);
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        batch.state = TargetState::Down;
        south.setTarget(batch);
        QCOMPARE(notes.size(), 0);
    }

    void whatAnAgentSaysFirstIsNoChange()
    {
        StateNotifier notifier(&m_clock);
        ScriptedPlace south(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        south.setTarget(downTarget(Db)); // down before the dashboard saw it
        PlaceStateWatch watch(&notifier);
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        watch.addPlace(&south);
        south.setTarget(downTarget(QStringLiteral("api"))); // one it adds later
        south.addTargets(QStringLiteral("web"), 3);
        QCOMPARE(notes.size(), 0);
        // What it says next is a change.
        south.setState(QStringLiteral("api"), TargetState::Healthy);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("api at south recovered"));
    }

    void anAgentThatDoesNotAnswerSaysNothingOfItsTargets()
    {
        StateNotifier notifier(&m_clock);
        ScriptedPlace south(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        south.addTargets(QStringLiteral("db"), 3);
        PlaceStateWatch watch(&notifier);
        watch.addPlace(&south);
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        south.setUnreachable(QDateTime::currentDateTimeUtc(), QStringLiteral("connection refused"));
        south.setState(QStringLiteral("db0"), TargetState::Down);
        QCOMPARE(notes.size(), 0);
        // Back: what changed meanwhile is news, once.
        south.setUnreachable(QDateTime(), QString());
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("db0 at south is down"));
        south.setUnreachable(QDateTime(), QString());
        QCOMPARE(notes.size(), 1);
    }

    void mutingIsPerPlace()
    {
        TwoAgents agents(&m_clock);
        QSignalSpy notes(&agents.notifier, &StateNotifier::notify);
        agents.notifier.setMuted(notifiedTarget(&agents.south, Db), true);
        QVERIFY(agents.notifier.isMuted(notifiedTarget(&agents.south, Db)));
        QVERIFY(!agents.notifier.isMuted(notifiedTarget(&agents.north, Db)));
        QVERIFY(!agents.notifier.isMuted(Db)); // this machine's db is another one
        agents.south.setState(Db, TargetState::Down);
        QCOMPARE(notes.size(), 0);
        agents.north.setState(Db, TargetState::Down);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("db at north is down"));
    }

    void twoAgentsTargetsOfOneNameAreTwoTargets()
    {
        // South's db going down does not hold back north's within the quiet period.
        TwoAgents agents(&m_clock);
        QSignalSpy notes(&agents.notifier, &StateNotifier::notify);
        agents.notifier.setCritical(Db, true);
        agents.notifier.stateChanged(Db, TargetState::Healthy, TargetState::Down, QString());
        agents.south.setState(Db, TargetState::Down);
        agents.north.setState(Db, TargetState::Down);
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("db is down"));
        QCOMPARE(notes[1][0].toString(), QStringLiteral("db at south is down"));
        QCOMPARE(notes[2][0].toString(), QStringLiteral("db at north is down"));
    }

    void thisMachinesPlaceIsLeftToItsMonitor()
    {
        // Its changes reach the notifier from the monitor: watched here too, each would be
        // said twice.
        OnePlace local(&m_clock, QStringLiteral("this machine"), ScriptedPlace::Kind::Local);
        QSignalSpy notes(&local.notifier, &StateNotifier::notify);
        local.place.setState(Db, TargetState::Down);
        QCOMPARE(notes.size(), 0);
    }

    void aPlaceGoneIsForgotten()
    {
        StateNotifier notifier(&m_clock);
        PlaceStateWatch watch(&notifier);
        auto *south = new ScriptedPlace(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        south->addTarget(Db);
        watch.addPlace(south);
        delete south; // no word of it after
        auto *again = new ScriptedPlace(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        again->setTarget(downTarget(Db));
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        watch.addPlace(again);
        QCOMPARE(notes.size(), 0); // its first read, not a change from the old place's
        // The new place is watched: its db coming back is said, once.
        again->setState(Db, TargetState::Healthy);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.constFirst().constFirst().toString().startsWith(
                         QStringLiteral("db at south")),
                 qPrintable(notes.constFirst().constFirst().toString()));
        delete again;
    }
};

QTEST_MAIN(TestPlaceStateWatch)
#include "tst_placestatewatch.moc"

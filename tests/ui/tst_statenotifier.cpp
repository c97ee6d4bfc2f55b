// Which state changes become desktop notifications, on a manual clock: critical targets only,
// entering fallback, going down and recovering; one per target per quiet period; none when muted.
#include "clock.h"
#include "statenotifier.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(StateNotifier::Severity)

class TestStateNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notifiesWhatMattersOncePerQuietPeriod()
    {
        ManualClock clock;
        StateNotifier notifier(&clock, 60'000);
        notifier.setCritical(QStringLiteral("api"), true);
        notifier.setCritical(QStringLiteral("db"), true);
        QSignalSpy notes(&notifier, &StateNotifier::notify);

        notifier.stateChanged(QStringLiteral("api"), TargetState::Unknown, TargetState::Healthy,
                              QString());
        QCOMPARE(notes.size(), 0); // starting up is no news
        notifier.stateChanged(QStringLiteral("api"), TargetState::Healthy, TargetState::Degraded,
                              QStringLiteral("reachable through stale addresses"));
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("api is kept reachable by fallback"));
        QCOMPARE(notes[0][1].toString(), QStringLiteral("reachable through stale addresses"));
        QCOMPARE(notes[0][2].value<StateNotifier::Severity>(), StateNotifier::Severity::Warning);

        // Worse news gets through the quiet period; more of the same does not.
        notifier.stateChanged(QStringLiteral("api"), TargetState::Degraded, TargetState::Down,
                              QString());
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes[1][0].toString(), QStringLiteral("api is down"));
        QCOMPARE(notes[1][2].value<StateNotifier::Severity>(), StateNotifier::Severity::Critical);
        notifier.stateChanged(QStringLiteral("api"), TargetState::Down, TargetState::Degraded,
                              QString());
        notifier.stateChanged(QStringLiteral("api"), TargetState::Degraded, TargetState::Down,
                              QString());
        QCOMPARE(notes.size(), 2);
        // Another target is not held back, and the all-clear always comes.
        notifier.stateChanged(QStringLiteral("db"), TargetState::Healthy, TargetState::Down,
                              QString());
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes[2][0].toString(), QStringLiteral("db is down"));
        notifier.stateChanged(QStringLiteral("api"), TargetState::Down, TargetState::Healthy,
                              QString());
        QCOMPARE(notes.size(), 4);
        QCOMPARE(notes[3][0].toString(), QStringLiteral("api recovered"));
        // Flapping back down within the quiet period after the all-clear is news again only
        // when it is worse than the last word.
        notifier.stateChanged(QStringLiteral("api"), TargetState::Healthy, TargetState::Degraded,
                              QString());
        QCOMPARE(notes.size(), 5);
        clock.advance(60'000);
        notifier.stateChanged(QStringLiteral("api"), TargetState::Degraded, TargetState::Healthy,
                              QString());
        QCOMPARE(notes.size(), 6);
    }

    void mutedAndNonCriticalTargetsStayQuiet()
    {
        ManualClock clock;
        StateNotifier notifier(&clock);
        notifier.setCritical(QStringLiteral("api"), true);
        notifier.setCritical(QStringLiteral("batch"), false);
        QSignalSpy notes(&notifier, &StateNotifier::notify);
        notifier.stateChanged(QStringLiteral("batch"), TargetState::Healthy, TargetState::Down,
                              QString());
        notifier.setMuted(QStringLiteral("api"), true);
        QVERIFY(notifier.isMuted(QStringLiteral("api")));
        notifier.stateChanged(QStringLiteral("api"), TargetState::Healthy, TargetState::Down,
                              QString());
        QCOMPARE(notes.size(), 0);
        notifier.setMuted(QStringLiteral("api"), false);
        notifier.stateChanged(QStringLiteral("api"), TargetState::Down, TargetState::Paused,
                              QString());
        QCOMPARE(notes.size(), 0); // pausing is the operator's own doing
        notifier.stateChanged(QStringLiteral("api"), TargetState::Paused, TargetState::Down,
                              QString());
        QCOMPARE(notes.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStateNotifier)
#include "tst_statenotifier.moc"

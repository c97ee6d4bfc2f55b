#pragma once

#include "clock.h"

#include <QList>
#include <QObject>
#include <QString>

// One step of the lab's script: what its DNS does for a while, and what a user should see.
struct DemoPhase
{
    enum class Kind {
        Healthy, // answers at once
        SlowAnswers, // answers late (DemoTimings::LateAnswerMs)
        ServFailBurst, // answers SERVFAIL
        Outage, // does not answer at all
        AddressChange, // answers at once; the moving name answers its other address
    };

    Kind kind = Kind::Healthy;
    QString name; // "DNS outage"
    int durationS = 0;
    QString labDoes; // "does not answer at all"
    QString expect; // "stale answers for 30 s, then ..."
};

// The lab's script: a timeline of phases played over and over, on a Clock (so tests step
// through it with ManualClock instead of waiting minutes). Each phase change is signalled.
class DemoScenario : public QObject
{
    Q_OBJECT
public:
    // Where the script stands.
    struct Position
    {
        int cycle = 0; // 0 during the first run through the timeline
        int index = 0; // into timeline()
        qint64 startedAtMs = 0; // when the phase began, in ms since the scenario started
        // The moving name answers its other address: an odd number of address changes began.
        bool moved = false;
    };

    // 3.5 minutes: healthy, SERVFAIL burst, slow answers, outage, recovery, address change
    // (README "Demo lab" shows it as a table).
    static QList<DemoPhase> standardTimeline();

    DemoScenario(const QList<DemoPhase> &timeline, Clock *clock, QObject *parent = nullptr);
    ~DemoScenario() override;

    const QList<DemoPhase> &timeline() const { return m_timeline; }
    qint64 cycleMs() const { return m_cycleMs; }
    // When phase `index` of a cycle begins, in ms from the start of the cycle.
    qint64 phaseOffsetMs(int index) const;
    // Where the script stands elapsedMs after it started.
    Position positionAt(qint64 elapsedMs) const;

    // Enters the first phase now and follows the timeline from there.
    void start();
    bool isStarted() const { return m_started; }
    const Position &position() const { return m_position; }
    const DemoPhase &phase() const { return m_timeline.at(m_position.index); }

Q_SIGNALS:
    void phaseEntered(const DemoPhase &phase, const DemoScenario::Position &position);

private:
    void enterPhaseDue();

    QList<DemoPhase> m_timeline;
    Clock *m_clock;
    qint64 m_cycleMs = 0;
    int m_addressChangesPerCycle = 0;
    qint64 m_startMs = 0;
    bool m_started = false;
    Position m_position;
    Clock::TimerId m_nextPhase = 0;
};

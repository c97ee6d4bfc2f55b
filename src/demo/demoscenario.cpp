#include "demoscenario.h"

#include "demotimings.h"

QList<DemoPhase> DemoScenario::standardTimeline()
{
    using Kind = DemoPhase::Kind;
    using namespace DemoTimings;
    const QString calm = QStringLiteral("answers at once");
    const QString healthyAgain = QStringLiteral("recovered events, every target healthy again");
    return {
            {Kind::Healthy, QStringLiteral("healthy"), 20, calm,
             QStringLiteral("fresh answers, every target healthy")},
            {Kind::ServFailBurst, QStringLiteral("SERVFAIL burst"), 20,
             QStringLiteral("answers SERVFAIL"),
             QStringLiteral("fallback_entered (stale) as each answer expires: degraded, yet kept "
                            "reachable by the stale tier")},
            {Kind::Healthy, QStringLiteral("healthy"), 15, calm, healthyAgain},
            {Kind::SlowAnswers, QStringLiteral("slow answers"), 15,
             QStringLiteral("answers %1 s late").arg(LateAnswerMs / 1000.0),
             QStringLiteral("at each probe fallback_entered (stale) after %1 s (the client "
                            "response timer), then recovered when the late answer lands")
                     .arg(ClientResponseTimerMs / 1000.0)},
            {Kind::Healthy, QStringLiteral("healthy"), 20, calm, healthyAgain},
            {Kind::Outage, QStringLiteral("DNS outage"), 70,
             QStringLiteral("does not answer at all"),
             QStringLiteral("stale answers for %1 s, then mlflow on its pinned address and api on "
                            "its env address (kept reachable by fallback) while db and www go down")
                     .arg(MaxStaleS)},
            {Kind::Healthy, QStringLiteral("recovery"), 20, QStringLiteral("answers again"),
             healthyAgain},
            {Kind::AddressChange, QStringLiteral("address change"), 30,
             QStringLiteral("moves mlflow to its other loopback address"),
             QStringLiteral("addresses_changed, and mlflow stays healthy at its new address (the "
                            "service listens there too); paths_diverged for mlflow until its "
                            "lagging path learns the new address %1 s later, then paths_agree")
                     .arg(PathLagS)},
    };
}

DemoScenario::DemoScenario(const QList<DemoPhase> &timeline, Clock *clock, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_clock(clock)
{
    Q_ASSERT(!m_timeline.isEmpty());
    for (const DemoPhase &phase : m_timeline) {
        Q_ASSERT(phase.durationS > 0);
        m_cycleMs += qint64(phase.durationS) * 1000;
        if (phase.kind == DemoPhase::Kind::AddressChange)
            ++m_addressChangesPerCycle;
    }
}

DemoScenario::~DemoScenario()
{
    if (m_nextPhase)
        m_clock->cancel(m_nextPhase);
}

qint64 DemoScenario::phaseOffsetMs(int index) const
{
    qint64 offset = 0;
    for (int i = 0; i < index; ++i)
        offset += qint64(m_timeline.at(i).durationS) * 1000;
    return offset;
}

DemoScenario::Position DemoScenario::positionAt(qint64 elapsedMs) const
{
    Position position;
    position.cycle = int(qMax<qint64>(0, elapsedMs) / m_cycleMs);
    const qint64 intoCycle = qMax<qint64>(0, elapsedMs) % m_cycleMs;
    qint64 phaseStart = 0;
    int addressChanges = position.cycle * m_addressChangesPerCycle;
    for (int i = 0; i < m_timeline.size(); ++i) {
        const DemoPhase &phase = m_timeline.at(i);
        if (phase.kind == DemoPhase::Kind::AddressChange)
            ++addressChanges;
        const qint64 phaseEnd = phaseStart + qint64(phase.durationS) * 1000;
        if (intoCycle < phaseEnd) {
            position.index = i;
            break;
        }
        phaseStart = phaseEnd;
    }
    position.startedAtMs = qint64(position.cycle) * m_cycleMs + phaseStart;
    position.moved = addressChanges % 2 == 1;
    return position;
}

void DemoScenario::start()
{
    if (m_started)
        return;
    m_started = true;
    m_startMs = m_clock->nowMs();
    enterPhaseDue();
}

void DemoScenario::enterPhaseDue()
{
    m_nextPhase = 0;
    m_position = positionAt(m_clock->nowMs() - m_startMs);
    // Deadlines count from the start, so phases do not drift however late a timer fires.
    const qint64 endsAtMs = m_startMs + m_position.startedAtMs + qint64(phase().durationS) * 1000;
    m_nextPhase = m_clock->callAt(endsAtMs, this, [this] { enterPhaseDue(); });
    Q_EMIT phaseEntered(phase(), m_position);
}

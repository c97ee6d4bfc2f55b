#include "statenotifier.h"

StateNotifier::StateNotifier(Clock *clock, qint64 quietPeriodMs, QObject *parent)
    : QObject(parent), m_clock(clock), m_quietPeriodMs(quietPeriodMs)
{ }

void StateNotifier::setCritical(const QString &target, bool critical)
{
    if (critical)
        m_critical.insert(target);
    else
        m_critical.remove(target);
}

void StateNotifier::setMuted(const QString &target, bool muted)
{
    if (muted)
        m_muted.insert(target);
    else
        m_muted.remove(target);
}

void StateNotifier::stateChanged(const QString &target, TargetState from, TargetState to,
                                 const QString &detail)
{
    if (!m_critical.contains(target) || m_muted.contains(target))
        return;
    QString title;
    Severity severity = Severity::Information;
    const bool wasBad = from == TargetState::Degraded || from == TargetState::Down;
    if (to == TargetState::Down) {
        title = tr("%1 is down").arg(target);
        severity = Severity::Critical;
    } else if (to == TargetState::Degraded) {
        title = tr("%1 is kept reachable by fallback").arg(target);
        severity = Severity::Warning;
    } else if (to == TargetState::Healthy && wasBad) {
        title = tr("%1 recovered").arg(target);
    } else {
        return;
    }
    // The quiet period holds back more of the same, never worse news or the all-clear.
    const qint64 now = m_clock->nowMs();
    const auto last = m_lastNotified.constFind(target);
    const bool worse = last != m_lastNotified.cend() && int(severity) > int(last->severity);
    const bool allClear = severity == Severity::Information;
    if (last != m_lastNotified.cend() && now - last->atMs < m_quietPeriodMs && !worse && !allClear)
        return;
    m_lastNotified.insert(target, {now, severity});
    Q_EMIT notify(title, detail, severity);
}

#include "statenotifier.h"

#include "words/durationwords.h"

StateNotifier::StateNotifier(Clock *clock, qint64 quietPeriodMs, QObject *parent)
    : QObject(parent), m_clock(clock), m_quietPeriodMs(quietPeriodMs)
{ }

size_t qHash(const NotifiedTarget &target, size_t seed)
{
    return qHashMulti(seed, target.name, target.place);
}

void StateNotifier::setCritical(const NotifiedTarget &target, bool critical)
{
    if (critical)
        m_critical.insert(target);
    else
        m_critical.remove(target);
}

void StateNotifier::setMuted(const NotifiedTarget &target, bool muted)
{
    if (muted)
        m_muted.insert(target);
    else
        m_muted.remove(target);
}

QString StateNotifier::nameOf(const NotifiedTarget &target)
{
    // As the readiness banner names an agent's target.
    return target.place.isEmpty() ? target.name : tr("%1 at %2").arg(target.name, target.place);
}

void StateNotifier::stateChanged(const NotifiedTarget &target, TargetState from, TargetState to,
                                 const QString &detail)
{
    if (!m_critical.contains(target) || m_muted.contains(target))
        return;
    const QString name = nameOf(target);
    QString title;
    Severity severity = Severity::Information;
    const bool wasBad = from == TargetState::Degraded || from == TargetState::Down;
    if (to == TargetState::Down) {
        title = tr("%1 is down").arg(name);
        severity = Severity::Critical;
    } else if (to == TargetState::Degraded) {
        title = tr("%1 is kept reachable by fallback").arg(name);
        severity = Severity::Warning;
    } else if (to == TargetState::Healthy && wasBad) {
        title = tr("%1 recovered").arg(name);
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

void StateNotifier::answerChanged(const NotifiedTarget &target, const StoredEvent &alert)
{
    if (m_muted.contains(target))
        return;
    const auto addresses = [](const QStringList &list) {
        return list.isEmpty() ? tr("none") : list.join(QLatin1String(", "));
    };
    const QString title = tr("The answer of %1 changed").arg(nameOf(target));
    QString message = tr("%1 through %2: %3 -> %4")
                              .arg(alert.host, alert.resolver, addresses(alert.before),
                                   addresses(alert.after));
    if (alert.ttlS)
        message += QStringLiteral(" (TTL %1)").arg(durationWords(*alert.ttlS));
    Q_EMIT notify(title, message, Severity::Warning);
}

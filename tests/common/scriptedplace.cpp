#include "scriptedplace.h"

ScriptedPlace::ScriptedPlace(const QString &name, Kind kind, QObject *parent)
    : TargetPlace(parent), m_name(name), m_kind(kind)
{ }

namespace {
TargetSnapshot healthyTarget(const QString &name)
{
    TargetSnapshot target;
    target.name = name;
    target.host = name + QStringLiteral(".lab.test");
    target.resolver = QStringLiteral("lab");
    target.critical = true;
    target.state = TargetState::Healthy;
    target.source = QStringLiteral("fresh");
    target.addresses = {QStringLiteral("10.0.0.1")};
    target.checkOk = true;
    target.dnsSuccessFiveMinutes = 1.0;
    target.checkSuccessFiveMinutes = 1.0;
    target.reachable = true;
    target.lastProbe = QDateTime::currentDateTimeUtc();
    return target;
}
} // namespace

void ScriptedPlace::addTargets(const QString &prefix, int count)
{
    for (int i = 0; i < count; ++i)
        m_targets.append(healthyTarget(prefix + QString::number(i)));
    Q_EMIT targetsChanged();
    Q_EMIT readinessMayHaveChanged();
}

void ScriptedPlace::addTarget(const QString &name) { setTarget(healthyTarget(name)); }

void ScriptedPlace::setTarget(const TargetSnapshot &target)
{
    for (TargetSnapshot &known : m_targets) {
        if (known.name == target.name) {
            known = target;
            Q_EMIT targetChanged(target.name);
            Q_EMIT readinessMayHaveChanged();
            return;
        }
    }
    m_targets.append(target);
    Q_EMIT targetsChanged();
    Q_EMIT readinessMayHaveChanged();
}

void ScriptedPlace::setState(const QString &target, TargetState state)
{
    if (std::optional<TargetSnapshot> known = this->target(target)) {
        known->state = state;
        known->reachable = state != TargetState::Down;
        setTarget(*known);
    }
}

void ScriptedPlace::setUnreachable(const QDateTime &since, const QString &problem)
{
    m_unreachableSince = since;
    m_problem = problem;
    Q_EMIT reachChanged();
    Q_EMIT targetsChanged();
}

std::optional<TargetSnapshot> ScriptedPlace::target(const QString &name) const
{
    for (const TargetSnapshot &known : m_targets) {
        if (known.name == name)
            return known;
    }
    return std::nullopt;
}

PlaceReadiness ScriptedPlace::readiness() const
{
    PlaceReadiness readiness;
    for (const TargetSnapshot &target : m_targets) {
        if (target.critical && target.reachable == false) {
            readiness.ready = false;
            readiness.notReady.append(target.name);
        }
        if (target.state == TargetState::Degraded)
            ++readiness.degraded;
    }
    return readiness;
}

void ScriptedPlace::act(const PlaceAction &, QObject *, OutcomeCallback callback)
{
    callback({false, QStringLiteral("a scripted place takes no actions")});
}

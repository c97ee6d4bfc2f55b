#include "localplace.h"

#include "localsnapshot.h"
#include "probe/monitor.h"

LocalPlace::LocalPlace(Monitor *monitor, const QString &name, QObject *parent)
    : TargetPlace(parent), m_monitor(monitor), m_name(name)
{
    indexTargets();
    connect(monitor, &Monitor::targetsApplied, this, &LocalPlace::indexTargets);
    connect(monitor, &Monitor::resultRecorded, this,
            [this](const ProbeResult &result) { Q_EMIT targetChanged(result.target); });
    connect(monitor, &Monitor::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                Q_EMIT targetChanged(target);
                Q_EMIT readinessMayHaveChanged();
                Q_EMIT eventOccurred(StoredEvent::fromStateChange(m_monitor->clock()->wallTime(),
                                                                  target, from, to, detail));
            });
    connect(monitor->resolver(), &Resolver::eventOccurred, this, [this](const ResolverEvent &event) {
        Q_EMIT eventOccurred(StoredEvent::fromResolverEvent(event));
    });
    connect(monitor, &Monitor::answerChangeAlerted, this, &TargetPlace::eventOccurred);
}

void LocalPlace::indexTargets()
{
    const QList<TargetConfig> &targets = m_monitor->config().targets;
    m_index.clear();
    m_index.reserve(targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i)
        m_index.insert(targets[i].name, i);
}

const TargetConfig *LocalPlace::config(const QString &name) const
{
    const QList<TargetConfig> &targets = m_monitor->config().targets;
    const qsizetype at = m_index.value(name, -1);
    return at >= 0 && at < targets.size() && targets[at].name == name ? &targets[at] : nullptr;
}

TargetSnapshot LocalPlace::snapshotOf(const TargetConfig &target) const
{
    return localSnapshot(
            target, m_monitor->statistics()->health(target.name),
            m_monitor->resolver()->snapshotOf({target.host, target.resolver, target.record}));
}

QList<TargetSnapshot> LocalPlace::targets() const
{
    QList<TargetSnapshot> snapshots;
    snapshots.reserve(m_monitor->config().targets.size());
    for (const TargetConfig &target : m_monitor->config().targets)
        snapshots.append(snapshotOf(target));
    return snapshots;
}

std::optional<TargetSnapshot> LocalPlace::target(const QString &name) const
{
    if (const TargetConfig *found = config(name))
        return snapshotOf(*found);
    return std::nullopt;
}

bool LocalPlace::mayBePinned(const QString &target) const
{
    const TargetConfig *found = config(target);
    return found && m_monitor->resolver()->pin(found->host).has_value();
}

PlaceReadiness LocalPlace::readiness() const
{
    PlaceReadiness readiness;
    readiness.ready = m_monitor->statistics()->ready(&readiness.notReady);
    readiness.degraded = m_monitor->statistics()->countInState(TargetState::Degraded);
    return readiness;
}

void LocalPlace::act(const PlaceAction &action, QObject * /*context*/, OutcomeCallback callback)
{
    const TargetConfig *target = config(action.target);
    if (!target) {
        callback({false, tr("%1: no such target here").arg(action.target)});
        return;
    }
    const QString name = target->name;
    switch (action.kind) {
    case PlaceAction::Kind::ReResolve:
        // Past the fresh cache; the probe that follows shows the answer in the table.
        m_monitor->resolver()->forceResolve({target->host, target->resolver, target->record}, this,
                                            [this, name](const LookupResult &) {
                                                m_monitor->engine()->scheduler()->probeNow(name);
                                            });
        break;
    case PlaceAction::Kind::ProbeNow:
        m_monitor->engine()->scheduler()->probeNow(name);
        break;
    case PlaceAction::Kind::Pause:
        m_monitor->pause(name);
        break;
    case PlaceAction::Kind::Resume:
        m_monitor->resume(name);
        break;
    case PlaceAction::Kind::Pin:
        m_monitor->resolver()->pinAddresses(target->host, action.pin);
        break;
    case PlaceAction::Kind::Unpin:
        m_monitor->resolver()->unpinAddresses(target->host, action.pin.reason);
        break;
    }
    callback({true, QString()});
}

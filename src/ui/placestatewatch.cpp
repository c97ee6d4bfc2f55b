#include "placestatewatch.h"

#include "targetplace.h"
#include "words/statesentence.h"

NotifiedTarget notifiedTarget(const TargetPlace *place, const QString &target)
{
    return {target, place->isLocal() ? QString() : place->name()};
}

PlaceStateWatch::PlaceStateWatch(StateNotifier *notifier, QObject *parent)
    : QObject(parent), m_notifier(notifier)
{ }

void PlaceStateWatch::addPlace(TargetPlace *place)
{
    if (place->isLocal() || m_known.contains(place))
        return;
    m_known.insert(place, {});
    connect(place, &TargetPlace::targetChanged, this, [this, place](const QString &name) {
        if (const std::optional<TargetSnapshot> target = place->target(name);
            target && isSeen(place))
            lookAt(place, *target);
    });
    connect(place, &TargetPlace::targetsChanged, this, [this, place] { lookAtAll(place); });
    connect(place, &QObject::destroyed, this, [this, place] { m_known.remove(place); });
    lookAtAll(place);
}

bool PlaceStateWatch::isSeen(const TargetPlace *place)
{
    return !place->isConnecting() && !place->unreachableSince().isValid();
}

void PlaceStateWatch::lookAtAll(TargetPlace *place)
{
    if (!isSeen(place))
        return;
    // Those it no longer has are forgotten: one that comes back is new.
    const QHash<QString, TargetState> known = std::exchange(m_known[place], {});
    QHash<QString, TargetState> &now = m_known[place];
    const QList<TargetSnapshot> targets = place->targets();
    now.reserve(targets.size());
    for (const TargetSnapshot &target : targets) {
        now.insert(target.name, target.state);
        if (const auto before = known.constFind(target.name); before != known.cend())
            tell(place, target, *before);
    }
}

void PlaceStateWatch::lookAt(TargetPlace *place, const TargetSnapshot &target)
{
    QHash<QString, TargetState> &known = m_known[place];
    const auto found = known.find(target.name);
    if (found == known.end()) { // first seen: no change
        known.insert(target.name, target.state);
        return;
    }
    tell(place, target, std::exchange(*found, target.state));
}

void PlaceStateWatch::tell(const TargetPlace *place, const TargetSnapshot &target, TargetState from)
{
    if (from == target.state)
        return;
    const NotifiedTarget who = notifiedTarget(place, target.name);
    m_notifier->setCritical(who, target.critical);
    m_notifier->stateChanged(who, from, target.state, stateSentence(target));
}

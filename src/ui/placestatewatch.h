#pragma once

#include "statenotifier.h"

#include <QHash>
#include <QObject>

class TargetPlace;
struct TargetSnapshot;

// Who a place's target is to the notifier: this machine's by name alone, an agent's with the
// agent's name (two agents' "db" are two targets).
NotifiedTarget notifiedTarget(const TargetPlace *place, const QString &target);

// Tells a StateNotifier of the changes of state of the agents' targets, as the monitor tells it
// of this machine's: with whether the agent calls the target critical, and why in the user's
// words. What a place says first (its first status read, a target it did not have) is no change.
// While a place does not answer nothing is told (the readiness banner says that it does not);
// a target that changed meanwhile is told when it answers again. This machine's targets are not
// watched here: their changes come from its monitor.
class PlaceStateWatch : public QObject
{
    Q_OBJECT
public:
    PlaceStateWatch(StateNotifier *notifier, QObject *parent = nullptr);

    void addPlace(TargetPlace *place);

private:
    void lookAtAll(TargetPlace *place);
    void lookAt(TargetPlace *place, const TargetSnapshot &target);
    void tell(const TargetPlace *place, const TargetSnapshot &target, TargetState from);
    static bool isSeen(const TargetPlace *place);

    StateNotifier *m_notifier;
    QHash<const TargetPlace *, QHash<QString, TargetState>> m_known; // the last state of each
};

#pragma once

#include "placeaction.h"
#include "targetsnapshot.h"

#include "store/storedevent.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

// How a place's own targets stand, for the readiness banner: ready when every critical target
// there is reachable (notReady says each other one and why, with the place when it is an agent:
// "mlflow at fra1: timeout"), and how many are kept by fallback.
struct PlaceReadiness
{
    bool ready = true;
    QStringList notReady;
    int degraded = 0;
};

// A place that probes targets: this machine (LocalPlace, over the Monitor) or an agent where the
// services run (AgentPlace, over its HTTP API). The dashboard shows and steers every place the
// same way; only the place knows how its targets are reached.
class TargetPlace : public QObject
{
    Q_OBJECT
public:
    using OutcomeCallback = std::function<void(const ActionOutcome &)>;

    using QObject::QObject;

    virtual QString name() const = 0; // "this machine", or the agent's name
    virtual bool isLocal() const = 0;
    virtual QList<TargetSnapshot> targets() const = 0; // in the place's own order
    virtual std::optional<TargetSnapshot> target(const QString &name) const = 0;
    // Whether the target may have pinned addresses to remove (an agent's pins are not followed:
    // it answers when there is none).
    virtual bool mayBePinned(const QString &target) const = 0;
    virtual PlaceReadiness readiness() const = 0;
    // Since when the place has not answered (UTC); invalid while it answers. Its targets keep
    // their last known state meanwhile: they are not down, they are not seen.
    virtual QDateTime unreachableSince() const { return {}; }
    virtual QString problem() const { return {}; } // why it does not answer, in words
    // Its targets are not seen yet: it has not answered since the dashboard connected.
    virtual bool isConnecting() const { return false; }
    // Why the operator may not act here (a read-only token); empty when they may.
    virtual QString actionRefusal() const { return {}; }
    // Carries out action; callback runs once with how it went, unless context is gone first.
    virtual void act(const PlaceAction &action, QObject *context, OutcomeCallback callback) = 0;

Q_SIGNALS:
    void targetChanged(const QString &name); // a new result or state for one target
    void targetsChanged(); // any of them, or which there are, may have changed
    void reachChanged(); // unreachable since, the problem, the action refusal
    void readinessMayHaveChanged(); // a target changed state: time to look at readiness()
    void eventOccurred(const StoredEvent &event); // for the events pane, in order
};

#pragma once

#include "targetplace.h"

#include <QHash>

class Monitor;
struct TargetConfig;

// This machine as a place: the targets its own Monitor probes, acted on directly.
class LocalPlace : public TargetPlace
{
    Q_OBJECT
public:
    // name is how the dashboard calls this machine, in the user's language ("this machine").
    LocalPlace(Monitor *monitor, const QString &name, QObject *parent = nullptr);

    QString name() const override { return m_name; }
    bool isLocal() const override { return true; }
    QList<TargetSnapshot> targets() const override;
    std::optional<TargetSnapshot> target(const QString &name) const override;
    bool mayBePinned(const QString &target) const override;
    PlaceReadiness readiness() const override;
    void act(const PlaceAction &action, QObject *context, OutcomeCallback callback) override;

private:
    const TargetConfig *config(const QString &name) const; // by m_index
    void indexTargets();
    TargetSnapshot snapshotOf(const TargetConfig &target) const;

    Monitor *m_monitor;
    QString m_name;
    // Where each target is in the monitor's config: a place is asked by name for every row
    // it changes, so each look is a hash lookup, not a pass over all targets.
    QHash<QString, qsizetype> m_index;
};

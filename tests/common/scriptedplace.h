#pragma once

#include "targetplace.h"

// A place whose targets the test (or benchmark) sets: states changed at once, an agent that
// stops answering, readiness from the critical targets that are down. Actions are refused.
class ScriptedPlace : public TargetPlace
{
    Q_OBJECT
public:
    enum class Kind { Local, Agent };
    ScriptedPlace(const QString &name, Kind kind, QObject *parent = nullptr);

    // Targets named <prefix>0..<prefix>N-1, healthy, served fresh, every rate at 1.
    void addTargets(const QString &prefix, int count);
    void addTarget(const QString &name); // one, healthy, as above
    void setTarget(const TargetSnapshot &target); // a new one or a new state of one
    void setState(const QString &target, TargetState state);
    void setUnreachable(const QDateTime &since, const QString &problem);

    QString name() const override { return m_name; }
    bool isLocal() const override { return m_kind == Kind::Local; }
    QList<TargetSnapshot> targets() const override { return m_targets; }
    std::optional<TargetSnapshot> target(const QString &name) const override;
    bool mayBePinned(const QString &) const override { return false; }
    PlaceReadiness readiness() const override;
    QDateTime unreachableSince() const override { return m_unreachableSince; }
    QString problem() const override { return m_problem; }
    void act(const PlaceAction &action, QObject *context, OutcomeCallback callback) override;

private:
    QString m_name;
    Kind m_kind;
    QList<TargetSnapshot> m_targets;
    QDateTime m_unreachableSince;
    QString m_problem;
};

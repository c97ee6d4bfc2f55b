#pragma once

#include "config/appconfig.h"
#include "probe/proberesult.h"
#include "probe/probescheduler.h"
#include "probe/servicecheck.h"
#include "resolver/resolver.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

// Probes the configured targets in the background: the scheduler says when, the resolver gives
// an address (fresh, cached or from a fallback tier), the service checker says whether the
// service answers there. Every result is emitted; the engine owns the latest per target.
class ProbeEngine : public QObject
{
    Q_OBJECT
public:
    ProbeEngine(Resolver *resolver, ServiceChecker *checker, Clock *clock,
                const ProbeScheduler::Options &options, QObject *parent = nullptr);

    // Adds, changes and removes targets to match the config; targets that stay keep their state.
    void applyConfig(const AppConfig &config);

    ProbeScheduler *scheduler() { return &m_scheduler; }
    std::optional<ProbeResult> latest(const QString &target) const;
    QList<TargetConfig> targets() const { return m_targets.values(); }

Q_SIGNALS:
    void resultRecorded(const ProbeResult &result);
    void keptReachableByFallback(const ProbeResult &result);

private:
    // One probe on its way: the main path's result and check, and the compared paths' answers.
    struct PendingProbe
    {
        ProbeResult result;
        QList<LookupResult> compared;
        int waitingFor = 1;
    };
    void probe(const QString &target, std::function<void(ProbeScheduler::Outcome)> done);
    void record(ProbeResult result, const std::function<void(ProbeScheduler::Outcome)> &done);

    Resolver *m_resolver;
    ServiceChecker *m_checker;
    Clock *m_clock;
    ProbeScheduler m_scheduler;
    QHash<QString, TargetConfig> m_targets;
    QHash<QString, ProbeResult> m_latest;
};

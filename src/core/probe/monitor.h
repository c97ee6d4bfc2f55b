#pragma once

#include "config/appconfig.h"
#include "probe/cachecensus.h"
#include "probe/healthstatistics.h"
#include "probe/pathswatch.h"
#include "probe/probeengine.h"
#include "probe/soaserialswatch.h"
#include "probe/zonesignaturewatch.h"
#include "resolver/resolver.h"
#include "store/storedevent.h"

#include <QObject>

#include <memory>

// Everything that watches the targets of one config, wired together: the resolver, the service
// checker, the probe engine and the statistics. The agent and the dashboard both drive one.
class Monitor : public QObject
{
    Q_OBJECT
public:
    // Check and schedule timing come from the config's "probes" block.
    Monitor(const AppConfig &config, const EnvFallback &env, const MlflowCredentials &credentials,
            Clock *clock, QObject *parent = nullptr);

    static CheckOptions checkOptions(const ProbePolicy &policy,
                                     const MlflowCredentials &credentials);
    static ProbeScheduler::Options schedulerOptions(const ProbePolicy &policy);
    ~Monitor() override;

    // Applies a new config: targets that stay keep their statistics and schedule. Returns what
    // could not be applied without a restart (changed resolvers, cache or probe timing; targets
    // on a resolver that did not exist at start).
    QStringList applyConfig(const AppConfig &config);
    const AppConfig &config() const { return m_config; }

    void pause(const QString &target);
    void resume(const QString &target);

    Resolver *resolver() const { return m_resolver.get(); }
    ProbeEngine *engine() const { return m_engine.get(); }
    HealthStatistics *statistics() const { return m_statistics.get(); }
    // The signatures of the config's "dnssec_zones", asked at start and every interval_s.
    ZoneSignatureWatch *zones() const { return m_zones.get(); }
    Clock *clock() const { return m_clock; }
    // Each target counted once, by the state of its own cache entry, at now.
    CacheCensus cacheCensus(const QDateTime &now) const;

Q_SIGNALS:
    void resultRecorded(const ProbeResult &result);
    void stateChanged(const QString &target, TargetState from, TargetState to,
                      const QString &detail);
    void targetsApplied(); // config().targets are new (applyConfig)
    // The answer of a target with "alert_on_change" changed: the alert, with the change's facts
    // (StoredEvent::answerChangedAlertKind()).
    void answerChangeAlerted(const StoredEvent &alert);

private:
    void onResolverEvent(const ResolverEvent &event);

    AppConfig m_config;
    Clock *m_clock;
    std::unique_ptr<Resolver> m_resolver;
    std::unique_ptr<ServiceChecker> m_checker;
    std::unique_ptr<ProbeEngine> m_engine;
    std::unique_ptr<HealthStatistics> m_statistics;
    PathsWatch m_paths;
    SoaSerialsWatch m_soaSerials;
    std::unique_ptr<ZoneSignatureWatch> m_zones;
};

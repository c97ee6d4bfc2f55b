#include "monitor.h"

#include "config/configschema.h"
#include "config/resolverfactory.h"
#include "probe/answerchange.h"

#include <algorithm>

CheckOptions Monitor::checkOptions(const ProbePolicy &policy, const MlflowCredentials &credentials)
{
    CheckOptions options;
    options.timeoutMs = policy.checkTimeoutMs;
    options.maxRetries = policy.checkRetries;
    options.backoffFactorMs = policy.checkBackoffFactorMs;
    options.backoffJitterMs = policy.checkBackoffJitterMs;
    options.backoffMaxMs = policy.checkBackoffMaxMs;
    options.credentials = credentials;
    return options;
}

ProbeScheduler::Options Monitor::schedulerOptions(const ProbePolicy &policy)
{
    ProbeScheduler::Options options;
    options.maxConcurrent = policy.maxConcurrent;
    options.retryInitialMs = policy.retryInitialMs;
    options.retryMaxMs = policy.retryMaxMs;
    return options;
}

Monitor::Monitor(const AppConfig &config, const EnvFallback &env,
                 const MlflowCredentials &credentials, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_resolver(buildResolver(config, env, clock))
    , m_checker(std::make_unique<ServiceChecker>(checkOptions(config.probes, credentials), clock))
    , m_engine(std::make_unique<ProbeEngine>(m_resolver.get(), m_checker.get(), clock,
                                             schedulerOptions(config.probes)))
    , m_statistics(std::make_unique<HealthStatistics>(clock))
{
    connect(m_engine.get(), &ProbeEngine::resultRecorded, this, [this](const ProbeResult &result) {
        m_statistics->record(result);
        Q_EMIT resultRecorded(result);
        if (const std::optional<ResolverEvent> event = m_paths.observe(result))
            m_resolver->recordEvent(*event);
        if (const std::optional<ResolverEvent> event = m_soaSerials.observe(result))
            m_resolver->recordEvent(*event);
    });
    connect(m_statistics.get(), &HealthStatistics::stateChanged, this, &Monitor::stateChanged);
    connect(m_resolver.get(), &Resolver::eventOccurred, this, &Monitor::onResolverEvent);
    m_statistics->setTargets(config.targets);
    m_engine->applyConfig(config);
    m_zones = std::make_unique<ZoneSignatureWatch>(clock);
    connect(m_zones.get(), &ZoneSignatureWatch::eventOccurred, m_resolver.get(),
            &Resolver::recordEvent);
    m_zones->setZones(config.dnssecZones, config.resolvers);
    m_zones->start();
}

Monitor::~Monitor() = default;

namespace {
bool sameResolvers(const QList<ResolverConfig> &a, const QList<ResolverConfig> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].servers != b[i].servers
            || a[i].timeoutMs != b[i].timeoutMs || a[i].attempts != b[i].attempts
            || a[i].tlsName != b[i].tlsName || a[i].caCertificates != b[i].caCertificates
            || a[i].tlsIdleMs != b[i].tlsIdleMs)
            return false;
    }
    return true;
}
} // namespace

QStringList Monitor::applyConfig(const AppConfig &config)
{
    // Targets and their fallback_ips change at once and keep their history. Resolvers, the cache
    // policy and the probe timing stay as they were started (the cache must survive a reload);
    // changing those takes a restart, and the caller is told.
    QStringList notApplied;
    if (!sameResolvers(config.resolvers, m_config.resolvers))
        notApplied.append(BlockKey::Resolvers);
    if (config.cache != m_config.cache)
        notApplied.append(BlockKey::Cache);
    if (config.probes != m_config.probes)
        notApplied.append(BlockKey::Probes);
    if (config.history != m_config.history)
        notApplied.append(BlockKey::History);
    if (config.agent != m_config.agent)
        notApplied.append(BlockKey::Agent);
    if (config.agentWatch != m_config.agentWatch) // the agents' connections are made at start
        notApplied.append(BlockKey::AgentWatch);
    QList<TargetConfig> targets;
    for (const TargetConfig &target : config.targets) {
        const QStringList paths = target.paths();
        const auto isNew = [this](const QString &name) { return !m_resolver->backend(name); };
        if (const auto newOne = std::find_if(paths.cbegin(), paths.cend(), isNew);
            newOne == paths.cend())
            targets.append(target);
        else
            notApplied.append(QStringLiteral("target %1 (its resolver \"%2\" is new)")
                                      .arg(target.name, *newOne));
    }
    m_config.targets = targets;
    m_config.metrics = config.metrics; // the next scrape reads it
    if (config.dnssecZones != m_config.dnssecZones) {
        m_config.dnssecZones = config.dnssecZones;
        m_zones->setZones(config.dnssecZones, config.resolvers);
    }
    QStringList names;
    for (const TargetConfig &target : std::as_const(targets))
        names.append(target.name);
    m_paths.keepOnly(names);
    m_soaSerials.keepOnly(names);
    m_checker->keepOnly(names);
    m_resolver->setConfigPins(configPins(m_config));
    m_resolver->setAddressExpectations(addressExpectations(m_config));
    m_statistics->setTargets(m_config.targets);
    m_engine->applyConfig(m_config);
    Q_EMIT targetsApplied();
    return notApplied;
}

void Monitor::onResolverEvent(const ResolverEvent &event)
{
    if (event.kind != ResolverEvent::Kind::AddressesChanged)
        return;
    for (const TargetConfig &target : m_config.targets) {
        if (!AnswerChange::concerns(event, target))
            continue;
        m_statistics->noteAnswerChange(target.name);
        if (target.alertOnChange)
            Q_EMIT answerChangeAlerted(AnswerChange::alertOf(target.name, event));
    }
}

void Monitor::pause(const QString &target)
{
    m_engine->scheduler()->pause(target);
    m_statistics->setPaused(target, true);
}

void Monitor::resume(const QString &target)
{
    m_statistics->setPaused(target, false);
    m_engine->scheduler()->resume(target);
}

CacheCensus Monitor::cacheCensus(const QDateTime &now) const
{
    CacheCensus census;
    census.time = now.toUTC();
    for (const TargetConfig &target : m_config.targets) {
        const CacheEntrySnapshot entry = m_resolver->snapshotOf(
                ResolveRequest{target.host, target.resolver, target.record});
        census.counts[size_t(entry.state)] += 1;
    }
    return census;
}

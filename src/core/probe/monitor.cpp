#include "monitor.h"

#include "config/resolverfactory.h"

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
    });
    connect(m_statistics.get(), &HealthStatistics::stateChanged, this, &Monitor::stateChanged);
    m_statistics->setTargets(config.targets);
    m_engine->applyConfig(config);
}

Monitor::~Monitor() = default;

void Monitor::applyConfig(const AppConfig &config)
{
    // Targets change at once and keep their history. Resolvers and the cache policy stay as they
    // were started (the cache must survive a reload); changing those takes a restart.
    m_config.targets = config.targets;
    m_statistics->setTargets(config.targets);
    m_engine->applyConfig(config);
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

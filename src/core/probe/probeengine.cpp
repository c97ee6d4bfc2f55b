#include "probeengine.h"

#include "validationrequirement.h"

ProbeEngine::ProbeEngine(Resolver *resolver, ServiceChecker *checker, Clock *clock,
                         const ProbeScheduler::Options &options, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
    , m_checker(checker)
    , m_clock(clock)
    , m_scheduler(options, clock,
                  [this](const QString &target, auto done) { probe(target, std::move(done)); })
{ }

void ProbeEngine::applyConfig(const AppConfig &config)
{
    QHash<QString, TargetConfig> next;
    for (const TargetConfig &target : config.targets)
        next.insert(target.name, target);
    for (const QString &name : m_targets.keys()) {
        if (!next.contains(name)) {
            m_scheduler.removeTarget(name);
            m_latest.remove(name);
        }
    }
    m_targets = next;
    for (const TargetConfig &target : std::as_const(m_targets))
        m_scheduler.setTarget(target.name, target.intervalS * 1000);
}

std::optional<ProbeResult> ProbeEngine::latest(const QString &target) const
{
    const auto found = m_latest.constFind(target);
    if (found == m_latest.cend())
        return std::nullopt;
    return found.value();
}

void ProbeEngine::probe(const QString &name, std::function<void(ProbeScheduler::Outcome)> done)
{
    const auto found = m_targets.constFind(name);
    if (found == m_targets.cend())
        return done(ProbeScheduler::Outcome::Failure);
    const TargetConfig target = found.value();
    const QDateTime started = m_clock->wallTime();
    m_resolver->resolve({target.host, target.resolver, target.record}, this,
                        [this, target, started, done](const LookupResult &resolution) {
                            ProbeResult result;
                            result.time = started;
                            result.target = target.name;
                            result.resolution = resolution;
                            applyValidationRequirement(target, &result.resolution);
                            if (!resolution.hasAddresses())
                                return record(std::move(result), done);
                            m_checker->run(
                                    target.check, resolution.addresses, this,
                                    [this, result, done](const CheckOutcome &outcome) mutable {
                                        result.checked = true;
                                        result.check = outcome;
                                        result.reachable = outcome.ok;
                                        record(std::move(result), done);
                                    });
                        });
}

void ProbeEngine::record(ProbeResult result,
                         const std::function<void(ProbeScheduler::Outcome)> &done)
{
    if (m_targets.contains(result.target)) // not removed while it ran
        m_latest.insert(result.target, result);
    Q_EMIT resultRecorded(result);
    if (result.keptReachableByFallback())
        Q_EMIT keptReachableByFallback(result);
    done(result.reachable ? ProbeScheduler::Outcome::Success : ProbeScheduler::Outcome::Failure);
}

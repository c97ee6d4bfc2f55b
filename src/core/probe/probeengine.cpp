#include "probeengine.h"

#include "probe/pathlookups.h"
#include "validationrequirement.h"

#include <memory>

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
    // The compared paths run beside the main one; the result waits for both.
    auto pending = std::make_shared<PendingProbe>();
    pending->result.time = m_clock->wallTime();
    pending->result.target = target.name;
    pending->waitingFor = target.compare.isEmpty() ? 1 : 2;
    const auto partDone = [this, pending, target, done] {
        if (--pending->waitingFor > 0)
            return;
        if (!target.compare.isEmpty())
            pending->result.paths = PathComparison::of(
                    QList<LookupResult>{pending->result.resolution} + pending->compared,
                    target.expectDivergence);
        record(std::move(pending->result), done);
    };
    if (!target.compare.isEmpty())
        PathLookups::start(m_resolver, target, this,
                           [pending, partDone](const QList<LookupResult> &answers) {
                               pending->compared = answers;
                               partDone();
                           });
    m_resolver->resolve({target.host, target.resolver, target.record}, this,
                        [this, target, pending, partDone](const LookupResult &resolution) {
                            pending->result.resolution = resolution;
                            applyValidationRequirement(target, &pending->result.resolution);
                            if (!resolution.hasAddresses())
                                return partDone();
                            m_checker->run(
                                    target.check, resolution.addresses, this,
                                    [pending, partDone](const CheckOutcome &outcome) {
                                        pending->result.checked = true;
                                        pending->result.check = outcome;
                                        pending->result.reachable = outcome.ok;
                                        partDone();
                                    },
                                    target.name);
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

#include "oncerunner.h"

#include "probe/validationrequirement.h"

OnceRunner::OnceRunner(const AppConfig &config, Resolver *resolver, ServiceChecker *checker,
                       QObject *parent)
    : QObject(parent), m_config(config), m_resolver(resolver), m_checker(checker)
{ }

void OnceRunner::start()
{
    m_started = true;
    const int count = int(m_config.targets.size());
    m_outcomes.resize(count);
    m_answered.fill(false, count);
    m_done.fill(false, count);
    m_requests.fill(0, count);
    m_pathLookups.fill(nullptr, count);
    m_compared = QList<std::optional<QList<LookupResult>>>(count);
    m_settled.fill(false, count);
    m_pending = count;
    int longestMs = 0;
    for (const TargetConfig &target : std::as_const(m_config.targets)) {
        for (const QString &path : target.paths()) {
            if (ResolverBackend *backend = m_resolver->backend(path))
                longestMs = qMax(longestMs, backend->lookupTimeoutMs());
        }
    }
    // A check may take every try with its backoff: (retries + 1) timeouts and retries delays.
    const ProbePolicy &probes = m_config.probes;
    const int checkMs = m_checker ? (probes.checkRetries + 1) * probes.checkTimeoutMs
                    + probes.checkRetries * (probes.checkBackoffMaxMs + probes.checkBackoffJitterMs)
                                  : 0;
    const int guardMs = longestMs + m_config.cache.clientResponseTimerMs + checkMs + 1000;
    m_guard = m_resolver->clock()->callAfter(guardMs, this, [this] { onGuardDeadline(); });

    for (int i = 0; i < count; ++i) {
        const TargetConfig &target = m_config.targets[i];
        m_outcomes[i].target = target;
        if (!target.compare.isEmpty())
            m_pathLookups[i] = PathLookups::start(m_resolver, target, this,
                                                  [this, i](const QList<LookupResult> &answers) {
                                                      m_compared[i] = answers;
                                                      settle(i);
                                                  });
        ResolveRequest request{target.host, target.resolver, target.record};
        m_requests[i] = m_resolver->resolve(
                request, this, [this, i](const LookupResult &result) { record(i, result); });
    }
    if (count == 0)
        QMetaObject::invokeMethod(this, &OnceRunner::finished, Qt::QueuedConnection);
}

bool OnceRunner::ready() const
{
    for (const TargetOutcome &outcome : m_outcomes) {
        if (outcome.target.critical && outcome.state == TargetState::Down)
            return false;
    }
    return true;
}

void OnceRunner::record(int index, const LookupResult &result)
{
    if (m_answered[index])
        return;
    m_answered[index] = true;
    m_outcomes[index].result = result;
    applyValidationRequirement(m_outcomes[index].target, &m_outcomes[index].result);
    if (!m_checker || !result.hasAddresses())
        return complete(index);
    m_checker->run(
            m_outcomes[index].target.check, result.addresses, this,
            [this, index](const CheckOutcome &check) {
                if (m_done[index])
                    return; // the deadline came first
                m_outcomes[index].check = check;
                complete(index);
            },
            m_outcomes[index].target.name);
}

void OnceRunner::complete(int index)
{
    if (m_done[index])
        return;
    m_done[index] = true;
    m_outcomes[index].judge();
    settle(index);
}

void OnceRunner::settle(int index)
{
    if (m_settled[index] || !m_done[index] || (m_pathLookups[index] && !m_compared[index]))
        return;
    m_settled[index] = true;
    TargetOutcome &outcome = m_outcomes[index];
    if (m_compared[index])
        outcome.paths = PathComparison::of(QList<LookupResult>{outcome.result} + *m_compared[index],
                                           outcome.target.expectDivergence);
    if (--m_pending == 0) {
        m_resolver->clock()->cancel(m_guard);
        // Cache hits answer inside start(); let it return before anyone reacts.
        QMetaObject::invokeMethod(this, &OnceRunner::finished, Qt::QueuedConnection);
    }
}

void OnceRunner::onGuardDeadline()
{
    for (int i = 0; i < m_outcomes.size(); ++i) {
        if (m_pathLookups[i] && !m_compared[i]) {
            m_compared[i] = m_pathLookups[i]->answersSoFar(
                    QStringLiteral("no answer before the run's deadline"));
            m_pathLookups[i]->abandon();
            settle(i);
        }
    }
    for (int i = 0; i < m_outcomes.size(); ++i) {
        if (m_done[i])
            continue;
        if (m_answered[i]) { // resolved; the check is what is late
            CheckOutcome late;
            late.address = m_outcomes[i].result.addresses.value(0);
            late.detail = QStringLiteral("no answer before the run's deadline");
            m_outcomes[i].check = late;
            complete(i);
            continue;
        }
        m_resolver->abandon(m_requests[i]);
        LookupResult result;
        result.host = m_outcomes[i].target.host;
        result.resolver = m_outcomes[i].target.resolver;
        result.kind = m_outcomes[i].target.record;
        result.cause = FailureCause::Timeout;
        result.detail = QStringLiteral("no answer before the run's deadline");
        m_answered[i] = true;
        m_outcomes[i].result = result;
        complete(i);
    }
}

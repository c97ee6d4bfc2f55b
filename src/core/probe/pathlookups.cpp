#include "pathlookups.h"

PathLookups::PathLookups(Resolver *resolver, const TargetConfig &target, Done done)
    : m_resolver(resolver)
    , m_target(target)
    , m_done(std::move(done))
    , m_answers(target.compare.size())
    , m_requests(target.compare.size(), 0)
    , m_waiting(target.compare.size())
{ }

std::shared_ptr<PathLookups> PathLookups::start(Resolver *resolver, const TargetConfig &target,
                                                QObject *context, Done done)
{
    std::shared_ptr<PathLookups> lookups(new PathLookups(resolver, target, std::move(done)));
    for (qsizetype i = 0; i < target.compare.size(); ++i) {
        const ResolveRequest request{target.host, target.compare[i], target.record};
        lookups->m_requests[i] = resolver->resolve(
                request, context,
                [lookups, i](const LookupResult &result) { lookups->answer(i, result); });
    }
    if (target.compare.isEmpty() && lookups->m_done)
        lookups->m_done({});
    return lookups;
}

void PathLookups::answer(qsizetype index, const LookupResult &result)
{
    if (m_answers[index] || !m_done)
        return;
    m_answers[index] = result;
    if (--m_waiting == 0) {
        const Done done = std::exchange(m_done, nullptr);
        done(answersSoFar(QString()));
    }
}

QList<LookupResult> PathLookups::answersSoFar(const QString &why) const
{
    QList<LookupResult> answers;
    for (qsizetype i = 0; i < m_answers.size(); ++i) {
        if (m_answers[i]) {
            answers.append(*m_answers[i]);
            continue;
        }
        LookupResult late;
        late.host = m_target.host;
        late.resolver = m_target.compare[i];
        late.kind = m_target.record;
        late.cause = FailureCause::Timeout;
        late.detail = why;
        answers.append(late);
    }
    return answers;
}

void PathLookups::abandon()
{
    m_done = nullptr;
    for (qsizetype i = 0; i < m_answers.size(); ++i) {
        if (!m_answers[i] && m_resolver)
            m_resolver->abandon(m_requests[i]);
    }
}

#pragma once

#include "config/appconfig.h"
#include "resolver/resolver.h"

#include <QList>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

// Looks a target's host up through each of its compared resolvers at once, each path through
// its own cache entry, and gives the answers (in the order of "compare") when the last came.
class PathLookups : public std::enable_shared_from_this<PathLookups>
{
public:
    using Done = std::function<void(const QList<LookupResult> &answers)>;

    // Starts the lookups; done is called once, in context, unless abandoned first.
    static std::shared_ptr<PathLookups> start(Resolver *resolver, const TargetConfig &target,
                                              QObject *context, Done done);

    bool finished() const { return m_waiting == 0; }
    // The answers so far; a path still waiting reads as a timeout with why as its detail.
    QList<LookupResult> answersSoFar(const QString &why) const;
    // Stops waiting: the lookups still running are abandoned and done is never called.
    void abandon();

private:
    PathLookups(Resolver *resolver, const TargetConfig &target, Done done);
    void answer(qsizetype index, const LookupResult &result);

    QPointer<Resolver> m_resolver;
    TargetConfig m_target;
    Done m_done;
    QList<std::optional<LookupResult>> m_answers;
    QList<Resolver::RequestId> m_requests;
    qsizetype m_waiting = 0;
};

#include "eventfeed.h"

#include "clock.h"
#include "probe/monitor.h"
#include "store/storedevent.h"

#include <algorithm>

qint64 EventFeed::startId(qint64 lastPersistedId, const QDateTime &wallTime)
{
    return std::max(lastPersistedId + 1, wallTime.toMSecsSinceEpoch() * IdsPerMillisecond);
}

EventFeed::EventFeed(Clock *clock, qint64 firstId, int capacity, QObject *parent)
    : QObject(parent), m_clock(clock), m_nextId(firstId), m_capacity(std::max(1, capacity))
{ }

void EventFeed::continueAfter(qint64 lastPersistedId)
{
    if (m_events.empty())
        m_nextId = std::max(m_nextId, lastPersistedId + 1);
}

void EventFeed::watch(const Monitor *monitor)
{
    m_monitor = monitor;
    connect(monitor->resolver(), &Resolver::eventOccurred, this,
            [this](const ResolverEvent &event) { record(event, m_monitor->config().targets); });
    connect(monitor, &Monitor::answerChangeAlerted, this,
            [this](const StoredEvent &alert) { record(alert); });
    connect(monitor, &Monitor::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                recordStateChange(target, from, to, detail, m_monitor->config().targets);
            });
}

void EventFeed::record(const AgentAction &action)
{
    record(action, m_monitor ? m_monitor->config().targets : QList<TargetConfig>());
}

void EventFeed::record(const AgentAction &action, const QList<TargetConfig> &targets)
{
    const auto target = std::find_if(targets.cbegin(), targets.cend(), [&](const TargetConfig &t) {
        return t.name == action.target;
    });
    FeedEvent event;
    event.time = m_clock->wallTime();
    event.kind = action.kind;
    event.target = action.target;
    event.host = target != targets.cend() ? target->host : QString();
    event.detail = action.detail;
    event.actor = action.actor;
    append(std::move(event));
}

void EventFeed::record(const ResolverEvent &resolverEvent, const QList<TargetConfig> &targets)
{
    FeedEvent event;
    event.time = resolverEvent.time.isValid() ? resolverEvent.time : m_clock->wallTime();
    event.kind = eventKindName(resolverEvent.kind);
    event.target = resolverEvent.target.isEmpty()
            ? targetOf(resolverEvent.host, resolverEvent.resolver, targets)
            : resolverEvent.target;
    event.host = resolverEvent.host;
    event.detail = resolverEvent.detail;
    event.actor = resolverEvent.actor;
    const StoredEvent facts = StoredEvent::fromResolverEvent(resolverEvent);
    event.resolver = facts.resolver;
    event.tier = facts.tier;
    event.cause = facts.cause;
    event.before = facts.before;
    event.after = facts.after;
    event.ttlS = facts.ttlS;
    event.validation = facts.validation;
    event.extendedErrors = facts.extendedErrors;
    append(std::move(event));
}

void EventFeed::record(const StoredEvent &alert)
{
    FeedEvent event;
    event.time = alert.time.isValid() ? alert.time : m_clock->wallTime();
    event.kind = alert.kind;
    event.target = alert.target;
    event.host = alert.host;
    event.detail = alert.detail;
    event.actor = alert.actor;
    event.resolver = alert.resolver;
    event.tier = alert.tier;
    event.cause = alert.cause;
    event.before = alert.before;
    event.after = alert.after;
    event.ttlS = alert.ttlS;
    event.validation = alert.validation;
    event.extendedErrors = alert.extendedErrors;
    append(std::move(event));
}

void EventFeed::recordStateChange(const QString &target, TargetState from, TargetState to,
                                  const QString &detail, const QList<TargetConfig> &targets)
{
    const auto config = std::find_if(targets.cbegin(), targets.cend(),
                                     [&](const TargetConfig &t) { return t.name == target; });
    FeedEvent event;
    event.time = m_clock->wallTime();
    event.kind = StoredEvent::stateChangedKind();
    event.target = target;
    event.host = config != targets.cend() ? config->host : QString();
    event.detail = QStringLiteral("%1 -> %2").arg(targetStateName(from), targetStateName(to));
    if (!detail.isEmpty())
        event.detail += QStringLiteral(" (%1)").arg(detail);
    event.before = {targetStateName(from)};
    event.after = {targetStateName(to)};
    event.reason = detail;
    append(std::move(event));
}

QString EventFeed::targetOf(const QString &host, const QString &resolver,
                            const QList<TargetConfig> &targets)
{
    const TargetConfig *firstWithHost = nullptr;
    for (const TargetConfig &target : targets) {
        if (target.host.compare(host, Qt::CaseInsensitive) != 0)
            continue;
        if (resolver.isEmpty() || target.resolver == resolver)
            return target.name;
        if (!firstWithHost)
            firstWithHost = &target;
    }
    return firstWithHost ? firstWithHost->name : QString();
}

void EventFeed::append(FeedEvent event)
{
    event.id = m_nextId++;
    event.time = event.time.toUTC();
    m_events.push_back(std::move(event));
    while (int(m_events.size()) > m_capacity)
        m_events.pop_front();
    Q_EMIT appended(lastId());
}

EventFeed::Page EventFeed::after(qint64 id, int limit) const
{
    Page page;
    page.lastId = lastId();
    const qint64 firstHeld = m_events.empty() ? m_nextId : m_events.front().id;
    page.gap = id + 1 < firstHeld || id > page.lastId;
    if (id >= page.lastId)
        return page;
    // IDs are contiguous within the ring: the first one after id is at a known place.
    const qint64 from = std::max<qint64>(id + 1, firstHeld) - firstHeld;
    const qint64 until = std::min<qint64>(qint64(m_events.size()), from + std::max(0, limit));
    for (qint64 i = from; i < until; ++i)
        page.events.append(m_events[size_t(i)]);
    return page;
}

#pragma once

#include "agentaction.h"
#include "config/appconfig.h"
#include "feedevent.h"
#include "probe/targetstate.h"
#include "resolver/resolverevent.h"
#include "store/storedevent.h"

#include <QObject>

#include <deque>

class Clock;
class Monitor;

// The agent's event feed: every resolver event, target state change and operator action gets
// the next ID and is kept in a bounded ring, newest last. IDs are contiguous within one run and
// start above anything an earlier run can have used (startId()), so a client that remembers the
// last ID it saw asks for what came after it and learns (gap) when some of that is gone.
class EventFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 10000;
    static constexpr int MaxPerAnswer = 500;
    // The wall clock's milliseconds times this: a restart starts above any ID the run before
    // could have given (even one a moment ago), unless it gave more than a thousand a
    // millisecond; stays below 2^53 until 2255.
    static constexpr qint64 IdsPerMillisecond = 1000;

    struct Page
    {
        QList<FeedEvent> events; // oldest first, at most the limit asked for
        qint64 lastId = 0; // the newest ID given so far (startId() - 1 before the first)
        // Events after the ID asked for are no longer held (dropped from the ring, or from before
        // this run), or the ID is ahead of lastId (the client saw another run).
        bool gap = false;
    };

    // The first ID of a run: above the last one persisted and above what the wall clock says.
    static qint64 startId(qint64 lastPersistedId, const QDateTime &wallTime);

    EventFeed(Clock *clock, qint64 firstId, int capacity = DefaultCapacity,
              QObject *parent = nullptr);

    // The ID an earlier run kept (--db) before anything was recorded: IDs go on above it.
    void continueAfter(qint64 lastPersistedId);

    // Feeds it from monitor's resolver and state changes; targets are looked up in the config
    // the monitor has at the time.
    void watch(const Monitor *monitor);

    // An operator's action (pause, resume, probe now), as the access layer reports it.
    void record(const AgentAction &action, const QList<TargetConfig> &targets);
    void record(const AgentAction &action);
    void record(const ResolverEvent &event, const QList<TargetConfig> &targets);
    // A target's alert that the core reports as a stored event (an answer change's alert).
    void record(const StoredEvent &alert);
    void recordStateChange(const QString &target, TargetState from, TargetState to,
                           const QString &detail, const QList<TargetConfig> &targets);

    Page after(qint64 id, int limit = MaxPerAnswer) const;
    qint64 lastId() const { return m_nextId - 1; }
    int held() const { return int(m_events.size()); }

    // The target an event about host belongs to: the first in config order with that host and,
    // when resolver is given, that resolver; else the first with that host; else empty.
    static QString targetOf(const QString &host, const QString &resolver,
                            const QList<TargetConfig> &targets);

Q_SIGNALS:
    void appended(qint64 id);

private:
    void append(FeedEvent event);

    Clock *m_clock;
    const Monitor *m_monitor = nullptr;
    qint64 m_nextId;
    int m_capacity;
    std::deque<FeedEvent> m_events;
};

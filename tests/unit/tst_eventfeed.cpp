// The agent's event feed on a ManualClock: IDs contiguous and growing, oldest first, at most a
// page at a time; "gap" when the ring dropped what came after the ID asked from, when the ID is
// from before this run, or when it is ahead of the newest; the restart rule for the first ID;
// the actor, the target of a host and the history's kind words carried.
#include "clock.h"
#include "eventfeed.h"
#include "eventsjson.h"
#include "resolver/resolvereventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

constexpr qint64 FirstId = 5'000'000;

ResolverEvent failure(const QString &host, const QString &resolver = QStringLiteral("system"))
{
    ResolverEvent event = ResolverEventLog::resolutionFailed(resolver, host, FailureCause::Timeout,
                                                             QStringLiteral("timeout"));
    event.time = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0, 250), Qt::UTC);
    return event;
}

TargetConfig target(const QString &name, const QString &host,
                    const QString &resolver = QStringLiteral("system"))
{
    TargetConfig config;
    config.name = name;
    config.host = host;
    config.resolver = resolver;
    return config;
}

QList<qint64> ids(const EventFeed::Page &page)
{
    QList<qint64> ids;
    for (const FeedEvent &event : page.events)
        ids.append(event.id);
    return ids;
}

} // namespace

class TestEventFeed : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;

private Q_SLOTS:
    void idsAreContiguousAndOldestFirst()
    {
        EventFeed feed(&m_clock, FirstId);
        QCOMPARE(feed.lastId(), FirstId - 1);
        for (int i = 0; i < 5; ++i)
            feed.record(failure(QStringLiteral("a.test")), {});
        QCOMPARE(feed.lastId(), FirstId + 4);
        const EventFeed::Page all = feed.after(FirstId - 1);
        QCOMPARE(ids(all),
                 (QList<qint64>{FirstId, FirstId + 1, FirstId + 2, FirstId + 3, FirstId + 4}));
        QVERIFY(!all.gap);
        QCOMPARE(all.lastId, FirstId + 4);
        const EventFeed::Page rest = feed.after(FirstId + 2);
        QCOMPARE(ids(rest), (QList<qint64>{FirstId + 3, FirstId + 4}));
        QVERIFY(!rest.gap);
        const EventFeed::Page none = feed.after(FirstId + 4);
        QVERIFY(none.events.isEmpty());
        QVERIFY(!none.gap);
    }

    void aPageHoldsAtMostTheLimitAndGoesOnFromItsLastId()
    {
        EventFeed feed(&m_clock, FirstId);
        for (int i = 0; i < EventFeed::MaxPerAnswer + 20; ++i)
            feed.record(failure(QStringLiteral("a.test")), {});
        const EventFeed::Page first = feed.after(FirstId - 1);
        QCOMPARE(first.events.size(), EventFeed::MaxPerAnswer);
        QCOMPARE(first.events.constLast().id, FirstId + EventFeed::MaxPerAnswer - 1);
        const EventFeed::Page second = feed.after(first.events.constLast().id);
        QCOMPARE(second.events.size(), 20);
        QCOMPARE(second.events.constFirst().id, FirstId + EventFeed::MaxPerAnswer);
        QVERIFY(!second.gap);
    }

    void theRingDroppingEventsIsAGap()
    {
        EventFeed feed(&m_clock, FirstId, 3);
        for (int i = 0; i < 5; ++i)
            feed.record(failure(QStringLiteral("a.test")), {});
        QCOMPARE(feed.held(), 3);
        // FirstId and FirstId + 1 were dropped: after FirstId - 1 and FirstId, some are missing.
        for (const qint64 after : {FirstId - 1, FirstId}) {
            const EventFeed::Page page = feed.after(after);
            QVERIFY2(page.gap, qPrintable(QString::number(after)));
            QCOMPARE(ids(page), (QList<qint64>{FirstId + 2, FirstId + 3, FirstId + 4}));
        }
        // After FirstId + 1 nothing is missing.
        QVERIFY(!feed.after(FirstId + 1).gap);
    }

    void anIdFromBeforeThisRunIsAGap()
    {
        EventFeed feed(&m_clock, FirstId);
        QVERIFY(feed.after(0).gap);
        QVERIFY(feed.after(FirstId - 10).gap);
        QVERIFY(!feed.after(FirstId - 1).gap); // the newest of the run before, seen
    }

    void anIdAheadOfTheNewestIsAGap()
    {
        EventFeed feed(&m_clock, FirstId);
        feed.record(failure(QStringLiteral("a.test")), {});
        const EventFeed::Page page = feed.after(FirstId + 100);
        QVERIFY(page.gap);
        QVERIFY(page.events.isEmpty());
        QCOMPARE(page.lastId, FirstId);
    }

    void aRestartStartsAboveThePersistedIdAndTheWallClock()
    {
        const QDateTime wall = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        const qint64 fromClock = wall.toMSecsSinceEpoch() * EventFeed::IdsPerMillisecond;
        // Without a persisted ID (no --db): the wall clock's milliseconds, in thousands.
        QCOMPARE(EventFeed::startId(0, wall), fromClock);
        // A run that gave many IDs, then a clock stepped back: still above the persisted one.
        QCOMPARE(EventFeed::startId(fromClock + 5000, wall.addSecs(-3600)), fromClock + 5001);
        // A later restart with the persisted ID behind the clock: the clock.
        QCOMPARE(EventFeed::startId(fromClock + 5000, wall.addSecs(1)),
                 fromClock + 1000 * EventFeed::IdsPerMillisecond);
        // A restart a millisecond later starts above what the run before began with.
        QCOMPARE(EventFeed::startId(0, wall.addMSecs(1)), fromClock + EventFeed::IdsPerMillisecond);
        // Exact in a JSON number (a double) until long after our time.
        const QDateTime far = QDateTime(QDate(2250, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(EventFeed::startId(0, far) < (qint64(1) << 53));
    }

    void theActorAndTheKindWordsAreCarried()
    {
        EventFeed feed(&m_clock, FirstId);
        PinnedFallback pin;
        pin.addresses = {QHostAddress(QStringLiteral("192.0.2.1"))};
        ResolverEvent pinned = ResolverEventLog::pinned(QStringLiteral("a.test"), pin);
        pinned.actor = QStringLiteral("alice");
        feed.record(pinned, {target(QStringLiteral("A"), QStringLiteral("a.test"))});
        feed.record(AgentAction{QStringLiteral("paused"), QStringLiteral("A"),
                                QStringLiteral("paused by bob"), QStringLiteral("bob")},
                    {target(QStringLiteral("A"), QStringLiteral("a.test"))});
        feed.recordStateChange(QStringLiteral("A"), TargetState::Healthy, TargetState::Paused,
                               QString(), {target(QStringLiteral("A"), QStringLiteral("a.test"))});
        const QList<FeedEvent> events = feed.after(FirstId - 1).events;
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].kind, QStringLiteral("pinned"));
        QCOMPARE(events[0].actor, QStringLiteral("alice"));
        QCOMPARE(events[0].target, QStringLiteral("A"));
        QCOMPARE(events[1].kind, QStringLiteral("paused"));
        QCOMPARE(events[1].actor, QStringLiteral("bob"));
        QCOMPARE(events[1].host, QStringLiteral("a.test"));
        QCOMPARE(events[1].detail, QStringLiteral("paused by bob"));
        QCOMPARE(events[1].time, m_clock.wallTime());
        QCOMPARE(events[2].kind, QStringLiteral("state_changed"));
        QCOMPARE(events[2].detail, QStringLiteral("healthy -> paused"));
        QCOMPARE(events[2].actor, QString()); // the agent's own
    }

    void aHostMapsToTheFirstTargetWithItsResolver()
    {
        const QList<TargetConfig> targets{
                target(QStringLiteral("one"), QStringLiteral("a.test"), QStringLiteral("lab")),
                target(QStringLiteral("two"), QStringLiteral("a.test")),
                target(QStringLiteral("three"), QStringLiteral("a.test")),
        };
        QCOMPARE(EventFeed::targetOf(QStringLiteral("a.test"), QStringLiteral("system"), targets),
                 QStringLiteral("two"));
        QCOMPARE(EventFeed::targetOf(QStringLiteral("A.TEST"), QStringLiteral("lab"), targets),
                 QStringLiteral("one"));
        // Pins and cache clears name no resolver; a resolver no target uses: the first.
        QCOMPARE(EventFeed::targetOf(QStringLiteral("a.test"), QString(), targets),
                 QStringLiteral("one"));
        QCOMPARE(EventFeed::targetOf(QStringLiteral("a.test"), QStringLiteral("other"), targets),
                 QStringLiteral("one"));
        QCOMPARE(EventFeed::targetOf(QStringLiteral("b.test"), QString(), targets), QString());
    }

    void anEventOfATargetsCheckNamesThatTargetNotTheFirstWithItsHost()
    {
        const QList<TargetConfig> targets{
                target(QStringLiteral("web"), QStringLiteral("zone.test")),
                target(QStringLiteral("zone-serials"), QStringLiteral("zone.test")),
        };
        ResolverEvent diverged;
        diverged.kind = ResolverEvent::Kind::SoaSerialsDiverged;
        diverged.resolver = QStringLiteral("system");
        diverged.host = QStringLiteral("zone.test");
        diverged.target = QStringLiteral("zone-serials");
        EventFeed feed(&m_clock, FirstId);
        feed.record(diverged, targets);
        const QList<FeedEvent> events = feed.after(FirstId - 1).events;
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].target, QStringLiteral("zone-serials"));
        QCOMPARE(events[0].kind, QStringLiteral("soa_serials_diverged"));
    }

    void theJsonHasEveryField()
    {
        EventFeed feed(&m_clock, FirstId);
        feed.record(failure(QStringLiteral("a.test")), {});
        const QJsonObject body = QJsonDocument::fromJson(eventsPageJson(feed.after(0))).object();
        QCOMPARE(body.value(QStringLiteral("last_id")).toDouble(), double(FirstId));
        QCOMPARE(body.value(QStringLiteral("gap")).toBool(), true);
        const QJsonObject event = body.value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(event.keys(),
                 (QStringList{
                         QStringLiteral("actor"), QStringLiteral("after"), QStringLiteral("before"),
                         QStringLiteral("cause"), QStringLiteral("detail"), QStringLiteral("ede"),
                         QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("kind"),
                         QStringLiteral("reason"), QStringLiteral("resolver"),
                         QStringLiteral("target"), QStringLiteral("tier"), QStringLiteral("time"),
                         QStringLiteral("ttl_s"), QStringLiteral("validated")}));
        // The resolver was not asked for DNSSEC, and the answer gave no Extended DNS Error.
        QVERIFY(event.value(QStringLiteral("validated")).isNull());
        QCOMPARE(event.value(QStringLiteral("ede")).toArray(), QJsonArray());
        QCOMPARE(event.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-03-01T12:00:00.250Z"));
        QCOMPARE(event.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("resolution_failed"));
        QCOMPARE(event.value(QStringLiteral("actor")).toString(), QString());
        QCOMPARE(event.value(QStringLiteral("target")).toString(), QString());
        // The facts beside the words, in machine words.
        QCOMPARE(event.value(QStringLiteral("cause")).toString(), QStringLiteral("timeout"));
        QVERIFY(event.value(QStringLiteral("after")).isArray());
        feed.recordStateChange(QStringLiteral("api"), TargetState::Healthy, TargetState::Degraded,
                               QStringLiteral("served from the stale cache"), {});
        const QJsonObject change = QJsonDocument::fromJson(eventsPageJson(feed.after(FirstId)))
                                           .object()
                                           .value(QStringLiteral("events"))
                                           .toArray()
                                           .at(0)
                                           .toObject();
        QCOMPARE(change.value(QStringLiteral("before")).toArray(),
                 QJsonArray{QStringLiteral("healthy")});
        QCOMPARE(change.value(QStringLiteral("after")).toArray(),
                 QJsonArray{QStringLiteral("degraded")});
        QCOMPARE(change.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("served from the stale cache"));
    }
};

QTEST_GUILESS_MAIN(TestEventFeed)
#include "tst_eventfeed.moc"

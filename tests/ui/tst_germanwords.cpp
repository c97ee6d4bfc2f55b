// The dashboard in German (its translations installed as the dashboard does): the targets
// table, the event log and its kind chooser, the cache inspector and the readiness banner show
// targets in every state, source tier and failure cause, events of every kind and cache entries
// of every state, and no cell, tooltip, label or chooser entry says a machine word of the core
// (the lists are built from the core's enums, so a new cause is covered without a change here).
// Every event the core writes (built by its own builders, in its English words) is said in the
// event log and in the charts' fallback markers with none of those words and none of the
// English words the core said it with, both from this machine and through an agent's event feed
// (its JSON, as the agent writes and the dashboard reads it); an older agent's words are shown as
// sent. An unknown word from a newer agent is shown as sent. The latency axis says "0,3 ms".
#include "agentstoredevent.h"
#include "cachetablemodel.h"
#include "charts/chartdata.h"
#include "charts/latencychart.h"
#include "charts/successchart.h"
#include "clock.h"
#include "eventfeed.h"
#include "eventlogmodel.h"
#include "eventsjson.h"
#include "eventspane.h"
#include "probe/healthstatistics.h"
#include "readinessbanner.h"
#include "resolver/resolver.h"
#include "resolver/resolvereventlog.h"
#include "targetplace.h"
#include "targettablemodel.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTest>

namespace {
// Every machine word the core and the agents' API use for what the dashboard shows.
QStringList machineWords()
{
    QStringList words;
    for (TargetState state : {TargetState::Unknown, TargetState::Healthy, TargetState::Degraded,
                              TargetState::Down, TargetState::Paused})
        words.append(targetStateName(state));
    for (int source = int(ResolutionSource::None); source <= int(ResolutionSource::Env); ++source)
        words.append(sourceName(ResolutionSource(source)));
    for (int cause = int(FailureCause::Timeout); cause <= int(LastFailureCause); ++cause)
        words.append(causeName(FailureCause(cause)));
    for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
        words.append(eventKindName(ResolverEvent::Kind(kind)));
    words += StoredEvent::otherKinds();
    for (int state = int(CacheEntrySnapshot::State::Fresh);
         state <= int(CacheEntrySnapshot::State::Missing); ++state)
        words.append(cacheStateName(CacheEntrySnapshot::State(state)));
    words.removeDuplicates();
    return words;
}

QList<FailureCause> causes()
{
    QList<FailureCause> causes;
    for (int cause = int(FailureCause::Timeout); cause <= int(LastFailureCause); ++cause)
        causes.append(FailureCause(cause));
    return causes;
}

// The machine words text says, as whole words, as the old dashboard showed them (lower case:
// "Cache" is German, "SERVFAIL" the name of the DNS answer).
QStringList machineWordsIn(const QString &text)
{
    QStringList found;
    for (const QString &word : machineWords()) {
        const QRegularExpression whole(
                QStringLiteral("(^|[^\\w])%1($|[^\\w])").arg(QRegularExpression::escape(word)));
        if (whole.match(text).hasMatch())
            found.append(word);
    }
    return found;
}

// Every cell's text, tooltip and accessible text; each one saying a machine word, with where.
const QAbstractItemModel *recordedWordsModel = nullptr; // the event log under test
QStringList englishInModel(const QAbstractItemModel &model, const QString &name)
{
    QStringList problems;
    for (int column = 0; column < model.columnCount(); ++column) {
        const QString header = model.headerData(column, Qt::Horizontal).toString();
        for (const QString &word : machineWordsIn(header))
            problems.append(QStringLiteral("%1 header %2: \"%3\"").arg(name, header, word));
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)}) {
                // The event log's detail tooltip adds the words the event was recorded with.
                if (role == Qt::ToolTipRole && &model == recordedWordsModel
                    && column == EventLogModel::Detail)
                    continue;
                const QString text = model.index(row, column).data(role).toString();
                for (const QString &word : machineWordsIn(text))
                    problems.append(QStringLiteral("%1 row %2 \"%3\": \"%4\" in \"%5\"")
                                            .arg(name)
                                            .arg(row)
                                            .arg(header, word, text));
            }
        }
    }
    return problems;
}

QDateTime someTime() { return QDateTime(QDate(2026, 12, 6), QTime(15, 33, 50), Qt::UTC); }

TargetSnapshot snapshot(const QString &name, TargetState state, ResolutionSource source,
                        FailureCause cause)
{
    TargetSnapshot target;
    target.name = name;
    target.host = name + QStringLiteral(".beispiel.test");
    target.resolver = QStringLiteral("firma");
    target.critical = true;
    target.state = state;
    target.source = sourceName(source);
    target.error = causeName(cause);
    if (source != ResolutionSource::None)
        target.addresses = {QStringLiteral("10.0.0.1")};
    if (source == ResolutionSource::Fresh || source == ResolutionSource::Cache)
        target.ttlSeconds = 200;
    target.checkOk = state != TargetState::Down || source != ResolutionSource::None
            ? std::optional<bool>(state != TargetState::Down)
            : std::nullopt;
    if (target.checkOk == false)
        target.checkDetail = QStringLiteral("HTTP 503");
    target.dnsSuccessFiveMinutes = 0.995;
    target.checkSuccessFiveMinutes = 0.995;
    target.dnsLatencyP95Ms = 12.34;
    target.fallbackSeconds = isFallbackSource(source) ? 200 : 0;
    target.reachable = !target.addresses.isEmpty() && target.checkOk != false;
    target.lastProbe = someTime();
    // What this machine's core (or an agent) says, in English: never shown while the facts
    // above are known.
    target.stateDetail = QStringLiteral("in English: %1 %2 %3")
                                 .arg(targetStateName(state), target.source, target.error);
    return target;
}

// A place whose targets are given: as an agent that answers.
class GivenPlace : public TargetPlace
{
public:
    explicit GivenPlace(QList<TargetSnapshot> targets) : m_targets(std::move(targets)) { }
    QString name() const override { return QStringLiteral("nord"); }
    bool isLocal() const override { return false; }
    QList<TargetSnapshot> targets() const override { return m_targets; }
    std::optional<TargetSnapshot> target(const QString &name) const override
    {
        for (const TargetSnapshot &target : m_targets) {
            if (target.name == name)
                return target;
        }
        return std::nullopt;
    }
    bool mayBePinned(const QString &) const override { return false; }
    PlaceReadiness readiness() const override
    {
        PlaceReadiness readiness;
        for (const TargetSnapshot &target : m_targets) {
            if (!target.reachable.value_or(false)) {
                readiness.ready = false;
                readiness.notReady.append(target.name + QStringLiteral(": ") + target.stateDetail);
            }
        }
        return readiness;
    }
    void act(const PlaceAction &, QObject *, OutcomeCallback) override { }

private:
    QList<TargetSnapshot> m_targets;
};

// Targets in every state, through every source tier, after every cause; and one down with a
// failed service check.
QList<TargetSnapshot> everyKindOfTarget()
{
    QList<TargetSnapshot> targets;
    int number = 0;
    const auto name = [&number] { return QStringLiteral("ziel-%1").arg(++number); };
    for (TargetState state : {TargetState::Unknown, TargetState::Healthy, TargetState::Paused})
        targets.append(snapshot(name(), state, ResolutionSource::Fresh, FailureCause::None));
    targets.append(
            snapshot(name(), TargetState::Healthy, ResolutionSource::Cache, FailureCause::None));
    for (FailureCause cause : causes()) {
        targets.append(snapshot(name(), TargetState::Down, ResolutionSource::None, cause));
        for (ResolutionSource tier :
             {ResolutionSource::Stale, ResolutionSource::Pinned, ResolutionSource::Env})
            targets.append(snapshot(name(), TargetState::Degraded, tier, cause));
    }
    targets.append(snapshot(name(), TargetState::Down, ResolutionSource::Fresh,
                            FailureCause::None)); // the service check failed
    TargetSnapshot unprobed = snapshot(name(), TargetState::Unknown, ResolutionSource::None,
                                       FailureCause::None);
    unprobed.lastProbe = QDateTime();
    unprobed.stateDetail.clear();
    targets.append(unprobed);
    return targets;
}

// What happened, as the core and an agent report it: resolver events from the core's own
// builders, changes of state with the core's words for why, and operators' doings at an agent.
struct Happenings
{
    struct StateChange
    {
        TargetState from;
        TargetState to;
        QString why;
    };
    QList<ResolverEvent> resolverEvents;
    QList<StateChange> changes;
    QList<AgentAction> actions; // an agent's feed only
};

Happenings everythingTheCoreSays()
{
    const QString host = QStringLiteral("api.beispiel.test");
    const QString resolver = QStringLiteral("firma");
    const QList<QHostAddress> one{QHostAddress(QStringLiteral("10.0.0.1"))};
    const QList<QHostAddress> two{QHostAddress(QStringLiteral("10.0.0.2"))};
    const QString server = QStringLiteral("127.0.0.1:53");
    Happenings happened;
    QList<ResolverEvent> &events = happened.resolverEvents;
    for (FailureCause cause : causes()) {
        for (ResolutionSource tier :
             {ResolutionSource::Stale, ResolutionSource::Pinned, ResolutionSource::Env}) {
            LookupResult fallback;
            fallback.source = tier;
            fallback.cause = cause;
            fallback.addresses = one;
            events.append(ResolverEventLog::fallbackEntered(
                    resolver, host, fallback,
                    ResolverEventLog::reason(
                            cause, QStringLiteral("%1 from %2").arg(causeName(cause), server))));
        }
        events.append(ResolverEventLog::resolutionFailed(
                resolver, host, cause, ResolverEventLog::reason(cause, QString())));
    }
    for (ResolutionSource tier : {ResolutionSource::None, ResolutionSource::Stale,
                                  ResolutionSource::Pinned, ResolutionSource::Env})
        events.append(ResolverEventLog::recovered(resolver, host, tier, server, one, 42));
    events.append(ResolverEventLog::addressesChanged(resolver, host, one, two, 60));
    events.append(ResolverEventLog::addressesChanged(resolver, host, {}, one, 60));
    for (FailureCause cause : {FailureCause::NxDomain, FailureCause::NoData})
        events.append(ResolverEventLog::becameNegative(resolver, host, cause, one));
    events.append(ResolverEventLog::forcedReResolve(resolver, host, RecordKind::Both));
    PinnedFallback pin;
    pin.addresses = one;
    pin.reason = QStringLiteral("Wartung");
    pin.expiresAt = someTime();
    events.append(ResolverEventLog::pinned(host, pin));
    pin.origin = PinnedFallback::Origin::Config;
    pin.reason.clear();
    pin.expiresAt.reset();
    events.append(ResolverEventLog::pinned(host, pin));
    events.append(ResolverEventLog::unpinned(host, one, QStringLiteral("expired")));
    events.append(ResolverEventLog::unpinned(host, one, QString()));
    events.append(ResolverEventLog::hostCleared(host, 3));
    events.append(ResolverEventLog::staleCleared(1));
    events.append(ResolverEventLog::allCleared(7));
    for (ResolverEvent &event : events)
        event.time = someTime();
    events.last().actor = QStringLiteral("alice");
    for (FailureCause cause : causes()) {
        for (int tier = int(ResolutionSource::None); tier <= int(ResolutionSource::Env); ++tier) {
            ProbeResult result;
            result.resolution.source = ResolutionSource(tier);
            result.resolution.cause = cause;
            if (result.resolution.source != ResolutionSource::None)
                result.resolution.addresses = one;
            const TargetVerdict verdict = judgeProbe(result);
            happened.changes.append({TargetState::Healthy, verdict.state, verdict.detail});
        }
    }
    happened.changes.append({TargetState::Degraded, TargetState::Healthy, QString()});
    // The words the agent's action routes write.
    happened.actions = {
            {StoredEvent::pausedKind(), QStringLiteral("api"), QStringLiteral("paused"),
             QStringLiteral("alice")},
            {StoredEvent::resumedKind(), QStringLiteral("api"), QStringLiteral("resumed"),
             QStringLiteral("alice")},
            {StoredEvent::probeRequestedKind(), QStringLiteral("api"),
             QStringLiteral("probe requested"), QStringLiteral("alice")},
    };
    return happened;
}

// As this machine's event log gets them.
QList<StoredEvent> seenHere(const Happenings &happened)
{
    QList<StoredEvent> events;
    for (const ResolverEvent &event : happened.resolverEvents)
        events.append(StoredEvent::fromResolverEvent(event));
    for (const Happenings::StateChange &change : happened.changes)
        events.append(StoredEvent::fromStateChange(someTime(), QStringLiteral("api"), change.from,
                                                   change.to, change.why));
    return events;
}

// Events of every kind the log shows, with changes between every two states.
QList<StoredEvent> everyKindOfEvent()
{
    QStringList kinds;
    for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
        kinds.append(eventKindName(ResolverEvent::Kind(kind)));
    kinds += StoredEvent::otherKinds();
    QList<StoredEvent> events;
    for (const QString &kind : std::as_const(kinds)) {
        StoredEvent event;
        event.time = someTime();
        event.kind = kind;
        event.host = QStringLiteral("api.beispiel.test");
        events.append(event);
    }
    const TargetState states[] = {TargetState::Unknown, TargetState::Healthy, TargetState::Degraded,
                                  TargetState::Down, TargetState::Paused};
    for (TargetState from : states) {
        for (TargetState to : states) {
            if (from != to)
                events.append(StoredEvent::fromStateChange(someTime(), QStringLiteral("api"), from,
                                                           to, QString()));
        }
    }
    // Everything the core says, as it words it.
    events += seenHere(everythingTheCoreSays());
    return events;
}

// As an agent's feed has them: recorded by the agent, written as its JSON, read by the dashboard.
QList<StoredEvent> seenThroughAnAgent(const Happenings &happened)
{
    ManualClock clock;
    EventFeed feed(&clock, 1);
    TargetConfig api;
    api.name = QStringLiteral("api");
    api.host = QStringLiteral("api.beispiel.test");
    api.resolver = QStringLiteral("firma");
    for (const ResolverEvent &event : happened.resolverEvents)
        feed.record(event, {api});
    for (const Happenings::StateChange &change : happened.changes)
        feed.recordStateChange(api.name, change.from, change.to, change.why, {api});
    for (const AgentAction &action : happened.actions)
        feed.record(action, {api});
    QString error;
    const std::optional<RemoteEventPage> page = parseRemoteEventPage(
            eventsPageJson(feed.after(0, EventFeed::DefaultCapacity)), QStringLiteral("nord"),
            &error);
    if (!page)
        qFatal("the agent's feed did not read: %s", qPrintable(error));
    QList<StoredEvent> events;
    for (const RemoteEvent &remote : page->events)
        events.append(storedEventOf(remote, QStringLiteral("nord")));
    return events;
}

// The English words the core said an event with (not the names and addresses in them), said
// by german as whole words. Upper-case words are the DNS's own names ("NXDOMAIN"), kept.
QStringList englishWordsIn(const QString &german, const QString &english)
{
    static const QRegularExpression word(QStringLiteral("[a-z]{3,}"));
    static const QStringList names{QStringLiteral("api"), QStringLiteral("beispiel"),
                                   QStringLiteral("test"), QStringLiteral("firma"),
                                   QStringLiteral("alice")};
    QStringList said;
    for (auto it = word.globalMatch(english); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString token = match.captured();
        const bool wholeWord = (match.capturedStart() == 0
                                || !english[match.capturedStart() - 1].isLetter())
                && (match.capturedEnd() == english.size()
                    || !english[match.capturedEnd()].isLetter());
        if (!wholeWord || names.contains(token) || said.contains(token))
            continue;
        const QRegularExpression inGerman(QStringLiteral("(^|[^\\w])%1($|[^\\w])").arg(token));
        if (inGerman.match(german).hasMatch())
            said.append(token);
    }
    return said;
}

// Each event of model whose detail in German says a machine word or an English word of its
// own (the English it came with; the tooltip keeps those on purpose).
QStringList englishInEventDetails(const EventLogModel &model, const QList<StoredEvent> &english)
{
    QStringList problems;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString german = model.index(row, EventLogModel::Detail).data().toString();
        // The model shows the newest first: its rows are the events in reverse.
        const QString words = english[english.size() - 1 - row].detail;
        const QStringList said = machineWordsIn(german) + englishWordsIn(german, words);
        if (!said.isEmpty())
            problems.append(QStringLiteral("%1 (%2): \"%3\" says %4")
                                    .arg(model.index(row, EventLogModel::Kind).data().toString(),
                                         words, german, said.join(QStringLiteral(", "))));
    }
    return problems;
}

// The labels a chart draws that end with unit, once it has plotted plot (shown in a view).
QStringList drawnLabels(TimeChart *chart, const ChartPlot &plot, const QString &unit)
{
    QChartView view(chart);
    view.resize(800, 400);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return {};
    const qint64 at = someTime().toMSecsSinceEpoch();
    chart->plot(plot, ChartWindow{at - 60'000, at + 60'000, 10'000});
    const auto labels = [&view, &unit] {
        QStringList texts;
        for (const QGraphicsItem *item : view.scene()->items()) {
            const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
            if (text && text->isVisible() && text->toPlainText().endsWith(unit))
                texts.append(text->toPlainText());
        }
        return texts;
    };
    // Qt Charts lays its axes out from posted events: until two labels are there (the caller
    // checks what came).
    [[maybe_unused]] const bool drawn = QTest::qWaitFor([&labels] { return labels().size() >= 2; },
                                                        5000);
    return labels();
}
} // namespace

class TestGermanWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(installTranslations(*qApp, QStringLiteral("de"))); }

    void theListsCoverTheCore()
    {
        // Built from the core's enums: every cause, tier and kind is in them.
        const QStringList words = machineWords();
        for (const char *word : {"servfail", "stale", "env", "degraded", "fallback_entered",
                                 "state_changed", "events_missed", "negative"})
            QVERIFY2(words.contains(QLatin1String(word)), word);
        QVERIFY(!machineWordsIn(QStringLiteral("Cache veraltet (SERVFAIL)")).size());
        QCOMPARE(machineWordsIn(QStringLiteral("stale: 10.0.0.1")),
                 QStringList{QStringLiteral("stale")});
    }

    void targetsTableSaysNoMachineWord()
    {
        GivenPlace place(everyKindOfTarget());
        TargetTableModel model;
        QAbstractItemModelTester tester(&model);
        model.addPlace(&place);
        QCOMPARE(model.rowCount(), place.targets().size());
        const QStringList problems = englishInModel(model, QStringLiteral("targets"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // A few cells as a German reader sees them.
        const int stale = model.rowOf(QStringLiteral("ziel-6"));
        QCOMPARE(model.index(stale, TargetTableModel::Source).data().toString(),
                 QStringLiteral("veraltet"));
        QCOMPARE(model.index(stale, TargetTableModel::DnsSuccess).data().toString(),
                 QStringLiteral("99,5 %"));
        QCOMPARE(model.index(stale, TargetTableModel::TimeInFallback).data().toString(),
                 QStringLiteral("3 min 20 s"));
    }

    void anUnknownWordIsShownAsSent()
    {
        TargetSnapshot newer = snapshot(QStringLiteral("neu"), TargetState::Degraded,
                                        ResolutionSource::Stale, FailureCause::Timeout);
        newer.source = QStringLiteral("peer");
        newer.error = QStringLiteral("quantum");
        newer.stateDetail = QStringLiteral("reachable through peer addresses; DNS: quantum");
        GivenPlace place({newer});
        TargetTableModel model;
        model.addPlace(&place);
        QCOMPARE(model.index(0, TargetTableModel::Source).data().toString(), QStringLiteral("peer"));
        QCOMPARE(model.index(0, TargetTableModel::LastError).data().toString(),
                 QStringLiteral("quantum"));
        QCOMPARE(model.index(0, TargetTableModel::Status).data(Qt::ToolTipRole).toString(),
                 newer.stateDetail);
        EventLogModel events;
        StoredEvent event;
        event.time = someTime();
        event.kind = QStringLiteral("moved_elsewhere");
        events.add(event);
        QCOMPARE(events.index(0, EventLogModel::Kind).data().toString(), event.kind);
    }

    void eventLogSaysNoMachineWord()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model);
        const QList<StoredEvent> events = everyKindOfEvent();
        for (const StoredEvent &event : events)
            model.add(event);
        recordedWordsModel = &model;
        const QStringList problems = englishInModel(model, QStringLiteral("events"));
        recordedWordsModel = nullptr;
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyEventTheCoreWritesIsSaidInGerman()
    {
        const Happenings happened = everythingTheCoreSays();
        // Here, with the facts as this machine keeps them.
        const QList<StoredEvent> here = seenHere(happened);
        EventLogModel local;
        for (const StoredEvent &event : here)
            local.add(event);
        QStringList problems = englishInEventDetails(local, here);
        // At an agent, with the facts its feed sends: its English words are what it sent.
        QList<StoredEvent> english;
        for (const ResolverEvent &event : happened.resolverEvents)
            english.append(StoredEvent::fromResolverEvent(event));
        for (const Happenings::StateChange &change : happened.changes) {
            StoredEvent event;
            event.detail = QStringLiteral("%1 -> %2 (%3)")
                                   .arg(targetStateName(change.from), targetStateName(change.to),
                                        change.why);
            english.append(event);
        }
        for (const AgentAction &action : happened.actions) {
            StoredEvent event;
            event.detail = action.detail;
            english.append(event);
        }
        const QList<StoredEvent> there = seenThroughAnAgent(happened);
        QCOMPARE(there.size(), english.size());
        EventLogModel fleet;
        for (const StoredEvent &event : there)
            fleet.add(event);
        problems += englishInEventDetails(fleet, english);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // A few as a German reader sees them.
        const auto detailOf = [](const EventLogModel &model, const QString &kind) {
            for (int row = 0; row < model.rowCount(); ++row) { // the newest of its kind
                if (model.index(row, 0).data(EventLogModel::KindRole).toString() == kind)
                    return model.index(row, EventLogModel::Detail).data().toString();
            }
            return QString();
        };
        for (const EventLogModel *model : {&local, &fleet})
            QCOMPARE(detailOf(*model, QStringLiteral("recovered")),
                     QStringLiteral("api.beispiel.test wird wieder aufgelöst: 10.0.0.1 (nach "
                                    "Auslieferung der Notfall-Adressen der Umgebung)"));
        // This machine's history keeps no operator; an agent's feed names them.
        QCOMPARE(detailOf(local, QStringLiteral("cache_cleared")),
                 QStringLiteral("ganzer Cache geleert"));
        QCOMPARE(detailOf(fleet, QStringLiteral("cache_cleared")),
                 QStringLiteral("ganzer Cache geleert (von alice)"));
        QCOMPARE(detailOf(fleet, QStringLiteral("paused")),
                 QStringLiteral("Prüfungen angehalten (von alice)"));
    }

    void anOlderAgentsWordsAreShownAsSent()
    {
        // An agent from before the feed sent the facts: kind, target, host and words only.
        const QByteArray json = R"({"events":[{"id":7,"time":"2026-12-06T15:33:50.000Z",
            "kind":"recovered","target":"api","host":"api.beispiel.test",
            "detail":"api.beispiel.test resolves again via 127.0.0.1:53 after 42 s of failure",
            "actor":""}],"last_id":7,"gap":false})";
        QString error;
        const std::optional<RemoteEventPage> page = parseRemoteEventPage(
                json, QStringLiteral("nord"), &error);
        QVERIFY2(page, qPrintable(error));
        EventLogModel model;
        model.add(storedEventOf(page->events.constFirst(), QStringLiteral("nord")));
        QCOMPARE(model.index(0, EventLogModel::Detail).data().toString(),
                 page->events.constFirst().detail);
    }

    void fallbackMarkersSayNoEnglishWord()
    {
        const QList<StoredEvent> events = seenHere(everythingTheCoreSays());
        const qint64 at = someTime().toMSecsSinceEpoch();
        const FallbackMarkers markers = ChartDataBuilder::markers(
                events, {}, ChartWindow{at - 60'000, at + 60'000, 1'000});
        QCOMPARE(markers.byTier.size(), 3);
        QStringList problems;
        for (const auto &tier : markers.byTier) {
            for (const FallbackMarkers::Marker &marker : tier) {
                QStringList said = machineWordsIn(marker.text);
                for (const StoredEvent &event : events)
                    said += englishWordsIn(marker.text, event.detail);
                said.removeDuplicates();
                if (!said.isEmpty())
                    problems.append(marker.text + QStringLiteral(": ")
                                    + said.join(QStringLiteral(", ")));
                // The time as German writes it.
                if (!marker.text.contains(QStringLiteral("06.12.26")))
                    problems.append(marker.text + QStringLiteral(": no German date"));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void chartAxesUseTheDecimalComma()
    {
        // A latency below a millisecond: "0,3 ms", not "0.3 ms".
        const qint64 at = someTime().toMSecsSinceEpoch();
        ChartPlot plot;
        plot.data.dnsLatency.p50 = {QPointF(double(at), 0.2)};
        plot.data.dnsLatency.p95 = {QPointF(double(at), 0.3)};
        plot.data.dnsSuccess = {QPointF(double(at), 99.5)};
        const QStringList latency = drawnLabels(new LatencyChart, plot, QStringLiteral("ms"));
        const QRegularExpression decimalComma(QStringLiteral("^\\d+,\\d ms$"));
        QVERIFY2(latency.size() > 1 && latency.filter(decimalComma).size() == latency.size(),
                 qPrintable(latency.join(QStringLiteral(" | "))));
        // The percent axis says its whole numbers.
        const QStringList percent = drawnLabels(new SuccessChart, plot, QStringLiteral("%"));
        QVERIFY2(percent.contains(QStringLiteral("100 %"))
                         && percent.contains(QStringLiteral("0 %")),
                 qPrintable(percent.join(QStringLiteral(" | "))));
    }

    void eventKindChooserSaysNoMachineWord()
    {
        EventLogModel model;
        EventsPane pane(&model);
        const QList<QComboBox *> boxes = pane.findChildren<QComboBox *>();
        QVERIFY(!boxes.isEmpty());
        QStringList problems;
        QStringList offered;
        for (const QComboBox *box : boxes) {
            for (int item = 0; item < box->count(); ++item) {
                offered.append(box->itemData(item).toString());
                for (const QString &word : machineWordsIn(box->itemText(item)))
                    problems.append(box->itemText(item) + QStringLiteral(": ") + word);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        for (const StoredEvent &event : everyKindOfEvent())
            QVERIFY2(offered.contains(event.kind), qPrintable(event.kind)); // each can be chosen
    }

    void cacheInspectorSaysNoMachineWord()
    {
        ManualClock clock;
        Resolver resolver(CachePolicy(), &clock);
        CacheTableModel model(&resolver);
        QAbstractItemModelTester tester(&model);
        QList<CacheEntrySnapshot> entries;
        for (int state = int(CacheEntrySnapshot::State::Fresh);
             state <= int(CacheEntrySnapshot::State::Missing); ++state) {
            for (FailureCause cause : causes()) {
                CacheEntrySnapshot entry;
                entry.resolver = QStringLiteral("firma");
                entry.host = QStringLiteral("h%1-%2.beispiel.test").arg(state).arg(int(cause));
                entry.state = CacheEntrySnapshot::State(state);
                entry.lastFailure = cause;
                entry.ttlLeftMs = 200'000;
                entry.staleSince = someTime();
                entry.lookupInFlight = state % 2 == 0;
                entries.append(entry);
            }
        }
        model.showEntries(entries);
        const QStringList problems = englishInModel(model, QStringLiteral("cache"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void bannerSaysNoMachineWord()
    {
        // This machine's targets down after every cause, and an agent's in every state.
        ManualClock clock;
        HealthStatistics statistics(&clock);
        QList<TargetConfig> local;
        for (FailureCause cause : causes()) {
            TargetConfig target;
            target.name = QStringLiteral("lokal-%1").arg(int(cause));
            local.append(target);
        }
        statistics.setTargets(local);
        for (int i = 0; i < local.size(); ++i) {
            ProbeResult result;
            result.target = local[i].name;
            result.time = someTime();
            result.resolution.cause = causes()[i];
            statistics.record(result);
        }
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        QVERIFY2(banner.toolTip().contains(QStringLiteral("lokal-1: keine Adresse")),
                 qPrintable(banner.toolTip()));
        GivenPlace place(everyKindOfTarget());
        banner.addPlace(&place);
        QCOMPARE(banner.level(), ReadinessBanner::Level::NotReady);
        QVERIFY(banner.text().startsWith(QStringLiteral("NICHT BEREIT")));
        for (const QString &text : {banner.text(), banner.toolTip(), banner.readyLabel()->text()})
            QVERIFY2(machineWordsIn(text).isEmpty(), qPrintable(text));
        QVERIFY2(banner.toolTip().contains(QStringLiteral("keine Adresse")),
                 qPrintable(banner.toolTip()));
    }
};

QTEST_MAIN(TestGermanWords)
#include "tst_germanwords.moc"

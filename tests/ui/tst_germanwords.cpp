// The dashboard in German (its translations installed as the dashboard does): the targets
// table, the event log and its kind chooser, the cache inspector and the readiness banner show
// targets in every state, source tier and failure cause, events of every kind and cache entries
// of every state, and no cell, tooltip, label or chooser entry says a machine word of the core
// (the lists are built from the core's enums, so a new cause is covered without a change here).
// An unknown word from a newer agent is shown as sent.
#include "cachetablemodel.h"
#include "clock.h"
#include "eventlogmodel.h"
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
#include <QComboBox>
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
    for (int cause = int(FailureCause::Timeout); cause <= int(FailureCause::Malformed); ++cause)
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
    for (int cause = int(FailureCause::Timeout); cause <= int(FailureCause::Malformed); ++cause)
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
    // The resolver's fallbacks and failures after every cause, as it words them.
    for (FailureCause cause : causes()) {
        for (ResolutionSource tier :
             {ResolutionSource::Stale, ResolutionSource::Pinned, ResolutionSource::Env}) {
            LookupResult fallback;
            fallback.source = tier;
            fallback.cause = cause;
            fallback.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
            events.append(StoredEvent::fromResolverEvent(ResolverEventLog::fallbackEntered(
                    QStringLiteral("firma"), QStringLiteral("api.beispiel.test"), fallback,
                    ResolverEventLog::reason(cause, QString()))));
        }
        events.append(StoredEvent::fromResolverEvent(ResolverEventLog::resolutionFailed(
                QStringLiteral("firma"), QStringLiteral("api.beispiel.test"), cause,
                ResolverEventLog::reason(cause, QString()))));
    }
    // Changes with the core's own words for why (judgeProbe()), after every cause and tier.
    for (FailureCause cause : causes()) {
        for (int tier = int(ResolutionSource::None); tier <= int(ResolutionSource::Env); ++tier) {
            ProbeResult result;
            result.resolution.source = ResolutionSource(tier);
            result.resolution.cause = cause;
            if (result.resolution.source != ResolutionSource::None)
                result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
            const TargetVerdict verdict = judgeProbe(result);
            events.append(StoredEvent::fromStateChange(someTime(), QStringLiteral("api"),
                                                       TargetState::Healthy, verdict.state,
                                                       verdict.detail));
        }
    }
    return events;
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

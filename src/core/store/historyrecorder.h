#pragma once

#include "probe/monitor.h"
#include "store/historystore.h"

#include <memory>
#include <QObject>

// Opens the store on path and reads what a restart takes back (last-known-good answers, pins).
// done runs on context's thread; error is empty on success, else it says what went wrong.
void openHistory(HistoryStore *store, const QString &path, QObject *context,
                 std::function<void(const QString &error, const SchemaReport &report,
                                    const RestoredState &state)>
                         done,
                 PageCheck pageCheck = PageCheck::BeforeUse);
// "created", "schema 1", "migrated from schema 1 to 2 (backup: FILE)": for the log.
QString describeOpening(const SchemaReport &report);

// Keeps a resolver's (and a monitor's) history in a store: resolver events, operator pins and
// the last-known-good cache; with watch(), probe results and state changes too. Made before the
// first lookup, it first hands the resolver what the store kept from the last run, so a restart
// with DNS down still has the stale and pinned tiers.
class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    HistoryRecorder(Resolver *resolver, HistoryStore *store, const RestoredState &state,
                    QObject *parent = nullptr);

    // Records the monitor's results and state changes, after giving its statistics the last
    // day's counts from the store; and the cache census, sampled at once and then every
    // CensusIntervalMs of the monitor's clock, kept as the mean of each minute.
    void watch(Monitor *monitor);
    static constexpr int CensusIntervalMs = 10'000;

    int restoredAnswers() const { return m_restoredAnswers; }
    int restoredPins() const { return m_restoredPins; }

private:
    void onResolverEvent(const ResolverEvent &event);
    void sampleCensus(); // the minute's mean goes once it is over
    void recordCensusMean();

    Resolver *m_resolver;
    HistoryStore *m_store;
    QList<HistoryBucket> m_lastDay; // until watch() hands it over
    int m_restoredAnswers = 0;
    int m_restoredPins = 0;
    Monitor *m_monitor = nullptr;
    std::unique_ptr<ClockInterval> m_censusTimer; // on the monitor's clock, from watch()
    CacheCensus m_censusSum; // of the minute being sampled; time is its start
    int m_censusSamples = 0;
};

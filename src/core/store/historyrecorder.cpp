#include "historyrecorder.h"

void openHistory(
        HistoryStore *store, const QString &path, QObject *context,
        std::function<void(const QString &, const SchemaReport &, const RestoredState &)> done,
        PageCheck pageCheck)
{
    const auto opened = [store, context, done](const SchemaReport &report) {
        if (!report.ok) {
            done(report.error, report, RestoredState());
            return;
        }
        store->readRestoredState(
                context,
                [report, done](const std::optional<RestoredState> &state, const QString &error) {
                    done(state ? QString() : error, report, state.value_or(RestoredState()));
                });
    };
    store->open(path, opened, pageCheck);
}

QString describeOpening(const SchemaReport &report)
{
    if (report.created)
        return QStringLiteral("created (schema %1)").arg(report.toVersion);
    if (report.fromVersion == report.toVersion)
        return QStringLiteral("schema %1").arg(report.toVersion);
    return QStringLiteral("migrated from schema %1 to %2 (backup: %3)")
            .arg(report.fromVersion)
            .arg(report.toVersion)
            .arg(report.backupPath);
}

HistoryRecorder::HistoryRecorder(Resolver *resolver, HistoryStore *store,
                                 const RestoredState &state, QObject *parent)
    : QObject(parent), m_resolver(resolver), m_store(store), m_lastDay(state.lastDay)
{
    // Restored before listening: taking back what was kept is not a new event.
    m_restoredAnswers = resolver->restoreKnownGood(state.knownGood);
    for (auto it = state.pins.cbegin(); it != state.pins.cend(); ++it) {
        resolver->pinAddresses(it.key(), it.value());
        ++m_restoredPins;
    }
    connect(resolver, &Resolver::eventOccurred, this, &HistoryRecorder::onResolverEvent);
    connect(resolver, &Resolver::knownGoodStored, store, &HistoryStore::keepKnownGood);
}

void HistoryRecorder::watch(Monitor *monitor)
{
    QList<PastCounts> past;
    past.reserve(m_lastDay.size());
    for (const HistoryBucket &bucket : std::as_const(m_lastDay)) {
        past.append({bucket.target, bucket.start, bucket.widthS,
                     WindowCounts{quint32(bucket.dnsOk), quint32(bucket.checkOk),
                                  quint32(bucket.probes)}});
    }
    monitor->statistics()->restorePast(past);
    m_lastDay.clear();
    connect(monitor, &Monitor::resultRecorded, m_store, &HistoryStore::recordResult);
    connect(monitor, &Monitor::answerChangeAlerted, m_store, &HistoryStore::recordEvent);
    connect(monitor, &Monitor::stateChanged, this,
            [this, clock = monitor->clock()](const QString &target, TargetState from,
                                             TargetState to, const QString &detail) {
                m_store->recordEvent(
                        StoredEvent::fromStateChange(clock->wallTime(), target, from, to, detail));
            });
    m_monitor = monitor;
    m_censusTimer = std::make_unique<ClockInterval>(monitor->clock(), CensusIntervalMs,
                                                    [this] { sampleCensus(); });
    m_censusTimer->start();
    sampleCensus();
}

void HistoryRecorder::sampleCensus()
{
    if (!m_monitor)
        return;
    const QDateTime now = m_monitor->clock()->wallTime().toUTC();
    const qint64 minuteMs = now.toMSecsSinceEpoch() - now.toMSecsSinceEpoch() % 60'000;
    if (m_censusSamples > 0 && m_censusSum.time.toMSecsSinceEpoch() != minuteMs)
        recordCensusMean();
    const CacheCensus census = m_monitor->cacheCensus(now);
    if (m_censusSamples == 0)
        m_censusSum.time = QDateTime::fromMSecsSinceEpoch(minuteMs, Qt::UTC);
    for (size_t state = 0; state < census.counts.size(); ++state)
        m_censusSum.counts[state] += census.counts[state];
    ++m_censusSamples;
}

void HistoryRecorder::recordCensusMean()
{
    CacheCensus mean = m_censusSum;
    for (double &count : mean.counts)
        count /= m_censusSamples;
    m_store->recordCensus(mean);
    m_censusSum = CacheCensus();
    m_censusSamples = 0;
}

void HistoryRecorder::onResolverEvent(const ResolverEvent &event)
{
    m_store->recordEvent(StoredEvent::fromResolverEvent(event));
    switch (event.kind) {
    case ResolverEvent::Kind::Pinned:
    case ResolverEvent::Kind::Unpinned:
        // Config pins come back from the config; only an operator's are kept.
        if (const auto pin = m_resolver->pin(event.host);
            pin && pin->origin == PinnedFallback::Origin::Operator)
            m_store->savePin(event.host, *pin);
        else
            m_store->removePin(event.host);
        break;
    case ResolverEvent::Kind::CacheCleared:
        m_store->replaceKnownGood(m_resolver->knownGood());
        break;
    case ResolverEvent::Kind::AddressesChanged:
        if (isNegativeAnswer(event.cause)) // the name is gone: so is its last good answer
            m_store->replaceKnownGood(m_resolver->knownGood());
        break;
    default:
        break;
    }
}

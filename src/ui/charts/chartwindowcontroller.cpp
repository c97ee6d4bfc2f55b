#include "chartwindowcontroller.h"

#include "charts/cachecensusbuffer.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"
#include "probe/probehistorybuffer.h"
#include "store/historystore.h"

#include <memory>

namespace {
constexpr int PixelsPerBucket = 4;
constexpr int FewestBuckets = 60;
constexpr int MostBuckets = 300;
constexpr qint64 ShortestSpanMs = 30'000; // below a probe interval or two, nothing is seen
constexpr qint64 LongestSpanMs = 31LL * 24 * 3600'000; // the history keeps 30 days by default
constexpr qint64 ShortestBucketMs = 1000;
constexpr qint64 ShortestHeldSpanMs = 1000;
constexpr int HistoryEventLimit = 20'000;
constexpr qint64 RedrawIntervalMs = 1000; // at most once a second, however many results arrive
constexpr qint64 WindowSettleMs = 250;
constexpr qint64 HistoryRequeryMs = 60'000;
} // namespace

ChartWindowController::ChartWindowController(const Monitor *monitor,
                                             const ProbeHistoryBuffer *recent,
                                             const CacheCensusBuffer *census,
                                             const EventLogModel *events, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_clock(monitor->clock())
    , m_recent(recent)
    , m_census(census)
    , m_events(events)
    , m_bucketCount(FewestBuckets)
{
    // This machine's news moves its charts only, not an agent's.
    connect(recent, &ProbeHistoryBuffer::added, this, [this](const QString &target) {
        if (!m_agent && (m_target.isEmpty() || target == m_target))
            redrawSoon();
    });
    connect(census, &CacheCensusBuffer::added, this, [this] {
        if (!m_agent)
            redrawSoon();
    });
}

ChartWindowController::~ChartWindowController()
{
    m_clock->cancel(m_redrawSoon);
    m_clock->cancel(m_windowSettle);
}

qint64 ChartWindowController::wallNowMs() const { return m_clock->wallTime().toMSecsSinceEpoch(); }

void ChartWindowController::showTarget(const QString &target) { select(nullptr, target); }

void ChartWindowController::select(AgentPlace *agent, const QString &target)
{
    if (m_agent)
        disconnect(m_agent, nullptr, this, nullptr);
    m_agent = agent;
    m_target = target;
    m_lastHistoryQueryMs.reset();
    m_agentAsking = false;
    m_agentAskAgain = false;
    ++m_historyRequest; // an answer still on its way is for another target
    // The agent's news (a status every few seconds) moves a live window.
    if (agent)
        connect(agent, &TargetPlace::targetsChanged, this, &ChartWindowController::redrawSoon);
    redraw();
}

void ChartWindowController::showAgentTarget(AgentPlace *agent, const QString &target)
{
    select(agent, target);
}

void ChartWindowController::setRangeMs(qint64 rangeMs)
{
    m_rangeMs = rangeMs;
    followNow();
}

void ChartWindowController::setHistory(HistoryStore *history) { m_history = history; }

void ChartWindowController::setPlotWidth(qreal widthPx)
{
    m_bucketCount = std::clamp(int(widthPx) / PixelsPerBucket, FewestBuckets, MostBuckets);
}

void ChartWindowController::setVisibility(Visibility visibility)
{
    m_visibility = visibility;
    if (visibility == Visibility::Shown)
        redraw(); // nothing is drawn while hidden
}

void ChartWindowController::followNow() { setLive(true); }

void ChartWindowController::holdWindow() { setLive(false); }

void ChartWindowController::setLive(bool live)
{
    m_live = live;
    Q_EMIT liveChanged(live);
    if (!live)
        m_held = m_shown;
    m_lastHistoryQueryMs.reset();
    ++m_historyRequest;
    redraw();
}

void ChartWindowController::showWindow(qint64 fromMs, qint64 toMs)
{
    const qint64 span = std::max(toMs - fromMs, ShortestHeldSpanMs);
    toMs = std::min(toMs, wallNowMs()); // the future holds nothing
    m_held = {toMs - span, toMs};
    m_live = false;
    Q_EMIT liveChanged(false);
    m_shown = m_held;
    Q_EMIT windowMoved(m_held.first, m_held.second);
    m_clock->cancel(m_windowSettle);
    m_windowSettle = m_clock->callAfter(WindowSettleMs, this, [this] {
        m_windowSettle = 0;
        redraw();
    });
}

void ChartWindowController::zoom(qint64 centreMs, double factor)
{
    const auto [from, to] = m_shown;
    const double span = std::clamp(double(to - from) * factor, double(ShortestSpanMs),
                                   double(LongestSpanMs));
    const double before = double(centreMs - from) / std::max<double>(1, double(to - from));
    const qint64 newFrom = centreMs - qint64(span * before);
    showWindow(newFrom, newFrom + qint64(span));
}

void ChartWindowController::zoomTo(qint64 fromMs, qint64 toMs)
{
    showWindow(fromMs, std::max(toMs, fromMs + ShortestSpanMs));
}

void ChartWindowController::pan(double fraction)
{
    const auto [from, to] = m_shown;
    const qint64 shift = qint64(double(to - from) * fraction);
    showWindow(from + shift, to + shift);
}

ChartWindow ChartWindowController::currentWindow(qint64 nowMs) const
{
    ChartWindow window;
    window.fromMs = m_live ? nowMs - m_rangeMs : m_held.first;
    window.toMs = m_live ? nowMs : m_held.second;
    window.bucketMs = std::max(ShortestBucketMs, (window.toMs - window.fromMs) / m_bucketCount);
    return window;
}

QStringList ChartWindowController::hostsShown() const
{
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (target.name == m_target)
            return {target.host};
    }
    return {}; // all
}

void ChartWindowController::redrawSoon()
{
    if (m_visibility != Visibility::Shown || !m_live || m_redrawSoon)
        return;
    m_redrawSoon = m_clock->callAfter(RedrawIntervalMs, this, [this] {
        m_redrawSoon = 0;
        redraw();
    });
}

void ChartWindowController::redraw()
{
    const qint64 now = wallNowMs();
    const ChartWindow window = currentWindow(now);
    if (m_agent) {
        // One question at a time; beyond the agent's memory (its SQLite), a live view asks once
        // a minute, as for this machine's history.
        const bool beyondMemory = window.fromMs < now - ProbeHistoryBuffer::KeptMs;
        const qint64 askedMs = m_clock->nowMs();
        if (m_agentAsking) {
            m_agentAskAgain = true; // the window moved meanwhile: asked once this answer is in
            return;
        }
        if (beyondMemory && m_live && m_lastHistoryQueryMs
            && askedMs - *m_lastHistoryQueryMs < HistoryRequeryMs)
            return;
        m_lastHistoryQueryMs = askedMs;
        askAgent(window);
        return;
    }
    if (!m_history || window.fromMs >= now - ProbeHistoryBuffer::KeptMs) {
        redrawFromMemory(window);
        return;
    }
    const qint64 askedMs = m_clock->nowMs();
    if (m_live && m_lastHistoryQueryMs && askedMs - *m_lastHistoryQueryMs < HistoryRequeryMs)
        return;
    m_lastHistoryQueryMs = askedMs;
    askHistory(window);
}

void ChartWindowController::redrawFromMemory(const ChartWindow &window)
{
    QList<const PackedProbePoints *> points;
    for (const QString &target : m_target.isEmpty() ? m_recent->targets() : QStringList{m_target})
        points.append(&m_recent->points(target));
    present({ChartDataBuilder::fromRecent(points, window),
             ChartDataBuilder::censusPerBucket(m_census->samples(), window),
             ChartDataBuilder::markers(eventsShown(window.fromMs), hostsShown(), window)},
            window);
}

QList<StoredEvent> ChartWindowController::eventsShown(qint64 fromMs) const
{
    // The log holds every place's events: this machine's have no place.
    // Newest first by arrival, not by time: an agent's backlog arrives late with old times.
    const QString place = m_agent ? m_agent->name() : QString();
    QList<StoredEvent> events;
    for (int row = 0; row < m_events->rowCount(); ++row) {
        const StoredEvent &event = m_events->eventAt(row);
        if (event.place == place && event.time.toMSecsSinceEpoch() >= fromMs)
            events.append(event);
    }
    return events;
}

void ChartWindowController::askAgent(ChartWindow window)
{
    // Within the agent's memory (two hours) any step; beyond, its history's whole minutes.
    const qint64 spanS = (window.toMs - window.fromMs) / 1000;
    const int stepS = window.fromMs >= wallNowMs() - ProbeHistoryBuffer::KeptMs
            ? int(std::max<qint64>(1, window.bucketMs / 1000))
            : historyBucketWidthS(spanS, m_bucketCount);
    window.bucketMs = stepS * 1000LL;
    window.fromMs -= window.fromMs % window.bucketMs; // the agent's buckets start there
    const quint64 request = ++m_historyRequest;
    Q_EMIT historyAsked(window);
    m_agentAsking = true;
    const QString host = m_agent->target(m_target) ? m_agent->target(m_target)->host : QString();
    m_agent->readHistory(m_target, QDateTime::fromMSecsSinceEpoch(window.fromMs, Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(window.toMs, Qt::UTC), stepS, this,
                         [this, request, window, host](const std::optional<RemoteHistory> &history,
                                                       const QString &problem) {
                             if (request != m_historyRequest)
                                 return; // a newer question is on its way
                             m_agentAsking = false;
                             Q_EMIT historyAnswered(problem);
                             // The agent may hold less than asked (it started within the window,
                             // without
                             // --db): the title says from when.
                             const bool partial = history && !history->complete
                                     && history->keptFrom.isValid()
                                     && history->keptFrom.toMSecsSinceEpoch() > window.fromMs;
                             Q_EMIT coverageChanged(partial ? history->keptFrom : QDateTime());
                             // Nothing drawn is better than another target's data under this one's
                             // title.
                             ChartPlot plot;
                             if (history) {
                                 plot.data = ChartDataBuilder::fromRemote(*history);
                                 plot.markers = ChartDataBuilder::markers(
                                         eventsShown(window.fromMs), {host}, window);
                             }
                             present(plot, window);
                             if (std::exchange(m_agentAskAgain, false))
                                 redraw();
                         });
}

void ChartWindowController::askHistory(ChartWindow window)
{
    const int widthS = historyBucketWidthS((window.toMs - window.fromMs) / 1000, m_bucketCount);
    window.bucketMs = widthS * 1000LL;
    window.fromMs -= window.fromMs % window.bucketMs; // the history's buckets start there
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.toMs);
    const quint64 request = ++m_historyRequest;
    Q_EMIT historyAsked(window);
    // Three reads, drawn together once all have answered.
    struct Answers
    {
        ChartPlot plot;
        QString error;
        int pending = 3;
    };
    auto answers = std::make_shared<Answers>();
    const auto arrived = [this, request, answers, window](const QString &error) {
        if (!error.isEmpty())
            answers->error = error;
        if (--answers->pending > 0 || request != m_historyRequest)
            return; // more to come, or a newer question is on its way
        Q_EMIT historyAnswered(answers->error);
        if (answers->error.isEmpty())
            present(answers->plot, window);
    };
    const auto buckets = [answers, arrived](const auto &buckets, const QString &error) {
        if (buckets)
            answers->plot.data = ChartDataBuilder::fromHistory(*buckets);
        arrived(buckets ? QString() : error);
    };
    // All targets: summed by SQLite (a week is 168 rows, not 168 a target).
    if (m_target.isEmpty())
        m_history->readSummedBuckets(from, to, widthS, this, buckets);
    else
        m_history->readBuckets(from, to, widthS, this, buckets, m_target);
    m_history->readCensus(from, to, widthS, this,
                          [answers, arrived, widthS](const auto &census, const QString &error) {
                              if (census) {
                                  answers->plot.census = *census;
                                  // At the middle of each bucket, as the other charts' points.
                                  for (CacheCensus &one : answers->plot.census)
                                      one.time = one.time.addSecs(widthS / 2);
                              }
                              arrived(census ? QString() : error);
                          });
    m_history->readEvents(from, to, HistoryEventLimit, this,
                          [answers, arrived, window, hosts = hostsShown()](const auto &events,
                                                                           const QString &error) {
                              if (events)
                                  answers->plot.markers = ChartDataBuilder::markers(*events, hosts,
                                                                                    window);
                              arrived(events ? QString() : error);
                          });
}

void ChartWindowController::present(const ChartPlot &plot, const ChartWindow &window)
{
    m_shown = {window.fromMs, window.toMs};
    Q_EMIT plotReady(plot, window);
}

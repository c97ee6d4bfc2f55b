#include "targetcharts.h"

#include "charts/timechartview.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"

#include <QAreaSeries>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
constexpr int PixelsPerBucket = 4;
constexpr int FewestBuckets = 60;
constexpr int MostBuckets = 300;
constexpr int HistoryEventLimit = 20'000;

QChart *newChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    chart->legend()->setFont(small);
    return chart;
}

QLineSeries *lineSeries(QChart *chart, const QString &name, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    series->setPointsVisible(true); // a lone point is seen too
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

QAreaSeries *areaSeries(QChart *chart, const QString &name, QLineSeries *top, QLineSeries *bottom,
                        const QColor &color, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *area = new QAreaSeries(top, bottom);
    area->setParent(chart);
    area->setName(name);
    area->setColor(color);
    area->setBorderColor(color.darker(120));
    chart->addSeries(area);
    area->attachAxis(x);
    area->attachAxis(y);
    return area;
}

QString timeFormat(qint64 spanMs)
{
    if (spanMs <= 15 * 60'000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 24 * 3600'000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("ddd HH:mm");
}
} // namespace

TargetCharts::TargetCharts(const Monitor *monitor, ProbeHistoryBuffer *recent,
                           CacheCensusBuffer *census, const EventLogModel *events, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_recent(recent)
    , m_census(census)
    , m_events(events)
    , m_successChart(newChart())
    , m_latencyChart(newChart())
    , m_cacheChart(newChart())
{
    buildSuccessChart();
    buildLatencyChart();
    buildCacheChart();
    auto *charts = new QHBoxLayout;
    m_successView = new TimeChartView(m_successChart, this);
    for (auto [view, name] : {std::pair{m_successView, tr("Success")},
                              std::pair{new TimeChartView(m_latencyChart, this), tr("Latency")},
                              std::pair{new TimeChartView(m_cacheChart, this), tr("Cache state")}}) {
        view->setRenderHint(QPainter::Antialiasing);
        // A few dozen items that all move each second: the whole view is repainted anyway, and
        // an index of the items would only be rebuilt.
        view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
        view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
        view->setAccessibleName(name);
        view->setMinimumHeight(180);
        view->setToolTip(tr("Drag to zoom in, wheel to zoom, right-drag or Shift+drag to pan, "
                            "double-click to follow now again"));
        connect(view, &TimeChartView::windowRequested, this, &TargetCharts::showWindow);
        connect(view, &TimeChartView::liveRequested, this, [this] { setLive(true); });
        charts->addWidget(view, 1);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildControls());
    layout->addLayout(charts, 1);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(1000); // at most once a second, however many results arrive
    connect(&m_redraw, &QTimer::timeout, this, &TargetCharts::redraw);
    const auto later = [this] {
        if (isVisible() && m_live && !m_redraw.isActive())
            m_redraw.start();
    };
    connect(recent, &ProbeHistoryBuffer::added, this, [this, later](const QString &target) {
        if (m_target.isEmpty() || target == m_target)
            later();
    });
    connect(census, &CacheCensusBuffer::added, this, later);
    applyPalette();
    m_windowSettle.setSingleShot(true);
    m_windowSettle.setInterval(250);
    connect(&m_windowSettle, &QTimer::timeout, this, &TargetCharts::redraw);
    m_plotStep.setSingleShot(true);
    m_plotStep.setInterval(0);
    connect(&m_plotStep, &QTimer::timeout, this, &TargetCharts::plotNextChart);
    setRangeMs(m_rangeMs);
}

QWidget *TargetCharts::buildControls()
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    m_allButton = new QToolButton(controls);
    m_allButton->setText(tr("All targets"));
    m_allButton->setCheckable(true);
    m_allButton->setToolTip(tr("Show every target together (select a row to show one)"));
    connect(m_allButton, &QToolButton::clicked, this, [this] { showTarget(QString()); });
    m_liveButton = new QToolButton(controls);
    m_liveButton->setText(tr("Live"));
    m_liveButton->setCheckable(true);
    m_liveButton->setChecked(true);
    m_liveButton->setToolTip(tr("Follow now (zooming or panning a chart holds its window)"));
    connect(m_liveButton, &QToolButton::clicked, this, [this](bool on) { setLive(on); });
    m_rangeBox = new QComboBox(controls);
    m_rangeBox->setAccessibleName(tr("Time range"));
    for (const auto &[label, ms] :
         {std::pair{tr("Last 5 minutes"), 5 * 60'000LL}, std::pair{tr("Last hour"), 3600'000LL},
          std::pair{tr("Last 2 hours"), ProbeHistoryBuffer::KeptMs}})
        m_rangeBox->addItem(label, ms);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this] { setRangeMs(m_rangeBox->currentData().toLongLong()); });
    row->addWidget(m_allButton);
    row->addStretch(1);
    row->addWidget(m_liveButton);
    row->addWidget(m_rangeBox);
    return controls;
}

QDateTimeAxis *TargetCharts::addTimeAxis(QChart *chart)
{
    auto *time = new QDateTimeAxis(chart);
    time->setTickCount(4); // a time label is wide: a chart is a third of the window
    chart->addAxis(time, Qt::AlignBottom);
    m_timeAxes.append(time);
    return time;
}

void TargetCharts::buildSuccessChart()
{
    QDateTimeAxis *time = addTimeAxis(m_successChart);
    auto *percent = new QValueAxis(m_successChart);
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %"));
    m_successChart->addAxis(percent, Qt::AlignLeft);
    m_dnsSuccess = lineSeries(m_successChart, tr("DNS answered"), time, percent);
    m_checkSuccess = lineSeries(m_successChart, tr("Service answered"), time, percent);
    // Fallback tiers by shape as well as colour.
    const struct
    {
        QString tier;
        QString name;
        QColor color;
        QScatterSeries::MarkerShape shape;
    } tiers[] = {
            {QStringLiteral("stale"), tr("Served stale"), QColor(0xb8, 0x6e, 0x00),
             QScatterSeries::MarkerShapeCircle},
            {QStringLiteral("pinned"), tr("Served pinned"), QColor(0x6a, 0x3d, 0x9a),
             QScatterSeries::MarkerShapeRectangle},
            {QStringLiteral("env"), tr("Served env fallback"), QColor(0xc0, 0x39, 0x2b),
             QScatterSeries::MarkerShapeTriangle},
    };
    for (const auto &tier : tiers) {
        auto *series = new QScatterSeries(m_successChart);
        series->setName(tier.name);
        series->setMarkerShape(tier.shape);
        series->setMarkerSize(10);
        series->setColor(tier.color);
        series->setBorderColor(tier.color.darker(140));
        m_successChart->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(percent);
        m_tiers.insert(tier.tier, {series, {}});
        m_successChart->legend()->markers(series).constFirst()->setVisible(false);
        connect(series, &QScatterSeries::hovered, this,
                [this, key = tier.tier](const QPointF &point, bool entered) {
                    if (!entered) {
                        QToolTip::hideText();
                        return;
                    }
                    for (const FallbackMarkers::Marker &marker :
                         std::as_const(m_tiers[key].markers)) {
                        if (qFuzzyCompare(marker.point.x(), point.x())) {
                            QToolTip::showText(QCursor::pos(), marker.text, this);
                            return;
                        }
                    }
                });
    }
}

TargetCharts::LatencySeries TargetCharts::latencySeries(const QString &name, const QColor &color)
{
    QAbstractAxis *time = m_timeAxes.constLast();
    LatencySeries series;
    series.bandTop = new QLineSeries(m_latencyChart);
    series.bandBottom = new QLineSeries(m_latencyChart);
    QColor band = color;
    band.setAlpha(70);
    auto *area = areaSeries(m_latencyChart, tr("%1 p50-p95").arg(name), series.bandTop,
                            series.bandBottom, band, time, m_latencyAxis);
    area->setBorderColor(Qt::transparent);
    series.p50 = lineSeries(m_latencyChart, name, time, m_latencyAxis);
    series.p50->setColor(color);
    // One legend entry per kind: the line's, in its colour (the title says what the band is).
    m_latencyChart->legend()->markers(area).constFirst()->setVisible(false);
    return series;
}

void TargetCharts::buildLatencyChart()
{
    addTimeAxis(m_latencyChart); // latencySeries() attaches to it
    m_latencyAxis = new QValueAxis(m_latencyChart);
    m_latencyChart->addAxis(m_latencyAxis, Qt::AlignLeft);
    m_dnsLatency = latencySeries(tr("DNS"), QColor(0x20, 0x9f, 0xdf));
    m_checkLatency = latencySeries(tr("Service"), QColor(0x99, 0xca, 0x53));
}

void TargetCharts::buildCacheChart()
{
    QDateTimeAxis *time = addTimeAxis(m_cacheChart);
    m_censusAxis = new QValueAxis(m_cacheChart);
    m_censusAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_cacheChart->addAxis(m_censusAxis, Qt::AlignLeft);
    // In CacheEntrySnapshot::State order, stacked from the bottom.
    const std::pair<QString, QColor> states[] = {
            {tr("Fresh"), QColor(0x2e, 0x9e, 0x4f)},    {tr("Stale"), QColor(0xe0, 0x9b, 0x1a)},
            {tr("Negative"), QColor(0x5d, 0x6d, 0x7e)}, {tr("Pinned"), QColor(0x6a, 0x3d, 0x9a)},
            {tr("Env"), QColor(0xc0, 0x39, 0x2b)},      {tr("Missing"), QColor(0xbd, 0xc3, 0xc7)},
    };
    static_assert(std::size(states) == CacheCensus::StateCount);
    for (const auto &[name, color] : states) {
        CensusSeries series{new QLineSeries(m_cacheChart), new QLineSeries(m_cacheChart)};
        areaSeries(m_cacheChart, name, series.top, series.bottom, color, time, m_censusAxis);
        m_censusSeries.append(series);
    }
}

void TargetCharts::setTitles(const QString &problem)
{
    const QString subject = m_target.isEmpty() ? tr("All targets") : m_target;
    m_successChart->setTitle(problem.isEmpty()
                                     ? tr("%1: success").arg(subject)
                                     : tr("%1: history unavailable (%2)").arg(subject, problem));
    m_latencyChart->setTitle(tr("%1: latency (p50, band to p95)").arg(subject));
    m_cacheChart->setTitle(tr("Cache state (all targets)"));
}

void TargetCharts::showTarget(const QString &target)
{
    m_target = target;
    m_allButton->setChecked(target.isEmpty());
    setTitles();
    m_lastHistoryQueryMs = 0;
    ++m_historyRequest; // an answer still on its way is for another target
    redraw();
}

void TargetCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TargetCharts::applyPalette()
{
    // Qt Charts' themes are fixed light or dark sets that would also recolour the series: take
    // the backgrounds, text and grid from the system palette instead (light or dark alike).
    const QPalette colours = palette();
    const QColor text = colours.color(QPalette::Text);
    const QColor grid = colours.color(QPalette::Mid);
    for (QChart *chart : {m_successChart, m_latencyChart, m_cacheChart}) {
        chart->setBackgroundBrush(colours.base());
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(grid);
        }
    }
}

void TargetCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw(); // nothing is drawn while hidden
}

void TargetCharts::setRangeMs(qint64 rangeMs)
{
    m_rangeMs = rangeMs;
    setLive(true);
}

void TargetCharts::setLive(bool live)
{
    m_live = live;
    m_liveButton->setChecked(live);
    if (!live)
        m_window = shownWindow();
    m_lastHistoryQueryMs = 0;
    ++m_historyRequest;
    redraw();
}

void TargetCharts::showWindow(qint64 fromMs, qint64 toMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 span = std::max<qint64>(toMs - fromMs, 1000);
    toMs = std::min(toMs, now); // the future holds nothing
    m_window = {toMs - span, toMs};
    m_live = false;
    m_liveButton->setChecked(false);
    m_plotStep.stop(); // what is left of the last plot would move two axes back
    // The axes move at once; the data follows once the window rests.
    for (QDateTimeAxis *axis : std::as_const(m_timeAxes))
        moveTimeAxis(axis, m_window.first, m_window.second);
    m_windowSettle.start();
}

void TargetCharts::moveTimeAxis(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs)
{
    axis->setFormat(timeFormat(toMs - fromMs));
    axis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
}

std::pair<qint64, qint64> TargetCharts::shownWindow() const
{
    const QDateTimeAxis *axis = m_timeAxes.constFirst();
    return {axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch()};
}

void TargetCharts::setHistory(HistoryStore *history)
{
    m_history = history;
    if (!history || m_rangeBox->count() > 3)
        return;
    m_rangeBox->addItem(tr("Last 24 hours (history)"), 24 * 3600'000LL);
    m_rangeBox->addItem(tr("Last 7 days (history)"), 7 * 24 * 3600'000LL);
}

int TargetCharts::bucketCount() const
{
    return std::clamp(int(m_successChart->plotArea().width()) / PixelsPerBucket, FewestBuckets,
                      MostBuckets);
}

ChartWindow TargetCharts::currentWindow(qint64 now) const
{
    ChartWindow window;
    window.fromMs = m_live ? now - m_rangeMs : m_window.first;
    window.toMs = m_live ? now : m_window.second;
    window.bucketMs = std::max<qint64>(1000, (window.toMs - window.fromMs) / bucketCount());
    return window;
}

QStringList TargetCharts::hostsShown() const
{
    QStringList hosts;
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (target.name == m_target)
            return {target.host};
    }
    return hosts; // all
}

void TargetCharts::redraw()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const ChartWindow window = currentWindow(now);
    if (!m_history || window.fromMs >= now - ProbeHistoryBuffer::KeptMs) {
        redrawFromMemory(window);
        return;
    }
    if (m_live && m_lastHistoryQueryMs && now - m_lastHistoryQueryMs < 60'000)
        return;
    m_lastHistoryQueryMs = now;
    askHistory(window);
}

void TargetCharts::redrawFromMemory(const ChartWindow &window)
{
    QList<const std::deque<ProbeHistoryBuffer::Point> *> points;
    for (const QString &target : m_target.isEmpty() ? m_recent->targets() : QStringList{m_target})
        points.append(&m_recent->points(target));
    QList<StoredEvent> events;
    for (int row = 0; row < m_events->rowCount(); ++row) {
        const StoredEvent &event = m_events->eventAt(row);
        if (event.time.toMSecsSinceEpoch() < window.fromMs)
            break; // newest first: the rest are older still
        events.append(event);
    }
    plot({ChartDataBuilder::fromRecent(points, window),
          ChartDataBuilder::censusPerBucket(m_census->samples(), window),
          ChartDataBuilder::markers(events, hostsShown(), window)},
         window);
}

void TargetCharts::askHistory(ChartWindow window)
{
    const int widthS = historyBucketWidthS((window.toMs - window.fromMs) / 1000, bucketCount());
    window.bucketMs = widthS * 1000LL;
    window.fromMs -= window.fromMs % window.bucketMs; // the history's buckets start there
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.toMs);
    const quint64 request = ++m_historyRequest;
    // Three reads, drawn together once all have answered.
    struct Answers
    {
        Plot plot;
        QString error;
        int pending = 3;
    };
    auto answers = std::make_shared<Answers>();
    const auto arrived = [this, request, answers, window](const QString &error) {
        if (!error.isEmpty())
            answers->error = error;
        if (--answers->pending > 0 || request != m_historyRequest)
            return; // more to come, or a newer question is on its way
        setTitles(answers->error);
        if (answers->error.isEmpty())
            plot(answers->plot, window);
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

void TargetCharts::plot(const Plot &plot, const ChartWindow &window)
{
    // One chart now, the next two each in a turn of the event loop of its own: every chart lays
    // out its axes and label texts again when its time axis moves, and the three together held
    // the GUI thread for 30-40 ms (one alone, about 10).
    m_pending = plot;
    m_pendingWindow = window;
    m_nextChart = SuccessChart;
    plotNextChart();
}

void TargetCharts::plotNextChart()
{
    const ChartWindow &window = m_pendingWindow;
    switch (m_nextChart) {
    case SuccessChart:
        plotSuccess(m_pending.data, m_pending.markers);
        break;
    case LatencyChart:
        plotLatency(m_pending.data);
        break;
    case CacheChart:
        plotCensus(m_pending.census);
        break;
    }
    moveTimeAxis(m_timeAxes[m_nextChart], window.fromMs, window.toMs);
    if (++m_nextChart < ChartCount)
        m_plotStep.start();
    else
        m_pending = Plot(); // the charts hold their points; the copy is not needed any more
}

void TargetCharts::plotSuccess(const ChartData &data, const FallbackMarkers &markers)
{
    m_dnsSuccess->replace(data.dnsSuccess);
    m_checkSuccess->replace(data.checkSuccess);
    for (auto it = m_tiers.begin(); it != m_tiers.end(); ++it) {
        it->markers = markers.byTier.value(it.key());
        QList<QPointF> points;
        for (const FallbackMarkers::Marker &marker : std::as_const(it->markers))
            points.append(marker.point);
        it->series->replace(points);
        // A tier is in the legend while it has markers on screen (the legend lays itself out
        // again only when told).
        QLegendMarker *entry = m_successChart->legend()->markers(it->series).constFirst();
        if (entry->isVisible() != !points.isEmpty()) {
            entry->setVisible(!points.isEmpty());
            m_successChart->legend()->layout()->invalidate();
        }
    }
}

void TargetCharts::plotLatency(const ChartData &data)
{
    double latencyTop = 1;
    for (const auto &[line, series] : {std::pair{&data.dnsLatency, &m_dnsLatency},
                                       std::pair{&data.checkLatency, &m_checkLatency}}) {
        series->p50->replace(line->p50);
        series->bandTop->replace(line->p95);
        series->bandBottom->replace(line->p50);
        for (const QPointF &point : line->p95)
            latencyTop = std::max(latencyTop, point.y());
    }
    const double top = latencyTop * 1.1;
    // Whole milliseconds repeat themselves on a small range ("1 ms, 1 ms, 0 ms").
    m_latencyAxis->setLabelFormat(top < 10 ? QStringLiteral("%.1f ms") : QStringLiteral("%.0f ms"));
    m_latencyAxis->setRange(0, top);
}

void TargetCharts::plotCensus(const QList<CacheCensus> &census)
{
    // Stacked: each state's band sits on the states below it.
    std::vector<QList<QPointF>> edges(CacheCensus::StateCount + 1);
    double top = 1;
    for (const CacheCensus &sample : census) {
        const double x = double(sample.time.toMSecsSinceEpoch());
        double height = 0;
        edges[0].append(QPointF(x, 0));
        for (int state = 0; state < CacheCensus::StateCount; ++state) {
            height += sample.counts[size_t(state)];
            edges[size_t(state) + 1].append(QPointF(x, height));
        }
        top = std::max(top, height);
    }
    for (int state = 0; state < CacheCensus::StateCount; ++state) {
        m_censusSeries[state].bottom->replace(edges[size_t(state)]);
        m_censusSeries[state].top->replace(edges[size_t(state) + 1]);
    }
    m_censusAxis->setRange(0, std::ceil(top));
    m_censusAxis->setTickCount(std::min(6, int(std::ceil(top)) + 1));
}

int TargetCharts::plottedBuckets() const { return int(m_dnsSuccess->count()); }

int TargetCharts::latencyBandPoints() const { return int(m_dnsLatency.bandTop->count()); }

int TargetCharts::cacheCensusPoints() const { return int(m_censusSeries[0].top->count()); }

QList<FallbackMarkers::Marker> TargetCharts::markers(const QString &tier) const
{
    return m_tiers.value(tier).markers;
}

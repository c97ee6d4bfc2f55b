#include "targetcharts.h"

#include "agentplace.h"
#include "charts/cachestatechart.h"
#include "charts/chartwindowcontroller.h"
#include "charts/latencychart.h"
#include "charts/successchart.h"
#include "charts/timechartview.h"
#include "probe/monitor.h"

#include <QComboBox>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

TargetCharts::TargetCharts(const Monitor *monitor, ProbeHistoryBuffer *recent,
                           CacheCensusBuffer *census, const EventLogModel *events, QWidget *parent)
    : QWidget(parent)
    , m_controller(new ChartWindowController(monitor, recent, census, events, this))
    , m_success(new SuccessChart)
    , m_latency(new LatencyChart)
    , m_cacheState(new CacheStateChart)
    , m_charts{m_success, m_latency, m_cacheState}
{
    auto *charts = new QHBoxLayout;
    for (auto [chart, name] : {std::pair<TimeChart *, QString>{m_success, tr("Success")},
                               std::pair<TimeChart *, QString>{m_latency, tr("Latency")},
                               std::pair<TimeChart *, QString>{m_cacheState, tr("Cache state")}}) {
        auto *view = new TimeChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        // A few dozen items that all move each second: the whole view is repainted anyway, and
        // an index of the items would only be rebuilt.
        view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
        view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
        view->setAccessibleName(name);
        view->setMinimumHeight(220);
        view->setToolTip(chart->explanation() + QStringLiteral("\n\n")
                         + tr("Drag to zoom in, wheel to zoom, right-drag or Shift+drag to pan, "
                              "double-click to follow now again"));
        view->setAccessibleDescription(chart->explanation());
        connect(view, &TimeChartView::windowRequested, m_controller,
                &ChartWindowController::showWindow);
        connect(view, &TimeChartView::spanSelected, m_controller, &ChartWindowController::zoomTo);
        connect(view, &TimeChartView::zoomRequested, m_controller, &ChartWindowController::zoom);
        connect(view, &TimeChartView::panRequested, m_controller, &ChartWindowController::pan);
        connect(view, &TimeChartView::liveRequested, m_controller,
                &ChartWindowController::followNow);
        charts->addWidget(view, 1);
        if (chart == m_success)
            m_successView = view;
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildControls());
    layout->addLayout(charts, 1);
    applyPalette();

    // Buckets a few pixels wide: drawing follows the charts' width, not the history.
    m_controller->setPlotWidth(m_success->plotArea().width());
    connect(m_success, &QChart::plotAreaChanged, m_controller,
            [this](const QRectF &area) { m_controller->setPlotWidth(area.width()); });
    connect(m_controller, &ChartWindowController::plotReady, this, &TargetCharts::plot);
    connect(m_controller, &ChartWindowController::windowMoved, this, &TargetCharts::moveTimeAxes);
    connect(m_controller, &ChartWindowController::liveChanged, m_liveButton,
            &QToolButton::setChecked);
    connect(m_controller, &ChartWindowController::historyAnswered, this, &TargetCharts::setTitles);
    connect(m_controller, &ChartWindowController::coverageChanged, this,
            [this](const QDateTime &since) {
                m_coveredSince = since;
                setTitles();
            });
    m_plotStep.setSingleShot(true);
    m_plotStep.setInterval(0);
    connect(&m_plotStep, &QTimer::timeout, this, &TargetCharts::plotNextChart);
    setRangeMs(m_rangeBox->currentData().toLongLong());
}

QString TargetCharts::timeZoneText()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QString abbreviation = zone.abbreviation(now);
    const int offsetMin = zone.offsetFromUtc(now) / 60;
    const QString offset = QStringLiteral("UTC%1%2:%3")
                                   .arg(offsetMin < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                   .arg(std::abs(offsetMin) / 60, 2, 10, QLatin1Char('0'))
                                   .arg(std::abs(offsetMin) % 60, 2, 10, QLatin1Char('0'));
    // "UTC" needs no offset after it; "CET" does ("UTC+01:00, CET").
    if (abbreviation.isEmpty() || abbreviation == QLatin1String("UTC") || abbreviation == offset)
        return tr("Times in %1").arg(offsetMin == 0 ? QStringLiteral("UTC") : offset);
    return tr("Times in %1 (%2)").arg(abbreviation, offset);
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
    m_rangeBox->setToolTip(tr("How far back the charts reach; with a history, up to 7 days"));
    for (const auto &[label, ms] :
         {std::pair{tr("Last 5 minutes"), 5 * 60'000LL}, std::pair{tr("Last hour"), 3600'000LL},
          std::pair{tr("Last 2 hours"), ProbeHistoryBuffer::KeptMs}})
        m_rangeBox->addItem(label, ms);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this] { setRangeMs(m_rangeBox->currentData().toLongLong()); });
    row->addWidget(m_allButton);
    row->addStretch(1);
    // The axes say local times: which zone, for a screen shared across sites.
    m_zoneLabel = new QLabel(timeZoneText(), controls);
    m_zoneLabel->setObjectName(QStringLiteral("timeZone"));
    m_zoneLabel->setToolTip(tr("The charts' times are in this machine's time zone"));
    row->addWidget(m_zoneLabel);
    row->addWidget(m_liveButton);
    row->addWidget(m_rangeBox);
    return controls;
}

void TargetCharts::setTitles(const QString &historyProblem)
{
    const QString target = m_controller->target();
    const AgentPlace *agent = m_controller->agent();
    QString subject = target.isEmpty() ? tr("All targets")
            : agent                    ? tr("%1 at %2").arg(target, agent->name())
                                       : target;
    if (agent && m_coveredSince.isValid()) // the agent holds the window from then only
        subject = tr("%1, since %2")
                          .arg(subject,
                               QLocale().toString(m_coveredSince.toLocalTime().time(),
                                                  QLocale::ShortFormat));
    for (TimeChart *chart : m_charts) {
        // An agent's history has no cache state: its chart says so rather than stay blank.
        const bool noCensus = agent && chart == static_cast<TimeChart *>(m_cacheState);
        chart->showSubject(subject, noCensus ? tr("not sent by agents") : historyProblem);
    }
}

void TargetCharts::showTarget(const QString &target)
{
    m_allButton->setChecked(target.isEmpty());
    m_controller->showTarget(target);
    setTitles();
}

void TargetCharts::showAgentTarget(AgentPlace *agent, const QString &target)
{
    m_coveredSince = QDateTime();
    m_allButton->setChecked(false);
    m_controller->showAgentTarget(agent, target);
    setTitles();
}

void TargetCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TargetCharts::applyPalette()
{
    for (TimeChart *chart : m_charts)
        chart->applyPalette(palette());
}

void TargetCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_controller->setVisibility(ChartWindowController::Visibility::Shown);
}

void TargetCharts::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A minimised window's widgets are still visible (isVisible()): they go on drawing.
    if (!event->spontaneous())
        m_controller->setVisibility(ChartWindowController::Visibility::Hidden);
}

void TargetCharts::setRangeMs(qint64 rangeMs) { m_controller->setRangeMs(rangeMs); }

void TargetCharts::setLive(bool live)
{
    if (live)
        m_controller->followNow();
    else
        m_controller->holdWindow();
}

void TargetCharts::showWindow(qint64 fromMs, qint64 toMs)
{
    m_controller->showWindow(fromMs, toMs);
}

void TargetCharts::moveTimeAxes(qint64 fromMs, qint64 toMs)
{
    m_plotStep.stop(); // what is left of the last plot would move two axes back
    for (TimeChart *chart : m_charts)
        chart->moveTimeAxis(fromMs, toMs);
    // The zone's name and offset change with daylight saving time while the window is open.
    const QString zone = timeZoneText();
    if (m_zoneLabel->text() != zone)
        m_zoneLabel->setText(zone);
}

QString TargetCharts::target() const { return m_controller->target(); }

bool TargetCharts::isLive() const { return m_controller->isLive(); }

std::pair<qint64, qint64> TargetCharts::shownWindow() const { return m_success->shownWindow(); }

void TargetCharts::setHistory(HistoryStore *history)
{
    m_controller->setHistory(history);
    if (!history || m_rangeBox->count() > 3)
        return;
    m_rangeBox->addItem(tr("Last 24 hours (history)"), 24 * 3600'000LL);
    m_rangeBox->addItem(tr("Last 7 days (history)"), 7 * 24 * 3600'000LL);
}

void TargetCharts::plot(const ChartPlot &plot, const ChartWindow &window)
{
    // One chart now, the next two each in a turn of the event loop of its own: every chart lays
    // out its axes and label texts again when its time axis moves, and the three together held
    // the GUI thread for 30-40 ms (one alone, about 10).
    m_pending = plot;
    m_pendingWindow = window;
    m_nextChart = 0;
    plotNextChart();
}

void TargetCharts::plotNextChart()
{
    m_charts[m_nextChart]->plot(m_pending, m_pendingWindow);
    if (++m_nextChart < m_charts.size())
        m_plotStep.start();
    else
        m_pending = ChartPlot(); // the charts hold their points; the copy is not needed any more
}

int TargetCharts::plottedBuckets() const { return m_success->plottedBuckets(); }

bool TargetCharts::saysEmpty() const { return m_success->saysEmpty(); }

int TargetCharts::latencyBandPoints() const { return m_latency->bandPoints(); }

int TargetCharts::cacheCensusPoints() const { return m_cacheState->censusPoints(); }

QList<FallbackMarkers::Marker> TargetCharts::markers(const QString &tier) const
{
    return m_success->markers(tier);
}

QScatterSeries *TargetCharts::markerSeries(const QString &tier) const
{
    return m_success->markerSeries(tier);
}

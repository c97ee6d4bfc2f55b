#pragma once

#include "charts/cachecensusbuffer.h"
#include "charts/chartdata.h"
#include "probe/probehistorybuffer.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <array>

class AgentPlace;
class CacheStateChart;
class ChartWindowController;
class EventLogModel;
class HistoryStore;
class LatencyChart;
class Monitor;
class QComboBox;
class QLabel;
class QScatterSeries;
class QToolButton;
class SuccessChart;
class TimeChart;
class TimeChartView;

// The detail pane's charts, on one time axis, for one target or all of them: success with the
// fallback markers (SuccessChart), latency (LatencyChart) and the cache state (CacheStateChart),
// under the controls (all targets, live, the range). ChartWindowController decides the window and
// brings its data; zooming or panning a chart (TimeChartView) asks it for another window. The
// charts take new points one per turn of the event loop, which keeps the GUI thread's stalls short.
class TargetCharts : public QWidget
{
    Q_OBJECT
public:
    TargetCharts(const Monitor *monitor, ProbeHistoryBuffer *recent, CacheCensusBuffer *census,
                 const EventLogModel *events, QWidget *parent = nullptr);

    void showTarget(const QString &target); // this machine's; empty: all of them
    void showAgentTarget(AgentPlace *agent, const QString &target); // from the agent's history
    void setRangeMs(qint64 rangeMs);
    // With a history, the last 24 hours and 7 days can be shown too.
    void setHistory(HistoryStore *history);
    void setLive(bool live);
    void showWindow(qint64 fromMs, qint64 toMs); // leaves live mode

    QString target() const;
    bool isLive() const;
    std::pair<qint64, qint64> shownWindow() const;
    // For tests: points on the series.
    int plottedBuckets() const;
    int latencyBandPoints() const;
    int cacheCensusPoints() const;
    bool saysEmpty() const; // the success chart says its window holds no probes
    QList<FallbackMarkers::Marker> markers(const QString &tier) const;
    QScatterSeries *markerSeries(const QString &tier) const;
    TimeChartView *successView() const { return m_successView; }
    // New points reach the three charts one event-loop turn after another.
    bool isPlotting() const { return m_plotStep.isActive(); }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override; // follows the system palette

private:
    QWidget *buildControls();
    static QString timeZoneText(); // "Times in CET (UTC+01:00)"
    void setTitles(const QString &historyProblem = QString());
    void plot(const ChartPlot &plot, const ChartWindow &window);
    void plotNextChart();
    void moveTimeAxes(qint64 fromMs, qint64 toMs);
    void applyPalette();

    ChartWindowController *m_controller;
    SuccessChart *m_success;
    LatencyChart *m_latency;
    CacheStateChart *m_cacheState;
    std::array<TimeChart *, 3> m_charts; // in the order they are plotted
    QTimer m_plotStep; // the next chart takes its points
    ChartPlot m_pending;
    ChartWindow m_pendingWindow;
    size_t m_nextChart = 0;

    QComboBox *m_rangeBox = nullptr;
    QToolButton *m_liveButton = nullptr;
    QToolButton *m_allButton = nullptr;
    QLabel *m_zoneLabel = nullptr; // "Times in CET (UTC+01:00)"
    TimeChartView *m_successView = nullptr;
    QDateTime m_coveredSince; // an agent's answer began there (invalid: the whole window)
};

#pragma once

#include "charts/cachecensusbuffer.h"
#include "charts/chartdata.h"
#include "charts/probehistorybuffer.h"
#include "store/historystore.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class EventLogModel;
class Monitor;
class QAreaSeries;
class QChart;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QToolButton;
class QValueAxis;
class TimeChartView;

// The detail pane's charts, on one time axis, for one target or all of them:
// - success: DNS and service success per bucket, with the fallback events as markers by tier
//   (hovering one shows the events it stands for);
// - latency: DNS and service p50 lines with their p50-p95 band;
// - cache state: how many targets the cache holds fresh, stale, negative, pinned, env or not at
//   all (always every target: the cache is shared).
// The last 5 minutes, hour or two come from memory, longer ranges from the history (read off
// the GUI thread). Live mode follows now; zooming or panning (TimeChartView) holds a window
// until live is chosen again. The series are made once and fed with replace(), one point per
// bucket, with buckets a few pixels wide: drawing follows the chart's width, not the history.
class TargetCharts : public QWidget
{
    Q_OBJECT
public:
    TargetCharts(const Monitor *monitor, ProbeHistoryBuffer *recent, CacheCensusBuffer *census,
                 const EventLogModel *events, QWidget *parent = nullptr);

    void showTarget(const QString &target); // empty: all targets
    void setRangeMs(qint64 rangeMs);
    // With a history, the last 24 hours and 7 days can be shown too.
    void setHistory(HistoryStore *history);
    void setLive(bool live);
    void showWindow(qint64 fromMs, qint64 toMs); // leaves live mode

    QString target() const { return m_target; }
    bool isLive() const { return m_live; }
    std::pair<qint64, qint64> shownWindow() const;
    // For tests: points on the series.
    int plottedBuckets() const;
    int latencyBandPoints() const;
    int cacheCensusPoints() const;
    QList<FallbackMarkers::Marker> markers(const QString &tier) const;
    QScatterSeries *markerSeries(const QString &tier) const { return m_tiers.value(tier).series; }
    TimeChartView *successView() const { return m_successView; }
    // New points reach the three charts one event-loop turn after another.
    bool isPlotting() const { return m_plotStep.isActive(); }

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override; // follows the system palette

private:
    struct TierSeries
    {
        QScatterSeries *series = nullptr;
        QList<FallbackMarkers::Marker> markers;
    };
    struct LatencySeries
    {
        QLineSeries *p50 = nullptr;
        QLineSeries *bandTop = nullptr;
        QLineSeries *bandBottom = nullptr;
    };
    struct CensusSeries
    {
        QLineSeries *top = nullptr;
        QLineSeries *bottom = nullptr;
    };
    struct Plot
    {
        ChartData data;
        QList<CacheCensus> census;
        FallbackMarkers markers;
    };

    QDateTimeAxis *addTimeAxis(QChart *chart); // one of the axes that move together
    void buildSuccessChart();
    void buildLatencyChart();
    void buildCacheChart();
    QWidget *buildControls();
    LatencySeries latencySeries(const QString &name, const QColor &color);
    ChartWindow currentWindow(qint64 now) const;
    int bucketCount() const;
    QStringList hostsShown() const;
    void redraw();
    void redrawFromMemory(const ChartWindow &window);
    void askHistory(ChartWindow window);
    void plot(const Plot &plot, const ChartWindow &window);
    void plotNextChart();
    void plotSuccess(const ChartData &data, const FallbackMarkers &markers);
    void plotLatency(const ChartData &data);
    void plotCensus(const QList<CacheCensus> &census);
    static void moveTimeAxis(QDateTimeAxis *axis, qint64 fromMs, qint64 toMs);
    void setTitles(const QString &problem = QString());
    void applyPalette();

    const Monitor *m_monitor;
    ProbeHistoryBuffer *m_recent;
    CacheCensusBuffer *m_census;
    const EventLogModel *m_events;
    HistoryStore *m_history = nullptr;
    QString m_target;
    qint64 m_rangeMs = 5 * 60'000;
    bool m_live = true;
    std::pair<qint64, qint64> m_window; // when not live
    quint64 m_historyRequest = 0;
    qint64 m_lastHistoryQueryMs = 0; // live history views are asked again once a minute
    QTimer m_redraw;
    QTimer m_windowSettle; // a drag asks the history once it rests
    enum Chart { SuccessChart, LatencyChart, CacheChart, ChartCount }; // as in m_timeAxes
    QTimer m_plotStep; // the next chart takes its points
    Plot m_pending;
    ChartWindow m_pendingWindow;
    int m_nextChart = ChartCount;

    QComboBox *m_rangeBox = nullptr;
    QToolButton *m_liveButton = nullptr;
    QToolButton *m_allButton = nullptr;
    QChart *m_successChart;
    QChart *m_latencyChart;
    QChart *m_cacheChart;
    TimeChartView *m_successView = nullptr;
    QList<QDateTimeAxis *> m_timeAxes; // by Chart
    QLineSeries *m_dnsSuccess = nullptr;
    QLineSeries *m_checkSuccess = nullptr;
    QHash<QString, TierSeries> m_tiers;
    LatencySeries m_dnsLatency;
    LatencySeries m_checkLatency;
    QValueAxis *m_latencyAxis = nullptr;
    QList<CensusSeries> m_censusSeries; // by CacheEntrySnapshot::State
    QValueAxis *m_censusAxis = nullptr;
};

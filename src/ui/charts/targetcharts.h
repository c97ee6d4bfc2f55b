#pragma once

#include "charts/probehistorybuffer.h"
#include "store/historystore.h"

#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QChart;
class QComboBox;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// Two live charts of one target over the last 5 minutes, hour or two hours from the recent
// results, or 24 hours or 7 days from the history (they follow now):
// DNS and service success per bucket of a sixtieth of the range (the probes kept reachable only
// by fallback marked), and DNS and service latency. The series are made once and fed with
// replace(); redrawn at most once a second, and only when shown.
class TargetCharts : public QWidget
{
    Q_OBJECT
public:
    explicit TargetCharts(ProbeHistoryBuffer *buffer, QWidget *parent = nullptr);

    void showTarget(const QString &target);
    void setRangeMs(qint64 rangeMs);
    // With a history, the last 24 hours and 7 days can be shown too (read off the GUI thread).
    void setHistory(HistoryStore *history);
    QString target() const { return m_target; }
    int plottedBuckets() const; // points on the success series (for tests)

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct ChartData
    {
        QList<QPointF> dnsSuccess, checkSuccess, fallback, dnsLatency, checkLatency;
    };
    ChartData fromRecentResults(qint64 from, qint64 bucketMs) const;
    static ChartData fromHistory(const QList<HistoryBucket> &buckets);
    void plot(const ChartData &data, qint64 from, qint64 now);
    void redraw();
    QChartView *makeView(QChart *chart, const QString &name);

    ProbeHistoryBuffer *m_buffer;
    QString m_target;
    HistoryStore *m_history = nullptr;
    quint64 m_historyRequest = 0;
    qint64 m_lastHistoryQueryMs = 0; // the history is asked again at most once a minute
    QComboBox *m_rangeBox = nullptr;
    qint64 m_rangeMs = 5 * 60'000;
    QTimer m_redraw;
    QChart *m_successChart;
    QChart *m_latencyChart;
    QLineSeries *m_dnsSuccess;
    QLineSeries *m_checkSuccess;
    QScatterSeries *m_fallback;
    QLineSeries *m_dnsLatency;
    QLineSeries *m_checkLatency;
    QDateTimeAxis *m_successTime;
    QDateTimeAxis *m_latencyTime;
    QValueAxis *m_latencyAxis;
};

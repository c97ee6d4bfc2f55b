#pragma once

#include "charts/probehistorybuffer.h"

#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// Two live charts of one target over the last 5 minutes, hour or two hours (they follow now):
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
    QString target() const { return m_target; }
    int plottedBuckets() const; // points on the success series (for tests)

protected:
    void showEvent(QShowEvent *event) override;

private:
    void redraw();
    QChartView *makeView(QChart *chart, const QString &name);

    ProbeHistoryBuffer *m_buffer;
    QString m_target;
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

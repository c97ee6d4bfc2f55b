#pragma once

#include "charts/timechart.h"

class QValueAxis;

// Latency per bucket: the DNS and service p50 lines, each with its band up to p95, on an axis
// that fits the highest p95.
class LatencyChart : public TimeChart
{
    Q_OBJECT
public:
    explicit LatencyChart(QGraphicsItem *parent = nullptr);

    int bandPoints() const;

protected:
    bool plotPoints(const ChartPlot &plot) override;
    QString explanation() const override;
    QString titleFor(const QString &subject, const QString &historyProblem) const override;

private:
    struct LatencySeries
    {
        QLineSeries *p50 = nullptr;
        QLineSeries *bandTop = nullptr;
        QLineSeries *bandBottom = nullptr;
    };
    LatencySeries addLatencySeries(const QString &name, const QColor &color);

    QValueAxis *m_latencyAxis;
    LatencySeries m_dnsLatency;
    LatencySeries m_checkLatency;
};

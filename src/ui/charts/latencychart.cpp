#include "latencychart.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

LatencyChart::LatencyChart(QGraphicsItem *parent)
    : TimeChart(parent), m_latencyAxis(new QValueAxis(this))
{
    addAxis(m_latencyAxis, Qt::AlignLeft);
    m_dnsLatency = addLatencySeries(tr("DNS"), QColor(0x20, 0x9f, 0xdf));
    m_checkLatency = addLatencySeries(tr("Service"), QColor(0x99, 0xca, 0x53));
}

LatencyChart::LatencySeries LatencyChart::addLatencySeries(const QString &name, const QColor &color)
{
    LatencySeries series;
    series.bandTop = new QLineSeries(this);
    series.bandBottom = new QLineSeries(this);
    QColor band = color;
    band.setAlpha(70);
    auto *area = addAreaSeries(tr("%1 p50-p95").arg(name), series.bandTop, series.bandBottom, band,
                               m_latencyAxis);
    area->setBorderColor(Qt::transparent);
    series.p50 = addLineSeries(name, m_latencyAxis);
    series.p50->setColor(color);
    // One legend entry per kind: the line's, in its colour (the title says what the band is).
    legend()->markers(area).constFirst()->setVisible(false);
    return series;
}

QString LatencyChart::titleFor(const QString &subject, const QString &) const
{
    return tr("%1: latency (p50, band to p95)").arg(subject);
}

QString LatencyChart::explanation() const
{
    return tr("DNS: the median time of the lookups, the band up to their 95th percentile.\n"
              "Service: the same for the service checks.");
}

bool LatencyChart::plotPoints(const ChartPlot &plot)
{
    double latencyTop = 1;
    for (const auto &[line, series] : {std::pair{&plot.data.dnsLatency, &m_dnsLatency},
                                       std::pair{&plot.data.checkLatency, &m_checkLatency}}) {
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
    return !plot.data.dnsLatency.p50.isEmpty() || !plot.data.checkLatency.p50.isEmpty();
}

int LatencyChart::bandPoints() const { return int(m_dnsLatency.bandTop->count()); }

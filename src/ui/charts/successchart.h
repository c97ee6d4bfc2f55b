#pragma once

#include "charts/timechart.h"

#include <QHash>

class QScatterSeries;

// Success per bucket: the share of probes whose name DNS answered and whose service answered,
// with the fallback events as markers by tier (shape and colour; hovering one shows the events it
// stands for). A tier is in the legend while it has markers on screen.
class SuccessChart : public TimeChart
{
    Q_OBJECT
public:
    explicit SuccessChart(QGraphicsItem *parent = nullptr);

    int plottedBuckets() const;
    QList<FallbackMarkers::Marker> markers(const QString &tier) const;
    QScatterSeries *markerSeries(const QString &tier) const { return m_tiers.value(tier).series; }

protected:
    bool plotPoints(const ChartPlot &plot) override;
    QString explanation() const override;
    QString titleFor(const QString &subject, const QString &historyProblem) const override;

private:
    struct TierSeries
    {
        QScatterSeries *series = nullptr;
        QList<FallbackMarkers::Marker> markers;
    };
    void showMarkerText(const QString &tier, const QPointF &point) const;

    QLineSeries *m_dnsSuccess;
    QLineSeries *m_checkSuccess;
    QHash<QString, TierSeries> m_tiers;
};

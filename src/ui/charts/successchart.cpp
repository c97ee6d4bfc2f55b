#include "successchart.h"

#include <QCursor>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

SuccessChart::SuccessChart(QGraphicsItem *parent) : TimeChart(parent)
{
    auto *percent = new QValueAxis(this);
    // 0 % and 100 % clear of the frame, with their grid lines and labels: a line along the axis
    // would hide in it.
    percent->setRange(-6, 106);
    percent->setTickType(QValueAxis::TicksDynamic);
    percent->setTickAnchor(0);
    percent->setTickInterval(25);
    // "%.0f": the charts localize their numbers, and only a format with a precision is localized.
    percent->setLabelFormat(QStringLiteral("%.0f %"));
    addAxis(percent, Qt::AlignLeft);
    // Short names for the legend (a chart is a third of the window); the view's tooltip says
    // them in full.
    m_dnsSuccess = addLineSeries(tr("DNS"), percent);
    m_checkSuccess = addLineSeries(tr("Service"), percent);
    // Fallback tiers by shape as well as colour.
    const struct
    {
        QString tier;
        QString name;
        QColor color;
        QScatterSeries::MarkerShape shape;
    } tiers[] = {
            {QStringLiteral("stale"), tr("Stale"), QColor(0xb8, 0x6e, 0x00),
             QScatterSeries::MarkerShapeCircle},
            {QStringLiteral("pinned"), tr("Pinned"), QColor(0x6a, 0x3d, 0x9a),
             QScatterSeries::MarkerShapeRectangle},
            {QStringLiteral("env"), tr("Env"), QColor(0xc0, 0x39, 0x2b),
             QScatterSeries::MarkerShapeTriangle},
    };
    for (const auto &tier : tiers) {
        auto *series = new QScatterSeries(this);
        series->setName(tier.name);
        series->setMarkerShape(tier.shape);
        series->setMarkerSize(10);
        series->setColor(tier.color);
        series->setBorderColor(tier.color.darker(140));
        addSeries(series);
        series->attachAxis(timeAxis());
        series->attachAxis(percent);
        m_tiers.insert(tier.tier, {series, {}});
        legend()->markers(series).constFirst()->setVisible(false);
        connect(series, &QScatterSeries::hovered, this,
                [this, key = tier.tier](const QPointF &point, bool entered) {
                    if (entered)
                        showMarkerText(key, point);
                    else
                        QToolTip::hideText();
                });
    }
}

void SuccessChart::showMarkerText(const QString &tier, const QPointF &point) const
{
    const QList<QGraphicsView *> views = scene() ? scene()->views() : QList<QGraphicsView *>();
    const QList<FallbackMarkers::Marker> shown = markers(tier);
    for (const FallbackMarkers::Marker &marker : shown) {
        if (qFuzzyCompare(marker.point.x(), point.x())) {
            QToolTip::showText(QCursor::pos(), marker.text, views.value(0));
            return;
        }
    }
}

QString SuccessChart::titleFor(const QString &subject, const QString &historyProblem) const
{
    return historyProblem.isEmpty()
            ? tr("%1: success").arg(subject)
            : tr("%1: history unavailable (%2)").arg(subject, historyProblem);
}

QString SuccessChart::explanation() const
{
    return tr("DNS: the share of probes whose name DNS answered (live or from the cache).\n"
              "Service: the share of probes whose service check succeeded.\n"
              "Stale, Pinned, Env: probes served by that fallback tier (hover a marker for "
              "the events).");
}

bool SuccessChart::plotPoints(const ChartPlot &plot)
{
    m_dnsSuccess->replace(plot.data.dnsSuccess);
    m_checkSuccess->replace(plot.data.checkSuccess);
    for (auto it = m_tiers.begin(); it != m_tiers.end(); ++it) {
        it->markers = plot.markers.byTier.value(it.key());
        QList<QPointF> points;
        for (const FallbackMarkers::Marker &marker : std::as_const(it->markers))
            points.append(marker.point);
        it->series->replace(points);
        // A tier is in the legend while it has markers on screen (the legend lays itself out
        // again only when told).
        QLegendMarker *entry = legend()->markers(it->series).constFirst();
        if (entry->isVisible() != !points.isEmpty()) {
            entry->setVisible(!points.isEmpty());
            legend()->layout()->invalidate();
        }
    }
    return !plot.data.dnsSuccess.isEmpty();
}

int SuccessChart::plottedBuckets() const { return int(m_dnsSuccess->count()); }

QList<FallbackMarkers::Marker> SuccessChart::markers(const QString &tier) const
{
    return m_tiers.value(tier).markers;
}

#pragma once

#include "charts/chartdata.h"

#include <QChart>

class QAreaSeries;
class QGraphicsSimpleTextItem;
class QDateTimeAxis;
class QLineSeries;

// One of the detail pane's charts: a QChart over a time axis that moves with the other charts',
// drawn in the system palette's colours. A subclass owns its series and value axis and takes its
// points of a window's ChartPlot; the series are made once and fed with replace().
class TimeChart : public QChart
{
    Q_OBJECT
public:
    explicit TimeChart(QGraphicsItem *parent = nullptr);

    // This chart's points of plot, then the time axis to window.
    void plot(const ChartPlot &plot, const ChartWindow &window);
    void moveTimeAxis(qint64 fromMs, qint64 toMs);
    std::pair<qint64, qint64> shownWindow() const; // ms since the epoch
    // subject: a target's name, or all of them; historyProblem: why the history was not read.
    void showSubject(const QString &subject, const QString &historyProblem);
    void applyPalette(const QPalette &colours);
    // What the chart shows, in a sentence or two: its view's tooltip, and the full words of the
    // legend's short names.
    virtual QString explanation() const = 0;
    bool saysEmpty() const; // "nothing in this range" is shown over the plot

protected:
    // Takes the points; false when the window has none to show.
    virtual bool plotPoints(const ChartPlot &plot) = 0;
    virtual QString emptyText() const;
    virtual QString titleFor(const QString &subject, const QString &historyProblem) const = 0;

    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QLineSeries *addLineSeries(const QString &name, QAbstractAxis *valueAxis);
    QAreaSeries *addAreaSeries(const QString &name, QLineSeries *top, QLineSeries *bottom,
                               const QColor &color, QAbstractAxis *valueAxis);

private:
    void placeEmptyNote();
    void fitTimeTicks();

    QDateTimeAxis *m_timeAxis;
    QGraphicsSimpleTextItem *m_emptyNote;
};

#pragma once

#include "charts/chartdata.h"

#include <QChart>

class QAreaSeries;
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

protected:
    virtual void plotPoints(const ChartPlot &plot) = 0;
    virtual QString titleFor(const QString &subject, const QString &historyProblem) const = 0;

    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QLineSeries *addLineSeries(const QString &name, QAbstractAxis *valueAxis);
    QAreaSeries *addAreaSeries(const QString &name, QLineSeries *top, QLineSeries *bottom,
                               const QColor &color, QAbstractAxis *valueAxis);

private:
    QDateTimeAxis *m_timeAxis;
};

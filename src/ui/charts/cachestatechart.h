#pragma once

#include "charts/timechart.h"

class QAreaSeries;
class QValueAxis;

// How many targets the cache holds fresh, stale, negative, pinned, env or not at all, stacked
// per bucket. Always every target: the cache is shared. The legend lists the states the window
// holds.
class CacheStateChart : public TimeChart
{
    Q_OBJECT
public:
    explicit CacheStateChart(QGraphicsItem *parent = nullptr);

    int censusPoints() const;

protected:
    bool plotPoints(const ChartPlot &plot) override;
    QString explanation() const override;
    QString emptyText() const override;
    QString titleFor(const QString &subject, const QString &historyProblem) const override;

private:
    struct CensusSeries
    {
        QLineSeries *top = nullptr;
        QLineSeries *bottom = nullptr;
        QAreaSeries *area = nullptr;
    };

    QValueAxis *m_censusAxis;
    QList<CensusSeries> m_censusSeries; // by CacheEntrySnapshot::State
};

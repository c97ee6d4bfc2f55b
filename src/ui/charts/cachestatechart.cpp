#include "cachestatechart.h"

#include <QAreaSeries>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

CacheStateChart::CacheStateChart(QGraphicsItem *parent)
    : TimeChart(parent), m_censusAxis(new QValueAxis(this))
{
    m_censusAxis->setLabelFormat(QStringLiteral("%.0f"));
    addAxis(m_censusAxis, Qt::AlignLeft);
    // In CacheEntrySnapshot::State order, stacked from the bottom.
    const std::pair<QString, QColor> states[] = {
            {tr("Fresh"), QColor(0x2e, 0x9e, 0x4f)},    {tr("Stale"), QColor(0xe0, 0x9b, 0x1a)},
            {tr("Negative"), QColor(0x5d, 0x6d, 0x7e)}, {tr("Pinned"), QColor(0x6a, 0x3d, 0x9a)},
            {tr("Env"), QColor(0xc0, 0x39, 0x2b)},      {tr("Missing"), QColor(0xbd, 0xc3, 0xc7)},
    };
    static_assert(std::size(states) == CacheCensus::StateCount);
    for (const auto &[name, color] : states) {
        CensusSeries series{new QLineSeries(this), new QLineSeries(this)};
        series.area = addAreaSeries(name, series.top, series.bottom, color, m_censusAxis);
        legend()->markers(series.area).constFirst()->setVisible(false); // until it has counts
        m_censusSeries.append(series);
    }
}

QString CacheStateChart::titleFor(const QString &, const QString &problem) const
{
    // The census is this machine's, all targets together; an agent's is not sent (problem).
    return problem.isEmpty() ? tr("Cache state (all targets)") : tr("Cache state: %1").arg(problem);
}

QString CacheStateChart::explanation() const
{
    return tr("How many of this machine's cache entries were in each state: fresh, stale (past "
              "their TTL, kept to serve when DNS fails), negative (a cached \"no such name\"), "
              "pinned, from the environment's fallback, or missing.");
}

QString CacheStateChart::emptyText() const { return tr("No cache samples in this time range"); }

bool CacheStateChart::plotPoints(const ChartPlot &plot)
{
    // Stacked: each state's band sits on the states below it.
    std::vector<QList<QPointF>> edges(CacheCensus::StateCount + 1);
    std::array<bool, CacheCensus::StateCount> present{};
    double top = 1;
    for (const CacheCensus &sample : plot.census) {
        const double x = double(sample.time.toMSecsSinceEpoch());
        double height = 0;
        edges[0].append(QPointF(x, 0));
        for (int state = 0; state < CacheCensus::StateCount; ++state) {
            height += sample.counts[size_t(state)];
            present[size_t(state)] = present[size_t(state)] || sample.counts[size_t(state)] > 0;
            edges[size_t(state) + 1].append(QPointF(x, height));
        }
        top = std::max(top, height);
    }
    for (int state = 0; state < CacheCensus::StateCount; ++state) {
        m_censusSeries[state].bottom->replace(edges[size_t(state)]);
        m_censusSeries[state].top->replace(edges[size_t(state) + 1]);
        // Six states do not fit a third of the window: the legend lists the ones there are.
        QLegendMarker *entry = legend()->markers(m_censusSeries[state].area).constFirst();
        if (entry->isVisible() != present[size_t(state)]) {
            entry->setVisible(present[size_t(state)]);
            legend()->layout()->invalidate();
        }
    }
    m_censusAxis->setRange(0, std::ceil(top));
    m_censusAxis->setTickCount(std::min(6, int(std::ceil(top)) + 1));
    return !plot.census.isEmpty();
}

int CacheStateChart::censusPoints() const { return int(m_censusSeries[0].top->count()); }

#include "timechart.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>

namespace {
QString timeFormat(qint64 spanMs)
{
    if (spanMs <= 15 * 60'000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 24 * 3600'000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("ddd HH:mm");
}
} // namespace

TimeChart::TimeChart(QGraphicsItem *parent)
    : QChart(parent)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_emptyNote(new QGraphicsSimpleTextItem(this))
{
    setAnimationOptions(QChart::NoAnimation);
    // The axes' numbers and day names in the user's locale ("0,3 ms" in German), as the table's.
    setLocale(QLocale());
    setLocalizeNumbers(true);
    legend()->setAlignment(Qt::AlignBottom);
    legend()->setShowToolTips(true); // a label cut for room shows its whole text on hover
    m_emptyNote->setZValue(10); // over the grid
    m_emptyNote->setVisible(false);
    connect(this, &QChart::plotAreaChanged, this, &TimeChart::placeEmptyNote);
    connect(this, &QChart::plotAreaChanged, this, &TimeChart::fitTimeTicks);
    setMargins(QMargins(4, 4, 4, 4));
    QFont small = legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    legend()->setFont(small);
    m_timeAxis->setTickCount(4); // until laid out: fitTimeTicks()
    addAxis(m_timeAxis, Qt::AlignBottom);
}

void TimeChart::plot(const ChartPlot &plot, const ChartWindow &window)
{
    const bool anything = plotPoints(plot);
    if (m_emptyNote->isVisible() == anything) {
        m_emptyNote->setText(emptyText());
        m_emptyNote->setVisible(!anything);
        placeEmptyNote();
    }
    moveTimeAxis(window.fromMs, window.toMs);
}

QString TimeChart::emptyText() const { return tr("No probes in this time range"); }

bool TimeChart::saysEmpty() const { return m_emptyNote->isVisible(); }

void TimeChart::fitTimeTicks()
{
    // A time label is wide ("Tue 14:05"): as many as fit the plot's width, never cut ("16:2...").
    const QFontMetricsF metrics(m_timeAxis->labelsFont());
    const qreal label = metrics.horizontalAdvance(QStringLiteral("Www 00:00:00")) + 12;
    const int ticks = std::clamp(int(plotArea().width() / label) + 1, 2, 6);
    if (ticks != m_timeAxis->tickCount())
        m_timeAxis->setTickCount(ticks);
}

void TimeChart::placeEmptyNote()
{
    const QRectF area = plotArea();
    const QRectF text = m_emptyNote->boundingRect();
    m_emptyNote->setPos(area.center() - text.center());
}

void TimeChart::moveTimeAxis(qint64 fromMs, qint64 toMs)
{
    m_timeAxis->setFormat(timeFormat(toMs - fromMs));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
}

std::pair<qint64, qint64> TimeChart::shownWindow() const
{
    return {m_timeAxis->min().toMSecsSinceEpoch(), m_timeAxis->max().toMSecsSinceEpoch()};
}

void TimeChart::showSubject(const QString &subject, const QString &historyProblem)
{
    setTitle(titleFor(subject, historyProblem));
}

void TimeChart::applyPalette(const QPalette &colours)
{
    // Qt Charts' themes are fixed light or dark sets that would also recolour the series: take
    // the backgrounds, text and grid from the system palette instead (light or dark alike).
    const QColor text = colours.color(QPalette::Text);
    const QColor grid = colours.color(QPalette::Mid);
    setBackgroundBrush(colours.base());
    setTitleBrush(text);
    m_emptyNote->setBrush(text);
    legend()->setLabelColor(text);
    for (QAbstractAxis *axis : axes()) {
        axis->setLabelsColor(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

QLineSeries *TimeChart::addLineSeries(const QString &name, QAbstractAxis *valueAxis)
{
    auto *series = new QLineSeries(this);
    series->setName(name);
    series->setPointsVisible(true); // a lone point is seen too
    addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(valueAxis);
    return series;
}

QAreaSeries *TimeChart::addAreaSeries(const QString &name, QLineSeries *top, QLineSeries *bottom,
                                      const QColor &color, QAbstractAxis *valueAxis)
{
    auto *area = new QAreaSeries(top, bottom);
    area->setParent(this);
    area->setName(name);
    area->setColor(color);
    area->setBorderColor(color.darker(120));
    addSeries(area);
    area->attachAxis(m_timeAxis);
    area->attachAxis(valueAxis);
    return area;
}

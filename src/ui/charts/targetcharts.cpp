#include "targetcharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QMap>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
constexpr int BucketsPerRange = 60; // about a pixel's worth of points on a chart per bucket

QDateTimeAxis *timeAxis(QChart *chart)
{
    auto *axis = new QDateTimeAxis(chart);
    axis->setFormat(QStringLiteral("HH:mm"));
    axis->setTickCount(7);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QLineSeries *lineSeries(QChart *chart, const QString &name, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    series->setPointsVisible(true); // a lone point is seen too
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}
} // namespace

TargetCharts::TargetCharts(ProbeHistoryBuffer *buffer, QWidget *parent)
    : QWidget(parent), m_buffer(buffer), m_successChart(new QChart), m_latencyChart(new QChart)
{
    for (QChart *chart : {m_successChart, m_latencyChart}) {
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
    }
    m_successTime = timeAxis(m_successChart);
    auto *percent = new QValueAxis(m_successChart);
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %"));
    m_successChart->addAxis(percent, Qt::AlignLeft);
    m_dnsSuccess = lineSeries(m_successChart, tr("DNS answered"), m_successTime, percent);
    m_checkSuccess = lineSeries(m_successChart, tr("Service answered"), m_successTime, percent);
    m_fallback = new QScatterSeries(m_successChart);
    m_fallback->setName(tr("Kept reachable by fallback"));
    m_fallback->setMarkerSize(9);
    m_fallback->setColor(QColor(0xb8, 0x6e, 0x00));
    m_successChart->addSeries(m_fallback);
    m_fallback->attachAxis(m_successTime);
    m_fallback->attachAxis(percent);

    m_latencyTime = timeAxis(m_latencyChart);
    m_latencyAxis = new QValueAxis(m_latencyChart);
    m_latencyAxis->setLabelFormat(QStringLiteral("%.0f ms"));
    m_latencyChart->addAxis(m_latencyAxis, Qt::AlignLeft);
    m_dnsLatency = lineSeries(m_latencyChart, tr("DNS latency"), m_latencyTime, m_latencyAxis);
    m_checkLatency = lineSeries(m_latencyChart, tr("Service latency"), m_latencyTime, m_latencyAxis);

    auto *range = new QComboBox(this);
    range->setAccessibleName(tr("Time range"));
    for (const auto &[label, ms] :
         {std::pair{tr("Last 5 minutes"), 5 * 60'000LL}, std::pair{tr("Last hour"), 3600'000LL},
          std::pair{tr("Last 2 hours"), ProbeHistoryBuffer::KeptMs}})
        range->addItem(label, ms);
    connect(range, &QComboBox::currentIndexChanged, this,
            [this, range] { setRangeMs(range->currentData().toLongLong()); });
    auto *charts = new QHBoxLayout;
    charts->addWidget(makeView(m_successChart, tr("Success")), 1);
    charts->addWidget(makeView(m_latencyChart, tr("Latency")), 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(range);
    layout->addLayout(top);
    layout->addLayout(charts, 1);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(1000);
    connect(&m_redraw, &QTimer::timeout, this, &TargetCharts::redraw);
    connect(buffer, &ProbeHistoryBuffer::added, this, [this](const QString &target) {
        if (target == m_target && isVisible() && !m_redraw.isActive())
            m_redraw.start();
    });
    setRangeMs(m_rangeMs);
}

QChartView *TargetCharts::makeView(QChart *chart, const QString &name)
{
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(name);
    view->setMinimumHeight(180);
    return view;
}

void TargetCharts::showTarget(const QString &target)
{
    m_target = target;
    m_successChart->setTitle(tr("%1: success").arg(target));
    m_latencyChart->setTitle(tr("%1: latency").arg(target));
    redraw();
}

void TargetCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw(); // nothing is drawn while hidden
}

void TargetCharts::setRangeMs(qint64 rangeMs)
{
    m_rangeMs = rangeMs;
    const QString format = rangeMs <= 10 * 60'000 ? QStringLiteral("HH:mm:ss")
                                                  : QStringLiteral("HH:mm");
    m_successTime->setFormat(format);
    m_latencyTime->setFormat(format);
    redraw();
}

int TargetCharts::plottedBuckets() const { return int(m_dnsSuccess->count()); }

void TargetCharts::redraw()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - m_rangeMs;
    const qint64 bucketMs = m_rangeMs / BucketsPerRange;
    struct Minute
    {
        int probes = 0, dnsOk = 0, checkOk = 0;
    };
    QMap<qint64, Minute> minutes; // one point a bucket, however many probes fell in it
    QList<QPointF> fallback, dnsLatency, checkLatency;
    double latencyTop = 1;
    for (const ProbeHistoryBuffer::Point &point : m_buffer->points(m_target)) {
        if (point.timeMs < from)
            continue;
        Minute &minute = minutes[point.timeMs - point.timeMs % bucketMs];
        ++minute.probes;
        minute.dnsOk += point.dnsOk;
        minute.checkOk += point.checkOk;
        if (point.fallback)
            fallback.append(QPointF(double(point.timeMs), 100));
        dnsLatency.append(QPointF(double(point.timeMs), point.dnsLatencyMs));
        checkLatency.append(QPointF(double(point.timeMs), point.checkLatencyMs));
        latencyTop = std::max({latencyTop, point.dnsLatencyMs, point.checkLatencyMs});
    }
    QList<QPointF> dnsSuccess, checkSuccess;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it) {
        const double x = double(it.key() + bucketMs / 2);
        dnsSuccess.append(QPointF(x, 100.0 * it->dnsOk / it->probes));
        checkSuccess.append(QPointF(x, 100.0 * it->checkOk / it->probes));
    }
    m_dnsSuccess->replace(dnsSuccess);
    m_checkSuccess->replace(checkSuccess);
    m_fallback->replace(fallback);
    m_dnsLatency->replace(dnsLatency);
    m_checkLatency->replace(checkLatency);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(from);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(now);
    m_successTime->setRange(start, end);
    m_latencyTime->setRange(start, end);
    m_latencyAxis->setRange(0, latencyTop * 1.1);
}

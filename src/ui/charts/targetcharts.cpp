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
    axis->setTickCount(6); // five intervals: a minute apart over 5 minutes, 12 over an hour
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

    auto *range = m_rangeBox = new QComboBox(this);
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
    m_lastHistoryQueryMs = 0;
    ++m_historyRequest; // an answer still on its way is for another target
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
    m_lastHistoryQueryMs = 0;
    ++m_historyRequest; // an answer still on its way is for another range
    const QString format = rangeMs <= 10 * 60'000 ? QStringLiteral("HH:mm:ss")
            : rangeMs <= 24 * 3600'000            ? QStringLiteral("HH:mm")
                                                  : QStringLiteral("ddd HH:mm");
    m_successTime->setFormat(format);
    m_latencyTime->setFormat(format);
    redraw();
}

int TargetCharts::plottedBuckets() const { return int(m_dnsSuccess->count()); }

void TargetCharts::setHistory(HistoryStore *history)
{
    m_history = history;
    if (!history || m_rangeBox->count() > 3)
        return;
    m_rangeBox->addItem(tr("Last 24 hours (history)"), 24 * 3600'000LL);
    m_rangeBox->addItem(tr("Last 7 days (history)"), 7 * 24 * 3600'000LL);
}

TargetCharts::ChartData TargetCharts::fromRecentResults(qint64 from, qint64 bucketMs) const
{
    struct Bucket
    {
        int probes = 0, dnsOk = 0, checkOk = 0, checks = 0;
        double dnsLatencyMs = 0, checkLatencyMs = 0;
        bool fallback = false;
    };
    QMap<qint64, Bucket> buckets; // one point a bucket, however many probes fell in it
    ChartData data;
    for (const ProbeHistoryBuffer::Point &point : m_buffer->points(m_target)) {
        if (point.timeMs < from)
            continue;
        Bucket &bucket = buckets[point.timeMs - point.timeMs % bucketMs];
        ++bucket.probes;
        bucket.dnsOk += point.dnsOk;
        bucket.checkOk += point.checkOk;
        bucket.fallback = bucket.fallback || point.fallback;
        // The slowest of the bucket: a spike must not vanish into a mean.
        bucket.dnsLatencyMs = std::max(bucket.dnsLatencyMs, point.dnsLatencyMs);
        if (point.checked) { // no address, no check: not a 0 ms one
            ++bucket.checks;
            bucket.checkLatencyMs = std::max(bucket.checkLatencyMs, point.checkLatencyMs);
        }
    }
    // One point per bucket and series: what is drawn follows the chart's width, not how many
    // results there are.
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const double x = double(it.key() + bucketMs / 2);
        data.dnsSuccess.append(QPointF(x, 100.0 * it->dnsOk / it->probes));
        data.checkSuccess.append(QPointF(x, 100.0 * it->checkOk / it->probes));
        data.dnsLatency.append(QPointF(x, it->dnsLatencyMs));
        if (it->checks > 0)
            data.checkLatency.append(QPointF(x, it->checkLatencyMs));
        if (it->fallback)
            data.fallback.append(QPointF(x, 100));
    }
    return data;
}

TargetCharts::ChartData TargetCharts::fromHistory(const QList<HistoryBucket> &buckets)
{
    ChartData data;
    for (const HistoryBucket &bucket : buckets) {
        if (bucket.probes == 0)
            continue;
        const double x = double(bucket.start.toMSecsSinceEpoch() + bucket.widthS * 500LL);
        data.dnsSuccess.append(QPointF(x, 100.0 * bucket.dnsOk / bucket.probes));
        data.checkSuccess.append(QPointF(x, 100.0 * bucket.checkOk / bucket.probes));
        if (bucket.viaFallback > 0)
            data.fallback.append(QPointF(x, 100));
        // Means per bucket: the history keeps sums and maxima, not quantiles.
        data.dnsLatency.append(QPointF(x, double(bucket.dnsLatencySumUs) / bucket.probes / 1000));
        if (bucket.checks > 0)
            data.checkLatency.append(
                    QPointF(x, double(bucket.checkLatencySumUs) / bucket.checks / 1000));
    }
    return data;
}

void TargetCharts::redraw()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - m_rangeMs;
    const qint64 bucketMs = m_rangeMs / BucketsPerRange;
    if (m_rangeMs <= ProbeHistoryBuffer::KeptMs) {
        plot(fromRecentResults(from, bucketMs), from, now);
        return;
    }
    if (!m_history || (m_lastHistoryQueryMs && now - m_lastHistoryQueryMs < 60'000))
        return;
    m_lastHistoryQueryMs = now;
    // Whole minutes (or hours, for the week) per bucket, as the history keeps them.
    const int widthS = bucketMs >= 3600'000 ? int(bucketMs / 3600'000) * 3600
                                            : std::max(60, int(bucketMs / 60'000) * 60);
    const quint64 request = ++m_historyRequest;
    m_history->readBuckets(
            QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(now), widthS, this,
            [this, request, from, now](const std::optional<QList<HistoryBucket>> &buckets,
                                       const QString &error) {
                if (request != m_historyRequest)
                    return; // a newer question is on its way
                if (!buckets) {
                    m_successChart->setTitle(
                            tr("%1: history unavailable (%2)").arg(m_target, error));
                    return;
                }
                m_successChart->setTitle(tr("%1: success").arg(m_target));
                plot(fromHistory(*buckets), from, now);
            },
            m_target);
}

void TargetCharts::plot(const ChartData &data, qint64 from, qint64 now)
{
    double latencyTop = 1;
    for (const QList<QPointF> *series : {&data.dnsLatency, &data.checkLatency}) {
        for (const QPointF &point : *series)
            latencyTop = std::max(latencyTop, point.y());
    }
    m_dnsSuccess->replace(data.dnsSuccess);
    m_checkSuccess->replace(data.checkSuccess);
    m_fallback->replace(data.fallback);
    m_dnsLatency->replace(data.dnsLatency);
    m_checkLatency->replace(data.checkLatency);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(from);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(now);
    m_successTime->setRange(start, end);
    m_latencyTime->setRange(start, end);
    const double top = latencyTop * 1.1;
    // Whole milliseconds repeat themselves on a small range ("1 ms, 1 ms, 0 ms").
    m_latencyAxis->setLabelFormat(top < 10 ? QStringLiteral("%.1f ms") : QStringLiteral("%.0f ms"));
    m_latencyAxis->setRange(0, top);
}

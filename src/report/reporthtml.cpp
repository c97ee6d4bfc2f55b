#include "reporthtml.h"

#include "reportchartpng.h"
#include "reportmarkup.h"

#include <QSemaphore>
#include <QThreadPool>

#include <atomic>

namespace {
// Sharp enough on high-density screens and on paper; more costs time and bytes, not sharpness.
constexpr qreal ChartScale = 1.5;
// Threads of the global pool that draw charts at most: a few, which leave the rest to whoever else
// works there.
constexpr int ChartThreads = 4;

// Every chart the markup asks for, as PNG, in its order. Drawn on threads of the global pool,
// each taking the next chart not yet taken: the pool is where QPainter spreads a large fill,
// which a thread of the pool does at once instead of handing it over and waiting. When no thread
// is free the caller draws them all.
QList<QByteArray> chartPngs(const HealthReport &report, const QList<ReportMarkupChart> &charts)
{
    QList<QByteArray> pngs(charts.size());
    QByteArray *out = pngs.data();
    std::atomic<qsizetype> next = 0;
    const auto work = [&] {
        for (qsizetype i = next++; i < charts.size(); i = next++) {
            const ReportMarkupChart &chart = charts.at(i);
            out[i] = reportChartPng(chart.kind, report.targets.at(chart.target).series, report.from,
                                    report.to, chart.size, ChartScale);
        }
    };
    QSemaphore done;
    int helpers = 0;
    while (helpers < std::min<qsizetype>(ChartThreads, charts.size())
           && QThreadPool::globalInstance()->tryStart([&] {
                  work();
                  done.release();
              }))
        ++helpers;
    if (helpers == 0)
        work();
    done.acquire(helpers);
    return pngs;
}
} // namespace

QByteArray reportHtml(const HealthReport &report)
{
    const ReportMarkup markup = reportMarkup(report, ReportMarkupFlavor::Browser);
    const QList<QByteArray> pngs = chartPngs(report, markup.charts);

    // Each chart's place, src="name", gets its PNG as a data URI. The places come in order, and
    // only in the markup's own attributes: the data's text is escaped, never a quote.
    const QString &html = markup.html;
    qsizetype size = html.size();
    for (const QByteArray &png : pngs)
        size += 30 + png.size() * 4 / 3;
    QByteArray bytes;
    bytes.reserve(size);
    qsizetype from = 0;
    for (qsizetype i = 0; i < pngs.size(); ++i) {
        const QString place = QStringLiteral("src=\"") + markup.charts.at(i).name
                + QLatin1Char('"');
        const qsizetype at = html.indexOf(place, from);
        Q_ASSERT(at >= 0);
        bytes += QStringView(html).sliced(from, at - from).toUtf8();
        bytes += "src=\"data:image/png;base64," + pngs.at(i).toBase64() + '"';
        from = at + place.size();
    }
    bytes += QStringView(html).sliced(from).toUtf8();
    return bytes;
}

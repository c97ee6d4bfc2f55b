#pragma once

#include "healthreport.h"

#include <QImage>
#include <QSize>

// A target's charts in a report, drawn with QPainter into a QImage (no Qt Charts, no widgets):
// they work off the GUI thread and on the offscreen platform. White background, for print; the
// lines differ by dash and marker shape as well as by colour.
enum class ReportChart {
    SuccessRate, // DNS answered and service reachable, % per bucket; fallback buckets hatched
    Latency, // DNS and service p50 lines with a p50..p95 band, in ms
};

// Draws chart over [from, to) (the series' own span when that range is not valid) at size in
// logical pixels; the image has size x devicePixelRatio pixels and carries that ratio, so a
// PDF or a high-density screen gets a sharp picture of the same layout. Times are local.
QImage renderReportChart(ReportChart chart, const QList<ReportPoint> &series, const QDateTime &from,
                         const QDateTime &to, const QSize &size, qreal devicePixelRatio = 1.0);

// The chart's title, for captions and alternative text: "Success rate", "Latency".
QString reportChartTitle(ReportChart chart);

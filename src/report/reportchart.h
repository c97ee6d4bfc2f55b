#pragma once

#include "healthreport.h"

#include <QImage>
#include <QRectF>
#include <QSize>

class QPainter;

// A target's charts in a report, drawn with QPainter (no Qt Charts, no widgets): as vectors on
// any painter (a PDF's), or into a QImage. They work off the GUI thread and on the offscreen
// platform. White background, for print; the lines differ by dash and marker shape as well as by
// colour.
enum class ReportChart {
    SuccessRate, // DNS answered and service reachable, % per bucket; fallback buckets hatched
    Latency, // DNS and service p50 lines with a p50..p95 band, in ms
};

// Draws chart over [from, to) (the series' own span when that range is not valid) into rect, in
// the painter's coordinates, where a unit is a CSS pixel (1/96 inch on paper; the text is 11
// units high): scale the painter to draw it larger. Times are local. The painter's state is kept.
void drawReportChart(QPainter *painter, const QRectF &rect, ReportChart kind,
                     const QList<ReportPoint> &series, const QDateTime &from, const QDateTime &to);

// The chart drawn at size in logical pixels; the image has size x devicePixelRatio pixels and
// carries that ratio, so a high-density screen gets a sharp picture of the same layout.
QImage renderReportChart(ReportChart chart, const QList<ReportPoint> &series, const QDateTime &from,
                         const QDateTime &to, const QSize &size, qreal devicePixelRatio = 1.0);

// The chart's title, for captions and alternative text: "Success rate", "Latency".
QString reportChartTitle(ReportChart chart);

#pragma once

#include "reportchart.h"

#include <QByteArray>

// A chart as a PNG file, for the HTML report: drawn at devicePixelRatio, then written with a
// palette of the 256 colours it uses most (any other pixel, a rare shade at the edge of a line or
// a letter, takes the nearest of them) and a fast deflate: a quarter of the bytes of a true-colour
// PNG, in less time. The same chart gives the same bytes, on any thread.
QByteArray reportChartPng(ReportChart chart, const QList<ReportPoint> &series,
                          const QDateTime &from, const QDateTime &to, const QSize &size,
                          qreal devicePixelRatio);

#include "reporthtml.h"

#include "reportmarkup.h"

namespace {
// Sharp on high-density screens and when printed, at about 40 kB a chart.
constexpr qreal ChartScale = 2.0;
} // namespace

QByteArray reportHtml(const HealthReport &report)
{
    return reportMarkup(report, ReportMarkupFlavor::Browser, ChartScale).html.toUtf8();
}

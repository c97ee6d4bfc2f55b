#pragma once

#include "healthreport.h"
#include "reportmarkup.h"

class QTextDocument;

// Puts a report's charts into document (its HTML set from reportMarkup's TextDocument flavour) as
// text objects of their own, in place of the <img> that holds each one's place: whatever paints
// the document then draws them with drawReportChart, so a PDF gets vectors, sharp at any zoom, and
// no picture of a chart is ever held in memory. A chart takes the room and the place on its line
// its <img> would (CSS pixels, 1/96 inch on paper), so the layout and the pages stay the same.
// report must outlive document.
void embedReportCharts(QTextDocument *document, const HealthReport &report,
                       const QList<ReportMarkupChart> &charts);

#pragma once

#include "healthreport.h"
#include "reportchart.h"

#include <QList>
#include <QSize>
#include <QString>

// The content of the HTML and PDF reports, written once: the same sections, tables and charts,
// as markup for a browser or for QTextDocument (which knows a subset of HTML 4 and CSS 2).
// Every text from config, DNS answers, events, errors and paths goes through escapedText();
// nothing from the data ever lands in a tag, an attribute name, a URL or a script.

enum class ReportMarkupFlavor {
    Browser, // HTML5 for one self-contained file: CSS inline
    TextDocument, // QTextDocument's HTML
};

// A chart the markup leaves a place for, as <img src="name" width=... height=... alt=...>: the
// HTML writer puts a PNG data URI in that src, the PDF writer a chart drawn as vectors.
struct ReportMarkupChart
{
    QString name; // the src that holds its place, a scheme of its own: "dnswatch-chart:3"
    qsizetype target = 0; // its index in HealthReport::targets
    ReportChart kind = ReportChart::SuccessRate;
    QSize size; // in CSS pixels
};

struct ReportMarkup
{
    QString html;
    QList<ReportMarkupChart> charts; // in the order they come in html
};

ReportMarkup reportMarkup(const HealthReport &report, ReportMarkupFlavor flavor);

// Text as HTML character data or as a quoted attribute value: & < > " ' escaped, control
// characters (other than tab and line feed) shown as escapes by printable().
QString escapedText(const QString &text);

// The report's title, its heading and the PDF's page header: "DNS Watch health report".
QString reportTitle();

// Who made the report and when, for footers: "DNS Watch 0.1.0, generated 2024-05-01 14:05
// UTC+02:00" (what is unknown is left out).
QString reportOrigin(const HealthReport &report);

#pragma once

#include "healthreport.h"

#include <QImage>
#include <QList>
#include <QString>

// The content of the HTML and PDF reports, written once: the same sections, tables and charts,
// as markup for a browser or for QTextDocument (which knows a subset of HTML 4 and CSS 2).
// Every text from config, DNS answers, events, errors and paths goes through escapedText();
// nothing from the data ever lands in a tag, an attribute name, a URL or a script.

enum class ReportMarkupFlavor {
    Browser, // HTML5, one self-contained file: CSS inline, charts as PNG data URIs
    TextDocument, // QTextDocument's HTML: charts as document resources named in images
};

struct ReportMarkupImage
{
    QString name; // the <img src> that stands for it: "dnswatch-chart-3.png"
    QImage image;
};

struct ReportMarkup
{
    QString html;
    QList<ReportMarkupImage> images; // TextDocument only: to add as document resources
};

// chartScale: the charts' device pixel ratio (2 for a screen, 3 or more for print).
ReportMarkup reportMarkup(const HealthReport &report, ReportMarkupFlavor flavor, qreal chartScale);

// Text as HTML character data or as a quoted attribute value: & < > " ' escaped, control
// characters (other than tab and line feed) replaced by U+FFFD.
QString escapedText(const QString &text);

// The report's title, its heading and the PDF's page header: "DNS Watch health report".
QString reportTitle();

// Who made the report and when, for footers: "DNS Watch 0.1.0, generated 2024-05-01 14:05
// UTC+02:00" (what is unknown is left out).
QString reportOrigin(const HealthReport &report);

#include "reportstylesheet.h"

namespace {
const char BrowserCss[] = R"css(:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px;
  line-height: 1.45; color: #1d2329; background: #fff; max-width: 1000px; margin: 24px auto;
  padding: 0 20px; }
h1 { font-size: 26px; margin: 0 0 12px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #cfd7df; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { border: 1px solid #cfd7df; padding: 4px 8px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #eef2f6; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
table.facts th { width: 14em; }
table.kpi td { width: 33%; padding: 12px 14px; vertical-align: top; }
table.kpi .label { font-weight: 600; }
table.kpi .value { font-size: 30px; font-weight: 700; line-height: 1.3; white-space: nowrap; }
table.kpi td.main { border: 2px solid #b27400; background: #fff8e6; }
table.kpi td.main .value { font-size: 40px; color: #7a4f00; }
.muted { color: #56606b; font-size: 12px; }
.empty { color: #56606b; font-style: italic; }
p.chart { margin: 6px 0 14px; }
img.chart { display: block; max-width: 100%; height: auto; border: 1px solid #cfd7df; }
.footer { margin-top: 28px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .muted { font-size: 8.5pt; }
  div.target { break-before: page; page-break-before: always; }
  tr, img, table.kpi { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table { width: calc(100% - 2px); } /* the collapsed right border stays inside the page */
  table.kpi .value { font-size: 18pt; }
  table.kpi td.main .value { font-size: 24pt; }
  table.kpi td.main { background: #fff; }
}
)css";

// QTextDocument: sizes in points (the PDF's resolution is not the screen's); borders, padding
// and widths come from the tables' attributes.
const char TextDocumentCss[] =
        R"css(body { font-family: "DejaVu Sans"; font-size: 9pt; color: #1d2329; }
h1 { font-size: 17pt; margin-top: 0px; margin-bottom: 8px; }
h2 { font-size: 13pt; margin-top: 16px; margin-bottom: 6px; }
h2.target { page-break-before: always; margin-top: 0px; }
h3 { font-size: 10.5pt; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 3px; margin-bottom: 3px; }
table { border-color: #cfd7df; border-style: solid; border-collapse: collapse; margin-bottom: 6px; }
th { background-color: #eef2f6; font-weight: bold; }
table.facts th { width: 25%; }
table.kpi td { padding: 6px; }
.label { font-weight: bold; }
.value { font-size: 16pt; font-weight: bold; }
td.main { background-color: #fff8e6; }
td.main .value { font-size: 22pt; color: #7a4f00; }
.muted { color: #56606b; font-size: 7.5pt; }
.empty { color: #56606b; font-style: italic; }
.footer { margin-top: 16px; }
p.chart { margin-top: 10px; margin-bottom: 6px; }
)css";
} // namespace

QString reportStyleSheet(ReportMarkupFlavor flavor)
{
    return QString::fromUtf8(flavor == ReportMarkupFlavor::Browser ? BrowserCss : TextDocumentCss);
}

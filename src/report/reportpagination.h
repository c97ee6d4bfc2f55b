#pragma once

#include <QList>

class QTextDocument;

// Where a page of a report's QTextDocument begins and ends, the document laid out as one long
// strip (no page size of its own). Cuts fall between blocks and between table rows only, so a
// row never straddles two pages; never right after a heading or a table's header row; always
// before a block or table that asks for a page break (CSS page-break-before). A table cut in two
// repeats its header rows at the top of the next page. Only something taller than a page is cut
// where the page ends. Positions are the document's (its layout's device units).
struct ReportPageSlice
{
    qreal top = 0; // the strip's [top, bottom) shown on this page
    qreal bottom = 0;
    qreal headerTop = 0; // a table's header rows to draw above it, when headerBottom > headerTop
    qreal headerBottom = 0;
    bool topBetweenRows = false; // the page starts, or ends, between two rows of a table
    bool bottomBetweenRows = false;

    qreal headerHeight() const { return headerBottom - headerTop; }
};

QList<ReportPageSlice> paginateReport(const QTextDocument &document, qreal pageHeight);

#include "reportpagination.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <limits>
#include <optional>

namespace {
struct TableHeader
{
    qreal top = 0;
    qreal bottom = 0;
};

// A place the strip may be cut: before a block or a table, or between two table rows.
struct Cut
{
    qreal y = 0;
    bool allowed = true;
    bool forced = false; // a page break asked for
    int header = -1; // between rows of a table with this header: repeat it on the next page
    bool betweenRows = false;
};

struct RowExtent
{
    qreal top = std::numeric_limits<qreal>::max();
    qreal bottom = std::numeric_limits<qreal>::lowest();
};

RowExtent rowExtent(const QAbstractTextDocumentLayout &layout, const QTextTable &table, int row)
{
    RowExtent extent;
    for (int column = 0; column < table.columns(); ++column) {
        const QTextTableCell cell = table.cellAt(row, column);
        if (!cell.isValid())
            continue;
        const QRectF first = layout.blockBoundingRect(cell.firstCursorPosition().block());
        const QRectF last = layout.blockBoundingRect(cell.lastCursorPosition().block());
        extent.top = std::min(extent.top, first.top());
        extent.bottom = std::max(extent.bottom, last.bottom());
    }
    return extent;
}

class CutCollector
{
public:
    explicit CutCollector(const QTextDocument &document) : m_layout(*document.documentLayout()) { }

    void collect(const QTextFrame &root);
    QList<Cut> cuts;
    QList<TableHeader> headers;

private:
    void addTable(const QTextTable &table, const QRectF &rect);

    const QAbstractTextDocumentLayout &m_layout;
    bool m_afterHeading = false;
};

void CutCollector::addTable(const QTextTable &table, const QRectF &rect)
{
    const int rows = table.rows();
    const int headerRows = std::clamp(table.format().headerRowCount(), 0, rows);
    QList<qreal> boundaries; // between row r - 1 and row r, at index r - 1
    RowExtent previous = rowExtent(m_layout, table, 0);
    for (int row = 1; row < rows; ++row) {
        const RowExtent extent = rowExtent(m_layout, table, row);
        boundaries.append((previous.bottom + extent.top) / 2);
        previous = extent;
    }
    int header = -1;
    if (headerRows > 0 && headerRows < rows) {
        header = int(headers.size());
        headers.append({rect.top(), boundaries.at(headerRows - 1)});
    }
    // No cut inside the header, nor between it and the first row under it.
    for (int row = headerRows + 1; row < rows; ++row)
        cuts.append({boundaries.at(row - 1), true, false, header, true});
}

void CutCollector::collect(const QTextFrame &root)
{
    for (auto it = root.begin(); !it.atEnd(); ++it) {
        if (const QTextFrame *frame = it.currentFrame()) {
            const QRectF rect = m_layout.frameBoundingRect(const_cast<QTextFrame *>(frame));
            const bool forced = frame->frameFormat().pageBreakPolicy()
                    & QTextFormat::PageBreak_AlwaysBefore;
            cuts.append({rect.top(), !m_afterHeading || forced, forced});
            m_afterHeading = false;
            if (const auto *table = qobject_cast<const QTextTable *>(frame))
                addTable(*table, rect);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        // The empty blocks QTextDocument keeps around tables take no room of their own.
        if (!block.isValid() || block.length() <= 1)
            continue;
        const QTextBlockFormat format = block.blockFormat();
        const bool forced = format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
        cuts.append({m_layout.blockBoundingRect(block).top(), !m_afterHeading || forced, forced});
        m_afterHeading = format.headingLevel() > 0;
    }
}
} // namespace

QList<ReportPageSlice> paginateReport(const QTextDocument &document, qreal pageHeight)
{
    CutCollector collector(document);
    collector.collect(*document.rootFrame());
    const qreal end = document.documentLayout()->documentSize().height();
    QList<Cut> cuts = collector.cuts;
    cuts.append({end, true, false});
    std::stable_sort(cuts.begin(), cuts.end(), [](const Cut &a, const Cut &b) { return a.y < b.y; });

    QList<ReportPageSlice> pages;
    qreal top = 0;
    int header = -1;
    bool betweenRows = false;
    qsizetype next = 0;
    constexpr qreal Epsilon = 0.5;
    while (top < end - Epsilon) {
        ReportPageSlice page;
        page.top = top;
        page.topBetweenRows = betweenRows;
        if (header >= 0) {
            page.headerTop = collector.headers.at(header).top;
            page.headerBottom = collector.headers.at(header).bottom;
        }
        const qreal limit = top + std::max(pageHeight - page.headerHeight(), pageHeight / 4);
        while (next < cuts.size() && cuts.at(next).y <= top + Epsilon)
            ++next;
        std::optional<Cut> cut;
        for (qsizetype i = next; i < cuts.size() && cuts.at(i).y <= limit; ++i) {
            if (cuts.at(i).forced) {
                cut = cuts.at(i);
                break;
            }
            if (cuts.at(i).allowed)
                cut = cuts.at(i);
        }
        // Taller than a page and nowhere to cut: cut where the page ends.
        page.bottom = cut ? cut->y : std::min(limit, end);
        page.bottomBetweenRows = cut && cut->betweenRows;
        header = cut ? cut->header : -1;
        pages.append(page);
        betweenRows = page.bottomBetweenRows;
        top = page.bottom;
    }
    if (pages.isEmpty())
        pages.append({0, 0, 0, 0});
    return pages;
}

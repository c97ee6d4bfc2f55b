#include "reportpdf.h"

#include "reportchartobject.h"
#include "reportmarkup.h"
#include "reportpagination.h"
#include "reportwording.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace {
constexpr int Resolution = 300; // dpi: fine enough for text, small numbers for the layout
constexpr qreal HeaderMm = 9;
constexpr qreal FooterMm = 9;

qreal mmToDevice(qreal mm) { return mm * Resolution / 25.4; }

QFont marginFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(7.5);
    return font;
}

// Draws the strip's [top, bottom) with its top at y. A cut between table rows falls in the
// middle of the border between them: a little more on that side keeps the border whole.
struct Strip
{
    qreal top;
    qreal bottom;
    bool seamAbove;
    bool seamBelow;
};

void drawStrip(QPainter &painter, const QTextDocument &document, const Strip &strip, qreal y,
               qreal width)
{
    const qreal seam = mmToDevice(0.35);
    const qreal above = strip.seamAbove ? seam : 0;
    const qreal below = strip.seamBelow ? seam : 0;
    const QRectF view(0, strip.top - above, width, strip.bottom - strip.top + above + below);
    painter.save();
    painter.translate(0, y - strip.top);
    painter.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    context.clip = view;
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

// The header (title and range, over a rule) and the footer (version, page number) of one page.
void drawPageFrame(QPainter &painter, const QSizeF &page, const HealthReport &report, int number,
                   int count)
{
    painter.save();
    painter.setFont(marginFont());
    painter.setPen(QColor(0x56, 0x60, 0x6b));
    const qreal line = painter.fontMetrics().height();
    const QRectF header(0, 0, page.width(), line);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, reportTitle());
    painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter,
                     ReportWording::range(report.from, report.to));
    painter.setPen(QPen(QColor(0xcf, 0xd7, 0xdf), mmToDevice(0.25)));
    painter.drawLine(QPointF(0, line + mmToDevice(1)), QPointF(page.width(), line + mmToDevice(1)));

    const QRectF footer(0, page.height() - line, page.width(), line);
    painter.drawLine(QPointF(0, footer.top() - mmToDevice(1)),
                     QPointF(page.width(), footer.top() - mmToDevice(1)));
    painter.setPen(QColor(0x56, 0x60, 0x6b));
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, reportOrigin(report));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("Page %1 of %2").arg(number).arg(count));
    painter.restore();
}
} // namespace

QByteArray reportPdf(const HealthReport &report, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error) // Qt would abort at the first font
            *error = QStringLiteral("a PDF needs a QGuiApplication for its fonts (the offscreen "
                                    "platform will do)");
        return {};
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);

    QPdfWriter pdf(&buffer);
    pdf.setResolution(Resolution);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                  QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter));
    pdf.setTitle(reportTitle() + QStringLiteral(", ")
                 + ReportWording::range(report.from, report.to));
    pdf.setCreator(QStringLiteral("DNS Watch ") + report.version);

    const ReportMarkup markup = reportMarkup(report, ReportMarkupFlavor::TextDocument);
    QTextDocument document;
    // Without the PDF as paint device the layout measures for the screen: tiny text.
    document.documentLayout()->setPaintDevice(&pdf);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    QTextOption option = document.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // long hosts, paths, digests
    document.setDefaultTextOption(option);
    document.setHtml(markup.html);
    embedReportCharts(&document, report, markup.charts);

    // One long strip as wide as the printable area, cut into pages by hand (reportpagination.h).
    document.setDocumentMargin(0);
    const QSizeF page(pdf.width(), pdf.height());
    document.setTextWidth(page.width());
    const qreal contentTop = mmToDevice(HeaderMm);
    const qreal contentHeight = page.height() - contentTop - mmToDevice(FooterMm);
    const QList<ReportPageSlice> slices = paginateReport(document, contentHeight);

    QPainter painter;
    if (!painter.begin(&pdf)) {
        if (error)
            *error = QStringLiteral("cannot start writing the PDF");
        return {};
    }
    const qsizetype pages = slices.size();
    for (qsizetype index = 0; index < pages; ++index) {
        if (index > 0 && !pdf.newPage()) {
            if (error)
                *error = QStringLiteral("cannot add page %1 to the PDF").arg(index + 1);
            return {};
        }
        const ReportPageSlice &slice = slices.at(index);
        qreal y = contentTop;
        if (slice.headerHeight() > 0) { // a table goes on: its header rows first
            drawStrip(painter, document, {slice.headerTop, slice.headerBottom, false, true}, y,
                      page.width());
            y += slice.headerHeight();
        }
        drawStrip(painter, document,
                  {slice.top, slice.bottom, slice.topBetweenRows, slice.bottomBetweenRows}, y,
                  page.width());
        drawPageFrame(painter, page, report, int(index + 1), int(pages));
    }
    painter.end();
    return bytes;
}

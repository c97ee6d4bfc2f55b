#include "reportchartobject.h"

#include "reportchart.h"

#include <QAbstractTextDocumentLayout>
#include <QHash>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

namespace {
constexpr int ChartObject = QTextFormat::UserObject + 1;

// What a chart object's format says: which target's chart, and how big in CSS pixels.
enum ChartProperty {
    TargetProperty = QTextFormat::UserProperty + 1, // index in HealthReport::targets
    KindProperty, // ReportChart
    SizeProperty, // QSizeF
};

constexpr qreal CssPixelsPerInch = 96;

class ReportChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    ReportChartObject(const HealthReport &report, QObject *parent)
        : QObject(parent), m_report(report)
    { }

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    const HealthReport &m_report;
};

// The layout's units per CSS pixel: its paint device's dots per inch over 96 (without a device
// it lays out for the screen, pixel for pixel).
qreal unitsPerCssPixel(const QTextDocument &document)
{
    const QPaintDevice *device = document.documentLayout()->paintDevice();
    return device ? device->logicalDpiY() / CssPixelsPerInch : 1.0;
}

QSizeF ReportChartObject::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    return format.property(SizeProperty).toSizeF() * unitsPerCssPixel(*document);
}

void ReportChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                                   const QTextFormat &format)
{
    const QSizeF size = format.property(SizeProperty).toSizeF();
    const TargetReport &target = m_report.targets.at(format.property(TargetProperty).toLongLong());
    painter->save();
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / size.width(), rect.height() / size.height());
    drawReportChart(painter, QRectF(QPointF(0, 0), size),
                    ReportChart(format.intProperty(KindProperty)), target.series, m_report.from,
                    m_report.to);
    painter->restore();
}

QTextCharFormat chartFormat(const ReportMarkupChart &chart)
{
    QTextCharFormat format;
    format.setObjectType(ChartObject);
    format.setProperty(TargetProperty, qlonglong(chart.target));
    format.setProperty(KindProperty, int(chart.kind));
    format.setProperty(SizeProperty, QSizeF(chart.size));
    return format;
}
} // namespace

void embedReportCharts(QTextDocument *document, const HealthReport &report,
                       const QList<ReportMarkupChart> &charts)
{
    document->documentLayout()->registerHandler(ChartObject,
                                                new ReportChartObject(report, document));
    QHash<QString, const ReportMarkupChart *> byName;
    for (const ReportMarkupChart &chart : charts)
        byName.insert(chart.name, &chart);

    // The places first: a format changed while walking the fragments would move them.
    QList<std::pair<int, const ReportMarkupChart *>> places;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (const ReportMarkupChart *chart = format.isImageFormat()
                        ? byName.value(format.toImageFormat().name())
                        : nullptr)
                places.append({it.fragment().position(), chart});
        }
    }
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (const auto &[position, chart] : std::as_const(places)) {
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(chartFormat(*chart));
    }
    cursor.endEditBlock();
}

#include "reportchartobject.moc"

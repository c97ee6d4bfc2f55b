#include "reportchart.h"

#include "reportwording.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
// Dark enough to print; blue and vermillion stay apart for colour-blind readers too (Okabe-Ito).
constexpr QRgb DnsRgb = 0xff0b5c99;
constexpr QRgb ServiceRgb = 0xffc14d00;
constexpr QRgb FallbackRgb = 0xffd08c00;
constexpr QRgb TextRgb = 0xff222222;
constexpr QRgb MutedRgb = 0xff666666;
constexpr QRgb AxisRgb = 0xff555555;
constexpr QRgb GridRgb = 0xffdedede;

constexpr qreal FontPx = 11;
constexpr qreal Pad = 8;

enum class Marker { Circle, Square };

// How one line looks: colour, dash and marker shape, so it reads without colour too.
struct LineLook
{
    QColor colour;
    Qt::PenStyle dash;
    Marker marker;
    bool hatchedBand; // the p50..p95 band: hatched, or a flat tint
};

LineLook dnsLook() { return {QColor::fromRgb(DnsRgb), Qt::SolidLine, Marker::Circle, false}; }

LineLook serviceLook() { return {QColor::fromRgb(ServiceRgb), Qt::DashLine, Marker::Square, true}; }

struct Sample
{
    qint64 startMs;
    qint64 endMs;
    double value; // p50 or success %
    double upper; // p95 (latency only)
};
using Segment = QList<Sample>;

struct Value
{
    bool valid;
    double value;
    double upper;
};

// The points of one line, split where buckets are missing or have no value, so that a gap in
// the data shows as a gap rather than a slope.
template<typename Extract>
QList<Segment> segmentsOf(const QList<ReportPoint> &series, Extract extract)
{
    QList<Segment> segments;
    Segment current;
    qint64 lastEnd = 0;
    const auto flush = [&] {
        if (!current.isEmpty())
            segments.append(current);
        current.clear();
    };
    for (const ReportPoint &point : series) {
        const Value v = extract(point);
        if (!point.start.isValid() || !v.valid || !std::isfinite(v.value)
            || !std::isfinite(v.upper)) {
            flush();
            continue;
        }
        const qint64 start = point.start.toMSecsSinceEpoch();
        const qint64 width = qint64(std::max(1, point.widthS)) * 1000;
        if (!current.isEmpty() && start > lastEnd + width / 2)
            flush();
        current.append({start, start + width, v.value, v.upper});
        lastEnd = start + width;
    }
    flush();
    return segments;
}

QList<ReportPoint> sortedByStart(QList<ReportPoint> series)
{
    std::stable_sort(series.begin(), series.end(),
                     [](const ReportPoint &a, const ReportPoint &b) { return a.start < b.start; });
    return series;
}

// 1, 2 or 5 times a power of ten, so that about `count` steps cover max.
double niceStep(double max, int count)
{
    const double raw = max / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double residual = raw / magnitude;
    const double factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
    return factor * magnitude;
}

// The smallest multiple of step at or after value (times before 1970 included).
qint64 ceilToMultiple(qint64 value, qint64 step)
{
    const qint64 quotient = value / step;
    return (quotient + (value % step > 0 ? 1 : 0)) * step;
}

QString numberForStep(double value, double step)
{
    const int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    return QString::number(value, 'f', decimals);
}

struct TimeAxis
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool valid() const { return toMs > fromMs; }
};

TimeAxis timeAxis(const QList<ReportPoint> &series, const QDateTime &from, const QDateTime &to)
{
    if (from.isValid() && to.isValid() && from < to)
        return {from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()};
    TimeAxis axis;
    bool any = false;
    for (const ReportPoint &point : series) {
        if (!point.start.isValid())
            continue;
        const qint64 start = point.start.toMSecsSinceEpoch();
        const qint64 end = start + qint64(std::max(1, point.widthS)) * 1000;
        axis.fromMs = any ? std::min(axis.fromMs, start) : start;
        axis.toMs = any ? std::max(axis.toMs, end) : end;
        any = true;
    }
    return axis;
}

void hatch(QPainter &painter, const QRectF &area, const QColor &colour, qreal spacing)
{
    painter.save();
    painter.setClipRect(area, Qt::IntersectClip);
    painter.setPen(QPen(colour, 1.0));
    for (qreal x = area.left() - area.height(); x < area.right(); x += spacing)
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x + area.height(), area.top()));
    painter.restore();
}

void drawMarker(QPainter &painter, const QPointF &at, Marker marker, const QColor &colour)
{
    painter.save();
    painter.setPen(QPen(Qt::white, 1.0));
    painter.setBrush(colour);
    constexpr qreal r = 3.4;
    if (marker == Marker::Circle)
        painter.drawEllipse(at, r, r);
    else
        painter.drawRect(QRectF(at.x() - r + 0.3, at.y() - r + 0.3, 2 * r - 0.6, 2 * r - 0.6));
    painter.restore();
}

QPen linePen(const LineLook &look)
{
    QPen pen(look.colour, 1.8, look.dash, Qt::FlatCap, Qt::RoundJoin);
    if (look.dash == Qt::DashLine)
        pen.setDashPattern({3.5, 2.0});
    return pen;
}

// One entry of the legend: a line with its marker, a band, or the fallback hatch.
struct LegendEntry
{
    enum Kind { Line, Band, FallbackMark };
    Kind kind;
    QString text;
    LineLook look;
};

class ChartPainter
{
public:
    ChartPainter(QPainter &painter, const QSizeF &size, ReportChart chart,
                 const QList<ReportPoint> &series, const TimeAxis &axis)
        : m_p(painter)
        , m_size(size)
        , m_chart(chart)
        , m_series(series)
        , m_axis(axis)
        , m_font(QStringLiteral("DejaVu Sans"))
    {
        m_font.setStyleHint(QFont::SansSerif);
        m_font.setPixelSize(int(FontPx));
    }

    void paint();

private:
    QList<LegendEntry> legend() const;
    qreal layoutLegend(qreal top, bool draw);
    void drawLegendSwatch(const LegendEntry &entry, const QRectF &swatch);
    void drawTimeLabels();
    void drawValueAxis(double top, double step, const QString &unit);
    void drawFallbackMarks();
    void drawLine(const QList<Segment> &segments, const LineLook &look, bool band);
    QPointF at(qint64 ms, double value) const;
    double x(qint64 ms) const;

    QPainter &m_p;
    QSizeF m_size;
    ReportChart m_chart;
    const QList<ReportPoint> &m_series;
    TimeAxis m_axis;
    QFont m_font;
    QRectF m_plot;
    double m_yTop = 100;
};

QList<LegendEntry> ChartPainter::legend() const
{
    if (m_chart == ReportChart::SuccessRate)
        return {{LegendEntry::Line, QStringLiteral("DNS answered"), dnsLook()},
                {LegendEntry::Line, QStringLiteral("Service reachable"), serviceLook()},
                {LegendEntry::FallbackMark, QStringLiteral("Kept reachable by fallback"), {}}};
    return {{LegendEntry::Line, QStringLiteral("DNS p50"), dnsLook()},
            {LegendEntry::Band, QStringLiteral("DNS p50 to p95"), dnsLook()},
            {LegendEntry::Line, QStringLiteral("Service p50"), serviceLook()},
            {LegendEntry::Band, QStringLiteral("Service p50 to p95"), serviceLook()}};
}

void ChartPainter::drawLegendSwatch(const LegendEntry &entry, const QRectF &swatch)
{
    switch (entry.kind) {
    case LegendEntry::Line: {
        m_p.setPen(linePen(entry.look));
        const qreal y = swatch.center().y();
        m_p.drawLine(QPointF(swatch.left(), y), QPointF(swatch.right(), y));
        drawMarker(m_p, swatch.center(), entry.look.marker, entry.look.colour);
        break;
    }
    case LegendEntry::Band: {
        QColor tint = entry.look.colour;
        tint.setAlpha(entry.look.hatchedBand ? 30 : 60);
        m_p.fillRect(swatch, tint);
        if (entry.look.hatchedBand)
            hatch(m_p, swatch, entry.look.colour, 4);
        break;
    }
    case LegendEntry::FallbackMark: {
        QColor tint = QColor::fromRgb(FallbackRgb);
        tint.setAlpha(50);
        m_p.fillRect(swatch, tint);
        hatch(m_p, swatch, QColor::fromRgb(FallbackRgb), 4);
        break;
    }
    }
}

// Entries flow left to right and wrap; returns the height they take.
qreal ChartPainter::layoutLegend(qreal top, bool draw)
{
    const QFontMetricsF metrics(m_font);
    const qreal rowHeight = metrics.height() + 4;
    const qreal swatchWidth = 22;
    qreal x = Pad;
    qreal y = top;
    for (const LegendEntry &entry : legend()) {
        const qreal width = swatchWidth + 5 + metrics.horizontalAdvance(entry.text);
        if (x > Pad && x + width > m_size.width() - Pad) {
            x = Pad;
            y += rowHeight;
        }
        if (draw) {
            const QRectF swatch(x, y + (rowHeight - 10) / 2, swatchWidth, 10);
            drawLegendSwatch(entry, swatch);
            m_p.setPen(QColor::fromRgb(TextRgb));
            m_p.drawText(QRectF(x + swatchWidth + 5, y, width, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        }
        x += width + 16;
    }
    return y + rowHeight - top;
}

double ChartPainter::x(qint64 ms) const
{
    const double span = double(m_axis.toMs - m_axis.fromMs);
    return m_plot.left() + double(ms - m_axis.fromMs) / span * m_plot.width();
}

QPointF ChartPainter::at(qint64 ms, double value) const
{
    const double y = m_plot.bottom() - std::clamp(value / m_yTop, 0.0, 1.0) * m_plot.height();
    return {x(ms), y};
}

void ChartPainter::drawValueAxis(double top, double step, const QString &unit)
{
    const QFontMetricsF metrics(m_font);
    for (double v = 0; v <= top + step / 1000; v += step) {
        const qreal y = at(m_axis.fromMs, v).y();
        m_p.setPen(QPen(QColor::fromRgb(GridRgb), 1.0));
        if (v > 0)
            m_p.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
        m_p.setPen(QColor::fromRgb(MutedRgb));
        const QString label = numberForStep(v, step) + QLatin1Char(' ') + unit;
        m_p.drawText(QRectF(0, y - metrics.height() / 2, m_plot.left() - 6, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, label);
    }
}

// Ticks at round local times, a step chosen so that labels do not crowd; the date is shown
// under the first tick and wherever the day changes.
void ChartPainter::drawTimeLabels()
{
    static const qint64 steps[] = {10,   15,   30,    60,    120,   300,   600,    900,    1800,
                                   3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000};
    const QFontMetricsF metrics(m_font);
    const qint64 spanS = (m_axis.toMs - m_axis.fromMs) / 1000;
    const qreal labelWidth = metrics.horizontalAdvance(QStringLiteral("00:00")) + 28;
    qint64 step = steps[std::size(steps) - 1];
    for (const qint64 candidate : steps) {
        if (double(spanS) / double(candidate) * labelWidth <= m_plot.width()) {
            step = candidate;
            break;
        }
    }
    const QLocale c = QLocale::c();
    const QString timeFormat = step < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const QString dateFormat = QStringLiteral("d MMM");
    const qint64 offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(m_axis.fromMs, Qt::UTC)
                                           .toLocalTime()
                                           .offsetFromUtc())
            * 1000;
    const qint64 stepMs = step * 1000;
    const qint64 localFrom = m_axis.fromMs + offsetMs;
    qint64 tick = ceilToMultiple(localFrom, stepMs) - offsetMs; // the first round local time

    qreal lastRight = -1e9;
    QDate lastDate;
    const qreal lineHeight = metrics.height();
    for (; tick <= m_axis.toMs; tick += stepMs) {
        const qreal tx = x(tick);
        m_p.setPen(QPen(QColor::fromRgb(AxisRgb), 1.0));
        m_p.drawLine(QPointF(tx, m_plot.bottom()), QPointF(tx, m_plot.bottom() + 4));
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(tick, Qt::UTC).toLocalTime();
        QString first = step >= 86400 ? c.toString(local, dateFormat)
                                      : c.toString(local, timeFormat);
        QString second;
        if (step < 86400 && local.date() != lastDate)
            second = c.toString(local, dateFormat);
        const qreal width = std::max(metrics.horizontalAdvance(first),
                                     metrics.horizontalAdvance(second));
        qreal left = std::clamp(tx - width / 2, qreal(1), m_size.width() - width - 1);
        if (left < lastRight + 8)
            continue; // would overlap the previous label: the tick stays, the words do not
        m_p.setPen(QColor::fromRgb(MutedRgb));
        const qreal top = m_plot.bottom() + 6;
        m_p.drawText(QRectF(left, top, width, lineHeight), Qt::AlignHCenter | Qt::AlignTop, first);
        if (!second.isEmpty()) {
            m_p.drawText(QRectF(left, top + lineHeight, width, lineHeight),
                         Qt::AlignHCenter | Qt::AlignTop, second);
            lastDate = local.date();
        }
        lastRight = left + width;
    }
}

void ChartPainter::drawFallbackMarks()
{
    QColor tint = QColor::fromRgb(FallbackRgb);
    tint.setAlpha(50);
    for (const ReportPoint &point : m_series) {
        if (point.viaFallback <= 0 || !point.start.isValid())
            continue;
        const qint64 start = point.start.toMSecsSinceEpoch();
        const qint64 end = start + qint64(std::max(1, point.widthS)) * 1000;
        qreal left = std::max(x(start), m_plot.left());
        qreal right = std::min(x(end), m_plot.right());
        if (right <= left && (right < m_plot.left() || left > m_plot.right()))
            continue;
        if (right - left < 2) { // still visible when a bucket is narrower than a pixel
            const qreal centre = (left + right) / 2;
            left = centre - 1;
            right = centre + 1;
        }
        const QRectF mark(left, m_plot.top(), right - left, m_plot.height());
        m_p.fillRect(mark, tint);
        hatch(m_p, mark, QColor::fromRgb(FallbackRgb), 5);
    }
}

void ChartPainter::drawLine(const QList<Segment> &segments, const LineLook &look, bool band)
{
    qsizetype total = 0;
    for (const Segment &segment : segments)
        total += segment.size();
    const qsizetype markerEvery = std::max<qsizetype>(1, (total + 11) / 12);

    for (const Segment &segment : segments) {
        QPolygonF line;
        for (const Sample &sample : segment)
            line.append(at((sample.startMs + sample.endMs) / 2, sample.value));
        if (band) {
            QPolygonF area = line;
            for (qsizetype i = segment.size() - 1; i >= 0; --i) {
                const Sample &sample = segment.at(i);
                area.append(at((sample.startMs + sample.endMs) / 2, sample.upper));
            }
            QPainterPath path;
            path.addPolygon(area);
            path.closeSubpath();
            QColor tint = look.colour;
            tint.setAlpha(look.hatchedBand ? 30 : 55);
            m_p.fillPath(path, tint);
            if (look.hatchedBand) {
                m_p.save();
                m_p.setClipPath(path, Qt::IntersectClip);
                hatch(m_p, path.boundingRect().adjusted(-1, -1, 1, 1), look.colour, 4);
                m_p.restore();
            }
        }
        m_p.setPen(linePen(look));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawPolyline(line);
    }
    qsizetype index = 0;
    for (const Segment &segment : segments) {
        for (qsizetype i = 0; i < segment.size(); ++i, ++index) {
            const Sample &sample = segment.at(i);
            if (segment.size() == 1 || index % markerEvery == 0)
                drawMarker(m_p, at((sample.startMs + sample.endMs) / 2, sample.value), look.marker,
                           look.colour);
        }
    }
}

void ChartPainter::paint()
{
    m_p.setFont(m_font);
    const QFontMetricsF metrics(m_font);
    const qreal lineHeight = metrics.height();

    // Title, with the time zone the axis is in.
    QFont bold = m_font;
    bold.setBold(true);
    bold.setPixelSize(int(FontPx) + 1);
    const QString title = reportChartTitle(m_chart)
            + (m_chart == ReportChart::SuccessRate ? QStringLiteral(", %") : QStringLiteral(", ms"));
    m_p.setFont(bold);
    m_p.setPen(QColor::fromRgb(TextRgb));
    const qreal titleWidth = QFontMetricsF(bold).horizontalAdvance(title);
    m_p.drawText(QRectF(Pad, 4, titleWidth + 2, lineHeight + 2), Qt::AlignLeft | Qt::AlignVCenter,
                 title);
    m_p.setFont(m_font);
    if (m_axis.valid()) {
        const QString zone = QStringLiteral("times in ")
                + ReportWording::utcOffset(QDateTime::fromMSecsSinceEpoch(m_axis.fromMs, Qt::UTC));
        m_p.setPen(QColor::fromRgb(MutedRgb));
        m_p.drawText(QRectF(Pad + titleWidth + 10, 4, m_size.width(), lineHeight + 2),
                     Qt::AlignLeft | Qt::AlignVCenter, zone);
    }
    const qreal legendTop = 4 + lineHeight + 6;
    const qreal legendHeight = layoutLegend(legendTop, true);

    // Values: the success rate over 0..100 %, latency from 0 to a round number above the p95s.
    QList<Segment> dns;
    QList<Segment> service;
    double step = 25;
    QString unit = QStringLiteral("%");
    if (m_chart == ReportChart::SuccessRate) {
        dns = segmentsOf(m_series, [](const ReportPoint &p) {
            return Value{p.probes > 0, p.dnsSuccessPct, p.dnsSuccessPct};
        });
        service = segmentsOf(m_series, [](const ReportPoint &p) {
            return Value{p.probes > 0, p.serviceSuccessPct, p.serviceSuccessPct};
        });
        m_yTop = 100;
    } else {
        dns = segmentsOf(m_series, [](const ReportPoint &p) {
            return Value{p.hasLatency, p.dnsP50Ms, std::max(p.dnsP50Ms, p.dnsP95Ms)};
        });
        service = segmentsOf(m_series, [](const ReportPoint &p) {
            return Value{p.hasLatency, p.serviceP50Ms, std::max(p.serviceP50Ms, p.serviceP95Ms)};
        });
        double max = 0;
        for (const QList<Segment> *line : {&dns, &service})
            for (const Segment &segment : *line)
                for (const Sample &sample : segment)
                    max = std::max({max, sample.value, sample.upper});
        if (max <= 0)
            max = 1;
        step = niceStep(max * 1.05, 4);
        m_yTop = std::ceil(max * 1.05 / step) * step;
        unit = QStringLiteral("ms");
    }

    qreal labelWidth = 0;
    for (double v = 0; v <= m_yTop + step / 1000; v += step)
        labelWidth = std::max(
                labelWidth,
                metrics.horizontalAdvance(numberForStep(v, step) + QLatin1Char(' ') + unit));
    const qreal top = legendTop + legendHeight + 8;
    const qreal bottom = m_size.height() - 2 * lineHeight - 10;
    m_plot = QRectF(QPointF(Pad + labelWidth + 6, top), QPointF(m_size.width() - Pad - 4, bottom));
    if (m_plot.width() < 10 || m_plot.height() < 10)
        return; // too small to say anything; the title is there

    drawValueAxis(m_yTop, step, unit);
    const bool hasData = m_axis.valid() && (!dns.isEmpty() || !service.isEmpty());
    if (m_axis.valid()) {
        m_p.save();
        m_p.setClipRect(m_plot.adjusted(-4, -4, 4, 4));
        if (m_chart == ReportChart::SuccessRate)
            drawFallbackMarks();
        const bool band = m_chart == ReportChart::Latency;
        drawLine(dns, dnsLook(), band);
        drawLine(service, serviceLook(), band);
        m_p.restore();
        drawTimeLabels();
    }
    m_p.setPen(QPen(QColor::fromRgb(AxisRgb), 1.0));
    m_p.drawLine(m_plot.bottomLeft(), m_plot.bottomRight());
    m_p.drawLine(m_plot.bottomLeft(), m_plot.topLeft());
    if (!hasData) {
        m_p.setPen(QColor::fromRgb(MutedRgb));
        m_p.drawText(m_plot, Qt::AlignCenter,
                     m_chart == ReportChart::Latency && m_axis.valid() && !m_series.isEmpty()
                             ? QStringLiteral("No latency recorded in this range")
                             : QStringLiteral("No data in this range"));
    }
}
} // namespace

QString reportChartTitle(ReportChart chart)
{
    return chart == ReportChart::SuccessRate ? QStringLiteral("Success rate")
                                             : QStringLiteral("Latency");
}

void drawReportChart(QPainter *painter, const QRectF &rect, ReportChart kind,
                     const QList<ReportPoint> &series, const QDateTime &from, const QDateTime &to)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setClipRect(rect, Qt::IntersectClip);
    painter->fillRect(rect, Qt::white);
    painter->translate(rect.topLeft());
    const QList<ReportPoint> sorted = sortedByStart(series);
    ChartPainter(*painter, rect.size(), kind, sorted, timeAxis(sorted, from, to)).paint();
    painter->restore();
}

QImage renderReportChart(ReportChart chart, const QList<ReportPoint> &series, const QDateTime &from,
                         const QDateTime &to, const QSize &size, qreal devicePixelRatio)
{
    const qreal ratio = devicePixelRatio > 0 ? devicePixelRatio : 1.0;
    const QSize pixels(std::max(1, int(std::lround(size.width() * ratio))),
                       std::max(1, int(std::lround(size.height() * ratio))));
    QImage image(pixels, QImage::Format_RGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    if (size.isEmpty())
        return image;
    QPainter painter(&image);
    drawReportChart(&painter, QRectF(QPointF(0, 0), QSizeF(size)), chart, series, from, to);
    return image;
}

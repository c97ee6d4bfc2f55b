#include "glancesparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

GlanceSparkline::GlanceSparkline(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents); // a click goes to the figure
    setMinimumSize(24, 30);
}

void GlanceSparkline::setValues(const QList<std::optional<double>> &values, int slotCount,
                                double ceiling)
{
    m_values = values;
    m_slots = std::max(2, slotCount);
    m_ceiling = ceiling;
    for (const std::optional<double> &value : values)
        if (value)
            m_ceiling = std::max(m_ceiling, *value);
    update();
}

void GlanceSparkline::setLineColor(const QColor &color)
{
    m_lineColor = color;
    update();
}

void GlanceSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    QColor baseline = palette().color(QPalette::Text);
    baseline.setAlphaF(0.25);
    painter.setPen(QPen(baseline, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_values.isEmpty() || m_ceiling <= 0)
        return;
    const double step = area.width() / (m_slots - 1);
    const qsizetype first = m_slots - m_values.size(); // the newest sample at the right edge
    QPainterPath line;
    bool drawing = false;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        if (!m_values[i]) {
            drawing = false;
            continue;
        }
        const QPointF point(area.left() + double(first + i) * step,
                            area.bottom() - *m_values[i] / m_ceiling * area.height());
        if (drawing) {
            line.lineTo(point);
        } else {
            line.moveTo(point);
            line.lineTo(point + QPointF(0.01, 0)); // a lone sample still shows as a dot
        }
        drawing = true;
    }
    const QColor color = m_lineColor.isValid() ? m_lineColor : palette().color(QPalette::Highlight);
    painter.setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(line);
}

#include "stateglyph.h"

#include <QPainter>
#include <QPainterPath>

namespace {
void paintQuestionMark(QPainter &painter, const QRectF &box, double pen)
{
    QPainterPath hook;
    hook.moveTo(box.left() + box.width() * 0.32, box.top() + box.height() * 0.36);
    hook.cubicTo(box.left() + box.width() * 0.32, box.top() + box.height() * 0.18,
                 box.left() + box.width() * 0.70, box.top() + box.height() * 0.18,
                 box.left() + box.width() * 0.68, box.top() + box.height() * 0.38);
    hook.cubicTo(box.left() + box.width() * 0.66, box.top() + box.height() * 0.52, box.center().x(),
                 box.top() + box.height() * 0.50, box.center().x(),
                 box.top() + box.height() * 0.64);
    painter.drawPath(hook);
    painter.drawPoint(QPointF(box.center().x(), box.top() + box.height() * 0.78 + pen * 0.2));
}
} // namespace

void paintStateGlyph(QPainter &painter, const QRectF &rect, StateLook look, const QColor &color)
{
    const double side = std::min(rect.width(), rect.height());
    const QRectF box(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const double pen = std::max(1.5, side / 9);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    const QRectF inner = box.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    const auto at = [&box](double x, double y) {
        return QPointF(box.left() + box.width() * x, box.top() + box.height() * y);
    };
    switch (look) {
    case StateLook::Healthy:
        painter.drawEllipse(inner);
        painter.drawPolyline(QPolygonF{at(0.28, 0.52), at(0.44, 0.68), at(0.72, 0.36)});
        break;
    case StateLook::Degraded:
        painter.drawPolygon(QPolygonF{at(0.5, 0.08), at(0.94, 0.9), at(0.06, 0.9)});
        painter.drawLine(at(0.5, 0.38), at(0.5, 0.62));
        painter.drawPoint(at(0.5, 0.76));
        break;
    case StateLook::Down:
        painter.drawEllipse(inner);
        painter.drawLine(at(0.34, 0.34), at(0.66, 0.66));
        painter.drawLine(at(0.66, 0.34), at(0.34, 0.66));
        break;
    case StateLook::Paused:
        painter.drawEllipse(inner);
        painter.drawLine(at(0.40, 0.32), at(0.40, 0.68));
        painter.drawLine(at(0.60, 0.32), at(0.60, 0.68));
        break;
    case StateLook::Unknown:
        painter.drawEllipse(inner);
        paintQuestionMark(painter, box, pen);
        break;
    case StateLook::Unseen:
        // Two links of a chain, apart.
        painter.drawArc(QRectF(at(0.06, 0.30), at(0.46, 0.70)), 90 * 16, 180 * 16);
        painter.drawLine(at(0.26, 0.30), at(0.40, 0.30));
        painter.drawLine(at(0.26, 0.70), at(0.40, 0.70));
        painter.drawArc(QRectF(at(0.54, 0.30), at(0.94, 0.70)), -90 * 16, 180 * 16);
        painter.drawLine(at(0.60, 0.30), at(0.74, 0.30));
        painter.drawLine(at(0.60, 0.70), at(0.74, 0.70));
        painter.drawLine(at(0.50, 0.10), at(0.50, 0.22));
        painter.drawLine(at(0.50, 0.78), at(0.50, 0.90));
        break;
    }
    painter.restore();
}

#include "appicon.h"

#include <QPainter>
#include <QPainterPath>

QPixmap applicationIconPixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const double s = size;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x26, 0x80, 0x3a));
    painter.drawEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92));
    QPen tick(Qt::white, std::max(1.5, s * 0.1), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(tick);
    painter.setBrush(Qt::NoBrush);
    const bool withText = size >= 48;
    const double top = withText ? s * 0.22 : s * 0.3;
    QPainterPath check;
    check.moveTo(s * 0.28, top + s * 0.18);
    check.lineTo(s * 0.44, top + s * 0.32);
    check.lineTo(s * 0.74, top);
    painter.drawPath(check);
    if (withText) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(s * 0.22));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, s * 0.56, s, s * 0.3), Qt::AlignHCenter | Qt::AlignTop,
                         QStringLiteral("DNS"));
    }
    return pixmap;
}

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(applicationIconPixmap(size));
    return icon;
}

#include "statepalette.h"

#include "stateglyph.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace {
struct LookColors
{
    StateLook look;
    StateColors light;
    StateColors dark;
};

// Background, text on it, foreground on the view's base; light palette, then dark. The contrast
// of each pair is in tst_statepalette (all at least 5:1, a margin over AA's 4.5:1).
const LookColors Colors[] = {
        {StateLook::Healthy,
         {QColor(0x1a, 0x7f, 0x37), QColor(0xff, 0xff, 0xff), QColor(0x11, 0x63, 0x29)},
         {QColor(0x1f, 0x6f, 0x3a), QColor(0xff, 0xff, 0xff), QColor(0x57, 0xd1, 0x7a)}},
        {StateLook::Degraded,
         {QColor(0xf5, 0xc2, 0x11), QColor(0x1a, 0x1a, 0x1a), QColor(0x8a, 0x53, 0x00)},
         {QColor(0xe0, 0xa8, 0x00), QColor(0x1a, 0x1a, 0x1a), QColor(0xf5, 0xc2, 0x11)}},
        {StateLook::Down,
         {QColor(0xc0, 0x1c, 0x28), QColor(0xff, 0xff, 0xff), QColor(0xb0, 0x1a, 0x25)},
         {QColor(0xb3, 0x26, 0x1e), QColor(0xff, 0xff, 0xff), QColor(0xff, 0x8a, 0x80)}},
        {StateLook::Paused,
         {QColor(0x5e, 0x6a, 0x78), QColor(0xff, 0xff, 0xff), QColor(0x4f, 0x5a, 0x66)},
         {QColor(0x4a, 0x55, 0x63), QColor(0xff, 0xff, 0xff), QColor(0xa8, 0xb3, 0xc2)}},
        {StateLook::Unknown,
         {QColor(0xd0, 0xd4, 0xda), QColor(0x1a, 0x1a, 0x1a), QColor(0x55, 0x5c, 0x68)},
         {QColor(0x3d, 0x43, 0x4b), QColor(0xf0, 0xf0, 0xf0), QColor(0xb8, 0xbe, 0xc8)}},
        {StateLook::Unseen,
         {QColor(0x8b, 0x8f, 0x96), QColor(0x00, 0x00, 0x00), QColor(0x5f, 0x63, 0x6a)},
         {QColor(0x5a, 0x5d, 0x63), QColor(0xff, 0xff, 0xff), QColor(0xa4, 0xa8, 0xb0)}},
};

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}
} // namespace

StateLook stateLook(TargetState state, Visibility visibility)
{
    if (visibility == Visibility::Unseen)
        return StateLook::Unseen;
    switch (state) {
    case TargetState::Healthy:
        return StateLook::Healthy;
    case TargetState::Degraded:
        return StateLook::Degraded;
    case TargetState::Down:
        return StateLook::Down;
    case TargetState::Paused:
        return StateLook::Paused;
    case TargetState::Unknown:
        break;
    }
    return StateLook::Unknown;
}

StatePalette::Shade StatePalette::shadeOf(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? Shade::Dark : Shade::Light;
}

StatePalette::StatePalette(Shade shade) : m_shade(shade) { }

StatePalette::StatePalette(const QPalette &palette) : m_shade(shadeOf(palette)) { }

StateColors StatePalette::colors(StateLook look) const
{
    for (const LookColors &entry : Colors) {
        if (entry.look == look)
            return m_shade == Shade::Dark ? entry.dark : entry.light;
    }
    return {};
}

QIcon StatePalette::icon(StateLook look) const { return icon(look, colors(look).text); }

QIcon StatePalette::icon(StateLook look, const QColor &color) const
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paintStateGlyph(painter, QRectF(0, 0, size, size), look, color);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

std::pair<QColor, QColor> StatePalette::baseRange(Shade shade)
{
    // From a window-grey base to white; from black to a dark theme's lighter grey.
    return shade == Shade::Dark ? std::pair{QColor(0x00, 0x00, 0x00), QColor(0x35, 0x35, 0x35)}
                                : std::pair{QColor(0xf0, 0xf0, 0xf0), QColor(0xff, 0xff, 0xff)};
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
            + 0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor &one, const QColor &other)
{
    const double a = relativeLuminance(one);
    const double b = relativeLuminance(other);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

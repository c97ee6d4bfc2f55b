#include "walltile.h"

#include "stateglyph.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

namespace {
// Each line's font size against the details' (the state's word and the title stand out).
constexpr double StateScale = 1.1;
constexpr double TitleScale = 1.25;

QFont fontOf(const QFont &base, int pixelSize, double scale, QFont::Weight weight)
{
    QFont font(base);
    font.setPixelSize(int(pixelSize * scale));
    font.setWeight(weight);
    return font;
}
} // namespace

WallTile::WallTile(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

bool WallTile::setContent(const WallTileContent &content)
{
    if (content == m_content)
        return false;
    m_content = content;
    m_laidOut = false;
    m_rendered = QPixmap();
    setToolTip(content.fullText());
    setAccessibleName(content.fullText().replace(QLatin1Char('\n'), QLatin1String(", ")));
    update();
    return true;
}

QColor WallTile::backgroundColor() const
{
    return StatePalette(palette()).colors(m_content.look).background;
}

QColor WallTile::textColor() const { return StatePalette(palette()).colors(m_content.look).text; }

int WallTile::padding() const { return std::clamp(std::min(width(), height()) / 14, 6, 24); }

const QList<WallTile::Line> &WallTile::lines() const
{
    if (!m_laidOut)
        layOut();
    return m_lines;
}

QRect WallTile::glyphRect() const
{
    if (!m_laidOut)
        layOut();
    return m_glyph;
}

void WallTile::layOut() const
{
    // The largest size at which every line fits the tile's height and the width reference its
    // width (binary search), at least MinimumPixelSize: a line that still does not fit is
    // elided, and lines below the tile are left out (the tooltip has them all). A long name is
    // elided rather than make one tile's text smaller than the others'.
    const QRect inner = rect().adjusted(padding(), padding(), -padding(), -padding());
    const auto fonts = [this](int pixelSize) {
        QList<QFont> all{fontOf(font(), pixelSize, StateScale, QFont::Bold),
                         fontOf(font(), pixelSize, TitleScale, QFont::Bold)};
        for (qsizetype i = 0; i < m_content.details.size(); ++i)
            all.append(fontOf(font(), pixelSize, 1.0, QFont::Normal));
        return all;
    };
    const auto fits = [&](int pixelSize) {
        const QList<QFont> all = fonts(pixelSize);
        int height = 0;
        for (const QFont &font : all)
            height += QFontMetrics(font).height();
        return height <= inner.height()
                && QFontMetrics(all.constLast()).horizontalAdvance(m_content.widthReference)
                <= inner.width();
    };
    int low = MinimumPixelSize;
    int high = MaximumPixelSize;
    while (low < high) {
        const int middle = (low + high + 1) / 2;
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    const QList<QFont> chosen = fonts(low);
    QStringList texts{m_content.stateWord, m_content.title};
    texts += m_content.details;
    m_lines.clear();
    int total = 0;
    for (const QFont &font : chosen)
        total += QFontMetrics(font).height();
    int y = inner.top() + std::max(0, (inner.height() - total) / 2); // the block centred
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QFontMetrics metrics(chosen[i]);
        if (y + metrics.height() > inner.bottom() + 1)
            break;
        QRect rect(inner.left(), y, inner.width(), metrics.height());
        if (i == 0) {
            m_glyph = QRect(rect.left(), rect.top(), rect.height(), rect.height());
            rect.setLeft(m_glyph.right() + 1 + metrics.height() / 3);
        }
        m_lines.append({texts[i], metrics.elidedText(texts[i], Qt::ElideRight, rect.width()),
                        chosen[i], rect});
        y += metrics.height();
    }
    m_laidOut = true;
}

void WallTile::renderContent(QPainter &painter, const StateColors &colors) const
{
    painter.fillRect(rect(), colors.background);
    paintStateGlyph(painter, QRectF(glyphRect()).adjusted(2, 2, -2, -2), m_content.look,
                    colors.text);
    painter.setPen(colors.text);
    for (const Line &line : lines()) {
        painter.setFont(line.font);
        painter.drawText(line.rect, Qt::AlignLeft | Qt::AlignVCenter, line.shown);
    }
}

void WallTile::paintEvent(QPaintEvent *)
{
    const StateColors colors = StatePalette(palette()).colors(m_content.look);
    // Drawn once into a pixmap: a tile that only moves (the order changed) is copied, not
    // laid out and drawn again.
    const qreal ratio = devicePixelRatioF();
    if (m_rendered.isNull() || m_rendered.size() != size() * ratio) {
        m_rendered = QPixmap(size() * ratio);
        m_rendered.setDevicePixelRatio(ratio);
        QPainter cache(&m_rendered);
        renderContent(cache, colors);
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_rendered);
    if (hasFocus()) {
        // A frame in the text colour: it contrasts with the tile's own colour.
        const int pen = std::max(3, padding() / 2);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colors.text, pen));
        painter.drawRect(QRectF(rect()).adjusted(pen / 2.0, pen / 2.0, -pen / 2.0, -pen / 2.0));
    }
    Q_EMIT painted();
}

void WallTile::resizeEvent(QResizeEvent *event)
{
    m_laidOut = false;
    m_rendered = QPixmap();
    QWidget::resizeEvent(event);
}

void WallTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        m_laidOut = false;
        m_rendered = QPixmap();
        update();
    }
    QWidget::changeEvent(event);
}

void WallTile::focusInEvent(QFocusEvent *event)
{
    update();
    QWidget::focusInEvent(event);
}

void WallTile::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

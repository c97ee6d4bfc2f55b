#include "glancefigure.h"

#include "glancesparkline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace {

constexpr int ValuePixelSize = 32; // readable from about three metres
constexpr int VerdictBarWidth = 6;

QLabel *makeLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAttribute(Qt::WA_TransparentForMouseEvents); // a click goes to the figure
    label->setTextFormat(Qt::PlainText);
    // The tile is drawn in the base colour: its text in the text colour (a button's child would
    // take the button text colour, meant for the button colour).
    label->setForegroundRole(QPalette::Text);
    return label;
}

} // namespace

GlanceFigure::GlanceFigure(GlanceFilter filter, const QString &caption, QWidget *parent)
    : QAbstractButton(parent)
    , m_filter(filter)
    , m_caption(makeLabel(this))
    , m_value(makeLabel(this))
    , m_verdictWord(makeLabel(this))
    , m_sparkline(new GlanceSparkline(this))
{
    setCheckable(true);
    // A button takes its size hint as its least width: the figures share the row instead, down
    // to what their words need.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_Hover); // the border follows the mouse
    setText(caption);
    setAccessibleName(caption);
    m_caption->setText(caption);
    // A caption does not widen the window: in a narrow one it is cut rather than the row.
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont valueFont = font();
    valueFont.setPixelSize(ValuePixelSize);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    QFont verdictFont = font();
    verdictFont.setBold(true);
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    m_verdictWord->setFont(verdictFont);
    // The verdict beside the sparkline, not beside the value: seven figures fit 1440 pixels in
    // German too.
    auto *trendRow = new QHBoxLayout;
    trendRow->setSpacing(8);
    trendRow->addWidget(m_verdictWord);
    trendRow->addWidget(m_sparkline, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(VerdictBarWidth + 8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addLayout(trendRow);
    applyVerdictColor();
}

void GlanceFigure::setReading(const GlanceReading &reading)
{
    m_value->setText(reading.value);
    m_verdictWord->setText(reading.verdictWord);
    setToolTip(reading.toolTip);
    setAccessibleDescription(reading.description);
    if (m_verdict != reading.verdict) {
        m_verdict = reading.verdict;
        applyVerdictColor();
    }
}

QString GlanceFigure::valueText() const { return m_value->text(); }

QColor GlanceFigure::verdictColor(GlanceVerdict verdict, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (verdict) {
    case GlanceVerdict::Good:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x1b, 0x6e, 0x20);
    case GlanceVerdict::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0x9a, 0x58, 0x00);
    case GlanceVerdict::Bad:
        return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
    case GlanceVerdict::NoData:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

void GlanceFigure::applyVerdictColor()
{
    const QColor color = verdictColor(m_verdict, palette());
    QPalette wordPalette = m_verdictWord->palette();
    wordPalette.setColor(QPalette::Text, color);
    m_verdictWord->setPalette(wordPalette);
    m_sparkline->setLineColor(color);
    update();
}

QSize GlanceFigure::sizeHint() const { return layout()->sizeHint().expandedTo({180, 0}); }

QSize GlanceFigure::minimumSizeHint() const { return layout()->minimumSize(); }

void GlanceFigure::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    const QPalette &colors = palette();
    QColor fill = colors.color(QPalette::Base);
    QColor border = colors.color(QPalette::Mid);
    qreal borderWidth = 1;
    if (isChecked()) { // pressed: the table shows only what this figure counts
        QColor pressed = colors.color(QPalette::Highlight);
        pressed.setAlphaF(0.22);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRoundedRect(frame, 6, 6);
        fill = pressed;
        border = colors.color(QPalette::Highlight);
        borderWidth = 2;
    } else if (underMouse()) {
        border = colors.color(QPalette::Highlight);
    }
    painter.setPen(QPen(border, borderWidth));
    painter.setBrush(fill);
    painter.drawRoundedRect(
            frame.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2), 6,
            6);
    painter.setPen(Qt::NoPen);
    painter.setBrush(verdictColor(m_verdict, colors));
    painter.drawRoundedRect(
            QRectF(frame.left() + 3, frame.top() + 6, VerdictBarWidth - 2, frame.height() - 12), 2,
            2);
    if (hasFocus()) {
        painter.setPen(QPen(colors.color(QPalette::Highlight), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(frame.adjusted(4, 3, -4, -3), 4, 4);
    }
}

void GlanceFigure::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

void GlanceFigure::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyVerdictColor();
    QAbstractButton::changeEvent(event);
}

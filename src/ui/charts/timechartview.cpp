#include "timechartview.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QMouseEvent>
#include <QRubberBand>

namespace {
constexpr double WheelZoom = 0.8; // the span shrinks to this per wheel notch
constexpr double KeyPan = 0.1; // of the span per key press
constexpr int SmallestDragPx = 6; // less is a click
} // namespace

TimeChartView::TimeChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent), m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    setFocusPolicy(Qt::StrongFocus); // the keys work once it is tabbed to
    setRubberBand(QChartView::NoRubberBand); // ours re-buckets instead of scaling
}

std::pair<qint64, qint64> TimeChartView::shownWindow() const
{
    const auto axes = chart()->axes(Qt::Horizontal);
    const auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.first());
    if (!axis)
        return {0, 0};
    return {axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch()};
}

qint64 TimeChartView::timeAt(double x) const
{
    const QRectF plot = chart()->plotArea();
    const auto [from, to] = shownWindow();
    const double fraction = plot.width() > 0
            ? (mapToScene(QPoint(int(x), 0)).x() - plot.left()) / plot.width()
            : 0.5;
    return from + qint64(std::clamp(fraction, 0.0, 1.0) * double(to - from));
}

void TimeChartView::mousePressEvent(QMouseEvent *event)
{
    m_pressedAt = event->position().toPoint();
    m_windowAtPress = shownWindow();
    const bool panning = event->button() == Qt::RightButton || event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && event->modifiers() & Qt::ShiftModifier);
    m_drag = panning ? Drag::Pan : event->button() == Qt::LeftButton ? Drag::Select : Drag::None;
    if (m_drag == Drag::Pan)
        setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void TimeChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint at = event->position().toPoint();
    if (m_drag == Drag::Select) {
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(QRect(QPoint(std::min(at.x(), m_pressedAt.x()), int(plot.top())),
                                  QPoint(std::max(at.x(), m_pressedAt.x()), int(plot.bottom())))
                                    .normalized());
        m_band->setVisible(std::abs(at.x() - m_pressedAt.x()) >= SmallestDragPx);
    } else if (m_drag == Drag::Pan) {
        const double width = std::max(1.0, chart()->plotArea().width());
        const auto [from, to] = m_windowAtPress;
        const qint64 shift = qint64(double(m_pressedAt.x() - at.x()) / width * double(to - from));
        if (shift != 0)
            Q_EMIT windowRequested(from + shift, to + shift);
    }
    QChartView::mouseMoveEvent(event); // hover on markers
}

void TimeChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const int x = event->position().toPoint().x();
    if (m_drag == Drag::Select && std::abs(x - m_pressedAt.x()) >= SmallestDragPx) {
        const qint64 a = timeAt(m_pressedAt.x());
        const qint64 b = timeAt(x);
        Q_EMIT spanSelected(std::min(a, b), std::max(a, b));
    }
    m_band->hide();
    m_drag = Drag::None;
    unsetCursor();
    event->accept();
}

void TimeChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    Q_EMIT liveRequested();
    event->accept();
}

void TimeChartView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    Q_EMIT zoomRequested(timeAt(event->position().x()), std::pow(WheelZoom, notches));
    event->accept();
}

void TimeChartView::keyPressEvent(QKeyEvent *event)
{
    const auto [from, to] = shownWindow();
    const qint64 middle = from + (to - from) / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        Q_EMIT zoomRequested(middle, WheelZoom);
        break;
    case Qt::Key_Minus:
        Q_EMIT zoomRequested(middle, 1 / WheelZoom);
        break;
    case Qt::Key_Left:
        Q_EMIT panRequested(-KeyPan);
        break;
    case Qt::Key_Right:
        Q_EMIT panRequested(KeyPan);
        break;
    case Qt::Key_Home:
    case Qt::Key_Escape:
        Q_EMIT liveRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

#pragma once

#include <QChartView>

class QRubberBand;

// A chart view over a time axis that turns the mouse and keys into requests for another window
// of time; the owner decides what to draw and where the limits are (it re-buckets, so zooming in
// shows more detail, not bigger dots). Drag: zoom to the dragged span. Wheel: zoom around the
// pointer. Right or middle drag (or Shift+drag): pan. Double-click: back to live. Keys: + and -
// zoom, Left and Right pan, Home or Escape go live.
class TimeChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TimeChartView(QChart *chart, QWidget *parent = nullptr);

    // The window shown now, from the horizontal axis (ms since the epoch).
    std::pair<qint64, qint64> shownWindow() const;

Q_SIGNALS:
    void windowRequested(qint64 fromMs, qint64 toMs); // dragged along
    void spanSelected(qint64 fromMs, qint64 toMs);
    void zoomRequested(qint64 centreMs, double factor); // of the span
    void panRequested(double fraction); // of the span; positive goes later
    void liveRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Drag { None, Select, Pan };
    qint64 timeAt(double x) const;

    Drag m_drag = Drag::None;
    QPoint m_pressedAt;
    std::pair<qint64, qint64> m_windowAtPress;
    QRubberBand *m_band;
};

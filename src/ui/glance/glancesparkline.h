#pragma once

#include <QList>
#include <QWidget>

#include <optional>

// A small line of a figure's recent values, newest at the right edge, one slot per sample; gaps
// where a sample has no value. Painted with QPainter (no Qt Charts: dozens of these must stay
// cheap). The vertical scale runs from 0 to the ceiling, or to the largest value when that is
// higher.
class GlanceSparkline : public QWidget
{
    Q_OBJECT
public:
    explicit GlanceSparkline(QWidget *parent = nullptr);

    void setValues(const QList<std::optional<double>> &values, int slotCount, double ceiling);
    const QList<std::optional<double>> &values() const { return m_values; }
    void setLineColor(const QColor &color);

    QSize sizeHint() const override { return {120, 30}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<std::optional<double>> m_values;
    int m_slots = 1;
    double m_ceiling = 1;
    QColor m_lineColor;
};

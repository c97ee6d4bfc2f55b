#pragma once

#include "glancefilter.h"

#include <QAbstractButton>

class GlanceSparkline;
class QLabel;

enum class GlanceVerdict { NoData, Good, Warning, Bad };

// What one figure says now: its value in words ("99.5 %", "3"), whether that is good, and the
// texts for the tooltip and for screen readers.
struct GlanceReading
{
    QString value;
    GlanceVerdict verdict = GlanceVerdict::NoData;
    QString verdictWord; // "good", "bad"...: the colour in a word
    QString toolTip;
    QString description; // for screen readers: the value, the verdict, what a press does
};

// One figure of the glance strip: a caption, a large value readable from across the room with
// its verdict in colour and in a word, and a sparkline of the last hour. It is a checkable
// button: a click, Space or Enter shows only the targets it counts (pressed look while so).
class GlanceFigure : public QAbstractButton
{
    Q_OBJECT
public:
    GlanceFigure(GlanceFilter filter, const QString &caption, QWidget *parent = nullptr);

    GlanceFilter filter() const { return m_filter; }
    void setReading(const GlanceReading &reading);
    QString valueText() const;
    GlanceVerdict verdict() const { return m_verdict; }
    GlanceSparkline *sparkline() const { return m_sparkline; }

    // The colour that says verdict, readable on palette's window colour (light or dark).
    static QColor verdictColor(GlanceVerdict verdict, const QPalette &palette);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyVerdictColor();

    GlanceFilter m_filter;
    GlanceVerdict m_verdict = GlanceVerdict::NoData;
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_verdictWord;
    GlanceSparkline *m_sparkline;
};

#pragma once

#include "walltilecontent.h"

#include <QFont>
#include <QPixmap>
#include <QWidget>

// One tile of the wall display: coloured by its look (StatePalette of its palette), the look's
// glyph and word, a title and smaller lines, as large as the tile allows and never below
// MinimumPixelSize. A line too long for the tile is elided; the tooltip and the accessible name
// say everything. It repaints only when its content or size changes.
class QPainter;

class WallTile : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MinimumPixelSize = 14;
    static constexpr int MaximumPixelSize = 40;

    explicit WallTile(QWidget *parent = nullptr);

    // Shows content; a repaint only when it differs from what is shown. True when it did.
    bool setContent(const WallTileContent &content);
    const WallTileContent &content() const { return m_content; }
    QColor backgroundColor() const;
    QColor textColor() const;

    // One line as laid out for the tile's size: its full text, what is shown (elided when
    // needed), its font and where it goes (the state's line leaves room for the glyph).
    struct Line
    {
        QString text;
        QString shown;
        QFont font;
        QRect rect;
    };
    const QList<Line> &lines() const; // the state's word, the title, the details
    QRect glyphRect() const;

Q_SIGNALS:
    void painted(); // after each paint (tests and the benchmark wait on it)

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void layOut() const;
    void renderContent(QPainter &painter, const StateColors &colors) const;
    int padding() const;

    WallTileContent m_content;
    mutable QList<Line> m_lines;
    mutable QRect m_glyph;
    mutable bool m_laidOut = false;
    QPixmap m_rendered; // what it shows, without the focus frame
};

#pragma once

#include <QRect>

// Where count tiles go in area: the columns and rows that give the largest tiles of about
// PreferredAspect (wide: a tile's lines are longer than they are many), row by row, all of one
// size.
class WallGrid
{
public:
    static constexpr double PreferredAspect = 2.0;

    WallGrid() = default;
    WallGrid(int count, const QRect &area, int spacing);

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    QSize cellSize() const;
    QRect cell(int index) const; // the index-th tile's place, row by row

private:
    QRect m_area;
    int m_spacing = 0;
    int m_columns = 1;
    int m_rows = 1;
};

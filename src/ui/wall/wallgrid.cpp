#include "wallgrid.h"

#include <algorithm>

WallGrid::WallGrid(int count, const QRect &area, int spacing) : m_area(area), m_spacing(spacing)
{
    double best = -1;
    for (int columns = 1; columns <= std::max(1, count); ++columns) {
        const int rows = (std::max(1, count) + columns - 1) / columns;
        const double width = double(area.width() - (columns - 1) * spacing) / columns;
        const double height = double(area.height() - (rows - 1) * spacing) / rows;
        const double score = std::min(width / PreferredAspect, height);
        if (score > best) {
            best = score;
            m_columns = columns;
            m_rows = rows;
        }
    }
}

QSize WallGrid::cellSize() const
{
    return {(m_area.width() - (m_columns - 1) * m_spacing) / m_columns,
            (m_area.height() - (m_rows - 1) * m_spacing) / m_rows};
}

QRect WallGrid::cell(int index) const
{
    // Every cell the same size, so a tile that moves to another cell keeps its size and is
    // copied rather than laid out and drawn again; the few pixels left over are shared out
    // around the grid (it stays centred).
    const QSize size = cellSize();
    const int usedWidth = m_columns * size.width() + (m_columns - 1) * m_spacing;
    const int usedHeight = m_rows * size.height() + (m_rows - 1) * m_spacing;
    const QPoint origin(m_area.left() + (m_area.width() - usedWidth) / 2,
                        m_area.top() + (m_area.height() - usedHeight) / 2);
    const int column = index % m_columns;
    const int row = index / m_columns;
    return {origin + QPoint(column * (size.width() + m_spacing), row * (size.height() + m_spacing)),
            size};
}

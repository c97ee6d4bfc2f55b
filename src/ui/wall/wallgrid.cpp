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

QRect WallGrid::cell(int index) const
{
    const int column = index % m_columns;
    const int row = index / m_columns;
    // Edges from the exact fractions, so the tiles fill the area without a gap at the end.
    const auto edge = [this](int extent, int parts, int at) {
        return at * (extent - (parts - 1) * m_spacing) / parts + at * m_spacing;
    };
    const int left = m_area.left() + edge(m_area.width(), m_columns, column);
    const int right = m_area.left() + edge(m_area.width(), m_columns, column + 1) - m_spacing;
    const int top = m_area.top() + edge(m_area.height(), m_rows, row);
    const int bottom = m_area.top() + edge(m_area.height(), m_rows, row + 1) - m_spacing;
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

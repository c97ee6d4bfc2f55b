#pragma once

#include "probe/recentprobes.h"

#include <QStyledItemDelegate>

// The targets table's heartbeat strip: a target's last probes as small cells, oldest left,
// coloured by where the addresses came from (fresh or cached, stale, pinned, env) or red when
// none came; a failed service check darkens the cell's lower part. Hovering a cell says that
// probe. The marks come from the model's TargetTableModel::RecentProbesRole.
class HeartbeatDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int CellWidth = 4;
    static constexpr int Gap = 1;
    static constexpr int Padding = 4;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    static QColor colorOf(const ProbeMark &mark);
    static QString describe(const ProbeMark &mark); // "14:03:21: stale answer; service answered"
    // The mark drawn at x in a cell of rect; none between or beside the cells.
    static std::optional<int> markAt(const QRect &rect, int marks, int x);
};

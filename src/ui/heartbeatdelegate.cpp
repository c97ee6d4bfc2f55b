#include "heartbeatdelegate.h"

#include "targettablemodel.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace {
QList<ProbeMark> marksOf(const QModelIndex &index)
{
    return index.data(TargetTableModel::RecentProbesRole).value<QList<ProbeMark>>();
}

// The first cell's left edge: the newest mark sits at the right end of the strip.
int firstCellX(const QRect &rect, int marks)
{
    const int width = marks * (HeartbeatDelegate::CellWidth + HeartbeatDelegate::Gap);
    return rect.right() - HeartbeatDelegate::Padding - width + 1;
}
} // namespace

QColor HeartbeatDelegate::colorOf(const ProbeMark &mark)
{
    if (!mark.hasAddresses)
        return {0xc0, 0x1c, 0x28}; // red: no address at all
    if (mark.unvalidated)
        return {0xe0, 0x9b, 0x1a}; // amber, as a stale answer: used, but not as required
    switch (mark.source) {
    case ResolutionSource::Fresh:
    case ResolutionSource::Cache:
        return {0x2e, 0x9e, 0x4f}; // green: DNS answered
    case ResolutionSource::Stale:
        return {0xe0, 0x9b, 0x1a}; // amber
    case ResolutionSource::Pinned:
        return {0x6a, 0x3d, 0x9a}; // purple, as the charts' pinned markers
    case ResolutionSource::Env:
        return {0x1c, 0x71, 0xd8}; // blue
    case ResolutionSource::None:
        break;
    }
    return {0xc0, 0x1c, 0x28};
}

QString HeartbeatDelegate::describe(const ProbeMark &mark)
{
    QString source;
    if (!mark.hasAddresses) {
        source = tr("no address");
    } else if (mark.unvalidated) {
        source = tr("answer not DNSSEC-validated as required");
    } else {
        switch (mark.source) {
        case ResolutionSource::Fresh:
            source = tr("DNS answered");
            break;
        case ResolutionSource::Cache:
            source = tr("answered from the cache");
            break;
        case ResolutionSource::Stale:
            source = tr("stale answer served");
            break;
        case ResolutionSource::Pinned:
            source = tr("pinned addresses served");
            break;
        case ResolutionSource::Env:
            source = tr("environment fallback served");
            break;
        case ResolutionSource::None:
            source = tr("no address");
            break;
        }
    }
    QString check;
    switch (mark.check) {
    case ProbeMark::Check::Ok:
        check = tr("service answered");
        break;
    case ProbeMark::Check::Failed:
        check = tr("service did not answer");
        break;
    case ProbeMark::Check::NotRun:
        check = tr("no service check");
        break;
    }
    const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(mark.timeMs).time(),
                                            QLocale::LongFormat);
    return tr("%1: %2; %3").arg(time, source, check);
}

std::optional<int> HeartbeatDelegate::markAt(const QRect &rect, int marks, int x)
{
    const int offset = x - firstCellX(rect, marks);
    if (offset < 0)
        return std::nullopt;
    const int mark = offset / (CellWidth + Gap);
    if (mark >= marks || offset % (CellWidth + Gap) >= CellWidth)
        return std::nullopt;
    return mark;
}

void HeartbeatDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index); // background and selection; no text
    const QList<ProbeMark> marks = marksOf(index);
    const bool greyed = index.data(TargetTableModel::UnseenRole).toBool();
    const QRect cell = option.rect.adjusted(0, Padding, 0, -Padding);
    int x = firstCellX(option.rect, int(marks.size()));
    painter->save();
    painter->setClipRect(option.rect); // a narrowed column shows the newest, not its neighbour
    painter->setPen(Qt::NoPen);
    for (const ProbeMark &mark : marks) {
        QColor color = colorOf(mark);
        if (greyed) // its place does not answer: the last known probes, faded
            color.setAlphaF(0.35);
        const QRect box(x, cell.top(), CellWidth, cell.height());
        painter->fillRect(box, color);
        if (mark.check == ProbeMark::Check::Failed) // the service did not answer
            painter->fillRect(box.adjusted(0, box.height() * 3 / 5, 0, 0),
                              greyed ? QColor(0x40, 0x40, 0x40, 90) : QColor(0x40, 0x00, 0x00));
        x += CellWidth + Gap;
    }
    painter->restore();
}

QSize HeartbeatDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    return {RecentProbes::Kept * (CellWidth + Gap) + 2 * Padding, text.height()};
}

bool HeartbeatDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QList<ProbeMark> marks = marksOf(index);
    const std::optional<int> mark = markAt(option.rect, int(marks.size()), event->pos().x());
    if (!mark) { // beside the cells: what the strip is
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    QToolTip::showText(event->globalPos(), describe(marks[*mark]), view);
    return true;
}

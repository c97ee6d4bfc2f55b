#include "targetfiltermodel.h"

#include "targettablemodel.h"

TargetFilterModel::TargetFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void TargetFilterModel::setPlace(const QString &place)
{
    if (m_place == place)
        return;
    m_place = place;
    invalidateFilter();
    Q_EMIT placeChanged(place);
}

void TargetFilterModel::setGlanceFilter(GlanceFilter filter)
{
    m_glance = filter;
    invalidateFilter();
}

bool TargetFilterModel::countedByGlance(int sourceRow) const
{
    if (m_glance == GlanceFilter::None)
        return true;
    // What the row shows, as the figures counted it (and no search through the place).
    const auto *targets = qobject_cast<const TargetTableModel *>(sourceModel());
    return targets && sourceRow < targets->rowCount()
            && glanceCounts(m_glance, targets->snapshotAt(sourceRow));
}

bool TargetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_place.isEmpty()
        && sourceModel()->index(sourceRow, 0, sourceParent)
                        .data(TargetTableModel::PlaceNameRole)
                        .toString()
                != m_place)
        return false;
    if (!countedByGlance(sourceRow))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

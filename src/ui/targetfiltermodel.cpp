#include "targetfiltermodel.h"

#include "targettablemodel.h"

TargetFilterModel::TargetFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void TargetFilterModel::setPlace(const QString &place)
{
    m_place = place;
    invalidateFilter();
}

bool TargetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_place.isEmpty()
        && sourceModel()->index(sourceRow, 0, sourceParent)
                        .data(TargetTableModel::PlaceNameRole)
                        .toString()
                != m_place)
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

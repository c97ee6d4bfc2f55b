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
    const auto *targets = qobject_cast<const TargetTableModel *>(sourceModel());
    const TargetPlace *place = targets ? targets->placeAt(sourceRow) : nullptr;
    if (!place)
        return false;
    const std::optional<TargetSnapshot> target = place->target(targets->targetAt(sourceRow));
    return target && glanceCounts(m_glance, *target);
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

#include "eventfiltermodel.h"

#include "eventlogmodel.h"

EventFilterModel::EventFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1); // the search text may be in any column
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void EventFilterModel::setKind(const QString &kind)
{
    m_kind = kind;
    invalidateFilter();
}

void EventFilterModel::setTarget(const QString &target, const QString &host)
{
    m_target = target;
    m_host = host;
    invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(EventLogModel::KindRole).toString() != m_kind)
        return false;
    if (!m_target.isEmpty()) {
        const QString subject = index.data(EventLogModel::SubjectRole).toString();
        if (subject != m_target && subject != m_host)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

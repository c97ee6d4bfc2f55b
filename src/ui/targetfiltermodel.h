#pragma once

#include "glance/glancefilter.h"

#include <QSortFilterProxyModel>

// The targets table as the targets pane shows it: only the targets of one place (this machine or
// an agent) when asked, only those a figure of the glance strip counts when one is pressed, and
// only rows where some column holds the search text.
class TargetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TargetFilterModel(QObject *parent = nullptr);

    void setPlace(const QString &place); // a place's name; empty: every place
    QString place() const { return m_place; }
    void setGlanceFilter(GlanceFilter filter); // GlanceFilter::None: every target
    GlanceFilter glanceFilter() const { return m_glance; }

Q_SIGNALS:
    void placeChanged(const QString &place);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool countedByGlance(int sourceRow) const;

    QString m_place;
    GlanceFilter m_glance = GlanceFilter::None;
};

#pragma once

#include <QSortFilterProxyModel>

// The targets table as the targets pane shows it: only the targets of one place (this machine or
// an agent) when asked, and only rows where some column holds the search text.
class TargetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TargetFilterModel(QObject *parent = nullptr);

    void setPlace(const QString &place); // a place's name; empty: every place
    QString place() const { return m_place; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_place;
};

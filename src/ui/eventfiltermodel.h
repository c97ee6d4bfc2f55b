#pragma once

#include <QSortFilterProxyModel>

// The event log as the events view shows it: only one kind of event when asked, only the events
// of one target (its state changes, and its host's resolver events), and only rows where some
// column holds the search text.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterModel(QObject *parent = nullptr);

    void setKind(const QString &kind); // "fallback_entered", ...; empty: every kind
    // A target and its host; an empty target: every target.
    void setTarget(const QString &target, const QString &host);
    QString kind() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_kind;
    QString m_target;
    QString m_host;
};

#pragma once

#include "resolver/resolver.h"

#include "flattablemodel.h"
#include <QTimer>

// The cache inspector's model: every entry of a Resolver (and every pin), refreshed each
// second; entries that come and go are inserted and removed as rows (never a reset), so a view
// keeps its selection.
class CacheTableModel : public FlatTableModel
{
    Q_OBJECT
public:
    enum Column {
        ResolverName,
        Host,
        Record,
        State,
        Addresses,
        TtlLeft,
        StaleSince,
        StaleDeadline,
        NextRetry,
        Hits,
        LastFailure,
        ColumnCount
    };
    enum Role { HostRole = Qt::UserRole + 1 };

    explicit CacheTableModel(Resolver *resolver, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void refresh(); // the resolver's entries now (while following it)
    // Entries from elsewhere (an agent's), shown until followResolver(); refresh() then does not
    // take the resolver's.
    void showEntries(QList<CacheEntrySnapshot> entries);
    void followResolver();
    bool isFollowingResolver() const { return m_followResolver; }

private:
    int rows() const override;
    static QString keyOf(const CacheEntrySnapshot &entry);
    void apply(QList<CacheEntrySnapshot> next); // rows in and out, never a reset

    Resolver *m_resolver;
    QList<CacheEntrySnapshot> m_entries;
    QTimer m_tick;
    bool m_followResolver = true;
};

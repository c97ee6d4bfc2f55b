#pragma once

#include "probe/monitor.h"

#include "flattablemodel.h"
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QTimer>

class QStyle;

// The targets of a Monitor as a table: one row per target, updated in place as results arrive
// (coalesced, at most four times a second) and every second for the TTL countdown and the
// windows. The Monitor stays the source of truth; a row keeps only its latest snapshot.
class TargetTableModel : public FlatTableModel
{
    Q_OBJECT
public:
    enum Column {
        Status,
        Name,
        Host,
        Resolver,
        Source,
        Addresses,
        TtlLeft,
        SuccessFiveMinutes,
        LatencyP95,
        TimeInFallback,
        LastError, // last: the one with room to stretch
        ColumnCount
    };
    enum Role {
        TargetNameRole = Qt::UserRole + 1, // the target's name, whatever the column
        StateRole, // TargetState as int
        SortRole, // a value that sorts as people expect (numbers as numbers)
    };

    explicit TargetTableModel(Monitor *monitor, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString targetAt(int row) const;
    int rowOf(const QString &target) const;
    void reloadTargets(); // after a config change: rows added, removed, kept
    // Results that arrived and are not shown yet (they are shown in bursts, every 250 ms).
    bool hasPendingUpdates() const { return m_coalesce.isActive(); }

Q_SIGNALS:
    void ticked(); // after each per-second refresh (tests wait on it rather than sleep)

private:
    int rows() const override;
    struct Row
    {
        TargetConfig target;
        TargetHealth health;
        CacheEntrySnapshot cache;
        bool paused = false;
    };
    void refresh(Row &row) const;
    void flushDirty();
    void tick();
    QVariant display(const Row &row, int column) const;
    static QVariant shown(const QVariant &value); // text escaped by printable()
    QVariant sortValue(const Row &row, int column) const;
    QIcon iconFor(TargetState state) const;

    Monitor *m_monitor;
    QList<Row> m_rows;
    QSet<QString> m_dirty;
    QTimer m_coalesce; // results arriving in a burst become one update
    QTimer m_tick; // TTL countdown, windows moving on
    mutable QHash<int, QIcon> m_stateIcons; // by TargetState, made once for m_iconStyle
    mutable const QStyle *m_iconStyle = nullptr;
};

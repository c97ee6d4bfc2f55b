#pragma once

#include "targetplace.h"

#include "flattablemodel.h"
#include <QElapsedTimer>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QTimer>

class QStyle;

// The targets of every place (this machine, each agent) as one table: one row per target, a
// place's rows together in the order the places were added. Rows are updated in place as results
// arrive (coalesced, at most four times a second) and every second for the TTL countdown and the
// windows. The places stay the source of truth; a row keeps only its latest snapshot. The rows
// of a place that does not answer are greyed with their last known state.
class TargetTableModel : public FlatTableModel
{
    Q_OBJECT
public:
    enum Column {
        Status,
        Place,
        Name,
        Host,
        Resolver,
        Source,
        Addresses,
        TtlLeft,
        DnsSuccess, // 5 minutes
        ServiceSuccess, // 5 minutes
        Recent, // the heartbeat strip: the last probes (HeartbeatDelegate paints it)
        LatencyP95,
        TimeInFallback,
        LastError, // last: the one with room to stretch
        ColumnCount
    };
    enum Role {
        TargetNameRole = Qt::UserRole + 1, // the target's name, whatever the column
        StateRole, // TargetState as int
        SortRole, // a value that sorts as people expect (numbers as numbers)
        PlaceNameRole, // the name of the place the target is probed at
        UnseenRole, // true while its place does not answer
        RecentProbesRole, // QList<ProbeMark>, oldest first
    };

    explicit TargetTableModel(QObject *parent = nullptr);

    void addPlace(TargetPlace *place);
    void removePlace(TargetPlace *place);
    const QList<TargetPlace *> &places() const { return m_places; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString targetAt(int row) const;
    TargetPlace *placeAt(int row) const;
    // What the row shows: the place's snapshot at the last refresh (each second, and as results
    // arrive).
    const TargetSnapshot &snapshotAt(int row) const { return m_rows.at(row).target; }
    // The row of a target at place; with no place, the first target of that name anywhere.
    int rowOf(const QString &target, const TargetPlace *place = nullptr) const;
    void reloadTargets(); // after a config change: every place's rows again
    // Results that arrived and are not shown yet (they are shown in bursts, every 250 ms).
    bool hasPendingUpdates() const { return m_coalesce.isActive(); }

Q_SIGNALS:
    void ticked(); // after each per-second refresh (tests wait on it rather than sleep)
    void placesChanged(); // a place added or removed (one with no targets changes no rows)

private:
    struct Row
    {
        TargetPlace *place = nullptr;
        TargetSnapshot target;
        qint64 takenMs = 0; // m_age when the snapshot was taken: a remote TTL counts down
        bool unseen = false; // its place did not answer when the row was last said
    };
    int rows() const override;
    void markDirty(TargetPlace *place, const QString &target);
    void flushDirty();
    void tick();
    // Takes the place's snapshots again: rows said changed where they did; the place's block
    // replaced when its targets are not the same ones.
    void refreshPlace(TargetPlace *place);
    static bool onlyTheTtlMoved(const TargetSnapshot &before, const TargetSnapshot &after);
    // Says the cells that moved; true when only its TTL counts down (said by the caller).
    bool refreshRow(int index, const TargetSnapshot &snapshot);
    void replaceBlock(TargetPlace *place, const QList<TargetSnapshot> &targets);
    std::pair<int, int> blockOf(const TargetPlace *place) const; // first row, row count
    std::optional<qint64> ttlLeftSeconds(const Row &row) const;
    bool unseen(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;
    static QVariant shown(const QVariant &value); // text escaped by printable()
    QVariant sortValue(const Row &row, int column) const;
    QIcon iconFor(TargetState state) const;

    QList<TargetPlace *> m_places;
    QList<Row> m_rows;
    QSet<QPair<TargetPlace *, QString>> m_dirtyTargets;
    QSet<TargetPlace *> m_dirtyPlaces;
    QTimer m_coalesce; // results arriving in a burst become one update
    QTimer m_tick; // TTL countdown, windows moving on
    QElapsedTimer m_age;
    mutable QHash<int, QIcon> m_stateIcons; // by TargetState, made once for m_iconStyle
    mutable const QStyle *m_iconStyle = nullptr;
};

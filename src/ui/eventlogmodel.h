#pragma once

#include "store/storedevent.h"

#include "flattablemodel.h"

// The user-facing event log: resolver transitions and targets' state changes, newest first,
// bounded (the oldest go when it is full; the history keeps them all).
class EventLogModel : public FlatTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Kind, Subject, Detail, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, SubjectRole };
    static constexpr int DefaultLimit = 5000;

    explicit EventLogModel(int limit = DefaultLimit, QObject *parent = nullptr);

    void add(const StoredEvent &event);
    const StoredEvent &eventAt(int row) const { return m_events[row]; }
    // One line per event, for the clipboard.
    static QString asText(const StoredEvent &event);
    static QString detailText(const StoredEvent &event); // "healthy -> degraded: why"
    static QString subjectText(const StoredEvent &event); // "api", or "north: api" at an agent

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int rows() const override;
    int m_limit;
    QList<StoredEvent> m_events; // newest first
};

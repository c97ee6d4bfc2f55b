#pragma once

#include "store/storedevent.h"

#include <QAbstractTableModel>

// The user-facing event log: resolver transitions and targets' state changes, newest first,
// bounded (the oldest go when it is full; the history keeps them all).
class EventLogModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_limit;
    QList<StoredEvent> m_events; // newest first
};

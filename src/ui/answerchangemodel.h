#pragma once

#include "store/storedevent.h"

#include "flattablemodel.h"

// The change history of the targets' answers: every change of a host's answer set through a
// resolver (the resolver's "addresses changed" events, at this machine and at each agent),
// newest first, bounded. One row says when, through which resolver, from what to what and the
// new answer's TTL.
class AnswerChangeModel : public FlatTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Resolver, Before, After, Ttl, ColumnCount };
    // Whose change a row is: answerKey() of its place, host and resolver.
    enum Role { AnswerKeyRole = Qt::UserRole + 1 };
    static constexpr int DefaultLimit = 2000;

    explicit AnswerChangeModel(int limit = DefaultLimit, QObject *parent = nullptr);

    // Takes answer changes; any other event is left out.
    void add(const StoredEvent &event);
    // The answer changes among events read from the history (oldest first), those before `before`
    // (when this run began: later ones came through add()), after the ones held, as far as the
    // limit allows. The rows then reach back into the history.
    void addEarlier(const QList<StoredEvent> &events, const QDateTime &before);
    bool reachesIntoHistory() const { return m_reachesIntoHistory; }
    const StoredEvent &eventAt(int row) const { return m_events[row]; }
    // "place|host|resolver", hosts without case: what a target's rows are filtered by.
    static QString answerKey(const QString &place, const QString &host, const QString &resolver);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void reachedIntoHistory();

private:
    int rows() const override;
    int m_limit;
    QList<StoredEvent> m_events; // newest first
    bool m_reachesIntoHistory = false;
};

#pragma once

#include "config/appconfig.h"
#include "probe/cachecensus.h"
#include "probe/proberesult.h"
#include "resolver/knowngoodanswer.h"
#include "resolver/pinnedfallback.h"
#include "store/storedevent.h"

#include <QHash>

#include <optional>

class HistoryConnection;

// Writes that go to the disk together, in one transaction.
struct HistoryWriteBatch
{
    QList<ProbeResult> results;
    QList<StoredEvent> events;
    // When set, the whole last-known-good table is replaced by this first (after a cache clear).
    std::optional<QList<KnownGoodAnswer>> knownGoodReplacement;
    QList<KnownGoodAnswer> knownGood; // then these are inserted or updated
    QHash<QString, std::optional<PinnedFallback>> pins; // by host; none = unpinned
    QList<CacheCensus> census; // one per minute (a later one replaces it)
    std::optional<qint64> eventFeedLastId; // the agent's newest event ID (kept if higher)

    bool isEmpty() const
    {
        return results.isEmpty() && events.isEmpty() && !knownGoodReplacement && knownGood.isEmpty()
                && pins.isEmpty() && census.isEmpty() && !eventFeedLastId;
    }
};

// Counts of rows removed by one pruning pass.
struct PruneReport
{
    qint64 results = 0;
    qint64 aggregates = 0;
    qint64 events = 0;
    qint64 knownGood = 0;
    qint64 census = 0;
};
Q_DECLARE_METATYPE(PruneReport)

// Everything that changes the history file: a batch in one transaction (the raw results and
// their minute and hour sums, events, pins, last-known-good answers, the cache census), and
// pruning by age. A failure is kept in the connection's lastError().
class HistoryWriter
{
public:
    explicit HistoryWriter(HistoryConnection &connection) : m_connection(connection) { }

    bool write(const HistoryWriteBatch &batch);
    // The meta row that holds HistoryWriteBatch::eventFeedLastId.
    static QString eventFeedLastIdKey() { return QStringLiteral("event_feed_last_id"); }
    // Raw results older than the raw retention, aggregates and events older than theirs, and
    // last-known-good answers no longer servable (past expiry + maxStaleS).
    std::optional<PruneReport> prune(const QDateTime &now, const HistoryPolicy &policy,
                                     int maxStaleS);

private:
    bool writeResults(const QList<ProbeResult> &results);
    bool writeAggregates(const QList<ProbeResult> &results);
    bool writeEvents(const QList<StoredEvent> &events);
    bool writeKnownGood(const HistoryWriteBatch &batch);
    bool writeCensus(const QList<CacheCensus> &census);
    bool writePins(const QHash<QString, std::optional<PinnedFallback>> &pins);
    bool writeEventFeedLastId(const std::optional<qint64> &id);

    HistoryConnection &m_connection;
};

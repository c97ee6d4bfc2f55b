#pragma once

#include "agentconnection.h"
#include "remotecache.h"
#include "remotehistory.h"
#include "targetplace.h"

// An agent as a place: its targets from its status, its events from the long poll, and the
// operator's actions sent to its API with the token. While it does not answer its targets keep
// their last known state, and it neither counts as ready nor as not ready: it is not seen.
class AgentPlace : public TargetPlace
{
    Q_OBJECT
public:
    // Takes connection (made for this place); starts it.
    explicit AgentPlace(AgentConnection *connection, QObject *parent = nullptr);

    AgentConnection *connection() const { return m_connection; }

    QString name() const override { return m_connection->endpoint().name; }
    bool isLocal() const override { return false; }
    QList<TargetSnapshot> targets() const override;
    std::optional<TargetSnapshot> target(const QString &name) const override;
    bool mayBePinned(const QString &target) const override;
    PlaceReadiness readiness() const override;
    QDateTime unreachableSince() const override { return m_connection->unreachableSince(); }
    QString problem() const override;
    bool isConnecting() const override
    {
        return m_connection->reach() == AgentConnection::Reach::Connecting;
    }
    QString actionRefusal() const override;
    // Its "dnssec_zones" as its status last gave them (none before the first status).
    QList<RemoteZone> zones() const;
    void act(const PlaceAction &action, QObject *context, OutcomeCallback callback) override;

    using HistoryCallback =
            std::function<void(const std::optional<RemoteHistory> &, const QString &problem)>;
    // The target's buckets of stepS seconds in [from, to) from the agent's history; callback runs
    // once, unless context is gone first.
    void readHistory(const QString &target, const QDateTime &from, const QDateTime &to, int stepS,
                     QObject *context, HistoryCallback callback);

    // The agent's health report of [from, to) in format ("html", "pdf", "csv", "json"), built
    // from its history (the agent needs --db); callback gets the file's bytes or why not.
    using ReportCallback = std::function<void(const QByteArray &report, const QString &problem)>;
    void readReport(const QDateTime &from, const QDateTime &to, const QString &format,
                    QObject *context, ReportCallback callback);

    // The agent's cache entries for every host of its targets (GET /api/v1/resolve each);
    // problem names the hosts it could not read.
    using CacheCallback =
            std::function<void(const QList<CacheEntrySnapshot> &entries, const QString &problem)>;
    void readCache(QObject *context, CacheCallback callback);
    // POST /api/v1/cache/clear: one host's entries (host given), every stale one (staleOnly),
    // or all (neither).
    void clearCache(const QString &host, bool staleOnly, QObject *context, OutcomeCallback callback);

private:
    static constexpr int ReportTimeoutMs = 300'000; // a week as CSV takes the agent a while
    void onEvents(const RemoteEventPage &page);

    AgentConnection *m_connection;
};

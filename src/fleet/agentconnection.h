#pragma once

#include "agentanswer.h"
#include "agentendpoint.h"
#include "agentevents.h"
#include "agentstatus.h"
#include "config/appconfig.h"
#include "reconnectbackoff.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>

class Clock;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// The dashboard's line to one agent. It keeps the agent's status fresh (a refresh every
// statusIntervalMs) and follows its events with the long poll, resuming after the last event it
// saw (the page says when events were lost in between). When the agent stops answering, it is
// marked unreachable since that moment, with the reason (refused, timed out, certificate not
// trusted, token refused), its last status is kept, and it is tried again with backoff. Certificate
// errors are never ignored. The operator's requests go through send(), with the token.
class AgentConnection : public QObject
{
    Q_OBJECT
public:
    enum class Reach { Connecting, Online, Unreachable };
    enum class Verb { Get, Post, Put, Delete };
    struct Options
    {
        int statusIntervalMs = 5000;
        int pollWaitSeconds = 25; // the long poll's wait (the agent holds at most 30)
        int requestTimeoutMs = 10000; // for an answer to start, beyond the poll's own wait
        int backoffFirstMs = 1000;
        int backoffMaxMs = 60000;

        static Options from(const AgentWatchPolicy &policy); // the config's "agent_watch"
    };
    using AnswerCallback = std::function<void(const AgentAnswer &)>;

    AgentConnection(const AgentEndpoint &endpoint, const Options &options, Clock *clock,
                    QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AgentConnection() override;

    void start();
    void stop(); // in-flight requests are abandoned

    const AgentEndpoint &endpoint() const { return m_endpoint; }
    Reach reach() const { return m_reach; }
    QDateTime unreachableSince() const { return m_unreachableSince; } // UTC; invalid when not
    QString problem() const { return m_problem; }
    // The last status the agent gave (kept while it is unreachable); none before the first.
    const std::optional<AgentStatus> &status() const { return m_status; }
    qint64 lastEventId() const { return m_lastEventId; }
    Clock *clock() const { return m_clock; }
    // Where a request for pathAndQuery (percent-encoded, "/api/v1/targets/a%20b/probe") goes.
    QUrl urlOf(const QString &pathAndQuery) const;
    // Asks for the status soon (an action was taken, events came), not at the next interval.
    void refreshSoon();

    // One request for the operator: path and query under the agent's URL ("/api/v1/pins/x"),
    // body JSON for Post and Put. callback runs once, unless context is destroyed first. The
    // answer must start within timeoutMs (0: the options' requestTimeoutMs).
    void send(Verb verb, const QString &pathAndQuery, const QByteArray &body, QObject *context,
              AnswerCallback callback, int timeoutMs = 0);

Q_SIGNALS:
    void statusChanged(); // a new status arrived
    void reachChanged(); // Connecting, Online, Unreachable, or a new problem while unreachable
    void eventsArrived(const RemoteEventPage &page); // events and the gap flag, in order

private:
    static constexpr qint64 RefreshSoonMs = 200;

    QNetworkRequest request(const QString &pathAndQuery, int timeoutMs) const;
    QNetworkReply *issue(Verb verb, const QString &pathAndQuery, const QByteArray &body,
                         int timeoutMs);
    AgentAnswer answerOf(QNetworkReply *reply) const;
    // What reading a status gave: the status, or the problem with it.
    struct StatusReading
    {
        std::optional<AgentStatus> status;
        QString problem;
    };

    void fetchStatus();
    void onStatus(const AgentAnswer &answer);
    void onStatusRead(StatusReading reading);
    void poll();
    void onPoll(const AgentAnswer &answer, const QByteArray &retryAfter);
    void markOnline();
    void markUnreachable(const QString &problem);
    void scheduleStatus(qint64 delayMs);
    // The status and poll requests in flight, if any, and the reading of a status that came.
    void abandonReplies();

    AgentEndpoint m_endpoint;
    Options m_options;
    Clock *m_clock;
    QNetworkAccessManager *m_network;
    QSslConfiguration m_tls;
    QString m_tlsProblem; // the CA file could not be read
    ReconnectBackoff m_backoff;
    bool m_running = false;
    Reach m_reach = Reach::Connecting;
    QDateTime m_unreachableSince;
    QString m_problem;
    std::optional<AgentStatus> m_status;
    qint64 m_lastEventId = 0;
    bool m_followedEvents = false; // the first page came: later ones may wait
    quint64 m_statusCall = 0; // the pending status refresh on the clock
    bool m_statusSoon = false; // it is a refreshSoon(): a later one does not put it off
    bool m_statusAgain = false; // news came while a status was on its way: ask again soon
    QPointer<QNetworkReply> m_statusReply;
    // A status being read on the thread pool (a thousand targets take tens of milliseconds,
    // too long for the GUI thread); deleted, its result is dropped.
    QPointer<QFutureWatcher<StatusReading>> m_statusReading;
    QPointer<QNetworkReply> m_pollReply;
};

#pragma once

#include "closereason.h"
#include "config/appconfig.h"
#include "requestheadscanner.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>
#include <optional>
#include <vector>

class Clock;
class ClockInterval;
class QSslSocket;
class QTcpSocket;

// The listener under the agent's HTTP server, with the limits Qt HttpServer 6.4 lacks, so that a
// few misbehaving clients cannot take /healthz, /readyz and /metrics away from Prometheus. The
// HTTP server it is bound to (its parent) reads and answers the sockets; this watches them:
// - a request's head (line and headers) must arrive within headerTimeoutMs of the connection
//   opening or of its first byte; its answer must be taken within requestTimeoutMs;
// - between requests a connection may sit idle for idleTimeoutMs, less as the slots run out
//   (above half in use, in proportion to the free ones, down to a tenth);
// - at most maxConnections are open, and one client (source address) holds at most
//   maxConnectionsPerClient of them; a new connection beyond either closes an idle one instead
//   of being refused (for the share the client's own; else the longest idle of the client
//   holding the most, so a client with few is not pushed out by one with many), else one whose
//   head is still arriving; only when every one is being answered is the new one refused;
// - each request's head may be maxRequestBytes long (counted once, from its first byte); a larger
//   one is answered 431 and the connection closed; a body comes with a Content-Length of at most
//   maxBodyBytes (its bytes counted apart from the head's, and given the head's deadline), else
//   it is answered 413 (larger), 411 (Transfer-Encoding: chunked) or 400 (a malformed length)
//   and the connection closed; at most MaxPipelined requests may wait for their answers;
// - "Connection: close" and HTTP/1.0 without keep-alive are honoured: closed once the answer is
//   written;
// - with TLS (setTlsConfiguration), the handshake is part of the first request's head: it and
//   the head must be done within headerTimeoutMs of the connection opening. The HTTP server sees
//   the socket once it is encrypted, and only the decrypted bytes; a failed handshake (plain
//   HTTP, garbage) is closed and counted (tls_handshake);
// - a long poll the HTTP server holds (holdLongPoll()) waits outside those bounds: it counts
//   against neither maxConnections nor the client's share, is never closed to make room, and
//   is closed only when not answered by its own deadline; at most maxWaitingPolls wait at once;
//   a request sent on it while it waits closes it (its answer would overtake the held one's).
// Every closure and refusal is counted by reason, and summed up in at most one line per
// SummaryIntervalMs (closuresSummarized). One sweep on the clock enforces every deadline; it
// sleeps while no connection is open and nothing is left to report.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr int MaxPipelined = 16;
    static constexpr qint64 SweepIntervalMs = 100;
    static constexpr qint64 SummaryIntervalMs = 10000;

    GuardedTcpServer(const AgentPolicy &limits, Clock *clock, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    int openConnections() const { return int(m_connections.size()); }
    int waitingPolls() const { return m_waitingPolls; }
    quint64 refusedPolls() const { return m_refusedPolls; }
    const AgentPolicy &limits() const { return m_limits; }
    const CloseCounts &closed() const { return m_closed; }
    qint64 idleTimeoutNowMs() const;
    // Every connection accepted from now on speaks TLS with this configuration.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool speaksTls() const { return m_tls.has_value(); }

    // The request on socket is a long poll whose answer may come as late as answerByMs (on the
    // clock): until releaseLongPoll() it waits outside the connection bounds. False (counted in
    // refusedPolls()) when maxWaitingPolls already wait or the socket is not one of ours: then
    // it must be answered at once.
    bool holdLongPoll(QTcpSocket *socket, qint64 answerByMs);
    // Its answer has been written: the usual rules again.
    void releaseLongPoll(QTcpSocket *socket);
    // A request the HTTP server answers later (a history read, a report being built): until
    // answerSent() the connection is being answered (request_timeout_ms bounds it, it is never
    // closed to make room), and a request pipelined behind it closes it (its answer would
    // overtake this one's).
    void deferAnswer(QTcpSocket *socket);
    void answerSent(QTcpSocket *socket);

Q_SIGNALS:
    // "http: 12 connection(s) closed or refused since the last report: evicted 10, ...".
    void closuresSummarized(const QString &line);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    enum class Phase {
        Fresh, // nothing asked yet
        ReadingHead, // a request's head has begun
        Answering, // complete requests wait for their answers, or an answer is being written
        Idle, // answered, nothing asked since
        Closing, // the last answer is being written, then it closes
        Waiting, // a held long poll, until its answer is written or answerByMs
    };
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        QHostAddress client;
        Phase phase = Phase::Fresh;
        qint64 sinceMs = 0; // when the phase began (for Fresh and ReadingHead: when it opened)
        RequestHeadScanner scanner;
        QList<RequestHeadScanner::Head> waiting; // complete, not yet taken by the HTTP server
        qint64 unread = 0; // bytes the HTTP server left unread after its last pass
        bool longPoll = false; // held: Waiting until released
        int deferredAnswers = 0; // answers the HTTP server gives later: Answering meanwhile
        qint64 answerByMs = 0;
        bool closeWhenReleased = false; // the poll asked for "Connection: close"
    };

    Connection *find(const QTcpSocket *socket);
    // Open connections that count against the bounds: all but the waiting long polls.
    qsizetype bounded(const QHostAddress *client = nullptr) const;
    void closeAfterAnswer(Connection &connection);
    // Makes room for a connection from client; false when it must be refused (counted).
    bool admit(const QHostAddress &client);
    Connection *evictionCandidate(const QHostAddress *client) const;
    void track(QTcpSocket *socket);
    void encrypt(QSslSocket *socket); // then hands it over when encrypted
    void handOver(QTcpSocket *socket); // to the HTTP server
    void onArrived(QTcpSocket *socket); // before the HTTP server reads
    void onServed(QTcpSocket *socket); // after it read (and answered what was complete)
    void onWritten(QTcpSocket *socket);
    // Refuses the next request when it must be; false when the connection was closed.
    bool checkNextRequest(Connection &connection);
    void refuse(Connection &connection, CloseReason reason, const QByteArray &answer);
    void close(QTcpSocket *socket, CloseReason reason);
    void detachHttpServer(QTcpSocket *socket);
    void forget(const QTcpSocket *socket);
    void count(CloseReason reason);
    void wake(); // the sweep runs while there are connections or closures to report
    void updatePhase(Connection &connection);
    void sweep();
    void summarize();

    AgentPolicy m_limits;
    std::optional<QSslConfiguration> m_tls;
    Clock *m_clock;
    std::unique_ptr<ClockInterval> m_sweep;
    std::vector<std::unique_ptr<Connection>> m_connections;
    CloseCounts m_closed{};
    CloseCounts m_unreported{};
    qint64 m_lastSummaryMs = -1;
    int m_waitingPolls = 0;
    quint64 m_refusedPolls = 0;
};

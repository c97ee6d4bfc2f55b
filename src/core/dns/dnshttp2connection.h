#pragma once

#include "nameserver.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <unordered_map>

class Clock;
class QSslSocket;
struct nghttp2_session;

// One HTTP/2 connection (ALPN "h2") to one DNS over HTTPS server (RFC 8484): opened when a query
// needs it, reused by every query after, each query a POST on a stream of its own with as many
// in flight as the server allows (nghttp2 queues the rest), and closed after being idle. Framing,
// flow control and header compression are libnghttp2's; the socket is a QSslSocket with Nagle
// off, and what a burst of queries produces goes out in one write per event loop turn.
class DnsHttp2Connection : public QObject
{
    Q_OBJECT
public:
    enum class Failure { Tls, Network, Timeout };
    struct Response
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        bool tooLarge = false; // the body grew past the largest DNS message; the rest was dropped
    };
    using Answered = std::function<void(const Response &response)>;
    using Failed = std::function<void(Failure failure, const QString &detail)>;

    // A connection that is not encrypted within handshakeTimeoutMs of being opened is given up.
    DnsHttp2Connection(const NameServer &server, const QSslConfiguration &tls,
                       const QString &peerName, int handshakeTimeoutMs, int idleCloseMs,
                       Clock *clock, QObject *parent = nullptr);
    ~DnsHttp2Connection() override;

    // POSTs query as application/dns-message; connects first when closed. Exactly one of the
    // handlers runs later (never inside this call), unless the returned ticket is forgotten.
    quint64 send(const QByteArray &query, Answered answered, Failed failed);
    // The answer is no longer awaited: the stream is cancelled and no handler runs.
    void forget(quint64 ticket);

    bool isOpen() const { return m_socket != nullptr; }
    quint64 connectionsOpened() const { return m_connectionsOpened; }
    quint64 idleCloses() const { return m_idleCloses; }
    // Socket writes so far: the requests made in one event loop turn go out in one.
    quint64 writes() const { return m_writes; }

private:
    struct Stream;
    struct SessionCallbacks;
    friend struct SessionCallbacks;

    void open();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void scheduleFlush();
    void flush();
    void finishClosedStreams();
    void dropIfSessionEnded();
    void drop(Failure failure, const QString &detail);
    void closeSession();
    void armIdleClose();
    void cancelTimer();
    void onHandshakeTimeout();
    void closeIdle();
    Stream *streamOf(qint32 streamId) const;
    void retireEndedSession();
    void failLater(quint64 ticket, Failed failed, Failure failure, const QString &detail);
    void deliverLateFailure(quint64 ticket);

    // A failure found inside send() (the connection failed at once, the request was refused,
    // the session had ended): reported once send() has returned, unless the ticket is forgotten.
    struct LateFailure
    {
        Failed failed;
        Failure failure;
        QString detail;
    };

    NameServer m_server;
    QSslConfiguration m_tls;
    QString m_peerName;
    QByteArray m_authority;
    QByteArray m_path;
    int m_handshakeTimeoutMs;
    int m_idleCloseMs;
    Clock *m_clock;
    QSslSocket *m_socket = nullptr;
    nghttp2_session *m_session = nullptr;
    quint64 m_nextTicket = 1;
    std::unordered_map<quint64, std::unique_ptr<Stream>> m_streams; // by ticket
    QHash<qint32, quint64> m_tickets; // HTTP/2 stream ID -> ticket
    QHash<quint64, LateFailure> m_lateFailures; // by ticket
    bool m_sending = false; // inside send(): failures are reported later
    QList<QPair<qint32, quint32>> m_closed; // streams nghttp2 closed, with the error code
    QByteArray m_outgoing;
    bool m_flushScheduled = false;
    QString m_certificateProblem; // from sslErrors, for the failure that follows
    quint64 m_timer = 0; // the handshake's deadline while connecting, then the idle close
    quint64 m_connectionsOpened = 0;
    quint64 m_idleCloses = 0;
    quint64 m_writes = 0;
};

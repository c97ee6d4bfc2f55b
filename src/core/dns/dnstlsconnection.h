#pragma once

#include "nameserver.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>

class Clock;
class QSslSocket;

// One DNS over TLS connection to one server (RFC 7858): opened when a query needs it, reused by
// every query after, with many queries in flight at once (answers matched by ID, in any order),
// and closed after it has been idle for a while. Queries use the 2-byte length framing of DNS over
// TCP (RFC 7766).
class DnsTlsConnection : public QObject
{
    Q_OBJECT
public:
    // The handshake or certificate; the connection; no handshake within the timeout.
    enum class Failure { Tls, Network, Timeout };

    // A connection that is not encrypted within handshakeTimeoutMs of being opened is given up.
    DnsTlsConnection(const NameServer &server, const QSslConfiguration &tls,
                     const QString &peerName, int handshakeTimeoutMs, int idleCloseMs, Clock *clock,
                     QObject *parent = nullptr);
    ~DnsTlsConnection() override;

    // Sends a query whose ID is the packet's first two bytes; connects first when closed.
    void send(quint16 id, const QByteArray &packet);
    // The answer to id is no longer awaited (its try ended).
    void forget(quint16 id);
    bool awaits(quint16 id) const { return m_awaited.contains(id) || m_lateFailures.contains(id); }
    bool isOpen() const { return m_socket != nullptr; }
    quint64 connectionsOpened() const { return m_connectionsOpened; }
    quint64 idleCloses() const { return m_idleCloses; }
    // Socket writes so far: the queries sent in one event loop turn go out in one, and so do those
    // sent in answer to the answers of one read.
    quint64 writes() const { return m_writes; }

signals:
    void replyReceived(quint16 id, const QByteArray &reply);
    // The connection is gone; the queries in ids were lost with it. The next send reconnects.
    void failed(const QList<quint16> &ids, DnsTlsConnection::Failure failure, const QString &detail);
    // Bytes that are no answer to anything awaited (an unknown ID or a short message).
    void strayReplyReceived();

private:
    void open();
    void scheduleFlush();
    bool flush(); // false when there was nothing to write (or no connection to write it to)
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void drop(Failure failure, const QString &detail);
    void armIdleClose();
    void cancelTimer();
    void onHandshakeTimeout();
    void closeIdle();
    void deliverLateFailure(quint16 id);

    // A failure found while a send was opening the connection: reported once that send has
    // returned, unless the ID is forgotten first.
    struct LateFailure
    {
        Failure failure;
        QString detail;
    };

    NameServer m_server;
    QSslConfiguration m_tls;
    QString m_peerName;
    int m_handshakeTimeoutMs;
    int m_idleCloseMs;
    Clock *m_clock;
    QSslSocket *m_socket = nullptr;
    QByteArray m_unsent; // framed queries not yet written (this turn's, or before the handshake)
    bool m_flushScheduled = false;
    bool m_handingOnReplies = false; // in onReadyRead(), which flushes once it is done
    QByteArray m_received;
    QSet<quint16> m_awaited;
    QHash<quint16, LateFailure> m_lateFailures;
    bool m_opening = false; // inside connectToHostEncrypted(), which can fail at once
    QString m_certificateProblem; // from sslErrors, for the failure that follows
    quint64 m_timer = 0; // the handshake's deadline while connecting, then the idle close
    quint64 m_connectionsOpened = 0;
    quint64 m_idleCloses = 0;
    quint64 m_writes = 0;
};

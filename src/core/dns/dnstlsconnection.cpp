#include "dnstlsconnection.h"

#include "clock.h"
#include "encrypteddnssocket.h"
#include "encryptedsocketerror.h"
#include "immediateack.h"
#include "logging.h"

#include <QPointer>
#include <QSslSocket>
#include <QtEndian>

DnsTlsConnection::DnsTlsConnection(const NameServer &server, const QSslConfiguration &tls,
                                   const QString &peerName, int handshakeTimeoutMs, int idleCloseMs,
                                   Clock *clock, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_tls(tls)
    , m_peerName(peerName)
    , m_handshakeTimeoutMs(handshakeTimeoutMs)
    , m_idleCloseMs(idleCloseMs)
    , m_clock(clock)
{ }

DnsTlsConnection::~DnsTlsConnection()
{
    cancelTimer();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void DnsTlsConnection::send(quint16 id, const QByteArray &packet)
{
    if (m_socket && m_socket->isEncrypted())
        cancelTimer(); // the idle close
    m_awaited.insert(id);
    if (!m_socket) {
        open();
        if (!m_socket)
            return; // failed at once; the failure is reported later
    }
    // Framed straight into the buffer that goes out once this event loop turn ends (or once the
    // handshake is done): a burst of queries is one write and one TLS record, not one each.
    const qsizetype at = m_unsent.size();
    m_unsent.resize(at + 2);
    qToBigEndian<quint16>(quint16(packet.size()), m_unsent.data() + at);
    m_unsent.append(packet);
    if (m_socket->isEncrypted() && !m_handingOnReplies)
        scheduleFlush(); // (those sent by whoever took an answer: with the read's other answers)
}

void DnsTlsConnection::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &DnsTlsConnection::flush, Qt::QueuedConnection);
}

bool DnsTlsConnection::flush()
{
    m_flushScheduled = false;
    if (!m_socket || !m_socket->isEncrypted() || m_unsent.isEmpty())
        return false;
    ++m_writes;
    m_socket->write(m_unsent);
    m_unsent.clear();
    return true;
}

void DnsTlsConnection::forget(quint16 id)
{
    m_lateFailures.remove(id);
    if (m_awaited.remove(id) && m_awaited.isEmpty())
        armIdleClose();
}

void DnsTlsConnection::open()
{
    ++m_connectionsOpened;
    m_received.clear();
    m_certificateProblem.clear();
    m_socket = newEncryptedDnsSocket(this, m_tls, m_peerName, &m_certificateProblem);
    connect(m_socket, &QSslSocket::encrypted, this, &DnsTlsConnection::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &DnsTlsConnection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &DnsTlsConnection::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &DnsTlsConnection::onDisconnected);
    qCDebug(lcDns) << "opening" << m_server.toString() << "checked as" << m_peerName;
    m_opening = true;
    m_socket->connectToHostEncrypted(m_server.hostName(), m_server.port, m_peerName);
    m_opening = false;
    if (!m_socket)
        return; // Qt failed the socket at once (no file descriptors left, say)
    cancelTimer();
    m_timer = m_clock->callAfter(m_handshakeTimeoutMs, this, [this] { onHandshakeTimeout(); });
}

void DnsTlsConnection::onHandshakeTimeout()
{
    m_timer = 0;
    if (m_socket && !m_socket->isEncrypted())
        drop(Failure::Timeout,
             QStringLiteral("%1: no TLS connection within %2 ms")
                     .arg(m_server.toString())
                     .arg(m_handshakeTimeoutMs));
}

void DnsTlsConnection::onEncrypted()
{
    cancelTimer();
    flush();
    if (m_awaited.isEmpty())
        armIdleClose();
}

void DnsTlsConnection::cancelTimer()
{
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = 0;
}

void DnsTlsConnection::onReadyRead()
{
    m_received.append(m_socket->readAll());
    // Every complete answer in the buffer is handed on; the rest waits for more bytes. The
    // buffer is trimmed once at the end, not after each answer.
    QPointer<DnsTlsConnection> alive(this);
    m_handingOnReplies = true;
    qsizetype at = 0;
    while (m_received.size() - at >= 2) {
        const int length = qFromBigEndian<quint16>(m_received.constData() + at);
        if (m_received.size() - at < 2 + length)
            break;
        const QByteArray reply = m_received.sliced(at + 2, length);
        at += 2 + length;
        const quint16 id = reply.size() >= 2 ? qFromBigEndian<quint16>(reply.constData()) : 0;
        if (reply.size() < 2 || !m_awaited.remove(id)) {
            emit strayReplyReceived();
        } else {
            if (m_awaited.isEmpty())
                armIdleClose();
            emit replyReceived(id, reply);
        }
        if (!alive)
            return; // destroyed by whoever took the answer
        if (!m_socket) {
            m_handingOnReplies = false;
            return; // dropped by whoever took the answer; the buffer went with it
        }
    }
    m_handingOnReplies = false;
    m_received.remove(0, at);
    // The queries sent in answer to these go out together as soon as control is back in the event
    // loop (QSslSocket writes its buffer then), and that write acknowledges what was read. Without
    // one, the server may hold the next answer back until this one is acknowledged.
    if (!flush() && !m_awaited.isEmpty())
        acknowledgeReceivedNow(m_socket->socketDescriptor());
}

void DnsTlsConnection::onSocketError()
{
    const EncryptedSocketError error = encryptedSocketErrorOf(*m_socket, m_certificateProblem);
    switch (error.kind) {
    case EncryptedSocketError::Kind::ClosedByPeer:
        onDisconnected();
        return;
    case EncryptedSocketError::Kind::Tls:
        drop(Failure::Tls, QStringLiteral("%1: %2").arg(m_server.toString(), error.why));
        return;
    case EncryptedSocketError::Kind::Network:
        drop(Failure::Network, QStringLiteral("%1: %2").arg(m_server.toString(), error.why));
        return;
    }
}

void DnsTlsConnection::onDisconnected()
{
    if (m_awaited.isEmpty() && m_unsent.isEmpty()) {
        drop(Failure::Network, QString()); // closed while idle: reopened when needed
        return;
    }
    QString partial;
    if (!m_received.isEmpty())
        partial = QStringLiteral(" in the middle of an answer (%1 bytes of it received)")
                          .arg(m_received.size() - qMin<qsizetype>(2, m_received.size()));
    drop(Failure::Network,
         QStringLiteral("%1 closed the connection%2 with %3 answer(s) awaited")
                 .arg(m_server.toString(), partial)
                 .arg(m_awaited.size()));
}

void DnsTlsConnection::drop(Failure failure, const QString &detail)
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater(); // its signal may be on the stack
    m_socket = nullptr;
    m_unsent.clear();
    m_received.clear();
    cancelTimer();
    const QList<quint16> lost = m_awaited.values();
    m_awaited.clear();
    if (detail.isEmpty())
        return;
    qCDebug(lcDns) << "lost" << detail;
    if (m_opening) {
        // Inside send(): whoever sent must not hear of the failure before send() returns.
        for (quint16 id : lost) {
            m_lateFailures.insert(id, {failure, detail});
            QMetaObject::invokeMethod(
                    this, [this, id] { deliverLateFailure(id); }, Qt::QueuedConnection);
        }
        return;
    }
    emit failed(lost, failure, detail);
}

void DnsTlsConnection::deliverLateFailure(quint16 id)
{
    const auto found = m_lateFailures.constFind(id);
    if (found == m_lateFailures.cend())
        return; // forgotten
    const LateFailure late = found.value();
    m_lateFailures.erase(found);
    emit failed({id}, late.failure, late.detail);
}

void DnsTlsConnection::armIdleClose()
{
    if (!m_socket || !m_socket->isEncrypted())
        return; // the handshake's deadline runs; the idle time starts once it is done
    cancelTimer();
    m_timer = m_clock->callAfter(m_idleCloseMs, this, [this] { closeIdle(); });
}

void DnsTlsConnection::closeIdle()
{
    m_timer = 0;
    if (!m_socket || !m_awaited.isEmpty())
        return;
    ++m_idleCloses;
    qCDebug(lcDns) << "closing idle" << m_server.toString();
    m_socket->disconnect(this);
    m_socket->disconnectFromHost();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_unsent.clear();
    m_received.clear();
}

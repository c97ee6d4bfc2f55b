#include "dnstlsconnection.h"

#include "clock.h"
#include "logging.h"
#include "tlserrortext.h"

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
    QByteArray framed(2, Qt::Uninitialized);
    qToBigEndian<quint16>(quint16(packet.size()), framed.data());
    framed.append(packet);
    if (!m_socket)
        open();
    if (m_socket->isEncrypted())
        m_socket->write(framed);
    else
        m_unsent.append(framed);
}

void DnsTlsConnection::forget(quint16 id)
{
    if (m_awaited.remove(id) && m_awaited.isEmpty())
        armIdleClose();
}

void DnsTlsConnection::open()
{
    ++m_connectionsOpened;
    m_received.clear();
    m_certificateProblem.clear();
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(m_tls);
    connect(m_socket, &QSslSocket::encrypted, this, &DnsTlsConnection::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &DnsTlsConnection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &DnsTlsConnection::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &DnsTlsConnection::onDisconnected);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_certificateProblem = describeTlsErrors(errors, m_peerName);
    });
    qCDebug(lcDns) << "opening" << m_server.toString() << "checked as" << m_peerName;
    m_socket->connectToHostEncrypted(m_server.hostName(), m_server.port, m_peerName);
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
    m_socket->write(std::exchange(m_unsent, {}));
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
    QPointer<DnsTlsConnection> alive(this);
    while (alive && m_socket && m_received.size() >= 2) {
        const int length = qFromBigEndian<quint16>(m_received.constData());
        if (m_received.size() < 2 + length)
            return;
        const QByteArray reply = m_received.mid(2, length);
        m_received.remove(0, 2 + length);
        const quint16 id = reply.size() >= 2 ? qFromBigEndian<quint16>(reply.constData()) : 0;
        if (reply.size() < 2 || !m_awaited.remove(id)) {
            emit strayReplyReceived();
            continue;
        }
        if (m_awaited.isEmpty())
            armIdleClose();
        emit replyReceived(id, reply);
    }
}

void DnsTlsConnection::onSocketError()
{
    const bool handshakeDone = m_socket->isEncrypted();
    const QAbstractSocket::SocketError error = m_socket->error();
    const bool tlsError = error == QAbstractSocket::SslHandshakeFailedError
            || error == QAbstractSocket::SslInternalError
            || error == QAbstractSocket::SslInvalidUserDataError;
    if (!handshakeDone && (tlsError || !m_certificateProblem.isEmpty())) {
        const QString why = m_certificateProblem.isEmpty()
                ? QStringLiteral("TLS handshake failed: %1").arg(m_socket->errorString())
                : m_certificateProblem;
        drop(Failure::Tls, QStringLiteral("%1: %2").arg(m_server.toString(), why));
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    drop(Failure::Network,
         QStringLiteral("%1: %2").arg(m_server.toString(), m_socket->errorString()));
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
    emit failed(lost, failure, detail);
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

#include "guardedtcpserver.h"

#include <QTcpSocket>
#include <QTimer>

#include <unistd.h>

GuardedTcpServer::GuardedTcpServer(const Limits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{ }

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (m_open >= m_limits.maxConnections) {
        ::close(int(descriptor));
        ++m_counters.refused;
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });

    // The deadline for the next answer, and the bytes that came since the last one.
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    deadline->start(m_limits.requestTimeoutMs);
    connect(deadline, &QTimer::timeout, socket, [this, socket] {
        ++m_counters.timedOut;
        socket->abort();
    });
    auto received = std::make_shared<qint64>(0);
    // Connected before the HTTP server takes the socket, so this runs before it reads: what is
    // available is what came since its last read (it reads all there is each time).
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received] {
        *received += socket->bytesAvailable();
        if (*received > m_limits.maxRequestBytes) {
            ++m_counters.oversized;
            socket->abort();
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [this, deadline, received] {
        *received = 0;
        deadline->start(m_limits.requestTimeoutMs);
    });
    addPendingConnection(socket); // QTcpServer then signals newConnection()
}

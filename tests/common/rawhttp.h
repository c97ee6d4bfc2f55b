#pragma once

#include <QByteArray>
#include <QHostAddress>

#include <memory>

class QTcpSocket;

// HTTP/1.1 spoken by hand over a loopback socket of the test's own, for what a client library
// hides: the source address, requests held open, hanging up halfway, several on one connection.

// Connected to 127.0.0.1:port, from the address `from` when given (127.0.0.2, ... are other
// clients to the agent's listener); null when that failed.
std::unique_ptr<QTcpSocket> connectedClient(quint16 port, const QHostAddress &from = QHostAddress());

struct RawHttpAnswer
{
    int status = 0; // 0: no whole answer came before the socket closed or the time was up
    QByteArray head; // the status line and headers
    QByteArray body; // Content-Length bytes
};

// The next whole answer on socket (its head and Content-Length bytes of body), waiting at most
// timeoutMs while the event loop runs.
RawHttpAnswer readRawAnswer(QTcpSocket *socket, int timeoutMs = 10000);

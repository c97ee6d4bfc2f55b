#pragma once

#include <QString>

class QSslSocket;

// Why an encrypted connection to a DNS server failed, in the terms its queries fail with.
struct EncryptedSocketError
{
    enum class Kind { Tls, Network, ClosedByPeer };
    Kind kind = Kind::Network;
    QString why; // without the server's name: "TLS handshake failed: ..."
};

// The socket's current error: before the handshake ended, a TLS error or a certificate problem
// (certificateProblem, gathered from sslErrors) is Tls; the server closing the connection is
// ClosedByPeer; anything else is Network.
EncryptedSocketError encryptedSocketErrorOf(const QSslSocket &socket,
                                            const QString &certificateProblem);

#include "encryptedsocketerror.h"

#include <QSslSocket>

EncryptedSocketError encryptedSocketErrorOf(const QSslSocket &socket,
                                            const QString &certificateProblem)
{
    const QAbstractSocket::SocketError error = socket.error();
    const bool tlsError = error == QAbstractSocket::SslHandshakeFailedError
            || error == QAbstractSocket::SslInternalError
            || error == QAbstractSocket::SslInvalidUserDataError;
    if (!socket.isEncrypted() && (tlsError || !certificateProblem.isEmpty())) {
        return {EncryptedSocketError::Kind::Tls,
                certificateProblem.isEmpty()
                        ? QStringLiteral("TLS handshake failed: %1").arg(socket.errorString())
                        : certificateProblem};
    }
    if (error == QAbstractSocket::RemoteHostClosedError)
        return {EncryptedSocketError::Kind::ClosedByPeer, socket.errorString()};
    return {EncryptedSocketError::Kind::Network, socket.errorString()};
}

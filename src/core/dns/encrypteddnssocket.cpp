#include "encrypteddnssocket.h"

#include "tlserrortext.h"

#include <QSslSocket>

QSslSocket *newEncryptedDnsSocket(QObject *owner, const QSslConfiguration &tls,
                                  const QString &peerName, QString *certificateProblem)
{
    auto *socket = new QSslSocket(owner);
    socket->setSslConfiguration(tls);
    QObject::connect(socket, &QSslSocket::connected, owner,
                     [socket] { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    QObject::connect(socket, &QSslSocket::sslErrors, owner,
                     [peerName, certificateProblem](const QList<QSslError> &errors) {
                         *certificateProblem = describeTlsErrors(errors, peerName);
                     });
    return socket;
}

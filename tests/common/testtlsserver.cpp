#include "testtlsserver.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>

TestTlsServer::TestTlsServer(const TestCertificate &identity, const QByteArrayList &alpn)
{
    QFile certificate(identity.certificate);
    QFile key(identity.key);
    if (certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
        m_tls.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
        m_tls.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
    }
    m_tls.setAllowedNextProtocols(alpn);
}

void TestTlsServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_tls);
    socket->setSocketDescriptor(descriptor);
    connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
        if (onReadyRead)
            onReadyRead(socket);
    });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    socket->startServerEncryption();
}

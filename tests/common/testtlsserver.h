#pragma once

#include "testcertificates.h"

#include <QByteArrayList>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

class QSslSocket;

// A TLS server on loopback for fake DNS servers: presents identity (the test CA's server
// certificate, an EC key), offers the ALPN protocols given (none: the client's choice is
// refused silently, as an HTTP/1.1-only server does), and calls onReadyRead with every
// connection that has bytes to read.
class TestTlsServer : public QTcpServer
{
public:
    explicit TestTlsServer(const TestCertificate &identity, const QByteArrayList &alpn = {});

    std::function<void(QSslSocket *socket)> onReadyRead;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
};

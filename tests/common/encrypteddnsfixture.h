#pragma once

#include "dnsserverfixture.h"
#include "testcertificates.h"

#include <QString>
#include <QTemporaryDir>

// A real unbound serving plain DNS, DNS over TLS and DNS over HTTPS on free loopback ports, with
// a certificate for ServerName signed by a private CA made in the test's temporary folder. It
// answers LabName itself (LabAddress) and forwards "." only to a loopback port.
class EncryptedDnsFixture
{
public:
    static inline const QString ServerName = QStringLiteral("dns.test");
    static inline const QString LabName = QStringLiteral("a.lab.test");
    static inline const QString LabAddress = QStringLiteral("10.9.8.7");

    bool start(QString *error);

    QString tlsServer() const { return QStringLiteral("tls://127.0.0.1:%1").arg(m_tlsPort); }
    QString httpsServer() const
    {
        return QStringLiteral("https://127.0.0.1:%1/dns-query").arg(m_httpsPort);
    }
    QString plainServer() const { return m_unbound.server(); }
    QString caFile() const { return m_certificates.caCertificate; }
    // The server's certificate and key, for fake servers that should pass the same checks.
    const TestCertificate &serverCertificate() const { return m_certificates.server; }
    DnsServerFixture &unbound() { return m_unbound; }

private:
    QTemporaryDir m_dir;
    DnsServerFixture m_unbound;
    TestCertificateAuthority m_certificates;
    quint16 m_tlsPort = 0;
    quint16 m_httpsPort = 0;
};

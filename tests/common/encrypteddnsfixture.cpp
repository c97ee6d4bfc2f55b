#include "encrypteddnsfixture.h"

bool EncryptedDnsFixture::start(QString *error)
{
    const std::optional<TestCertificateAuthority> made = makeTestCertificateAuthority(
            m_dir.path(), ServerName, error);
    if (!made)
        return false;
    m_certificates = *made;
    m_tlsPort = DnsServerFixture::freePort();
    do {
        m_httpsPort = DnsServerFixture::freePort();
    } while (m_httpsPort == m_tlsPort);
    const QStringList lines = {
            QStringLiteral("interface: 127.0.0.1@%1").arg(m_tlsPort),
            QStringLiteral("interface: 127.0.0.1@%1").arg(m_httpsPort),
            QStringLiteral("tls-port: %1").arg(m_tlsPort),
            QStringLiteral("https-port: %1").arg(m_httpsPort),
            QStringLiteral("tls-service-key: \"%1\"").arg(m_certificates.server.key),
            QStringLiteral("tls-service-pem: \"%1\"").arg(m_certificates.server.certificate),
            QStringLiteral("local-zone: \"lab.test.\" static"),
            QStringLiteral("local-data: \"%1. 60 IN A %2\"").arg(LabName, LabAddress)};
    // Nothing answers on the forward port: unbound answers the lab's names itself.
    return m_unbound.startUnbound(lines, DnsServerFixture::freePort(), error);
}

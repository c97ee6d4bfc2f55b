#pragma once

#include <QString>

#include <optional>

// Certificates and private keys for the agent's HTTPS, made by the openssl command line (Debian
// package openssl) in a directory of the test's: NAME.crt and NAME.key (mode 0600).
struct TestCertificate
{
    QString certificate;
    QString key;
};

enum class TestKeyType { Rsa, Ec };

// Self-signed for CN=agent.lab.test and IP 127.0.0.1, valid from now for days.
std::optional<TestCertificate> makeTestCertificate(const QString &directory, const QString &name,
                                                   TestKeyType type, int days, QString *error);

// Self-signed like the above, but valid only from 2020-01-01 to 2020-01-02T00:00:00Z: made by
// `openssl ca`, as `openssl req` 3.0 takes no dates in the past.
std::optional<TestCertificate> makeExpiredTestCertificate(const QString &directory,
                                                          const QString &name, QString *error);

// A private certificate authority and a server certificate it signed, for serverName only
// (subjectAltName DNS:serverName): CA.crt, NAME.crt and NAME.key in directory, valid for 2 days.
struct TestCertificateAuthority
{
    QString caCertificate;
    TestCertificate server;
};
std::optional<TestCertificateAuthority>
makeTestCertificateAuthority(const QString &directory, const QString &serverName, QString *error);

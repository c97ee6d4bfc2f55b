#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStringList>

#include <optional>

// The agent's certificate and private key for HTTPS (--tls-cert, --tls-key), read and checked
// once at start; a new certificate is picked up by a restart. Refused, with the file and the
// reason: a file that is missing, unreadable, larger than MaxFileBytes or holds no PEM
// certificate (the first one is the agent's, the rest its chain) or no unencrypted PEM RSA or EC
// key; a key file that its group or others may read (as ssh refuses such keys); a certificate not
// valid now (expired, or not yet valid); a key that does not belong to the certificate. A
// certificate that expires within WarnDays is accepted with a warning.
class TlsIdentity
{
public:
    static constexpr qint64 MaxFileBytes = 1024 * 1024;
    static constexpr int WarnDays = 14;

    // now: the wall time the certificate must be valid at.
    static std::optional<TlsIdentity> load(const QString &certificatePath, const QString &keyPath,
                                           const QDateTime &now, QString *error);

    const QSslCertificate &certificate() const { return m_chain.constFirst(); }
    // What the agent says at start beside the listening line: the certificate's subject and
    // expiry, and a warning when it expires soon.
    const QStringList &startLines() const { return m_startLines; }
    // A server's configuration: this certificate and chain, this key, TLS 1.2 or later, no
    // client certificates asked for.
    QSslConfiguration serverConfiguration() const;

private:
    TlsIdentity() = default;

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    QStringList m_startLines;
};

// A TLS handshake with server's certificate and key over loopback: the server's end refuses a
// key that is not the certificate's, and the client checks the server's signature with the
// certificate's public key.
struct HandshakeCheck
{
    enum class Outcome {
        Passed,
        Failed, // detail: what the handshake said
        Untried, // detail: why there was no loopback connection to try it on
    };
    Outcome outcome = Outcome::Passed;
    QString detail;
};
HandshakeCheck checkHandshake(const QSslConfiguration &server);

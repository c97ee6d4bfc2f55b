#include "tlsidentity.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QSslSocket>
#include <QTcpServer>

#include <sys/xattr.h>
#include <unistd.h>

namespace {

constexpr int HandshakeCheckMs = 5000;
constexpr int HandshakeStepMs = 10;

// The file's bytes, or why they cannot be had ("--tls-cert FILE: why").
std::optional<QByteArray> readPemFile(const QString &option, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 %2: %3").arg(option, path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(TlsIdentity::MaxFileBytes + 1);
    if (bytes.size() > TlsIdentity::MaxFileBytes) {
        *error = QStringLiteral("%1 %2: larger than %3 bytes; expected a PEM file")
                         .arg(option, path)
                         .arg(TlsIdentity::MaxFileBytes);
        return std::nullopt;
    }
    return bytes;
}

// systemd hands a credential over as a root-owned file of mode 0400 with an access ACL that lets
// the service's user read it. With an ACL the group bits of the mode are the ACL's mask, not the
// owning group's access: then only others count.
bool hasAccessAcl(const QString &path)
{
    return ::getxattr(QFile::encodeName(path).constData(), "system.posix_acl_access", nullptr, 0)
            > 0;
}

QString keyFileExposure(const QString &path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    const bool group = (permissions & QFileDevice::ReadGroup) && !hasAccessAcl(path);
    const bool others = permissions & QFileDevice::ReadOther;
    if (!group && !others)
        return QString();
    return group && others ? QStringLiteral("its group and others")
            : group        ? QStringLiteral("its group")
                           : QStringLiteral("others");
}

std::optional<QSslKey> privateKeyFrom(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

// Takes the one connection the handshake check makes, as a descriptor for a QSslSocket.
class LoopbackAcceptor : public QTcpServer
{
public:
    qintptr descriptor = -1;

protected:
    void incomingConnection(qintptr socket) override { descriptor = socket; }
};

QString trimmedError(QString text)
{
    while (text.endsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(':')))
        text.chop(1);
    return text;
}

} // namespace

std::optional<TlsIdentity> TlsIdentity::load(const QString &certificatePath, const QString &keyPath,
                                             const QDateTime &now, QString *error)
{
    const QString certOption = QStringLiteral("--tls-cert");
    const QString keyOption = QStringLiteral("--tls-key");
    const std::optional<QByteArray> certificatePem = readPemFile(certOption, certificatePath, error);
    if (!certificatePem)
        return std::nullopt;
    TlsIdentity identity;
    identity.m_chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (identity.m_chain.isEmpty() || identity.m_chain.constFirst().isNull()) {
        *error = QStringLiteral("%1 %2: no PEM certificate in it; expected \"-----BEGIN "
                                "CERTIFICATE-----\"")
                         .arg(certOption, certificatePath);
        return std::nullopt;
    }
    const QSslCertificate &certificate = identity.certificate();
    const QString expiry = certificate.expiryDate().toUTC().toString(Qt::ISODate);
    if (now > certificate.expiryDate()) {
        *error = QStringLiteral("%1 %2: the certificate expired on %3")
                         .arg(certOption, certificatePath, expiry);
        return std::nullopt;
    }
    if (now < certificate.effectiveDate()) {
        *error = QStringLiteral("%1 %2: the certificate is not valid before %3 (is the clock "
                                "right?)")
                         .arg(certOption, certificatePath,
                              certificate.effectiveDate().toUTC().toString(Qt::ISODate));
        return std::nullopt;
    }

    const std::optional<QByteArray> keyPem = readPemFile(keyOption, keyPath, error);
    if (!keyPem)
        return std::nullopt;
    if (const QString readers = keyFileExposure(keyPath); !readers.isEmpty()) {
        *error = QStringLiteral("%1 %2: %3 may read it; a private key must be readable by the "
                                "agent's user alone (chmod 600, or systemd's LoadCredential)")
                         .arg(keyOption, keyPath, readers);
        return std::nullopt;
    }
    const std::optional<QSslKey> key = privateKeyFrom(*keyPem);
    if (!key) {
        *error = keyPem->contains("ENCRYPTED")
                ? QStringLiteral("%1 %2: the key is protected by a passphrase; expected it "
                                 "unencrypted (kept private by the file's mode)")
                          .arg(keyOption, keyPath)
                : QStringLiteral("%1 %2: no PEM RSA or EC private key in it; expected "
                                 "\"-----BEGIN PRIVATE KEY-----\" (or RSA or EC PRIVATE KEY)")
                          .arg(keyOption, keyPath);
        return std::nullopt;
    }
    identity.m_key = *key;
    const HandshakeCheck handshake = checkHandshake(identity.serverConfiguration());
    if (handshake.outcome == HandshakeCheck::Outcome::Failed) {
        *error = QStringLiteral("%1 %2 does not match the certificate in %3: a TLS handshake with "
                                "them failed (%4)")
                         .arg(keyOption, keyPath, certificatePath, handshake.detail);
        return std::nullopt;
    }
    if (handshake.outcome == HandshakeCheck::Outcome::Untried) {
        *error = QStringLiteral("%1 %2: cannot check that it matches the certificate in %3: %4")
                         .arg(keyOption, keyPath, certificatePath, handshake.detail);
        return std::nullopt;
    }

    identity.m_startLines.append(
            QStringLiteral("TLS: certificate %1 (%2), valid until %3")
                    .arg(certificatePath, certificate.subjectDisplayName(), expiry));
    const qint64 daysLeft = now.secsTo(certificate.expiryDate()) / 86400;
    if (daysLeft < WarnDays) {
        identity.m_startLines.append(
                QStringLiteral("warning: the TLS certificate %1 expires in %2 day(s), on %3; the "
                               "agent takes a new one when restarted")
                        .arg(certificatePath)
                        .arg(daysLeft)
                        .arg(expiry));
    }
    return identity;
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

HandshakeCheck checkHandshake(const QSslConfiguration &server)
{
    const auto untried = [](const QString &why) {
        return HandshakeCheck{
                HandshakeCheck::Outcome::Untried,
                QStringLiteral("no loopback connection to try a handshake on (%1)").arg(why)};
    };
    LoopbackAcceptor acceptor;
    if (!acceptor.listen(QHostAddress::LocalHost, 0))
        return untried(acceptor.errorString());
    QSslSocket client;
    // The key is what is checked, not who issued the certificate or the names in it.
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHost(QHostAddress::LocalHost, acceptor.serverPort());
    if (!client.waitForConnected(HandshakeCheckMs)
        || !acceptor.waitForNewConnection(HandshakeCheckMs) || acceptor.descriptor < 0)
        return untried(client.errorString());
    QSslSocket serverSide;
    if (!serverSide.setSocketDescriptor(acceptor.descriptor)) {
        ::close(int(acceptor.descriptor));
        return untried(serverSide.errorString());
    }
    serverSide.setSslConfiguration(server);
    QString failure;
    for (QSslSocket *end : {&serverSide, &client}) {
        QObject::connect(end, &QAbstractSocket::errorOccurred, end,
                         [&failure, end](QAbstractSocket::SocketError error) {
                             // A step's wait running out is no failure.
                             if (error != QAbstractSocket::SocketTimeoutError && failure.isEmpty())
                                 failure = trimmedError(end->errorString());
                         });
    }
    serverSide.startServerEncryption(); // OpenSSL refuses a key that is not the certificate's
    client.startClientEncryption(); // and the client checks the server's signature with it
    // Both ends in this thread, without an event loop: each wait moves its own end along.
    const QDeadlineTimer deadline(HandshakeCheckMs);
    while (failure.isEmpty() && !(serverSide.isEncrypted() && client.isEncrypted())
           && !deadline.hasExpired()) {
        client.waitForEncrypted(HandshakeStepMs);
        client.flush(); // its last handshake message, sent once it is encrypted itself
        serverSide.waitForEncrypted(HandshakeStepMs);
    }
    if (failure.isEmpty() && !serverSide.isEncrypted())
        failure = QStringLiteral("it did not finish within %1 ms").arg(HandshakeCheckMs);
    if (!failure.isEmpty())
        return HandshakeCheck{HandshakeCheck::Outcome::Failed, failure};
    return HandshakeCheck{};
}

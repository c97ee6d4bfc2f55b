#include "tlserrortext.h"

#include <QSslCertificate>
#include <QStringList>

namespace {
QString certificateNames(const QSslCertificate &certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry)
            names.append(it.value());
    }
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? QStringLiteral("no name") : names.join(QStringLiteral(", "));
}

bool isUnknownAuthority(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}
} // namespace

QString describeTlsErrors(const QList<QSslError> &errors, const QString &expectedName)
{
    for (const QSslError &error : errors) {
        if (error.error() == QSslError::HostNameMismatch)
            return QStringLiteral("certificate name mismatch: expected %1, got %2")
                    .arg(expectedName, certificateNames(error.certificate()));
    }
    for (const QSslError &error : errors) {
        if (isUnknownAuthority(error.error()))
            return QStringLiteral("unknown CA: the certificate of %1 is not signed by a trusted "
                                  "authority (%2)")
                    .arg(certificateNames(error.certificate()), error.errorString());
    }
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    return QStringLiteral("certificate refused: %1").arg(texts.join(QStringLiteral("; ")));
}

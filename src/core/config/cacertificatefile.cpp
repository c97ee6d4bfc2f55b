#include "cacertificatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
constexpr qint64 MaxCaFileBytes = 1024 * 1024;
} // namespace

QList<QSslCertificate> readCaCertificateFile(const QString &name, const QString &configSource,
                                             QString *error)
{
    // For "(embedded default)" and other sources that are no file, the folder is the current one.
    const QString path = QFileInfo(configSource).absoluteDir().absoluteFilePath(name);
    QFile file(path);
    if (QFileInfo(path).exists() && !QFileInfo(path).isFile()) {
        // A device or pipe could block the config's loading or feed it forever.
        *error = QStringLiteral("the CA file \"%1\" is not a regular file").arg(path);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the CA file \"%1\": %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray pem = file.read(MaxCaFileBytes + 1);
    if (pem.size() > MaxCaFileBytes) {
        *error = QStringLiteral("the CA file \"%1\" is larger than %2 bytes; expected PEM "
                                "certificates")
                         .arg(path)
                         .arg(MaxCaFileBytes);
        return {};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        *error = QStringLiteral("no PEM certificate in the CA file \"%1\"").arg(path);
    return certificates;
}

#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace {

const QString Subject = QStringLiteral("/CN=agent.lab.test");
const QString AltName = QStringLiteral("subjectAltName=IP:127.0.0.1");

bool openssl(const QString &directory, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted()) {
        *error = QStringLiteral("openssl not found (Debian package openssl)");
        return false;
    }
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

QStringList newKey(TestKeyType type)
{
    if (type == TestKeyType::Ec)
        return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:prime256v1")};
    return {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")};
}

TestCertificate pathsOf(const QString &directory, const QString &name)
{
    const QDir dir(directory);
    return {dir.filePath(name + QStringLiteral(".crt")),
            dir.filePath(name + QStringLiteral(".key"))};
}

} // namespace

std::optional<TestCertificate> makeTestCertificate(const QString &directory, const QString &name,
                                                   TestKeyType type, int days, QString *error)
{
    const TestCertificate made = pathsOf(directory, name);
    if (!openssl(directory,
                 QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKey(type)
                         + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                       made.key, QStringLiteral("-out"), made.certificate,
                                       QStringLiteral("-days"), QString::number(days),
                                       QStringLiteral("-subj"), Subject, QStringLiteral("-addext"),
                                       AltName},
                 error))
        return std::nullopt;
    return made;
}

std::optional<TestCertificate> makeExpiredTestCertificate(const QString &directory,
                                                          const QString &name, QString *error)
{
    const TestCertificate made = pathsOf(directory, name);
    const QDir dir(directory);
    const QString ca = dir.filePath(name + QStringLiteral("-ca"));
    if (!QDir().mkpath(ca)) {
        *error = QStringLiteral("cannot make %1").arg(ca);
        return std::nullopt;
    }
    QFile config(ca + QStringLiteral("/ca.cnf"));
    QFile index(ca + QStringLiteral("/index.txt"));
    QFile serial(ca + QStringLiteral("/serial"));
    if (!config.open(QIODevice::WriteOnly) || !index.open(QIODevice::WriteOnly)
        || !serial.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the CA files in %1").arg(ca);
        return std::nullopt;
    }
    config.write("[ ca ]\ndefault_ca = lab\n[ lab ]\ndatabase = index.txt\nnew_certs_dir = .\n"
                 "serial = serial\ndefault_md = sha256\npolicy = anything\n"
                 "copy_extensions = copy\n[ anything ]\ncommonName = supplied\n");
    serial.write("01\n");
    config.close();
    index.close();
    serial.close();
    const QString request = ca + QStringLiteral("/request.csr");
    if (!openssl(ca,
                 QStringList{QStringLiteral("req"), QStringLiteral("-new")}
                         + newKey(TestKeyType::Rsa)
                         + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), made.key,
                                       QStringLiteral("-out"), request, QStringLiteral("-subj"),
                                       Subject, QStringLiteral("-addext"), AltName},
                 error))
        return std::nullopt;
    if (!openssl(ca,
                 {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                  QStringLiteral("ca.cnf"), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"),
                  made.key, QStringLiteral("-in"), request, QStringLiteral("-out"),
                  made.certificate, QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                  QStringLiteral("-enddate"), QStringLiteral("20200102000000Z"),
                  QStringLiteral("-notext")},
                 error))
        return std::nullopt;
    return made;
}

std::optional<TestCertificateAuthority>
makeTestCertificateAuthority(const QString &directory, const QString &serverName, QString *error)
{
    const QDir dir(directory);
    TestCertificateAuthority made{dir.filePath(QStringLiteral("CA.crt")),
                                  pathsOf(directory, serverName)};
    const QString caKey = dir.filePath(QStringLiteral("CA.key"));
    const QString request = dir.filePath(serverName + QStringLiteral(".csr"));
    const QString extensions = dir.filePath(serverName + QStringLiteral(".ext"));
    QFile extensionFile(extensions);
    if (!extensionFile.open(QIODevice::WriteOnly)
        || extensionFile.write(QStringLiteral("subjectAltName=DNS:%1\n").arg(serverName).toUtf8())
                < 0) {
        *error = QStringLiteral("cannot write %1").arg(extensions);
        return std::nullopt;
    }
    extensionFile.close();
    const QStringList ec = newKey(TestKeyType::Ec);
    const QString days = QStringLiteral("2");
    if (!openssl(directory,
                 QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                         + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), caKey,
                                       QStringLiteral("-out"), made.caCertificate,
                                       QStringLiteral("-days"), days, QStringLiteral("-subj"),
                                       QStringLiteral("/CN=DNS Watch test CA")},
                 error)
        || !openssl(directory,
                    QStringList{QStringLiteral("req")} + ec
                            + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                          made.server.key, QStringLiteral("-out"), request,
                                          QStringLiteral("-subj"),
                                          QStringLiteral("/CN=") + serverName},
                    error)
        || !openssl(directory,
                    {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                     QStringLiteral("-CA"), made.caCertificate, QStringLiteral("-CAkey"), caKey,
                     QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                     made.server.certificate, QStringLiteral("-days"), days,
                     QStringLiteral("-extfile"), extensions},
                    error))
        return std::nullopt;
    return made;
}

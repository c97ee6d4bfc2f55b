// TlsIdentity::load(): the agent's certificate and key, made by openssl, taken (RSA and EC, with
// a warning when the certificate expires soon) or refused with the file and the reason: missing,
// not PEM, a key of another certificate, expired or not yet valid, readable by others, under a
// passphrase.
#include "testcertificates.h"
#include "tlsidentity.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/xattr.h>

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCertificate m_rsa;
    TestCertificate m_ec;
    TestCertificate m_otherRsa;
    TestCertificate m_longLived;
    TestCertificate m_expired;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return file.fileName();
    }

    static QByteArray contentOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QString refusal(const QString &certificate, const QString &key,
                           const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        QString error;
        const std::optional<TlsIdentity> identity = TlsIdentity::load(certificate, key, now, &error);
        return identity ? QStringLiteral("(taken)") : error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const auto make = [&](const QString &name, TestKeyType type, int days) {
            std::optional<TestCertificate> made = makeTestCertificate(m_dir.path(), name, type,
                                                                      days, &error);
            return made.value_or(TestCertificate{});
        };
        m_rsa = make(QStringLiteral("rsa"), TestKeyType::Rsa, 2);
        QVERIFY2(!m_rsa.key.isEmpty(), qPrintable(error));
        m_ec = make(QStringLiteral("ec"), TestKeyType::Ec, 2);
        QVERIFY2(!m_ec.key.isEmpty(), qPrintable(error));
        m_otherRsa = make(QStringLiteral("other"), TestKeyType::Rsa, 2);
        QVERIFY2(!m_otherRsa.key.isEmpty(), qPrintable(error));
        m_longLived = make(QStringLiteral("long"), TestKeyType::Ec, 90);
        QVERIFY2(!m_longLived.key.isEmpty(), qPrintable(error));
        m_expired = makeExpiredTestCertificate(m_dir.path(), QStringLiteral("expired"), &error)
                            .value_or(TestCertificate{});
        QVERIFY2(!m_expired.key.isEmpty(), qPrintable(error));
    }

    void takesRsaAndEcKeysAndWarnsOfASoonExpiry_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("RSA") << QStringLiteral("rsa");
        QTest::newRow("EC") << QStringLiteral("ec");
    }
    void takesRsaAndEcKeysAndWarnsOfASoonExpiry()
    {
        QFETCH(QString, name);
        const TestCertificate &made = name == QLatin1String("rsa") ? m_rsa : m_ec;
        QString error;
        const std::optional<TlsIdentity> identity = TlsIdentity::load(
                made.certificate, made.key, QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(identity, qPrintable(error));
        QCOMPARE(identity->certificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("agent.lab.test")});
        const QSslConfiguration server = identity->serverConfiguration();
        QCOMPARE(server.localCertificate(), identity->certificate());
        QVERIFY(!server.privateKey().isNull());
        const QStringList lines = identity->startLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("TLS: certificate %1 (").arg(made.certificate)),
                 qPrintable(lines[0]));
        // Made for 2 days: 1 whole day left.
        const QString expiry = identity->certificate().expiryDate().toUTC().toString(Qt::ISODate);
        QCOMPARE(lines[1],
                 QStringLiteral("warning: the TLS certificate %1 expires in 1 day(s), on %2; the "
                                "agent takes a new one when restarted")
                         .arg(made.certificate, expiry));
    }

    void aCertificateFarFromItsExpiryGivesNoWarning()
    {
        QString error;
        const std::optional<TlsIdentity> identity = TlsIdentity::load(
                m_longLived.certificate, m_longLived.key, QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(identity, qPrintable(error));
        QCOMPARE(identity->startLines().size(), 1);
        // 14 days before its end it warns.
        const QDateTime late = identity->certificate().expiryDate().addDays(-13);
        const std::optional<TlsIdentity> later = TlsIdentity::load(m_longLived.certificate,
                                                                   m_longLived.key, late, &error);
        QVERIFY2(later, qPrintable(error));
        QCOMPARE(later->startLines().size(), 2);
        QVERIFY(later->startLines()[1].contains(QLatin1String("expires in 13 day(s)")));
    }

    void aKeyOfAnotherCertificateIsRefused_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::newRow("another RSA key") << m_rsa.certificate << m_otherRsa.key;
        QTest::newRow("an EC key for an RSA certificate") << m_rsa.certificate << m_ec.key;
        QTest::newRow("an RSA key for an EC certificate") << m_ec.certificate << m_rsa.key;
    }
    void aKeyOfAnotherCertificateIsRefused()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        const QString error = refusal(certificate, key);
        QVERIFY2(error.startsWith(QStringLiteral("--tls-key %1 does not match the certificate in "
                                                 "%2: a TLS handshake with them failed (")
                                          .arg(key, certificate)),
                 qPrintable(error));
    }

    void anExpiredOrNotYetValidCertificateIsRefused()
    {
        QCOMPARE(refusal(m_expired.certificate, m_expired.key),
                 QStringLiteral("--tls-cert %1: the certificate expired on 2020-01-02T00:00:00Z")
                         .arg(m_expired.certificate));
        const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-1);
        const QString error = refusal(m_rsa.certificate, m_rsa.key, before);
        QVERIFY2(error.startsWith(QStringLiteral("--tls-cert %1: the certificate is not valid "
                                                 "before ")
                                          .arg(m_rsa.certificate)),
                 qPrintable(error));
    }

    void filesThatAreMissingOrNotPemAreRefused()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.pem"));
        QCOMPARE(refusal(missing, m_rsa.key),
                 QStringLiteral("--tls-cert %1: No such file or directory").arg(missing));
        QCOMPARE(refusal(m_rsa.certificate, missing),
                 QStringLiteral("--tls-key %1: No such file or directory").arg(missing));
        const QString garbage = write(QStringLiteral("garbage.pem"), "not a certificate\n");
        QCOMPARE(refusal(garbage, m_rsa.key),
                 QStringLiteral("--tls-cert %1: no PEM certificate in it; expected \"-----BEGIN "
                                "CERTIFICATE-----\"")
                         .arg(garbage));
        // The two swapped: the key file holds a certificate.
        const QString certificateAsKey = write(QStringLiteral("swapped.key"),
                                               contentOf(m_rsa.certificate));
        QCOMPARE(refusal(m_rsa.certificate, certificateAsKey),
                 QStringLiteral("--tls-key %1: no PEM RSA or EC private key in it; expected "
                                "\"-----BEGIN PRIVATE KEY-----\" (or RSA or EC PRIVATE KEY)")
                         .arg(certificateAsKey));
        const QString huge = write(QStringLiteral("huge.pem"),
                                   QByteArray(TlsIdentity::MaxFileBytes + 1, 'a'));
        QCOMPARE(refusal(huge, m_rsa.key),
                 QStringLiteral("--tls-cert %1: larger than 1048576 bytes; expected a PEM file")
                         .arg(huge));
    }

    void aKeyOthersMayReadIsRefused_data()
    {
        QTest::addColumn<QFileDevice::Permissions>("extra");
        QTest::addColumn<QString>("who");
        QTest::newRow("group") << QFileDevice::Permissions(QFileDevice::ReadGroup)
                               << QStringLiteral("its group");
        QTest::newRow("others") << QFileDevice::Permissions(QFileDevice::ReadOther)
                                << QStringLiteral("others");
        QTest::newRow("both") << (QFileDevice::ReadGroup | QFileDevice::ReadOther)
                              << QStringLiteral("its group and others");
    }
    void aKeyOthersMayReadIsRefused()
    {
        QFETCH(QFileDevice::Permissions, extra);
        QFETCH(QString, who);
        const QString key = write(QStringLiteral("shared.key"), contentOf(m_rsa.key));
        QVERIFY(QFile::setPermissions(key,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | extra));
        QCOMPARE(refusal(m_rsa.certificate, key),
                 QStringLiteral("--tls-key %1: %2 may read it; a private key must be readable by "
                                "the agent's user alone (chmod 600, or systemd's LoadCredential)")
                         .arg(key, who));
    }

    // As systemd hands over a credential: mode 0400 and an access ACL letting the service's user
    // read it, which shows in the mode's group bits (the ACL's mask) as 0440.
    void aKeyReadableThroughAnAclForOneUserIsTaken()
    {
        const QString key = write(QStringLiteral("credential.key"), contentOf(m_rsa.key));
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner));
        QByteArray acl;
        const auto entry = [&acl](quint16 tag, quint16 permissions, quint32 id) {
            acl += QByteArray(reinterpret_cast<const char *>(&tag), sizeof tag);
            acl += QByteArray(reinterpret_cast<const char *>(&permissions), sizeof permissions);
            acl += QByteArray(reinterpret_cast<const char *>(&id), sizeof id);
        };
        const quint32 version = 2;
        const quint32 none = 0xffffffff;
        acl += QByteArray(reinterpret_cast<const char *>(&version), sizeof version);
        entry(0x01, 4, none); // the owner: read
        entry(0x02, 4, 65534); // the user nobody: read
        entry(0x04, 0, none); // the owning group: nothing
        entry(0x10, 4, none); // the mask: read
        entry(0x20, 0, none); // others: nothing
        QVERIFY2(::setxattr(QFile::encodeName(key).constData(), "system.posix_acl_access",
                            acl.constData(), size_t(acl.size()), 0)
                         == 0,
                 "the test's file system takes no ACL");
        QVERIFY(QFile::permissions(key) & QFileDevice::ReadGroup);
        QCOMPARE(refusal(m_rsa.certificate, key), QStringLiteral("(taken)"));
        // Others may still not read it.
        QVERIFY(QFile::setPermissions(
                key, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(refusal(m_rsa.certificate, key).contains(QLatin1String("others may read it")));
    }

    void aKeyUnderAPassphraseIsRefused()
    {
        const QString encrypted = m_dir.filePath(QStringLiteral("encrypted.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("pkey"), QStringLiteral("-in"), m_rsa.key,
                       QStringLiteral("-aes256"), QStringLiteral("-passout"),
                       QStringLiteral("pass:secret"), QStringLiteral("-out"), encrypted});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QVERIFY(QFile::setPermissions(encrypted, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(refusal(m_rsa.certificate, encrypted),
                 QStringLiteral("--tls-key %1: the key is protected by a passphrase; expected it "
                                "unencrypted (kept private by the file's mode)")
                         .arg(encrypted));
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"

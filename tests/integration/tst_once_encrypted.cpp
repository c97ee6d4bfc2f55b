// `dnswatch --once` with a resolver over DNS over TLS and DNS over HTTPS: the config's
// tls:// and https:// servers, tls_name and a ca_file beside the config, against a real unbound.
#include "binaryrun.h"
#include "encrypteddnsfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestOnceEncrypted : public QObject
{
    Q_OBJECT

private:
    EncryptedDnsFixture m_lab;
    QTemporaryDir m_dir;

    // Writes a config with one target resolved by a resolver over server; returns its path.
    QString writeConfig(const QString &server, const QString &tlsName)
    {
        QFile::remove(m_dir.filePath(QStringLiteral("lab-ca.pem")));
        QFile::copy(m_lab.caFile(), m_dir.filePath(QStringLiteral("lab-ca.pem")));
        const QJsonObject resolver{{QStringLiteral("name"), QStringLiteral("enc")},
                                   {QStringLiteral("servers"), QJsonArray{server}},
                                   {QStringLiteral("attempts"), 1},
                                   {QStringLiteral("timeout_ms"), 5000},
                                   {QStringLiteral("tls_name"), tlsName},
                                   {QStringLiteral("ca_file"), QStringLiteral("lab-ca.pem")}};
        const QJsonObject target{{QStringLiteral("name"), QStringLiteral("lab")},
                                 {QStringLiteral("host"), EncryptedDnsFixture::LabName},
                                 {QStringLiteral("resolver"), QStringLiteral("enc")},
                                 {QStringLiteral("record"), QStringLiteral("A")}};
        const QJsonObject config{{QStringLiteral("resolvers"), QJsonArray{resolver}},
                                 {QStringLiteral("targets"), QJsonArray{target}}};
        const QString path = m_dir.filePath(QStringLiteral("dnswatch.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        file.write(QJsonDocument(config).toJson());
        return path;
    }

    static QJsonObject onlyTarget(const BinaryRun &run)
    {
        return QJsonDocument::fromJson(run.out)
                .object()
                .value(QStringLiteral("targets"))
                .toArray()
                .first()
                .toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_lab.start(&error), qPrintable(error));
    }

    void resolvesThroughEachTransport_data()
    {
        QTest::addColumn<bool>("https");
        QTest::newRow("DNS over TLS") << false;
        QTest::newRow("DNS over HTTPS") << true;
    }

    void resolvesThroughEachTransport()
    {
        QFETCH(bool, https);
        const QString server = https ? m_lab.httpsServer() : m_lab.tlsServer();
        const QString config = writeConfig(server, EncryptedDnsFixture::ServerName);
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         config, QStringLiteral("--format"),
                                         QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        const QJsonObject target = onlyTarget(run);
        QCOMPARE(target.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{EncryptedDnsFixture::LabAddress});
        QCOMPARE(target.value(QStringLiteral("server")).toString(), server);
    }

    void wrongTlsNameIsTheCauseTls()
    {
        const QString config = writeConfig(m_lab.tlsServer(), QStringLiteral("other.test"));
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         config, QStringLiteral("--format"),
                                         QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject target = onlyTarget(run);
        QCOMPARE(target.value(QStringLiteral("error")).toString(), QStringLiteral("tls"));
        QVERIFY2(target.value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral(
                                 "certificate name mismatch: expected other.test, got dns.test")),
                 qPrintable(run.output()));
    }

    void missingCaFileIsAConfigErrorNamingIt()
    {
        const QString config = writeConfig(m_lab.tlsServer(), EncryptedDnsFixture::ServerName);
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("lab-ca.pem"))));
        const BinaryRun run = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), config});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output().contains(QStringLiteral("$.resolvers[0].ca_file")),
                 qPrintable(run.output()));
        QVERIFY2(run.output().contains(m_dir.filePath(QStringLiteral("lab-ca.pem"))),
                 qPrintable(run.output()));
    }
};

QTEST_GUILESS_MAIN(TestOnceEncrypted)
#include "tst_once_encrypted.moc"

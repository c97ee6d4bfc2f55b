// The config of encrypted resolvers: tls:// and https:// servers, "tls_name" and "ca_file",
// what is refused and where, and that they survive being written back.
#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "config/resolverfactory.h"
#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray withResolver(const QString &members)
{
    return QStringLiteral("{\"resolvers\": [{\"name\": \"enc\", %1}],"
                          " \"targets\": [{\"name\": \"t\", \"host\": \"t.example\", \"resolver\": "
                          "\"enc\"}]}")
            .arg(members)
            .toUtf8();
}

QString dump(const QList<ConfigError> &errors)
{
    QStringList lines;
    for (const ConfigError &error : errors)
        lines.append(error.toString());
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TestResolverTlsConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_configPath;
    QString m_caPath;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const std::optional<TestCertificateAuthority> made = makeTestCertificateAuthority(
                m_dir.path(), QStringLiteral("dns.test"), &error);
        QVERIFY2(made, qPrintable(error));
        m_caPath = made->caCertificate;
        m_configPath = m_dir.filePath(QStringLiteral("dnswatch.json"));
    }

    void encryptedServersWithNameAndCa()
    {
        const ConfigLoadResult result = parseConfig(
                withResolver(QStringLiteral(
                        "\"servers\": [\"tls://127.0.0.1:8853\", \"https://dns.example/dns-query\","
                        " \"192.0.2.53\"], \"tls_name\": \"dns.test\", \"ca_file\": \"CA.crt\"")),
                m_configPath);
        QVERIFY2(result.config, qPrintable(dump(result.errors)));
        const ResolverConfig *resolver = result.config->resolver(QStringLiteral("enc"));
        QVERIFY(resolver);
        QCOMPARE(resolver->servers.size(), 3);
        QCOMPARE(resolver->servers[0].transport, NameServer::Transport::Tls);
        QCOMPARE(resolver->servers[1].transport, NameServer::Transport::Https);
        QCOMPARE(resolver->servers[2].transport, NameServer::Transport::Udp);
        QCOMPARE(resolver->tlsName, QStringLiteral("dns.test"));
        QCOMPARE(resolver->caFile, QStringLiteral("CA.crt")); // as written
        // Read from beside the config file, where the relative name points.
        QCOMPARE(resolver->caCertificates, QSslCertificate::fromPath(m_caPath));

        // Written back, and read again, the same.
        const QJsonObject written = configToJson(*result.config);
        const QJsonObject enc =
                written.value(QStringLiteral("resolvers")).toArray().last().toObject();
        QCOMPARE(enc.value(QStringLiteral("servers")).toArray().first().toString(),
                 QStringLiteral("tls://127.0.0.1:8853"));
        QCOMPARE(enc.value(QStringLiteral("tls_name")).toString(), QStringLiteral("dns.test"));
        QCOMPARE(enc.value(QStringLiteral("ca_file")).toString(), QStringLiteral("CA.crt"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("members");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");

        const QString tls = QStringLiteral("\"servers\": [\"tls://127.0.0.1:8853\"], ");
        QTest::newRow("unknown scheme") << QStringLiteral("\"servers\": [\"quic://127.0.0.1:853\"]")
                                        << QStringLiteral("$.resolvers[0].servers[0]")
                                        << QStringLiteral("unknown scheme \"quic\"");
        QTest::newRow("tls with a path")
                << QStringLiteral("\"servers\": [\"tls://127.0.0.1:853/dns-query\"]")
                << QStringLiteral("$.resolvers[0].servers[0]") << QStringLiteral("has a path");
        QTest::newRow("missing ca_file") << tls + QStringLiteral("\"ca_file\": \"nowhere.pem\"")
                                         << QStringLiteral("$.resolvers[0].ca_file")
                                         << QStringLiteral("cannot read the CA file");
        QTest::newRow("ca_file without PEM")
                << tls + QStringLiteral("\"ca_file\": \"dnswatch.json\"")
                << QStringLiteral("$.resolvers[0].ca_file") << QStringLiteral("no PEM certificate");
        QTest::newRow("ca_file not a string")
                << tls + QStringLiteral("\"ca_file\": 7")
                << QStringLiteral("$.resolvers[0].ca_file") << QStringLiteral("string");
        QTest::newRow("tls_name not a name")
                << tls + QStringLiteral("\"tls_name\": \"not a name\"")
                << QStringLiteral("$.resolvers[0].tls_name")
                << QStringLiteral("expected a host name or IP address");
        QTest::newRow("tls_name for plain servers")
                << QStringLiteral("\"servers\": [\"127.0.0.1\"], \"tls_name\": \"dns.test\"")
                << QStringLiteral("$.resolvers[0].tls_name")
                << QStringLiteral("for tls:// and https:// servers");
        QTest::newRow("ca_file for plain servers")
                << QStringLiteral("\"servers\": [\"127.0.0.1\"], \"ca_file\": \"CA.crt\"")
                << QStringLiteral("$.resolvers[0].ca_file")
                << QStringLiteral("for tls:// and https:// servers");
    }

    void refused()
    {
        QFETCH(QString, members);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        QFile config(m_configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{}");
        config.close();

        const ConfigLoadResult result = parseConfig(withResolver(members), m_configPath);
        QVERIFY(!result.config);
        QVERIFY2(result.errors.size() == 1, qPrintable(dump(result.errors)));
        QCOMPARE(result.errors.first().path, path);
        QVERIFY2(result.errors.first().message.contains(fragment),
                 qPrintable(result.errors.first().message));
    }

    void missingCaFileIsNamedWithItsPath()
    {
        const ConfigLoadResult result = parseConfig(
                withResolver(QStringLiteral(
                        "\"servers\": [\"tls://127.0.0.1\"], \"ca_file\": \"gone.pem\"")),
                m_configPath);
        QVERIFY(!result.config);
        QVERIFY2(dump(result.errors)
                         .contains(QDir(m_dir.path()).filePath(QStringLiteral("gone.pem"))),
                 qPrintable(dump(result.errors)));
    }

    void systemResolverTakesNoTlsKeys()
    {
        const ConfigLoadResult result = parseConfig(
                QByteArrayLiteral(
                        "{\"resolvers\": [{\"name\": \"system\", \"tls_name\": \"x.test\"}],"
                        " \"targets\": [{\"name\": \"t\", \"host\": \"t.example\"}]}"),
                m_configPath);
        QVERIFY(!result.config);
        QCOMPARE(result.errors.first().path, QStringLiteral("$.resolvers[0].tls_name"));
    }
};

QTEST_GUILESS_MAIN(TestResolverTlsConfig)
#include "tst_resolvertlsconfig.moc"

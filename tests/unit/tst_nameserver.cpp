#include "dns/nameserver.h"

#include <QHostAddress>
#include <QTest>

class TestNameServer : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void toStringRoundTrip_data();
    void toStringRoundTrip();
    void encryptedAccepted_data();
    void encryptedAccepted();
    void encryptedRejected_data();
    void encryptedRejected();
    void plainParseRefusesUrls();
};

void TestNameServer::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<quint16>("port");

    QTest::newRow("IPv4, default port")
            << QStringLiteral("127.0.0.1") << QHostAddress(QHostAddress::LocalHost) << quint16(53);
    QTest::newRow("IPv4 with port") << QStringLiteral("127.0.0.1:5353")
                                    << QHostAddress(QHostAddress::LocalHost) << quint16(5353);
    QTest::newRow("IPv4, highest port")
            << QStringLiteral("192.0.2.53:65535") << QHostAddress(QStringLiteral("192.0.2.53"))
            << quint16(65535);
    QTest::newRow("IPv6 in brackets with port")
            << QStringLiteral("[::1]:5353") << QHostAddress(QHostAddress::LocalHostIPv6)
            << quint16(5353);
    QTest::newRow("IPv6 in brackets, no port")
            << QStringLiteral("[2001:db8::53]") << QHostAddress(QStringLiteral("2001:db8::53"))
            << quint16(53);
    QTest::newRow("IPv6 loopback, default port")
            << QStringLiteral("::1") << QHostAddress(QHostAddress::LocalHostIPv6) << quint16(53);
    QTest::newRow("IPv6, default port")
            << QStringLiteral("2001:db8::1") << QHostAddress(QStringLiteral("2001:db8::1"))
            << quint16(53);
    QTest::newRow("surrounding spaces") << QStringLiteral("  10.0.0.2:54 ")
                                        << QHostAddress(QStringLiteral("10.0.0.2")) << quint16(54);
}

void TestNameServer::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, address);
    QFETCH(quint16, port);

    QString error;
    const std::optional<NameServer> server = NameServer::parse(text, &error);
    QVERIFY2(server.has_value(), qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(server->address, address);
    QCOMPARE(server->address.protocol(), address.protocol());
    QCOMPARE(server->port, port);
}

void TestNameServer::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");

    const QString notAnAddress = QStringLiteral("an IP address");
    const QString badPort = QStringLiteral("bad port");
    QTest::newRow("empty") << QString() << notAnAddress;
    QTest::newRow("blank") << QStringLiteral("   ") << notAnAddress;
    // QHostAddress reads "1.2.3" and "1" as IPv4 shorthand; a nameserver must be written out.
    QTest::newRow("three octets") << QStringLiteral("1.2.3") << notAnAddress;
    QTest::newRow("single number") << QStringLiteral("1") << notAnAddress;
    QTest::newRow("single number with port") << QStringLiteral("1:53") << notAnAddress;
    QTest::newRow("octet over 255") << QStringLiteral("256.0.0.1") << notAnAddress;
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << badPort;
    QTest::newRow("port 70000") << QStringLiteral("127.0.0.1:70000") << badPort;
    QTest::newRow("port 65536") << QStringLiteral("127.0.0.1:65536") << badPort;
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << badPort;
    QTest::newRow("port not a number") << QStringLiteral("127.0.0.1:dns") << badPort;
    QTest::newRow("missing ]") << QStringLiteral("[::1") << QStringLiteral("missing ']'");
    QTest::newRow("junk after ]") << QStringLiteral("[::1]x") << badPort;
    QTest::newRow("empty port after ]") << QStringLiteral("[::1]:") << badPort;
    QTest::newRow("port 0 after ]") << QStringLiteral("[::1]:0") << badPort;
    QTest::newRow("host name") << QStringLiteral("host.example:53") << notAnAddress;
    QTest::newRow("host name, no port") << QStringLiteral("localhost") << notAnAddress;
    QTest::newRow("scoped IPv6") << QStringLiteral("fe80::1%eth0") << notAnAddress;
    QTest::newRow("scoped IPv6 in brackets") << QStringLiteral("[fe80::1%eth0]:53") << notAnAddress;
    QTest::newRow("empty brackets") << QStringLiteral("[]:53") << notAnAddress;
}

void TestNameServer::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);

    QString error;
    const std::optional<NameServer> server = NameServer::parse(text, &error);
    QVERIFY2(!server.has_value(), qPrintable(server ? server->toString() : QString()));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    if (!text.trimmed().isEmpty())
        QVERIFY2(error.contains(text), qPrintable(error)); // names what was given
    QVERIFY(!NameServer::parse(text).has_value()); // no error pointer: still refused
}

void TestNameServer::toStringRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("IPv6 with port") << QStringLiteral("[::1]:5353") << QStringLiteral("[::1]:5353");
    QTest::newRow("IPv6, port added")
            << QStringLiteral("2001:db8::1") << QStringLiteral("[2001:db8::1]:53");
    QTest::newRow("IPv6 shortened") << QStringLiteral("[2001:0db8:0:0:0:0:0:0001]:53")
                                    << QStringLiteral("[2001:db8::1]:53");
    QTest::newRow("IPv4 with port")
            << QStringLiteral("127.0.0.1:5353") << QStringLiteral("127.0.0.1:5353");
    QTest::newRow("IPv4, port added")
            << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.1:53");
}

void TestNameServer::toStringRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const std::optional<NameServer> server = NameServer::parse(text);
    QVERIFY(server.has_value());
    QCOMPARE(server->toString(), canonical);
    const std::optional<NameServer> again = NameServer::parse(server->toString());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *server);
    QCOMPARE(again->toString(), canonical);
}

void TestNameServer::encryptedAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("host");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("canonical");

    const int tls = int(NameServer::Transport::Tls);
    const int https = int(NameServer::Transport::Https);
    QTest::newRow("tls, IP and port")
            << QStringLiteral("tls://127.0.0.1:8853") << tls << QStringLiteral("127.0.0.1")
            << quint16(8853) << QStringLiteral("tls://127.0.0.1:8853");
    QTest::newRow("tls, default port")
            << QStringLiteral("tls://dns.example") << tls << QStringLiteral("dns.example")
            << quint16(853) << QStringLiteral("tls://dns.example:853");
    QTest::newRow("tls, IPv6") << QStringLiteral("tls://[::1]:853") << tls << QStringLiteral("::1")
                               << quint16(853) << QStringLiteral("tls://[::1]:853");
    QTest::newRow("tls, scheme in capitals")
            << QStringLiteral(" TLS://127.0.0.1:853 ") << tls << QStringLiteral("127.0.0.1")
            << quint16(853) << QStringLiteral("tls://127.0.0.1:853");
    QTest::newRow("https, full") << QStringLiteral("https://127.0.0.1:8443/dns-query") << https
                                 << QStringLiteral("127.0.0.1") << quint16(8443)
                                 << QStringLiteral("https://127.0.0.1:8443/dns-query");
    QTest::newRow("https, default port and path")
            << QStringLiteral("https://dns.example") << https << QStringLiteral("dns.example")
            << quint16(443) << QStringLiteral("https://dns.example:443/dns-query");
    QTest::newRow("https, own path") << QStringLiteral("https://dns.example/resolve") << https
                                     << QStringLiteral("dns.example") << quint16(443)
                                     << QStringLiteral("https://dns.example:443/resolve");
}

void TestNameServer::encryptedAccepted()
{
    QFETCH(QString, text);
    QFETCH(int, transport);
    QFETCH(QString, host);
    QFETCH(quint16, port);
    QFETCH(QString, canonical);

    QString error;
    const std::optional<NameServer> server = NameServer::parseAnyTransport(text, &error);
    QVERIFY2(server.has_value(), qPrintable(error));
    QCOMPARE(int(server->transport), transport);
    QCOMPARE(server->host, host);
    QCOMPARE(server->hostName(), host);
    QCOMPARE(server->port, port);
    QVERIFY(server->isEncrypted());
    QCOMPARE(server->toString(), canonical);
    const std::optional<NameServer> again = NameServer::parseAnyTransport(canonical);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *server);
}

void TestNameServer::encryptedRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("unknown scheme")
            << QStringLiteral("udp://127.0.0.1:53") << QStringLiteral("unknown scheme \"udp\"");
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1/dns-query")
                          << QStringLiteral("unknown scheme \"http\"");
    QTest::newRow("no host") << QStringLiteral("tls://:853") << QStringLiteral("tls://HOST_OR_IP");
    QTest::newRow("port 0") << QStringLiteral("tls://127.0.0.1:0") << QStringLiteral("bad port");
    QTest::newRow("port too big") << QStringLiteral("https://127.0.0.1:70000/dns-query")
                                  << QStringLiteral("is not");
    QTest::newRow("tls with a path")
            << QStringLiteral("tls://127.0.0.1:853/x") << QStringLiteral("has a path");
    QTest::newRow("user") << QStringLiteral("https://me@127.0.0.1/dns-query")
                          << QStringLiteral("user, query or fragment");
    QTest::newRow("query") << QStringLiteral("https://127.0.0.1/dns-query?dns=x")
                           << QStringLiteral("user, query or fragment");
    QTest::newRow("bad host") << QStringLiteral("tls://bad host:853") << QStringLiteral("is not");
    QTest::newRow("plain, still checked")
            << QStringLiteral("127.0.0.1:0") << QStringLiteral("bad port");
}

void TestNameServer::encryptedRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);

    QString error;
    const std::optional<NameServer> server = NameServer::parseAnyTransport(text, &error);
    QVERIFY2(!server.has_value(), qPrintable(server ? server->toString() : QString()));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY2(error.contains(text), qPrintable(error)); // names what was given
}

void TestNameServer::plainParseRefusesUrls()
{
    // --listen and other plain addresses never take a URL.
    QVERIFY(!NameServer::parse(QStringLiteral("tls://127.0.0.1:853")).has_value());
    QVERIFY(!NameServer::parse(QStringLiteral("https://127.0.0.1/dns-query")).has_value());
    const std::optional<NameServer> plain = NameServer::parseAnyTransport(
            QStringLiteral("127.0.0.1:5353"));
    QVERIFY(plain.has_value());
    QVERIFY(!plain->isEncrypted());
    QCOMPARE(plain->toString(), QStringLiteral("127.0.0.1:5353"));
}

QTEST_GUILESS_MAIN(TestNameServer)
#include "tst_nameserver.moc"

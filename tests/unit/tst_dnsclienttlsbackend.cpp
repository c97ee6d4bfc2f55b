#include "clock.h"
#include "dns/dnsclient.h"

#include <QFile>
#include <QTest>

// A client with plain servers only does not load the TLS backend (OpenSSL: about 4 MB of an
// agent's resident memory); one with an encrypted server does. Each in a process of its own
// (the backend once loaded stays): this file checks the plain client first, then the other.
class TestDnsClientTlsBackend : public QObject
{
    Q_OBJECT

private:
    static bool tlsBackendLoaded()
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (!maps.open(QIODevice::ReadOnly))
            qFatal("cannot read /proc/self/maps");
        return maps.readAll().contains("/plugins/tls/");
    }
    static DnsClientOptions optionsFor(const QString &server)
    {
        DnsClientOptions options;
        const std::optional<NameServer> parsed = NameServer::parseAnyTransport(server);
        if (!parsed)
            qFatal("not a server: %s", qPrintable(server));
        options.servers = {*parsed};
        return options;
    }

private Q_SLOTS:
    void plainServersLeaveTheTlsBackendUnloaded()
    {
        SystemClock clock;
        DnsClient client(optionsFor(QStringLiteral("127.0.0.1:5353")), &clock);
        QVERIFY(!tlsBackendLoaded());
    }

    void anEncryptedServerLoadsIt()
    {
        // The check above can see the backend: it is there once a client needs it.
        SystemClock clock;
        DnsClient client(optionsFor(QStringLiteral("tls://127.0.0.1:8853")), &clock);
        QVERIFY(tlsBackendLoaded());
    }
};

QTEST_GUILESS_MAIN(TestDnsClientTlsBackend)
#include "tst_dnsclienttlsbackend.moc"

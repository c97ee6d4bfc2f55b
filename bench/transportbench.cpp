// Queries per second over plain UDP, DNS over TLS (one reused connection) and DNS over HTTPS,
// each against the same unbound in one run, with the same number of queries in flight.
#include "benchsupport.h"
#include "clock.h"
#include "dns/dnsclient.h"
#include "encrypteddnsfixture.h"

#include <QElapsedTimer>
#include <QSslCertificate>

namespace {

constexpr int Names = 5000;
constexpr int InFlight = 100;

struct Rate
{
    double perSecond = 0;
    int failures = 0;
    quint64 tlsConnections = 0;
};

// Names queries through one client, InFlight at a time; the best of passes.
Rate measure(const DnsClientOptions &options, int passes)
{
    SystemClock clock;
    DnsClient client(options, &clock);
    Rate best;
    QObject context;
    // A first query opens what the transport keeps open (the TLS connection, the HTTP/2 one).
    bool warm = false;
    client.query(EncryptedDnsFixture::LabName, 1, &context,
                 [&](const DnsExchange &) { warm = true; });
    if (!runUntil([&] { return warm; }, 30000))
        qFatal("benchmark: no first answer");
    for (int pass = 0; pass < passes; ++pass) {
        int sent = 0;
        int done = 0;
        int failures = 0;
        std::function<void()> sendNext = [&] {
            const int i = sent++;
            client.query(QStringLiteral("n%1-%2.lab.test").arg(pass).arg(i), 1, &context,
                         [&](const DnsExchange &exchange) {
                             ++done;
                             if (exchange.error != DnsExchange::Error::None)
                                 ++failures;
                             if (sent < Names)
                                 sendNext();
                         });
        };
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < InFlight; ++i)
            sendNext();
        if (!runUntil([&] { return done == Names; }, 120000))
            qFatal("benchmark did not finish in time");
        const double rate = Names / (double(timer.nsecsElapsed()) / 1e9);
        if (rate > best.perSecond) {
            best.perSecond = rate;
            best.failures = failures;
        }
    }
    best.tlsConnections = client.stats().tlsConnections;
    return best;
}

Row rowOf(const QString &name, const Rate &ours, const Rate &udp, double target)
{
    const double ratio = udp.perSecond > 0 ? ours.perSecond / udp.perSecond : 0;
    return {name,
            QStringLiteral("%1 q/s%2")
                    .arg(ours.perSecond, 0, 'f', 0)
                    .arg(ours.failures ? QStringLiteral(" (%1 failed)").arg(ours.failures)
                                       : QString()),
            QStringLiteral("%1 q/s").arg(udp.perSecond, 0, 'f', 0),
            ratio,
            QStringLiteral(">= %1x").arg(target),
            ratio >= target && ours.failures == 0 && udp.failures == 0};
}

} // namespace

QList<Row> benchTransports()
{
    EncryptedDnsFixture lab;
    QString error;
    if (!lab.start(&error))
        qFatal("%s", qPrintable(error));
    const int passes = 3;
    DnsClientOptions options;
    options.timeoutMs = 5000;
    options.tlsName = EncryptedDnsFixture::ServerName;
    options.caCertificates = QSslCertificate::fromPath(lab.caFile());

    options.servers = {*NameServer::parseAnyTransport(lab.plainServer())};
    const Rate udp = measure(options, passes);
    options.servers = {*NameServer::parseAnyTransport(lab.tlsServer())};
    const Rate tls = measure(options, passes);
    options.servers = {*NameServer::parseAnyTransport(lab.httpsServer())};
    const Rate https = measure(options, passes);

    Row tlsRow = rowOf(QStringLiteral("DNS over TLS, one reused connection, vs UDP (unbound)"), tls,
                       udp, 0.5);
    if (tls.tlsConnections != 1) {
        tlsRow.ours += QStringLiteral(" (%1 connections)").arg(tls.tlsConnections);
        tlsRow.met = false;
    }
    return {tlsRow, rowOf(QStringLiteral("DNS over HTTPS vs UDP (same unbound)"), https, udp, 0.3)};
}

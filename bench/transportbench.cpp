// Queries per second over plain UDP, DNS over TLS (one reused connection) and DNS over HTTPS (one
// reused HTTP/2 connection), each against the same unbound in one run, with the same number of
// queries in flight, taking turns; and how long a probe's A and AAAA pair takes over each.
#include "benchsupport.h"
#include "clock.h"
#include "dns/dnsclient.h"
#include "encrypteddnsfixture.h"

#include <QElapsedTimer>
#include <QSslCertificate>

#include <memory>
#include <vector>

namespace {

constexpr int Names = 5000;
constexpr int InFlight = 100;
constexpr int PairCount = 200;

struct Rate
{
    double perSecond = 0;
    int failures = 0;
    quint64 connections = 0; // TLS connections (DoT and DoH's HTTP/2) opened
    qint64 pairMedianUs = -1; // a probe's A and AAAA sent together, until the later answer
    int pairFailures = 0; // queries of those pairs that failed, in every pass
};

// A client kept for the whole run, opened (the TLS connection, the HTTP/2 one) by a first query
// before any clock starts.
std::unique_ptr<DnsClient> warmClient(const DnsClientOptions &options, Clock *clock)
{
    auto client = std::make_unique<DnsClient>(options, clock);
    bool warm = false;
    QObject context;
    client->query(EncryptedDnsFixture::LabName, 1, &context,
                  [&](const DnsExchange &) { warm = true; });
    if (!runUntil([&] { return warm; }, 30000))
        qFatal("benchmark: no first answer");
    return client;
}

// Names queries through client, InFlight at a time.
Rate measurePass(DnsClient &client, int pass)
{
    QObject context;
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
    Rate rate;
    rate.perSecond = Names / (double(timer.nsecsElapsed()) / 1e9);
    rate.failures = failures;
    return rate;
}

struct Pairs
{
    qint64 medianUs = -1;
    int failures = 0;
};

// The median time from sending an A and an AAAA query together, as a probe does, until both are
// answered, over PairCount pairs one after another.
Pairs measurePairs(DnsClient &client, int pass)
{
    QObject context;
    QList<qint64> times;
    Pairs pairs;
    for (int i = 0; i < PairCount; ++i) {
        const QString name = QStringLiteral("p%1-%2.lab.test").arg(pass).arg(i);
        int answered = 0;
        QElapsedTimer timer;
        timer.start();
        for (quint16 type : {quint16(1), quint16(28)}) {
            client.query(name, type, &context, [&](const DnsExchange &exchange) {
                ++answered;
                if (exchange.error != DnsExchange::Error::None)
                    ++pairs.failures;
            });
        }
        if (!runUntil([&] { return answered == 2; }, 30000))
            qFatal("benchmark: a pair was not answered in time");
        times.append(timer.nsecsElapsed() / 1000);
    }
    pairs.medianUs = percentile(times, 0.5);
    return pairs;
}

// The transports take turns pass by pass (UDP, DoT, DoH, UDP, ...), so a burst of load from
// elsewhere on the machine does not fall on one of them only; the best pass of each counts.
QList<Rate> measureInTurns(const QList<DnsClientOptions> &transports, int passes)
{
    SystemClock clock;
    std::vector<std::unique_ptr<DnsClient>> clients;
    for (const DnsClientOptions &options : transports)
        clients.push_back(warmClient(options, &clock));
    QList<Rate> best(transports.size());
    for (int pass = 0; pass < passes; ++pass) {
        for (qsizetype i = 0; i < transports.size(); ++i) {
            const Rate rate = measurePass(*clients[size_t(i)], pass);
            if (rate.perSecond > best[i].perSecond)
                best[i] = {rate.perSecond, rate.failures, 0, best[i].pairMedianUs,
                           best[i].pairFailures};
            const Pairs pairs = measurePairs(*clients[size_t(i)], pass);
            if (best[i].pairMedianUs < 0 || pairs.medianUs < best[i].pairMedianUs)
                best[i].pairMedianUs = pairs.medianUs;
            best[i].pairFailures += pairs.failures;
        }
    }
    for (qsizetype i = 0; i < transports.size(); ++i) {
        const DnsClient::Stats stats = clients[size_t(i)]->stats();
        best[i].connections = stats.tlsConnections + stats.httpsConnections;
    }
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

// A pair over an encrypted transport beside one over UDP: it may cost the encryption, never a
// timer (a delayed ACK holding the second answer is 40 ms, hundreds of times UDP's).
Row pairRowOf(const QString &name, const Rate &ours, const Rate &udp)
{
    constexpr double Target = 5.0;
    const double ratio = udp.pairMedianUs > 0 ? double(ours.pairMedianUs) / udp.pairMedianUs : 0;
    return {name,
            QStringLiteral("%1 us%2")
                    .arg(ours.pairMedianUs)
                    .arg(ours.pairFailures ? QStringLiteral(" (%1 failed)").arg(ours.pairFailures)
                                           : QString()),
            QStringLiteral("%1 us").arg(udp.pairMedianUs),
            ratio,
            QStringLiteral("<= %1x").arg(Target, 0, 'f', 1),
            udp.pairMedianUs > 0 && ratio <= Target && ours.pairFailures == 0
                    && udp.pairFailures == 0};
}

} // namespace

QList<Row> benchTransports()
{
    EncryptedDnsFixture lab;
    QString error;
    if (!lab.start(&error))
        qFatal("%s", qPrintable(error));
    const int passes = 5;
    DnsClientOptions options;
    options.timeoutMs = 5000;
    options.tlsName = EncryptedDnsFixture::ServerName;
    options.caCertificates = QSslCertificate::fromPath(lab.caFile());
    options.tlsIdleCloseMs = 600000; // kept open while the other transports take their turns

    QList<DnsClientOptions> transports;
    for (const QString &server : {lab.plainServer(), lab.tlsServer(), lab.httpsServer()}) {
        options.servers = {*NameServer::parseAnyTransport(server)};
        transports.append(options);
    }
    const QList<Rate> rates = measureInTurns(transports, passes);
    const Rate &udp = rates[0];
    const Rate &tls = rates[1];
    const Rate &https = rates[2];

    Row tlsRow = rowOf(QStringLiteral("DNS over TLS, one reused connection, vs UDP (unbound)"), tls,
                       udp, 0.5);
    Row httpsRow = rowOf(QStringLiteral("DNS over HTTPS, one reused HTTP/2 connection, vs UDP "
                                        "(same unbound)"),
                         https, udp, 0.3);
    for (auto [row, rate] : {std::pair{&tlsRow, &tls}, std::pair{&httpsRow, &https}}) {
        if (rate->connections != 1) {
            row->ours += QStringLiteral(" (%1 connections)").arg(rate->connections);
            row->met = false;
        }
    }
    return {tlsRow, httpsRow,
            pairRowOf(QStringLiteral("A and AAAA together over DNS over TLS, until both are "
                                     "answered (median) vs UDP"),
                      tls, udp),
            pairRowOf(QStringLiteral("A and AAAA together over DNS over HTTPS, until both are "
                                     "answered (median) vs UDP"),
                      https, udp)};
}

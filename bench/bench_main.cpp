// DNS Watch benchmarks, each compared side by side with a reference measured in the same run:
//  1. a cache-hit resolve vs a bare QHash lookup of the same keys (target: at most 3x)
//  2. direct-DNS throughput over 10,000 distinct names vs dnsperf against the same dnsmasq
//     (target: at least 0.5x dnsperf's rate)
//  3. 1,000 names against a server that never answers: all end within timeout x attempts
//     + 200 ms, and memory stays flat over repeated rounds
//  4. opening seven days of history for 200 targets (historybench.cpp; target: at most 1 s)
//  5. 1,000 targets every 10 s against dnsmasq for five minutes (monitorbench.cpp; targets:
//     at most 5% of one core, at most 150 MB and flat)
//  6. a 7-day report for 200 targets in HTML, PDF and JSON (reportbench.cpp; at most 5 s)
//  7. the dashboard (dashboardbench.cpp): chart refresh with a full buffer vs 10,000 points
//     (at most 2x and 16 ms); the worst GUI event-loop stall over 1,000 probed targets (at
//     most 16 ms) and its RSS (at most 250 MB)
//  8. the agent with 1,000 targets (agentbench.cpp): /api/v1/status p95 at most 50 ms; /metrics
//     scraped every second while 64 clients long-poll the events, none refused
//  9. the dashboard watching 20 agents of 100 targets each (fleetbench.cpp): the worst GUI stall
//     at most 16 ms, its RSS at most 300 MB, a change at an agent in its table row within 1 s
//     (p95)
// 10. the wall display with 200 tiles (wallbench.cpp): a state change until repainted, worst
//     and p95 at most 16 ms
// 11. queries per second over DNS over TLS (one reused connection) and DNS over HTTPS vs plain
//     UDP against one unbound (transportbench.cpp; targets: at least 0.5x and 0.3x)
// 12. the agent beside prometheus-blackbox-exporter, 1,000 names every 10 s each (peerbench.cpp;
//     targets: RSS at most 45 MB, 55 MB and flat with --db; CPU at most 0.3x blackbox's)
#include "benchsupport.h"
#include "clock.h"
#include "dnsserverfixture.h"
#include "resolver/directdnsbackend.h"
#include "resolver/resolver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUdpSocket>

#include <functional>

namespace {

// Answers every lookup on the next event-loop turn with one address and a long TTL.
class InstantBackend final : public ResolverBackend
{
public:
    QString name() const override { return QStringLiteral("instant"); }
    int lookupTimeoutMs() const override { return 1000; }
    void lookup(const QString &, RecordKind, QObject *context, Callback callback) override
    {
        QMetaObject::invokeMethod(
                context,
                [callback] {
                    BackendAnswer answer;
                    answer.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
                    answer.ttlSeconds = 300;
                    callback(answer);
                },
                Qt::QueuedConnection);
    }
};

Row benchCacheHit()
{
    SystemClock clock;
    Resolver resolver(CachePolicy(), &clock);
    resolver.addBackend(new InstantBackend);
    QObject context;
    const int keys = 1000;
    QList<ResolveRequest> requests;
    QHash<QString, QList<QHostAddress>> bare;
    int filled = 0;
    for (int i = 0; i < keys; ++i) {
        requests.append({QStringLiteral("host%1.bench.test").arg(i), QStringLiteral("instant"),
                         RecordKind::Both});
        bare.insert(requests.last().host, {QHostAddress(QStringLiteral("10.0.0.1"))});
        resolver.resolve(requests.last(), &context, [&](const LookupResult &) { ++filled; });
    }
    if (!runUntil([&] { return filled == keys; }, 5000))
        qFatal("benchmark did not finish in time");

    // Interleaved repetitions, best of each: the machine is shared and noisy.
    const int rounds = 1'000'000;
    qint64 sum = 0;
    double oursNs = 1e9, valueNs = 1e9, findNs = 1e9;
    auto timed = [rounds](const std::function<void(int)> &body) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < rounds; ++i)
            body(i);
        return double(timer.nsecsElapsed()) / rounds;
    };
    const auto count = [&sum](const LookupResult &result) { sum += result.addresses.size(); };
    for (int repetition = 0; repetition < 7; ++repetition) {
        oursNs = qMin(oursNs,
                      timed([&](int i) { resolver.resolve(requests[i % keys], &context, count); }));
        // The reference: QHash::value(), which hands the caller its own copy of the addresses,
        // as the resolver does. constFind() without a copy is printed beside it.
        valueNs = qMin(valueNs,
                       timed([&](int i) { sum += bare.value(requests[i % keys].host).size(); }));
        findNs = qMin(findNs, timed([&](int i) {
                          sum += bare.constFind(requests[i % keys].host)->size();
                      }));
    }
    if (sum != 3LL * 7 * rounds)
        qFatal("cache-hit benchmark: wrong answers");
    const double ratio = oursNs / valueNs;
    return {QStringLiteral("cache-hit resolve vs QHash::value() of the same keys"),
            QStringLiteral("%1 ns (%2x constFind)")
                    .arg(oursNs, 0, 'f', 1)
                    .arg(oursNs / findNs, 0, 'f', 1),
            QStringLiteral("%1 ns").arg(valueNs, 0, 'f', 1),
            ratio,
            QStringLiteral("<= 3.0x"),
            ratio <= 3.0};
}

double dnsperfRate(quint16 port, const QString &queryFile, int passes)
{
    QProcess dnsperf;
    dnsperf.start(DnsServerFixture::findTool(QStringLiteral("dnsperf")),
                  {QStringLiteral("-s"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                   QString::number(port), QStringLiteral("-d"), queryFile, QStringLiteral("-n"),
                   QString::number(passes), QStringLiteral("-q"),
                   QString::number(DnsClientOptions().maxOutstanding)});
    dnsperf.waitForFinished(120000);
    for (const QByteArray &line : dnsperf.readAllStandardOutput().split('\n')) {
        if (line.trimmed().startsWith("Queries per second:"))
            return line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toDouble();
    }
    return 0;
}

Row benchThroughput()
{
    DnsServerFixture server;
    server.setQueryLogging(false);
    QString error;
    if (!server.startDnsmasq({QStringLiteral("--address=/bench.test/10.9.9.9")}, &error))
        qFatal("%s", qPrintable(error));
    const int names = 10'000;
    const int passes = 3;
    QTemporaryDir dir;
    QFile queries(dir.filePath(QStringLiteral("queries.txt")));
    queries.open(QIODevice::WriteOnly);
    for (int i = 0; i < names; ++i)
        queries.write(QStringLiteral("n%1.bench.test A\n").arg(i).toLatin1());
    queries.close();

    SystemClock clock;
    double best = 0;
    int failures = 0;
    for (int pass = 0; pass < passes; ++pass) {
        Resolver resolver(CachePolicy(), &clock); // empty cache: every name goes to the server
        DnsClientOptions options;
        options.servers = {*NameServer::parse(server.server())};
        options.timeoutMs = 2000;
        resolver.addBackend(new DirectDnsBackend(QStringLiteral("lab"), options, &clock));
        QObject context;
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < names; ++i) {
            resolver.resolve(
                    {QStringLiteral("n%1.bench.test").arg(i), QStringLiteral("lab"), RecordKind::A},
                    &context, [&](const LookupResult &r) {
                        ++done;
                        failures += r.hasAddresses() ? 0 : 1;
                    });
        }
        if (!runUntil([&] { return done == names; }, 60000))
            qFatal("benchmark did not finish in time");
        best = qMax(best, names / (double(timer.nsecsElapsed()) / 1e9));
    }
    const double reference = dnsperfRate(server.port(), queries.fileName(), passes);
    const double ratio = reference > 0 ? best / reference : 0;
    return {QStringLiteral("direct DNS, 10k names vs dnsperf (same dnsmasq)"),
            QStringLiteral("%1 q/s%2")
                    .arg(best, 0, 'f', 0)
                    .arg(failures ? QStringLiteral(" (%1 failed)").arg(failures) : QString()),
            QStringLiteral("%1 q/s").arg(reference, 0, 'f', 0),
            ratio,
            QStringLiteral(">= 0.5x"),
            ratio >= 0.5 && failures == 0};
}

Row benchBlackhole()
{
    QUdpSocket blackhole; // bound, never read: queries vanish
    blackhole.bind(QHostAddress::LocalHost, 0);
    SystemClock clock;
    const int names = 1000;
    const int timeoutMs = 500;
    const int attempts = 2;
    qint64 worstMs = 0;
    int wrong = 0;
    QList<qint64> rss;
    for (int round = 0; round < 4; ++round) {
        Resolver resolver(CachePolicy(), &clock);
        DnsClientOptions options;
        options.servers = {
                *NameServer::parse(QStringLiteral("127.0.0.1:%1").arg(blackhole.localPort()))};
        options.timeoutMs = timeoutMs;
        options.attempts = attempts;
        resolver.addBackend(new DirectDnsBackend(QStringLiteral("void"), options, &clock));
        QObject context;
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < names; ++i) {
            resolver.resolve({QStringLiteral("r%1n%2.void.test").arg(round).arg(i),
                              QStringLiteral("void"), RecordKind::A},
                             &context, [&](const LookupResult &r) {
                                 ++done;
                                 worstMs = qMax(worstMs, timer.elapsed());
                                 wrong += r.cause == FailureCause::Timeout ? 0 : 1;
                             });
        }
        if (!runUntil([&] { return done == names; }, 30000))
            qFatal("benchmark did not finish in time");
        rss.append(residentKb());
    }
    const qint64 limit = qint64(timeoutMs) * attempts + 200;
    const qint64 growthKb = rss.last() - rss[1]; // after the first round warmed up
    return {QStringLiteral("1,000 names, silent server: slowest answer"),
            QStringLiteral("%1 ms, RSS %2%3 KiB over 3 rounds")
                    .arg(worstMs)
                    .arg(growthKb >= 0 ? QStringLiteral("+") : QString())
                    .arg(growthKb),
            QStringLiteral("%1 ms limit").arg(limit),
            double(worstMs) / double(limit),
            QStringLiteral("<= 1.0x, flat"),
            worstMs <= limit && wrong == 0 && growthKb < 2048};
}

constexpr int PeerDefaultS = 180; // each of the peer run's turns

// The variable's value when it is a positive number, else fallback.
int positiveEnv(const char *variable, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(variable, &ok);
    return ok && value > 0 ? value : fallback;
}

// How long a group may run before it counts as hung: 30 minutes, or for the peer run its five
// turns as long as they are set (each with its warm-up and its process's start and end) and
// 10 minutes more.
int defaultGroupLimitS(const QString &group)
{
    constexpr int Default = 1800;
    if (group != QLatin1String("peer"))
        return Default;
    const int turnS = positiveEnv("DNSWATCH_BENCH_PEER_S", PeerDefaultS);
    const int dbTurnS = positiveEnv("DNSWATCH_BENCH_PEER_DB_S", turnS);
    return qMax(Default, 4 * (turnS + 60) + dbTurnS + 60 + 600);
}

// Runs one group of benchmarks in this process.
QList<Row> runGroup(const QString &group)
{
    QList<Row> rows;
    if (group == QLatin1String("cache"))
        rows.append(benchCacheHit());
    else if (group == QLatin1String("throughput"))
        rows.append(benchThroughput());
    else if (group == QLatin1String("blackhole"))
        rows.append(benchBlackhole());
    else if (group == QLatin1String("monitor")) {
        // Five minutes unless DNSWATCH_BENCH_MONITOR_S says otherwise (CI runs a slice).
        rows.append(benchMonitor(positiveEnv("DNSWATCH_BENCH_MONITOR_S", 300)));
        rows.append(benchMonitorMemory());
    } else if (group == QLatin1String("history"))
        rows.append(benchHistoryOpen());
    else if (group == QLatin1String("report"))
        rows += benchReports();
    else if (group == QLatin1String("charts"))
        rows.append(benchChartRefresh());
    else if (group == QLatin1String("dashboard"))
        rows.append(benchDashboardStall(positiveEnv("DNSWATCH_BENCH_DASHBOARD_TARGETS", 1000),
                                        positiveEnv("DNSWATCH_BENCH_DASHBOARD_S", 60)));
    else if (group == QLatin1String("agent"))
        rows += benchAgent(positiveEnv("DNSWATCH_BENCH_AGENT_S", 60));
    else if (group == QLatin1String("fleet")) {
        rows += benchFleet(positiveEnv("DNSWATCH_BENCH_FLEET_AGENTS", 20),
                           positiveEnv("DNSWATCH_BENCH_FLEET_TARGETS", 100),
                           positiveEnv("DNSWATCH_BENCH_FLEET_S", 60));
    } else if (group == QLatin1String("wall"))
        rows += benchWall(positiveEnv("DNSWATCH_BENCH_WALL_CHANGES", 200));
    else if (group == QLatin1String("transports"))
        rows += benchTransports();
    else if (group == QLatin1String("paths"))
        rows += benchComparedPaths();
    else if (group == QLatin1String("peer")) {
        const int seconds = positiveEnv("DNSWATCH_BENCH_PEER_S", PeerDefaultS);
        rows += benchPeer(seconds, positiveEnv("DNSWATCH_BENCH_PEER_DB_S", seconds));
    }
    return rows;
}

constexpr char ChildVariable[] = "DNSWATCH_BENCH_GROUP_CHILD";
const QString RowPrefix = QStringLiteral("ROW\t");

// A child prints its rows for the parent, one tab-separated line each.
void printRows(const QList<Row> &rows)
{
    QTextStream out(stdout);
    for (const Row &row : rows) {
        out << RowPrefix
            << QStringList{row.name,      row.ours,
                           row.reference, QString::number(row.ratio),
                           row.target,    row.met ? QStringLiteral("1") : QStringLiteral("0")}
                        .join(QLatin1Char('\t'))
            << '\n';
    }
}

// Each group in a process of its own, so one's memory (RSS is the whole process's) or threads
// never count in another's figures; what a child says besides its rows goes to stderr.
QList<Row> runGroupInChild(const QString &group)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {group});
    // A hung group is ended after DNSWATCH_BENCH_GROUP_TIMEOUT_S and its row says so.
    const int limitS = positiveEnv("DNSWATCH_BENCH_GROUP_TIMEOUT_S", defaultGroupLimitS(group));
    const bool timedOut = !child.waitForFinished(limitS * 1000);
    if (timedOut) {
        child.kill();
        child.waitForFinished();
    }
    QList<Row> rows;
    QTextStream err(stderr);
    for (const QString &line : QString::fromUtf8(child.readAllStandardOutput()).split(u'\n')) {
        if (!line.startsWith(RowPrefix)) {
            if (!line.isEmpty())
                err << line << '\n';
            continue;
        }
        const QStringList fields = line.mid(RowPrefix.size()).split(u'\t');
        if (fields.size() == 6)
            rows.append({fields[0], fields[1], fields[2], fields[3].toDouble(), fields[4],
                         fields[5] == QLatin1String("1")});
    }
    if (timedOut) {
        rows.append({QStringLiteral("%1 (failed)").arg(group),
                     QStringLiteral("ended after %1 s (DNSWATCH_BENCH_GROUP_TIMEOUT_S)").arg(limitS),
                     QString(), 0, QString(), false});
    } else if (child.exitStatus() != QProcess::NormalExit || rows.isEmpty()) {
        rows.append({QStringLiteral("%1 (failed)").arg(group),
                     QStringLiteral("exit %1, %2").arg(child.exitCode()).arg(child.errorString()),
                     QString(), 0, QString(), false});
    }
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    // The dashboard benchmarks draw widgets: offscreen, no display needed.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList groups{
            QStringLiteral("cache"),   QStringLiteral("throughput"), QStringLiteral("blackhole"),
            QStringLiteral("monitor"), QStringLiteral("history"),    QStringLiteral("report"),
            QStringLiteral("charts"),  QStringLiteral("dashboard"),  QStringLiteral("agent"),
            QStringLiteral("fleet"),   QStringLiteral("wall"),       QStringLiteral("transports"),
            QStringLiteral("paths"),   QStringLiteral("peer")};
    if (qEnvironmentVariableIsSet(ChildVariable)) {
        printRows(runGroup(app.arguments().value(1)));
        return 0;
    }
    QTextStream out(stdout);
    // Arguments pick benchmarks by name; none runs them all.
    QStringList wanted = app.arguments().mid(1);
    for (const QString &name : std::as_const(wanted)) {
        if (!groups.contains(name)) {
            out << "unknown benchmark \"" << name
                << "\"; known: " << groups.join(QLatin1String(", ")) << '\n';
            return 2;
        }
    }
    if (wanted.isEmpty())
        wanted = groups;
    out << "DNS Watch benchmarks on " << machine() << " (each group in a process of its own)\n";
    out.flush();
    QList<Row> rows;
    for (const QString &group : std::as_const(groups)) {
        if (wanted.contains(group))
            rows += runGroupInChild(group);
    }
    out << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6\n")
                    .arg(QStringLiteral("benchmark"), -52)
                    .arg(QStringLiteral("DNS Watch"), -34)
                    .arg(QStringLiteral("reference"), -14)
                    .arg(QStringLiteral("ratio"), 6)
                    .arg(QStringLiteral("target"), -14)
                    .arg(QStringLiteral("met"));
    bool allMet = true;
    for (const Row &row : rows) {
        out << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6\n")
                        .arg(row.name, -52)
                        .arg(row.ours, -34)
                        .arg(row.reference, -14)
                        .arg(QStringLiteral("%1x").arg(row.ratio, 0, 'f', 2), 6)
                        .arg(row.target, -14)
                        .arg(row.met ? QStringLiteral("yes") : QStringLiteral("NO"));
        allMet = allMet && row.met;
    }
    // CI runs short slices to keep the benchmarks working; there the figures are only printed.
    if (qEnvironmentVariableIsSet("DNSWATCH_BENCH_REPORT_ONLY"))
        return 0;
    return allMet ? 0 : 1;
}

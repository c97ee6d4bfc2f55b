// 1,000 targets probed every 10 s (with the scheduler's jitter) through a direct resolver against
// a local dnsmasq, every other one also checked over TCP at a loopback listener, the history kept
// in SQLite and /metrics rendered every 15 s as a Prometheus scrape would: the CPU and memory of
// this process once it has settled. Targets: at most 5% of one core, at most 150 MB, flat.
#include "benchsupport.h"
#include "dnsserverfixture.h"
#include "probe/monitor.h"
#include "prometheusmetrics.h"
#include "store/historyrecorder.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

namespace {
struct MemoryTrace
{
    qint64 settledKb = 0; // first sample after warm-up
    qint64 lastKb = 0;
    qint64 maxKb = 0;
    int samples = 0;
} g_memory;

constexpr int Targets = 1000;
constexpr int WarmUpS = 30; // every target has been probed at least twice

AppConfig monitorConfig(const QString &dnsServer, quint16 servicePort)
{
    AppConfig config = benchTargets(dnsServer, Targets, QStringLiteral("mon.bench.test"));
    for (int i = 1; i < Targets; i += 2) {
        config.targets[i].check.type = CheckConfig::Type::Tcp;
        config.targets[i].check.port = servicePort;
    }
    return config;
}
} // namespace

Row benchMonitor(int seconds)
{
    DnsServerFixture dns;
    dns.setQueryLogging(false);
    QString error;
    if (!dns.startDnsmasq({QStringLiteral("--address=/mon.bench.test/127.0.0.1")}, &error))
        qFatal("%s", qPrintable(error));
    QTcpServer service; // accepts and hangs up, as a health port would
    if (!service.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen on loopback");
    QObject::connect(&service, &QTcpServer::newConnection, &service, [&service] {
        while (QTcpSocket *socket = service.nextPendingConnection()) {
            // Not "disconnectFromHost(), then delete on disconnected": with nothing to send it
            // disconnects at once, before the connection to that signal, and every socket
            // stayed (the leak this benchmark once measured as the monitor's).
            socket->close();
            socket->deleteLater();
        }
    });

    const AppConfig config = monitorConfig(dns.server(), service.serverPort());
    SystemClock clock;
    Monitor monitor(config, EnvFallback(), MlflowCredentials(), &clock);
    QTemporaryDir dir;
    HistoryStore history(config.history, config.cache.maxStaleS, &clock);
    std::unique_ptr<HistoryRecorder> recorder;
    openHistory(&history, dir.filePath(QStringLiteral("monitor.db")), &monitor,
                [&](const QString &why, const SchemaReport &, const RestoredState &state) {
                    if (!why.isEmpty())
                        qFatal("%s", qPrintable(why));
                    recorder = std::make_unique<HistoryRecorder>(monitor.resolver(), &history,
                                                                 state);
                    recorder->watch(&monitor);
                });
    qint64 probes = 0;
    qint64 failed = 0;
    QObject::connect(&monitor, &Monitor::resultRecorded, &monitor, [&](const ProbeResult &result) {
        ++probes;
        failed += result.reachable ? 0 : 1;
    });
    QTimer scrape;
    qint64 scrapedBytes = 0;
    QObject::connect(&scrape, &QTimer::timeout, &monitor,
                     [&] { scrapedBytes = prometheusMetrics(monitor).size(); });
    scrape.start(15'000);

    runFor(WarmUpS * 1000);
    QElapsedTimer wall;
    const qint64 cpuStart = cpuTimeMs();
    const qint64 probesStart = probes;
    const qint64 failedStart = failed;
    wall.start();
    g_memory = MemoryTrace();
    QTimer sampler;
    auto sample = [] {
        const qint64 kb = residentKb();
        if (g_memory.samples++ == 0)
            g_memory.settledKb = kb;
        g_memory.lastKb = kb;
        g_memory.maxKb = std::max(g_memory.maxKb, kb);
    };
    sample();
    QObject::connect(&sampler, &QTimer::timeout, &monitor, sample);
    sampler.start(10'000);
    runFor(seconds * 1000);
    sample();
    const double elapsedS = double(wall.elapsed()) / 1000.0;
    const double cpuPercent = double(cpuTimeMs() - cpuStart) / (elapsedS * 1000.0) * 100.0;
    const qint64 measured = probes - probesStart;
    const qint64 failures = failed - failedStart;
    const double limitPercent = 5.0;
    return {QStringLiteral("1,000 targets every 10 s for %1 s: CPU").arg(seconds),
            QStringLiteral("%1% of a core, %2 probes/s%3")
                    .arg(cpuPercent, 0, 'f', 2)
                    .arg(double(measured) / elapsedS, 0, 'f', 0)
                    .arg(failures ? QStringLiteral(" (%1 failed)").arg(failures) : QString()),
            QStringLiteral("%1% limit").arg(limitPercent, 0, 'f', 0),
            cpuPercent / limitPercent,
            QStringLiteral("<= 1.0x"),
            cpuPercent <= limitPercent && failures == 0 && measured > 0 && scrapedBytes > 0};
}

Row benchMonitorMemory()
{
    const double limitMb = 150;
    const double maxMb = double(g_memory.maxKb) / 1024.0;
    const double driftMb = double(g_memory.lastKb - g_memory.settledKb) / 1024.0;
    const double flatMb = 8; // allocator noise, SQLite's page cache filling up
    return {QStringLiteral("the same run: resident memory"),
            QStringLiteral("max %1 MB, %2%3 MB over %4 samples")
                    .arg(maxMb, 0, 'f', 1)
                    .arg(driftMb >= 0 ? QStringLiteral("+") : QString())
                    .arg(driftMb, 0, 'f', 1)
                    .arg(g_memory.samples),
            QStringLiteral("%1 MB limit").arg(limitMb, 0, 'f', 0),
            maxMb / limitMb,
            QStringLiteral("<= 1.0x, flat"),
            maxMb <= limitMb && driftMb <= flatMb};
}

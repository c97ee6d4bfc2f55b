// The dashboard under load, offscreen:
//  - chart refresh: redrawing the selected target's charts (its hour full) for a new second of
//    data, with every target's recent results held (200 targets, two hours at 10 s: the
//    buffer's bound; older history is read from SQLite in buckets) against 10,000 points in
//    all. Targets: at most 2x the small case and at most 16 ms.
//  - the main window over 1,000 local targets probed every 10 s against dnsmasq (history in
//    SQLite): the longest stall of the GUI event loop (a 1 ms timer's worst lateness, with how
//    much of it the GUI thread was on the CPU, and its p99) and the RSS.
//    Targets: stall at most 16 ms, at most 250 MB.
#include "benchsupport.h"
#include "charts/targetcharts.h"
#include "dnsserverfixture.h"
#include "mainwindow.h"
#include "stallprobe.h"
#include "store/historyrecorder.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int ChartTargets = 200;
constexpr qint64 StallGoalMs = 16;
constexpr double RssGoalMb = 250;
constexpr QSize WindowSize(1440, 900);

ProbeResult syntheticResult(int target, qint64 timeMs)
{
    ProbeResult result;
    result.time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    result.target = QStringLiteral("t%1").arg(target);
    result.resolution.source = ResolutionSource::Fresh;
    result.resolution.addresses = {QHostAddress(QStringLiteral("127.0.0.1"))};
    result.resolution.latencyUs = 300 + (timeMs / 1000) % 700;
    result.checked = true;
    result.check.ok = (timeMs / 10'000) % 17 != 0;
    result.check.latencyUs = 2000;
    result.reachable = result.check.ok;
    return result;
}

// The median time of redrawing target t0's charts (its last hour full) after one more result,
// over many rounds, with the other targets holding pointsPerOther results each.
double redrawMs(int pointsPerOther)
{
    // The charts take now from their monitor's clock: a manual one here, a second later each
    // round. The monitor has no targets (it would probe them as the clock moves): the charts read
    // every target's results from the buffer.
    ManualClock clock;
    const auto now = [&clock] { return clock.wallTime().toMSecsSinceEpoch(); };
    ProbeHistoryBuffer buffer;
    const int full = int(ProbeHistoryBuffer::KeptMs / 10'000);
    for (int target = 0; target < ChartTargets; ++target) {
        for (int i = target == 0 ? full : pointsPerOther; i > 0; --i)
            buffer.add(syntheticResult(target, now() - qint64(i) * 10'000));
    }
    Monitor monitor(AppConfig(), EnvFallback(), MlflowCredentials(), &clock);
    CacheCensusBuffer census(&monitor);
    EventLogModel events;
    TargetCharts charts(&monitor, &buffer, &census, &events);
    charts.resize(1100, 260);
    charts.show();
    charts.setRangeMs(3600'000);
    // Only showTarget() redraws: with the buffers quiet, the charts' own once-a-second redraw
    // runs neither inside a measured round nor between two (where it would move the axes first).
    const QSignalBlocker quietResults(buffer);
    const QSignalBlocker quietCensus(census);
    QList<double> times;
    for (int round = 0; round < 60; ++round) {
        clock.advance(1000);
        buffer.add(syntheticResult(0, now() - 1)); // the window ends at now
        QElapsedTimer timer;
        timer.start();
        charts.showTarget(QStringLiteral("t0")); // the redraw a new second of data asks for
        do
            QCoreApplication::processEvents(); // the scenes take in the new series
        while (charts.isPlotting()); // one chart after another
        const QPixmap painted = charts.grab(); // and everything is painted
        if (painted.isNull())
            qFatal("the charts did not paint");
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}
} // namespace

Row benchChartRefresh()
{
    const double small = redrawMs(10'000 / ChartTargets);
    const double large = redrawMs(int(ProbeHistoryBuffer::KeptMs / 10'000));
    // Older history is not held at all: 24 h and 7 days come from SQLite in buckets.
    const double ratio = large / small;
    return {QStringLiteral("chart refresh, 200 targets x 2 h held vs 10,000 points"),
            QStringLiteral("%1 ms (small: %2 ms)").arg(large, 0, 'f', 2).arg(small, 0, 'f', 2),
            QStringLiteral("<= 16 ms"),
            ratio,
            QStringLiteral("<= 2.0x, <= 16 ms"),
            ratio <= 2.0 && large <= 16.0};
}

Row benchDashboardStall(int targets, int seconds)
{
    DnsServerFixture dns;
    dns.setQueryLogging(false);
    QString error;
    if (!dns.startDnsmasq({QStringLiteral("--address=/gui.bench.test/127.0.0.1")}, &error))
        qFatal("%s", qPrintable(error));
    const AppConfig config = benchTargets(dns.server(), targets, QStringLiteral("gui.bench.test"));
    SystemClock clock;
    Monitor monitor(config, EnvFallback(), MlflowCredentials(), &clock);
    QTemporaryDir dir;
    HistoryStore history(config.history, config.cache.maxStaleS, &clock);
    std::unique_ptr<HistoryRecorder> recorder;
    openHistory(
            &history, dir.filePath(QStringLiteral("gui.db")), &monitor,
            [&](const QString &why, const SchemaReport &, const RestoredState &state) {
                if (!why.isEmpty())
                    qFatal("%s", qPrintable(why));
                recorder = std::make_unique<HistoryRecorder>(monitor.resolver(), &history, state);
                recorder->watch(&monitor);
            },
            PageCheck::InBackground);
    MainWindow window(&monitor);
    window.setHistory(&history);
    window.resize(WindowSize); // as the fleet run's: a desk's screen
    window.show();
    window.selectTarget(QStringLiteral("t0"));

    runFor(12'000); // the first round of probes and the window's first layout
    StallProbe stalls;
    const qint64 cpuBefore = cpuTimeMs();
    stalls.start();
    qint64 maxKb = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &window,
                     [&] { maxKb = std::max(maxKb, residentKb()); });
    sampler.start(1000);
    runFor(seconds * 1000);
    stalls.stop();
    const double cpuPercent = double(cpuTimeMs() - cpuBefore) / (seconds * 10.0);
    const double maxMb = double(maxKb) / 1024.0;
    const qint64 worst = stalls.worstMs();
    return {QStringLiteral("dashboard, %1 targets for %2 s: worst GUI stall, RSS")
                    .arg(targets)
                    .arg(seconds),
            QStringLiteral("%1; CPU %2%; RSS max %3 MB")
                    .arg(stalls.summary(StallGoalMs))
                    .arg(cpuPercent, 0, 'f', 1)
                    .arg(maxMb, 0, 'f', 1),
            QStringLiteral("%1 ms, %2 MB").arg(StallGoalMs).arg(RssGoalMb, 0, 'f', 0),
            std::max(double(worst) / double(StallGoalMs), maxMb / RssGoalMb),
            QStringLiteral("<= %1 ms, <= %2 MB").arg(StallGoalMs).arg(RssGoalMb, 0, 'f', 0),
            worst <= StallGoalMs && maxMb <= RssGoalMb};
}

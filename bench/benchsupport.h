#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

// One line of the benchmark table: ours beside a reference measured in the same run.
struct Row
{
    QString name;
    QString ours;
    QString reference;
    double ratio = 0;
    QString target;
    bool met = false;
};

// Runs the event loop until done() holds, checking after every batch of events, as an application
// would (QTest::qWaitFor sleeps 10 ms between checks, which would dominate the measurement).
bool runUntil(const std::function<bool()> &done, int timeoutMs);
// Runs the event loop for ms as an application does, sleeping while there is nothing to do (the
// CPU a run costs is then the program's, not this loop's).
void runFor(int ms);
qint64 residentKb();
qint64 residentKbOf(qint64 pid); // another process's (VmRSS), -1 when it cannot be read
// The value below which the fraction p (0..1) of values lie; -1 when there are none.
qint64 percentile(QList<qint64> values, double p);
// A config of `count` targets "tN.<zone>" (interval 10 s, dns checks) on one direct resolver
// "lab" at dnsServer.
struct AppConfig;
AppConfig benchTargets(const QString &dnsServer, int count, const QString &zone);
// User plus system CPU time of this process so far.
qint64 cpuTimeMs();
// CPU time of the calling thread so far (on the CPU, not waiting for it), in microseconds.
qint64 threadCpuUs();
QString machine(); // "AMD EPYC ..., 2 cores"

Row benchMonitor(int seconds); // monitorbench.cpp
Row benchMonitorMemory(); // the memory side of the last benchMonitor() run
Row benchHistoryOpen(); // historybench.cpp
// Seven days of 200 targets (t0..t199) probed every 10 s, as an agent leaves them (the raw
// results of the last day only), into the history file at path.
void fillHistoryWeek(const QString &path, const QDateTime &now);
QList<Row> benchReports(); // reportbench.cpp
Row benchChartRefresh(); // dashboardbench.cpp
// The main window over targets local targets probed every 10 s for seconds: GUI stall, RSS.
Row benchDashboardStall(int targets, int seconds);
// The real agent with 1,000 targets: /api/v1/status, and /metrics beside 64 long polls for
// seconds (agentbench.cpp).
QList<Row> benchAgent(int seconds);
// The dashboard watching agentCount real agents of targetCount targets each for seconds
// (fleetbench.cpp): GUI stall, RSS, a change at an agent until its table row shows it.
QList<Row> benchFleet(int agentCount, int targetCount, int seconds);
// The wall display with 200 tiles: changes state changes, each timed until repainted
// (wallbench.cpp).
QList<Row> benchWall(int changes);
// Queries per second over plain UDP, DNS over TLS and DNS over HTTPS against one unbound
// (transportbench.cpp).
QList<Row> benchTransports();
// A probe comparing three resolver paths beside one of one path, against one unbound: CPU and
// wall time per probe (pathsbench.cpp).
QList<Row> benchComparedPaths();
// The real agent with 1,000 targets beside prometheus-blackbox-exporter at the same 100 probes/s,
// A B A B for seconds each, then the agent with --db for dbSeconds: CPU, RSS, scrape size
// (peerbench.cpp).
QList<Row> benchPeer(int seconds, int dbSeconds);

#include "demomode.h"

#include "console.h"
#include "demolab.h"
#include "headlessmode.h"
#include "oncemode.h"

#include <QTcpServer>

#include <unistd.h>

namespace {

constexpr quint16 UsualMetricsPort = 9108;

// The agent over the lab: on loopback, 9108 unless something holds it (then a free port, which
// the agent prints).
HeadlessAgent::Options labAgentOptions()
{
    HeadlessAgent::Options options;
    options.listenAddress = QHostAddress::LocalHost;
    QTcpServer probe;
    options.listenPort = probe.listen(options.listenAddress, UsualMetricsPort) ? UsualMetricsPort
                                                                               : 0;
    options.terminal = ::isatty(STDOUT_FILENO);
    return options;
}

} // namespace

int runDemoMode(QCoreApplication &app, const CommandLine &commandLine,
                const DashboardLauncher &dashboard)
{
    SystemClock clock;
    DemoLab lab(&clock);
    QString error;
    if (!lab.start(&error))
        return Console::fail(QStringLiteral("--demo: %1").arg(error));
    const DemoLab::Run run = commandLine.mode == RunMode::Once ? DemoLab::Run::Once
                                                               : DemoLab::Run::Agent;
    // JSON on stdout stays parseable: the banner goes to stderr then.
    const bool json = run == DemoLab::Run::Once && commandLine.onceFormat == QLatin1String("json");
    QTextStream &banner = json ? Console::err() : Console::out();
    banner << lab.banner(run);
    banner.flush();
    switch (commandLine.mode) {
    case RunMode::Once:
        return runOnceMode(app, lab.config(), lab.envFallback(), commandLine.onceFormat,
                           commandLine.dbPath);
    case RunMode::Dashboard:
        if (dashboard)
            return dashboard(lab.config(), lab.envFallback(), {QString(), commandLine.dbPath, {}});
        break;
    default:
        break;
    }
    // Phase changes go where the agent's own lines go: under the live status in a terminal.
    return runHeadlessMode(
            app, labAgentOptions(), lab.config(), lab.envFallback(), commandLine.dbPath,
            commandLine.reportSchedule, [&lab](HeadlessAgent &agent) {
                QObject::connect(&lab, &DemoLab::phaseAnnounced, &agent, &HeadlessAgent::log);
            });
}

#pragma once

#include "config/appconfig.h"
#include "resolver/envfallback.h"

#include <QStringList>

#include <functional>

class QCoreApplication;

// What the dashboard is asked to show: a checked config (a file's, the embedded default or the
// demo lab's), the environment fallback, the history file (empty: none), the language of
// the interface from --lang (empty: the system locale's) and the config file the settings
// editor saves to (empty: none, for the embedded default and the demo lab).
struct DashboardRequest
{
    AppConfig config;
    EnvFallback env;
    QString dbPath;
    QString language;
    QString configPath;
};
// Whether arguments ask for a report (--report, --report-every): drawing one needs a
// QGuiApplication (offscreen is enough).
bool argumentsWantReports(const QStringList &arguments);
using DashboardLauncher = std::function<int(const DashboardRequest &)>;

// True when these arguments (argv, program name first) leave the mode to the dashboard: none
// of --once, --headless, --format, --help or --version.
bool argumentsWantDashboard(const QStringList &arguments);

// `dnswatch` as the command line sees it. Parses the arguments, reports errors itself (exit
// code 2), runs the chosen mode on the application's event loop and returns the exit code.
// Without a mode it opens the dashboard through `dashboard` (the app links it), or runs --once
// when there is none.
int runCommandLine(QCoreApplication &app, const DashboardLauncher &dashboard = {});

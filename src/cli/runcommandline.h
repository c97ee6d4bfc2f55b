#pragma once

#include "commandline.h"
#include "dashboardlauncher.h"

#include <QCoreApplication>

// Runs the mode a parsed command line asks for on the application's event loop and returns the
// exit code: prints help or the version; reads the config (--config, else the embedded default)
// and the environment fallback; then --once, --headless, --report, --demo, or the dashboard
// through dashboard (none given: --once).
int runCommandLine(QCoreApplication &app, const CommandLine &commandLine,
                   const DashboardLauncher &dashboard = {});

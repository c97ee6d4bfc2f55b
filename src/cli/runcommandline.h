#pragma once

#include "commandline.h"
#include "dashboardlauncher.h"

#include <QCoreApplication>

// Runs the mode a parsed command line asks for on the application's event loop and returns the
// exit code: prints help or the version; reads the config (--config; else, for the dashboard,
// the user's own, made on first start, and for the others the embedded default) and the
// environment fallback; then --once, --headless, --report, --demo, or the dashboard through
// dashboard (none given: --once), with the user's history unless --db names one.
// A dashboard whose own config (no --config) does not load, or cannot be made, is refused with
// exit code 2 after refusal, when given, has shown why.
int runCommandLine(QCoreApplication &app, const CommandLine &commandLine,
                   const DashboardLauncher &dashboard = {}, const DashboardRefusal &refusal = {});

#pragma once

#include "commandline.h"
#include "dashboardlauncher.h"

#include <QCoreApplication>

// `dnswatch --demo`: starts the built-in lab, prints what it is, then watches it as the command
// line asks: one --once round, the agent (--headless), or the dashboard through dashboard.
int runDemoMode(QCoreApplication &app, const CommandLine &commandLine,
                const DashboardLauncher &dashboard);

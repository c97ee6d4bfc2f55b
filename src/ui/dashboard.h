#pragma once

#include "config/appconfig.h"
#include "resolver/envfallback.h"

// What the dashboard is asked to show: a checked config (a file's or the demo lab's), the
// environment fallback, the history file (empty: none), the language of the interface (empty: the
// system locale's) and the config file the settings editor saves to (empty: none, for the demo
// lab), and why there is no history when one was meant to be kept (said in the window).
struct DashboardRequest
{
    AppConfig config;
    EnvFallback env;
    QString dbPath;
    QString language;
    QString configPath;
    QString historyProblem;
};

// Opens the dashboard over the request's config on the running QApplication and returns its
// exit code when the window closes. With a history file, its last-known-good answers, pins and
// counts are taken back; the file's pages are checked in the background, so it opens at once.
// A history that cannot be opened (another dashboard writes it) leaves this one without, and
// the window says why.
int runDashboard(const DashboardRequest &request);

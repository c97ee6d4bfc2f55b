#pragma once

#include "config/appconfig.h"
#include "resolver/envfallback.h"

#include <functional>

// The files the dashboard runs on: those of --config and --db, or, without them, the user's own
// (userfiles.h); none for the demo lab.
struct DashboardFiles
{
    QString configPath; // the file the settings editor saves to; empty: none (the demo lab)
    QString dbPath; // the history; empty: none
    // Why the user's history could not be kept (its folder could not be made): the dashboard
    // runs without one and says so. Empty when there is nothing to say.
    QString historyProblem;
};

// Opens the dashboard over a checked config and returns its exit code when the window closes.
// The application gives it (it links the widgets; the command line does not).
using DashboardLauncher = std::function<int(const AppConfig &config, const EnvFallback &env,
                                            const DashboardFiles &files)>;

// Shows why the dashboard does not open (its config does not load: the same lines as on
// stderr) where its user looks, in a window: from the desktop menu there is no terminal.
// Returns once it has been read.
using DashboardRefusal = std::function<void(const QString &problems)>;

#pragma once

#include "dashboardlauncher.h"

// Where the dashboard keeps its files for the user when the command line names none, as the
// platform expects them (QStandardPaths): the config in the per-user config folder
// (AppConfigLocation, on Linux ~/.config/dnswatch/dnswatch/dnswatch.json) and the history in the
// per-user data folder (AppDataLocation, ~/.local/share/dnswatch/dnswatch/history.db).
namespace UserFiles {

QString configPath();
QString historyPath();

// The user's config for a dashboard started without --config: written on first start from the
// embedded default (with the MLflow server of MLFLOW_TRACKING_URI, as the default watches it),
// atomically, in folders only the user may enter (0700). Returns its path; empty, with why
// (which file, what went wrong), when it cannot be made.
QString prepareConfig(QString *error);

// The user's history for a dashboard started without --db (files->dbPath empty), its folder
// made as the config's; a folder that cannot be made leaves the history off, with
// files->historyProblem saying why.
void prepareHistory(DashboardFiles *files);

} // namespace UserFiles

#pragma once

#include "commandline.h"

// Opens the dashboard over the request's config on the running QApplication and returns its
// exit code when the window closes. With a history file, its last-known-good answers, pins and
// counts are taken back; the file's pages are checked in the background, so it opens at once.
int runDashboard(const DashboardRequest &request);

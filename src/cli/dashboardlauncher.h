#pragma once

#include "config/appconfig.h"
#include "resolver/envfallback.h"

#include <functional>

// Opens the dashboard over a checked config and returns its exit code when the window closes.
// The application gives it (it links the widgets; the command line does not). configPath is the
// file the settings editor saves to: empty for the embedded default and the demo lab.
using DashboardLauncher = std::function<int(const AppConfig &config, const EnvFallback &env,
                                            const QString &configPath)>;

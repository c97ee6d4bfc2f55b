#pragma once

#include "config/appconfig.h"
#include "resolver/envfallback.h"

#include <QCoreApplication>

// `dnswatch --once`: every target resolved and checked once, printed as a table or JSON
// (format), and kept in the history when dbPath is set. Returns 0 when ready (every critical
// target up), 1 when not, 2 when the history cannot be used.
int runOnceMode(QCoreApplication &app, const AppConfig &config, const EnvFallback &env,
                const QString &format, const QString &dbPath);

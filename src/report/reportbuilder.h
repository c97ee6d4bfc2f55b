#pragma once

#include "config/appconfig.h"
#include "healthreport.h"
#include "resolver/resolver.h"
#include "store/historydatabase.h"

// What a report is asked for, and what it is made with.
struct ReportRequest
{
    QDateTime from; // [from, to), UTC
    QDateTime to;
    QStringList targets; // empty: every configured target, and any other with data in the range
    AppConfig config; // in force: targets' hosts and criticality, and the digest
    QString historyPath;
    QDateTime generatedAt; // UTC
    // The live cache and pins when there are some (the dashboard, the agent); a report made
    // from a file alone takes the history's last-known-good answers and operator pins.
    std::optional<QList<CacheEntrySnapshot>> liveCache;
    std::optional<QHash<QString, PinnedFallback>> livePins;
    int chartBuckets = 120; // per target chart, at most
    int incidentLimit = 10;
};

// Builds the report from the history, on the thread that owns db. Fails (with why) only when
// the history cannot be read.
std::optional<HealthReport> buildHealthReport(HistoryDatabase &db, const ReportRequest &request,
                                              QString *error);

// SHA-256 (hex) of the config as canonical JSON: the same config gives the same digest.
QString configDigest(const AppConfig &config);

#pragma once

#include "config/appconfig.h"
#include "reportformat.h"
#include "reportrange.h"

// `dnswatch --report FILE`: one health report from the history file, then exit.
struct ReportCommand
{
    QString path;
    std::optional<ReportFormat> format; // none: from the file's extension
    QString from; // --from/--to ISO 8601, or --last (neither: the last 24 hours)
    QString to;
    QString last;
    QString dbPath;
};

// 0 when written; 2, with a clear message on stderr, for a bad range, an unwritable path, a
// missing or unusable history file, an unknown format, or a write that failed (a full disk):
// then no file is left. SIGTERM or SIGINT stops it without a file (128 + the signal; see
// ReportInterruption).
int runReport(const AppConfig &config, const ReportCommand &command);

// Checks that a report could be written into path's directory; empty when it can, else why.
QString reportPathProblem(const QString &path);

#pragma once

#include "probe/latencyhistogram.h"
#include "probe/proberesult.h"
#include "probe/recentprobes.h"
#include "probe/targetstate.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

#include <array>
#include <optional>

// Success counts over one time window.
struct WindowCounts
{
    quint32 dnsOk = 0; // answered by a live lookup or the cache (not a fallback tier)
    quint32 checkOk = 0; // the service answered
    quint32 probes = 0;

    double dnsRate() const { return probes ? double(dnsOk) / probes : 0.0; }
    double checkRate() const { return probes ? double(checkOk) / probes : 0.0; }
};

// One target's probe counts over a stretch of the past (a minute or an hour), as the history
// keeps them, to take back after a restart.
struct PastCounts
{
    QString target;
    QDateTime start; // UTC
    int widthS = 60;
    WindowCounts counts;
};

struct TargetHealth
{
    enum Window { OneMinute, FiveMinutes, OneHour, OneDay, WindowCount };
    static QString windowName(int window); // "1m", "5m", "1h", "24h"

    QString target;
    bool critical = true;
    TargetState state = TargetState::Unknown;
    QString stateDetail; // why, in words
    std::array<WindowCounts, WindowCount> windows{};
    WindowCounts total; // since the start, for the _total counters
    LatencyHistogram dnsLatency;
    LatencyHistogram checkLatency;
    qint64 fallbackMs = 0; // time spent reachable only through a fallback tier
    QHash<ResolutionSource, quint64> fallbackEntries; // times it entered each tier
    quint64 keptReachableByFallback = 0; // probes where only a fallback made it reachable
    quint64 answerChanges = 0; // changes of its answer set (addresses changed events)
    quint64 unexpectedAnswers = 0; // probes whose answer fell outside expect_addresses
    // Probes whose lookup result carried an Extended DNS Error (RFC 8914), by its info code.
    QMap<quint16, quint64> extendedErrors;
    std::optional<ProbeResult> last;
    RecentProbes recent; // the last 30 probes, for the heartbeat strip
};

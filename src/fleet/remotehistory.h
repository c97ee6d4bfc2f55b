#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

// The latency of one bucket as an agent's history gives it, in ms.
struct RemoteLatency
{
    double p50 = 0;
    double p95 = 0;

    bool operator==(const RemoteLatency &other) const = default;
};

// One bucket of an agent's /api/v1/history: probes summed over [start, start + step).
struct RemoteHistoryBucket
{
    QDateTime start; // UTC
    qint64 probes = 0;
    qint64 dnsOk = 0;
    qint64 checks = 0;
    qint64 checkOk = 0;
    qint64 viaFallback = 0;
    std::optional<RemoteLatency> dnsLatency; // none when no probe
    std::optional<RemoteLatency> checkLatency; // none when nothing was checked

    bool operator==(const RemoteHistoryBucket &other) const = default;
};

// An answer of GET /api/v1/history: a target's buckets of step seconds in [from, to), and
// whether the agent held all of that range (complete; else it kept only from keptFrom).
struct RemoteHistory
{
    QString target;
    qint64 stepS = 60;
    bool complete = true;
    QDateTime keptFrom; // invalid when complete
    QList<RemoteHistoryBucket> buckets; // oldest first

    bool operator==(const RemoteHistory &other) const = default;
};

// Reads a history answer; on a malformed one returns none and sets *error (every problem with
// its JSON path). Counts must be whole numbers from 0, no count above probes, buckets in order.
std::optional<RemoteHistory> parseRemoteHistory(const QByteArray &json, const QString &source,
                                                QString *error);

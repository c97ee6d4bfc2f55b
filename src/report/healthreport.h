#pragma once

#include "store/storedevent.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// A health report: what the history says about a range of time, ready to be written as HTML,
// PDF, CSV or JSON (docs/report-schema.json describes the JSON, which holds all of this). Times
// are UTC; writers show them with the local offset. Nothing here ever holds a credential.

struct ReportLatency
{
    quint64 samples = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
};

// One bucket of a target's charts.
struct ReportPoint
{
    QDateTime start;
    int widthS = 60;
    qint64 probes = 0;
    double dnsSuccessPct = 0;
    double serviceSuccessPct = 0;
    qint64 viaFallback = 0; // probes kept reachable only by a fallback tier
    bool hasLatency = false; // rows written before history schema 2 have no quantiles
    double dnsP50Ms = 0;
    double dnsP95Ms = 0;
    double serviceP50Ms = 0;
    double serviceP95Ms = 0;
};

struct ReportPin
{
    QString host;
    QList<QHostAddress> addresses;
    QString origin; // "operator" or "config"
    QString reason;
    QDateTime pinnedAt;
    std::optional<QDateTime> expiresAt;
};

// One entry of the cache as the report was made (the live cache, or the history's
// last-known-good answers when the report is made from a file).
struct ReportCacheEntry
{
    QString resolver;
    QString host;
    QString state; // "fresh", "stale", "negative", "pinned", "env", "missing"
    QList<QHostAddress> addresses;
    std::optional<QDateTime> expiresAt;
    DnssecValidation validation = DnssecValidation::NotAsked; // the resolver's, when it answered
};

// A stretch of minutes in which a target was down (no probe reached its service).
struct ReportIncident
{
    QString target;
    QDateTime start;
    QDateTime end; // the end of its last down minute
    qint64 minutes = 0;
    QString cause; // in words, from the events of that time
};

struct TargetReport
{
    QString name;
    QString host;
    QString resolver;
    bool critical = true;
    qint64 probes = 0;
    qint64 dnsOk = 0; // answered by DNS (live or cache), not by a fallback tier
    qint64 checks = 0;
    qint64 checkOk = 0; // the service answered: reachable
    qint64 viaFallback = 0;
    qint64 minutesWithData = 0;
    qint64 fallbackMinutes = 0; // minutes in which a fallback tier kept it reachable
    qint64 downMinutes = 0; // minutes in which no probe reached it
    ReportLatency dnsLatency;
    ReportLatency serviceLatency;
    QMap<QString, qint64> fallbackEventsByTier; // "stale", "pinned", "env"
    // Events of the range whose answer carried an Extended DNS Error (RFC 8914), by info code.
    QMap<quint16, qint64> extendedErrorEvents;
    QList<StoredEvent> addressChanges;
    // Its checks' divergences and agreements: compared paths (paths_diverged, paths_agree) and
    // zone serials (soa_serials_diverged, soa_serials_agree), oldest first.
    QList<StoredEvent> checkEvents;
    QList<ReportCacheEntry> cache;
    std::optional<ReportPin> pin;
    QList<ReportPoint> series;

    // 0..1; none without probes.
    std::optional<double> dnsAvailability() const;
    std::optional<double> serviceAvailability() const;
};

struct HealthReport
{
    static constexpr int SchemaVersion = 1;

    QDateTime from; // [from, to)
    QDateTime to;
    QDateTime generatedAt;
    QString generatedOn; // the machine's host name
    QString version; // DNS Watch's
    QString configSource; // the config file, or "(embedded default)"
    QString configDigest; // SHA-256 of the config in force, as canonical JSON
    QString historyPath;

    // Summary
    qint64 minutesWithData = 0;
    qint64 readyMinutes = 0; // minutes in which every critical target with data was reachable
    qint64 fallbackMinutes = 0; // summed over targets: the value of the fallback, in one number
    qint64 downMinutes = 0; // summed over targets
    QList<ReportIncident> worstIncidents; // longest first
    QList<TargetReport> targets;
    // The zone signature watch's events (zone_signatures_expiring, _expired, _ok), oldest first.
    // They are about a zone (their host) seen through a resolver, not about a target: a zone is
    // watched whether or not a target's host lies in it.
    QList<StoredEvent> zoneSignatureEvents;
    QList<StoredEvent> operatorActions; // pins, unpins, forced re-resolves, cache clears
    QStringList notes; // what the reader should know (e.g. raw results kept for 24 h only)

    std::optional<double> readiness() const; // readyMinutes / minutesWithData
};

#pragma once

#include "config/configerror.h"
#include "dns/nameserver.h"
#include "resolver/addressexpectation.h"
#include "resolver/cachepolicy.h"
#include "resolver/lookupresult.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <optional>

// The JSON config file, parsed and validated (docs/configuration.md documents every key, and
// config/configschema.h holds them).

struct ResolverConfig
{
    QString name;
    QList<NameServer> servers; // empty for "system"
    int timeoutMs = 1000; // per try (direct); per lookup (system, default 5000)
    int attempts = 2; // rounds over the servers (direct only)
    bool dnssec = false; // DO on every query; answers then say whether they were validated (AD)
    QString tlsName; // DNS over TLS/HTTPS: the name in the certificates; empty: each URL's host
    QString caFile; // as written; relative to the config file's folder
    QList<QSslCertificate> caCertificates; // read from caFile when the config was loaded
    int tlsIdleMs = 10000; // DNS over TLS: an unused connection is closed after this long

    bool isSystem() const { return name == QLatin1String("system"); }
    // The operating system's resolver: always there, one lookup per try, its own longer timeout.
    static ResolverConfig system();
};

struct CheckConfig
{
    enum class Type { Dns, Tcp, Http, Mlflow, Soa };

    Type type = Type::Dns;
    quint16 port = 0; // tcp
    QUrl url; // http, mlflow
    int expectStatusMin = 200; // http: "expect_status": 200 or [200, 399]
    int expectStatusMax = 399;
    QStringList expect; // dns: addresses or CIDRs the answer must fall in
    QString zone; // soa: the zone whose serial the servers must agree on
    QList<NameServer> servers; // soa: its authoritative servers, asked directly (2 or more)
    int maxLagS = 300; // soa: how long a server may stay behind the newest serial
};
QString checkTypeName(CheckConfig::Type type);

struct TargetConfig
{
    QString name;
    QString host;
    QString resolver = QStringLiteral("system");
    RecordKind record = RecordKind::Both;
    int intervalS = 10;
    bool critical = true;
    QList<QHostAddress> fallbackIps;
    CheckConfig check;
    bool requireValidated = false; // degraded (not_validated) when an answer comes without AD
    // Other resolvers the host is also looked up through on every probe, compared with the
    // target's own (docs/configuration.md); and those of the paths expected to answer otherwise.
    QStringList compare;
    QStringList expectDivergence;

    // The target's own resolver first, then the compared ones; one path when nothing is compared.
    QStringList paths() const { return QStringList{resolver} + compare; }
    // "expect_addresses": the ranges the host's answers must fall in (none: any).
    AddressExpectation expectAddresses;
    // "alert_on_change": a change of the host's answer raises an alert.
    bool alertOnChange = false;
};

// How the agent probes ("probes" block): timing of the schedule and of the service checks.
struct ProbePolicy
{
    int checkTimeoutMs = 5000; // per connect or HTTP request
    int maxConcurrent = 16; // probes at once
    int retryInitialMs = 1000; // first re-probe after a failure, doubling...
    int retryMaxMs = 60000; // ...up to this
    int checkRetries = 3; // HTTP/MLflow retries of 408/429/5xx and connection errors
    int checkBackoffFactorMs = 500; // delay before retry n: factor * 2^(n-1) + jitter
    int checkBackoffJitterMs = 500;
    int checkBackoffMaxMs = 10000;

    bool operator==(const ProbePolicy &other) const = default;
};

// How long the history database keeps what ("history" block; the file is given by --db).
struct HistoryPolicy
{
    int rawRetentionH = 24; // every probe result
    int aggregateRetentionD = 30; // 1-minute aggregates, and events
    int flushIntervalMs = 1000; // results are written in batches this often (events at once)
    int shutdownTimeoutMs = 5000; // the last flush at exit waits at most this

    bool operator==(const HistoryPolicy &other) const = default;
};

// The agent's HTTP endpoints ("agent" block): limits that keep misbehaving clients from
// taking them away from Prometheus.
struct AgentPolicy
{
    int maxConnections = 128; // open at once; a new one beyond closes the longest idle one
    int maxConnectionsPerClient = 16; // of those, from one source address
    int headerTimeoutMs = 5000; // for a request's head, from the connection or its first byte
    int idleTimeoutMs = 10000; // between requests (shorter as the slots run out)
    int requestTimeoutMs = 10000; // for the answer to be taken, from the request's arrival
    int maxRequestBytes = 64 * 1024; // one request's line and headers
    int maxBodyBytes = 16 * 1024; // one request's body (the actions' JSON)
    int maxWaitingPolls = 256; // long polls held at once, outside maxConnections

    bool operator==(const AgentPolicy &other) const = default;
};

// How the dashboard watches its agents ("agent_watch" block): every wait on an agent is bounded.
struct AgentWatchPolicy
{
    int statusIntervalMs = 5000; // an agent's status is read this often
    int eventPollWaitS = 25; // the events long poll is held by the agent this long (at most 30)
    int requestTimeoutMs = 10000; // for an answer to start (beyond the event long poll's own wait)
    int retryFirstMs = 1000; // after a failure, the first wait before trying again
    int retryMaxMs = 60000; // doubling up to this

    bool operator==(const AgentWatchPolicy &other) const = default;
};

// What the agent's /metrics exposes per target ("metrics" block). Aligned as an int: the
// block's table code reads members through int and bool member pointers alike, and GCC's bounds
// check warns about a one-byte struct on the (never taken) int path.
struct alignas(int) MetricsPolicy
{
    bool detailed = false; // the lean set by default; true adds the detail series

    bool operator==(const MetricsPolicy &other) const = default;
};

// An agent elsewhere whose targets the dashboard shows ("agents").
struct AgentLinkConfig
{
    QString name;
    QUrl url;
    QString tokenFile; // as written; relative to the config file's folder
    QString caFile;

    bool operator==(const AgentLinkConfig &other) const = default;
};

// A zone whose DNSSEC signatures are watched ("dnssec_zones"): its SOA is asked for with DO,
// and the expiration of the RRSIG records that come with it is the time left.
struct DnssecZoneConfig
{
    QString zone;
    QString resolver; // one of "resolvers", never "system"
    int warnDays = 7; // a warning when the signatures expire in fewer days than this
    int intervalS = 3600; // the agent and the dashboard ask again this often

    bool operator==(const DnssecZoneConfig &other) const = default;
};

struct AppConfig
{
    QString source; // the file it came from, or "(embedded default)"
    QList<ResolverConfig> resolvers; // always holds "system"
    CachePolicy cache;
    ProbePolicy probes;
    HistoryPolicy history;
    AgentPolicy agent;
    AgentWatchPolicy agentWatch;
    QList<TargetConfig> targets; // may be empty when agents are given
    QList<AgentLinkConfig> agents;
    QList<DnssecZoneConfig> dnssecZones;
    MetricsPolicy metrics;

    const ResolverConfig *resolver(const QString &name) const;
};

struct ConfigLoadResult
{
    std::optional<AppConfig> config; // set only when errors is empty
    QList<ConfigError> errors;
};

// Parses and validates; every problem is reported, and nothing is returned on any problem.
ConfigLoadResult parseConfig(const QByteArray &json, const QString &source);
ConfigLoadResult loadConfigFile(const QString &path);
// Why config cannot drive probes on this machine (the agent, --once): it names no targets, only
// agents for the dashboard to watch. Empty when it names targets.
QString localTargetsProblem(const AppConfig &config);

// The embedded default: localhost through the system resolver, plus the host of
// MLFLOW_TRACKING_URI (given here) when it is an http(s) URI.
AppConfig defaultConfig(const QString &mlflowTrackingUri);

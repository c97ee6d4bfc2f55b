#include "configschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
using namespace ConfigUnit;

constexpr IntRange NoRange{}; // booleans

constexpr PolicyKey<CachePolicy> CacheKeys[] = {
        {QLatin1String("min_ttl_s"),
         &CachePolicy::minTtlS,
         {0, 604800},
         Seconds,
         QLatin1String("record TTLs shorter than this are raised to it")},
        {QLatin1String("max_ttl_s"),
         &CachePolicy::maxTtlS,
         {0, 604800},
         Seconds,
         QLatin1String("record TTLs longer than this are cut to it")},
        {QLatin1String("default_ttl_s"),
         &CachePolicy::defaultTtlS,
         {0, 604800},
         Seconds,
         QLatin1String("the TTL of answers that carry none (the system resolver's)")},
        {QLatin1String("stale_ttl_s"),
         &CachePolicy::staleTtlS,
         {1, 86400},
         Seconds,
         QLatin1String("the TTL a stale answer is served with (RFC 8767)")},
        {QLatin1String("max_stale_s"),
         &CachePolicy::maxStaleS,
         {0, 604800},
         Seconds,
         QLatin1String("how long after expiry an answer may still be served stale")},
        {QLatin1String("negative_ttl_max_s"),
         &CachePolicy::negativeTtlMaxS,
         {0, 86400},
         Seconds,
         QLatin1String("the longest NXDOMAIN and NODATA answers are cached (RFC 2308)")},
        {QLatin1String("client_response_timer_ms"),
         &CachePolicy::clientResponseTimerMs,
         {0, 60000},
         Milliseconds,
         QLatin1String("a lookup slower than this is answered from the fallback tiers meanwhile")},
        {QLatin1String("refresh_backoff_initial_ms"),
         &CachePolicy::refreshBackoffInitialMs,
         {1, 3600000},
         Milliseconds,
         QLatin1String("while fallback answers are served, the first refresh in the background "
                       "comes after this, and the wait doubles")},
        {QLatin1String("refresh_backoff_max_ms"),
         &CachePolicy::refreshBackoffMaxMs,
         {1, 3600000},
         Milliseconds,
         QLatin1String("the longest wait between two refreshes in the background")},
        {QLatin1String("fallback_on_negative"), &CachePolicy::fallbackOnNegative, NoRange, Unitless,
         QLatin1String("also serve stale answers for NXDOMAIN and NODATA")},
};
constexpr OrderRule<CachePolicy> CacheOrder[] = {
        {&CachePolicy::minTtlS, &CachePolicy::maxTtlS},
        {&CachePolicy::refreshBackoffInitialMs, &CachePolicy::refreshBackoffMaxMs},
};

constexpr PolicyKey<ProbePolicy> ProbeKeys[] = {
        {QLatin1String("check_timeout_ms"),
         &ProbePolicy::checkTimeoutMs,
         {100, 120000},
         Milliseconds,
         QLatin1String("how long one connect or HTTP request of a check may take")},
        {QLatin1String("max_concurrent"),
         &ProbePolicy::maxConcurrent,
         {1, 1024},
         Unitless,
         QLatin1String("how many targets are probed at the same time")},
        {QLatin1String("retry_initial_ms"),
         &ProbePolicy::retryInitialMs,
         {1, 3600000},
         Milliseconds,
         QLatin1String("after a failed probe the target is probed again this soon, and the wait "
                       "doubles (+-10% jitter)")},
        {QLatin1String("retry_max_ms"),
         &ProbePolicy::retryMaxMs,
         {1, 3600000},
         Milliseconds,
         QLatin1String("the longest wait between two re-probes")},
        {QLatin1String("check_retries"),
         &ProbePolicy::checkRetries,
         {0, 20},
         Unitless,
         QLatin1String("how often HTTP and MLflow checks retry 408, 429, 5xx answers and "
                       "connection errors")},
        {QLatin1String("check_backoff_factor_ms"),
         &ProbePolicy::checkBackoffFactorMs,
         {0, 60000},
         Milliseconds,
         QLatin1String("the wait before retry n is this factor times 2^(n-1), plus jitter")},
        {QLatin1String("check_backoff_jitter_ms"),
         &ProbePolicy::checkBackoffJitterMs,
         {0, 60000},
         Milliseconds,
         QLatin1String("a random extra wait before a retry, up to this")},
        {QLatin1String("check_backoff_max_ms"),
         &ProbePolicy::checkBackoffMaxMs,
         {0, 600000},
         Milliseconds,
         QLatin1String("no wait before a retry is longer than this; a Retry-After header wins")},
};
constexpr OrderRule<ProbePolicy> ProbeOrder[] = {
        {&ProbePolicy::retryInitialMs, &ProbePolicy::retryMaxMs},
};

constexpr PolicyKey<HistoryPolicy> HistoryKeys[] = {
        {QLatin1String("raw_retention_h"),
         &HistoryPolicy::rawRetentionH,
         {1, 24 * 90},
         Hours,
         QLatin1String("how long every probe result is kept")},
        {QLatin1String("aggregate_retention_d"),
         &HistoryPolicy::aggregateRetentionD,
         {1, 3650},
         Days,
         QLatin1String("how long minute and hour aggregates, and events, are kept")},
        {QLatin1String("flush_interval_ms"),
         &HistoryPolicy::flushIntervalMs,
         {50, 60000},
         Milliseconds,
         QLatin1String("results are written in batches this often (events and pins at once)")},
        {QLatin1String("shutdown_timeout_ms"),
         &HistoryPolicy::shutdownTimeoutMs,
         {100, 600000},
         Milliseconds,
         QLatin1String("at exit, the last write or a report being read waits at most this")},
};

constexpr PolicyKey<AgentPolicy> AgentKeys[] = {
        {QLatin1String("max_connections"),
         &AgentPolicy::maxConnections,
         {1, 10000},
         Unitless,
         QLatin1String("HTTP connections open at once; when all are taken, a new one closes an "
                       "idle one, the longest idle of the client holding the most (refused only "
                       "when none is idle or still sending its request)")},
        {QLatin1String("max_connections_per_client"),
         &AgentPolicy::maxConnectionsPerClient,
         {1, 10000},
         Unitless,
         QLatin1String("of those, the most one client (source address) may hold; beyond it the "
                       "client's own longest idle one is closed (else one still sending its "
                       "request; refused when all are being answered)")},
        {QLatin1String("header_timeout_ms"),
         &AgentPolicy::headerTimeoutMs,
         {100, 600000},
         Milliseconds,
         QLatin1String("a request's line and headers (and body) must arrive within this of the "
                       "connection opening or of the request's first byte, else the connection "
                       "is closed")},
        {QLatin1String("idle_timeout_ms"),
         &AgentPolicy::idleTimeoutMs,
         {100, 3600000},
         Milliseconds,
         QLatin1String("a connection that asks nothing more for this long after an answer is "
                       "closed; with more than half the connections in use the time shrinks "
                       "with the free ones, down to a tenth")},
        {QLatin1String("request_timeout_ms"),
         &AgentPolicy::requestTimeoutMs,
         {100, 600000},
         Milliseconds,
         QLatin1String("once a request has arrived, its answer must be written (taken by the "
                       "client) within this, else the connection is closed")},
        {QLatin1String("max_request_bytes"),
         &AgentPolicy::maxRequestBytes,
         {1024, 16 * 1024 * 1024},
         Bytes,
         QLatin1String("the largest request line and headers a client may send (each request "
                       "counted on its own); a larger one is answered 431 and the connection "
                       "closed")},
        {QLatin1String("max_body_bytes"),
         &AgentPolicy::maxBodyBytes,
         {0, 1024 * 1024},
         Bytes,
         QLatin1String("the largest request body (the actions' JSON) a client may send, with a "
                       "Content-Length; a larger one is answered 413, a chunked one 411, and the "
                       "connection closed")},
        {QLatin1String("max_waiting_polls"),
         &AgentPolicy::maxWaitingPolls,
         {0, 100000},
         Unitless,
         QLatin1String("long polls of /api/v1/events held open at once, waiting for an event; "
                       "they count against neither max_connections nor the client's share; "
                       "one beyond it is answered 503 with Retry-After at once")},
};

constexpr PolicyKey<AgentWatchPolicy> AgentWatchKeys[] = {
        {QLatin1String("status_interval_ms"),
         &AgentWatchPolicy::statusIntervalMs,
         {500, 600000},
         Milliseconds,
         QLatin1String("each agent's status (its targets) is read this often; events come at once "
                       "through a long poll")},
        {QLatin1String("event_poll_wait_s"),
         &AgentWatchPolicy::eventPollWaitS,
         {1, 30},
         Seconds,
         QLatin1String("the long poll for an agent's events asks it to hold the question this "
                       "long when nothing happens (the agent holds at most 30 s)")},
        {QLatin1String("request_timeout_ms"),
         &AgentWatchPolicy::requestTimeoutMs,
         {100, 600000},
         Milliseconds,
         QLatin1String("an agent's answer must start within this (beyond the long poll's own "
                       "wait), else the agent is marked unreachable")},
        {QLatin1String("retry_first_ms"),
         &AgentWatchPolicy::retryFirstMs,
         {100, 600000},
         Milliseconds,
         QLatin1String("after an agent failed to answer, the first wait before asking again")},
        {QLatin1String("retry_max_ms"),
         &AgentWatchPolicy::retryMaxMs,
         {100, 3600000},
         Milliseconds,
         QLatin1String("the wait doubles with each failure up to this")},
};
constexpr OrderRule<AgentWatchPolicy> AgentWatchOrder[] = {
        {&AgentWatchPolicy::retryFirstMs, &AgentWatchPolicy::retryMaxMs},
};

constexpr PolicyKey<MetricsPolicy> MetricsKeys[] = {
        {QLatin1String("detailed"),
         &MetricsPolicy::detailed,
         {},
         Unitless,
         QLatin1String("false: the agent's /metrics has per target the lean set of series the "
                       "alert rules and the Grafana dashboard use; true adds the success ratios "
                       "per window and the check histogram of DNS-only targets")},
};

// A value as a config file spells it: "300", "false", "\"system\"", "[200,399]".
QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString rangeText(IntRange range)
{
    return QStringLiteral("%1 to %2").arg(QString::number(range.min), QString::number(range.max));
}

QString integer() { return QStringLiteral("integer"); }
QString boolean() { return QStringLiteral("boolean"); }
QString string() { return QStringLiteral("string"); }
QString strings() { return QStringLiteral("array of strings"); }
QString required() { return QStringLiteral("required"); }

template<class Policy>
BlockReference referenceOf(const PolicyBlock<Policy> &block)
{
    BlockReference reference{block.name, {}, true};
    for (const PolicyKey<Policy> &key : block.keys) {
        reference.keys.append(
                {key.key, key.isBool() ? boolean() : integer(), jsonText(key.defaultValue()),
                 key.isBool() ? QString() : rangeText(key.range), key.unit, key.meaning});
    }
    return reference;
}
} // namespace

namespace ConfigSchema {
const PolicyBlock<CachePolicy> &cache()
{
    static const PolicyBlock<CachePolicy> block{BlockKey::Cache, CacheKeys, CacheOrder};
    return block;
}

const PolicyBlock<ProbePolicy> &probes()
{
    static const PolicyBlock<ProbePolicy> block{BlockKey::Probes, ProbeKeys, ProbeOrder};
    return block;
}

const PolicyBlock<HistoryPolicy> &history()
{
    static const PolicyBlock<HistoryPolicy> block{BlockKey::History, HistoryKeys, {}};
    return block;
}

const PolicyBlock<AgentPolicy> &agent()
{
    static const PolicyBlock<AgentPolicy> block{BlockKey::Agent, AgentKeys, {}};
    return block;
}

const PolicyBlock<AgentWatchPolicy> &agentWatch()
{
    static const PolicyBlock<AgentWatchPolicy> block{BlockKey::AgentWatch, AgentWatchKeys,
                                                     AgentWatchOrder};
    return block;
}

const PolicyBlock<MetricsPolicy> &metrics()
{
    static const PolicyBlock<MetricsPolicy> block{BlockKey::Metrics, MetricsKeys, {}};
    return block;
}

const QList<KeyReference> &topLevel()
{
    static const QList<KeyReference> keys = [] {
        const QString object = QStringLiteral("object");
        const QString everyDefault = QStringLiteral("every key's default");
        return QList<KeyReference>{
                {BlockKey::Resolvers,
                 QStringLiteral("array of objects"),
                 QStringLiteral("only \"system\""),
                 {},
                 {},
                 QStringLiteral("the resolvers targets can use, besides the system resolver")},
                {BlockKey::Cache,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("how long answers live and how the fallback tiers behave")},
                {BlockKey::Probes,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("the timing of the probe schedule and of the service checks")},
                {BlockKey::History,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("how long the history database (--db) keeps what")},
                {BlockKey::Agent,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("limits of the headless agent's HTTP endpoints")},
                {BlockKey::Targets,
                 QStringLiteral("array of objects"),
                 QStringLiteral("required, unless agents are given"),
                 {},
                 {},
                 QStringLiteral("the hosts this machine resolves and checks")},
                {BlockKey::Agents,
                 QStringLiteral("array of objects"),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("agents elsewhere whose targets the dashboard shows")},
                {BlockKey::AgentWatch,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("how often the dashboard asks its agents, and how long it waits")},
                {BlockKey::DnssecZones,
                 QStringLiteral("array of objects"),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("zones whose DNSSEC signatures are watched for their expiry")},
                {BlockKey::Metrics,
                 object,
                 everyDefault,
                 {},
                 {},
                 QStringLiteral("which series the agent's /metrics has per target")},
        };
    }();
    return keys;
}

const QList<KeyReference> &resolver()
{
    static const QList<KeyReference> keys = [] {
        const ResolverConfig direct;
        const ResolverConfig system = ResolverConfig::system();
        return QList<KeyReference>{
                {ResolverKey::Name,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("what targets call it: letters, digits, '_', '.' and '-'; "
                                "\"system\" (the operating system's resolver) always exists")},
                {ResolverKey::Servers,
                 strings(),
                 QStringLiteral("required, none for \"system\""),
                 {},
                 {},
                 QStringLiteral("the nameservers asked in turn: \"IP\", \"IP:port\" or "
                                "\"[IPv6]:port\" (plain DNS), \"tls://HOST_OR_IP:port\" (DNS "
                                "over TLS, port 853 by default) or "
                                "\"https://HOST_OR_IP:port/dns-query\" (DNS over HTTPS, port 443 "
                                "by default)")},
                {ResolverKey::TimeoutMs, integer(),
                 QStringLiteral("%1, %2 for \"system\"")
                         .arg(QString::number(direct.timeoutMs), QString::number(system.timeoutMs)),
                 rangeText(ResolverKey::TimeoutMsRange), Milliseconds,
                 QStringLiteral("how long one try waits for an answer; for \"system\", one whole "
                                "lookup")},
                {ResolverKey::Attempts, integer(), jsonText(direct.attempts),
                 rangeText(ResolverKey::AttemptsRange), Unitless,
                 QStringLiteral("rounds over the servers before the lookup fails; not for "
                                "\"system\"")},
                {ResolverKey::Dnssec,
                 boolean(),
                 jsonText(direct.dnssec),
                 {},
                 {},
                 QStringLiteral("asks with the DO bit (RFC 3225): each answer then shows whether "
                                "the resolver validated it (AD flag); not for \"system\"")},
                {ResolverKey::TlsName,
                 string(),
                 QStringLiteral("each server's host"),
                 {},
                 {},
                 QStringLiteral("for tls:// and https:// servers: the name sent in TLS (SNI) and "
                                "checked in their certificates")},
                {ResolverKey::CaFile,
                 string(),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("for tls:// and https:// servers: PEM certificates of a private "
                                "certificate authority, trusted besides the system's; relative to "
                                "the config file's folder")},
                {ResolverKey::TlsIdleMs, integer(), jsonText(direct.tlsIdleMs),
                 rangeText(ResolverKey::TlsIdleMsRange), Milliseconds,
                 QStringLiteral("for tls:// servers: how long an unused connection stays open")},
        };
    }();
    return keys;
}

const QList<KeyReference> &target()
{
    static const QList<KeyReference> keys = [] {
        const TargetConfig defaults;
        return QList<KeyReference>{
                {TargetKey::Name,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("shown in the dashboard, the metrics and the events; unique")},
                {TargetKey::Host,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("the host name to resolve")},
                {TargetKey::Resolver,
                 string(),
                 jsonText(defaults.resolver),
                 {},
                 {},
                 QStringLiteral("the resolver that looks the host up: \"system\" or one of "
                                "resolvers")},
                {TargetKey::Record,
                 string(),
                 jsonText(recordKindName(defaults.record)),
                 {},
                 {},
                 QStringLiteral("the address records asked for: \"A\" (IPv4), \"AAAA\" (IPv6) "
                                "or \"A+AAAA\" (both)")},
                {TargetKey::IntervalS, integer(), jsonText(defaults.intervalS),
                 rangeText(TargetKey::IntervalSRange), Seconds,
                 QStringLiteral("how often the target is probed (+-10% jitter)")},
                {TargetKey::Critical,
                 boolean(),
                 jsonText(defaults.critical),
                 {},
                 {},
                 QStringLiteral("readiness needs this target: a critical target without "
                                "addresses makes DNS Watch not ready")},
                {TargetKey::FallbackIps,
                 strings(),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("pinned addresses served when DNS and the stale cache cannot "
                                "answer")},
                {TargetKey::Check,
                 QStringLiteral("object"),
                 jsonText(QJsonObject{{CheckKey::Type, checkTypeName(CheckConfig().type)}}),
                 {},
                 {},
                 QStringLiteral("what is checked once the host resolved")},
                {TargetKey::RequireValidated,
                 boolean(),
                 jsonText(defaults.requireValidated),
                 {},
                 {},
                 QStringLiteral("an answer its resolver did not validate with DNSSEC (no AD "
                                "flag) makes the target degraded (not_validated); needs a "
                                "resolver with \"dnssec\": true, so never \"system\"")},
                {TargetKey::Compare,
                 strings(),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("more resolvers (names from resolvers, or \"system\") that "
                                "look the host up on every probe, compared with the target's "
                                "own")},
                {TargetKey::ExpectDivergence,
                 strings(),
                 QStringLiteral("none"),
                 {},
                 {},
                 QStringLiteral("compared resolvers expected to answer otherwise (split "
                                "horizon): their answers do not count as disagreement")},
                {TargetKey::ExpectAddresses,
                 strings(),
                 QStringLiteral("any"),
                 {},
                 {},
                 QStringLiteral("the address ranges the host's answers must fall in; an answer "
                                "outside them is an unexpected_answer")},
                {TargetKey::AlertOnChange,
                 boolean(),
                 jsonText(defaults.alertOnChange),
                 {},
                 {},
                 QStringLiteral("a change of the host's answer raises an alert")},
        };
    }();
    return keys;
}

const QList<KeyReference> &check()
{
    static const QList<KeyReference> keys = [] {
        const CheckConfig defaults;
        return QList<KeyReference>{
                {CheckKey::Type,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("\"dns\", \"tcp\", \"http\", \"mlflow\" or \"soa\"")},
                {CheckKey::Port,
                 integer(),
                 QStringLiteral("required for \"tcp\""),
                 rangeText(CheckKey::PortRange),
                 {},
                 QStringLiteral("tcp: the TCP port to connect to")},
                {CheckKey::Url,
                 string(),
                 QStringLiteral("required for \"http\" and \"mlflow\""),
                 {},
                 {},
                 QStringLiteral("http, mlflow: the http:// or https:// URL to ask, without a user "
                                "name or password")},
                {CheckKey::ExpectStatus,
                 QStringLiteral("integer or array of two integers"),
                 jsonText(QJsonArray{defaults.expectStatusMin, defaults.expectStatusMax}),
                 rangeText(CheckKey::ExpectStatusRange),
                 {},
                 QStringLiteral("http: the statuses that count as up, one or [min, max]")},
                {CheckKey::Expect,
                 strings(),
                 QStringLiteral("any address"),
                 {},
                 {},
                 QStringLiteral("dns: addresses or subnets (CIDR) the answer must fall in")},
                {CheckKey::Zone,
                 string(),
                 QStringLiteral("required for \"soa\""),
                 {},
                 {},
                 QStringLiteral("soa: the zone whose SOA serial is compared")},
                {CheckKey::Servers,
                 strings(),
                 QStringLiteral("required for \"soa\""),
                 {},
                 {},
                 QStringLiteral("soa: the zone's authoritative servers, 2 or more \"IP[:port]\"")},
                {CheckKey::MaxLagS, integer(), jsonText(defaults.maxLagS),
                 rangeText(CheckKey::MaxLagSRange), Seconds,
                 QStringLiteral("soa: how long a server may stay behind the newest serial")},
        };
    }();
    return keys;
}

QList<QLatin1String> checkKeys(CheckConfig::Type type)
{
    switch (type) {
    case CheckConfig::Type::Dns:
        return {CheckKey::Type, CheckKey::Expect};
    case CheckConfig::Type::Tcp:
        return {CheckKey::Type, CheckKey::Port};
    case CheckConfig::Type::Http:
        return {CheckKey::Type, CheckKey::Url, CheckKey::ExpectStatus};
    case CheckConfig::Type::Mlflow:
        return {CheckKey::Type, CheckKey::Url};
    case CheckConfig::Type::Soa:
        return {CheckKey::Type, CheckKey::Zone, CheckKey::Servers, CheckKey::MaxLagS};
    }
    return {};
}

QList<QLatin1String> keyNames(const QList<KeyReference> &keys)
{
    QList<QLatin1String> names;
    for (const KeyReference &key : keys)
        names.append(key.key);
    return names;
}

const QList<KeyReference> &agentLink()
{
    static const QList<KeyReference> keys = [] {
        const QString path = QStringLiteral("string");
        const QString none = QStringLiteral("none");
        return QList<KeyReference>{
                {AgentLinkKey::Name,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("shown in the Agent column and the filter; unique")},
                {AgentLinkKey::Url,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("where the agent answers: http:// or https://, host and port")},
                {AgentLinkKey::TokenFile,
                 path,
                 none,
                 {},
                 {},
                 QStringLiteral("a file whose first line is the agent's token")},
                {AgentLinkKey::CaFile,
                 path,
                 none,
                 {},
                 {},
                 QStringLiteral("PEM certificates of a private certificate authority that "
                                "signed the agent's certificate")},
        };
    }();
    return keys;
}

const QList<KeyReference> &dnssecZone()
{
    static const QList<KeyReference> keys = [] {
        const DnssecZoneConfig defaults;
        return QList<KeyReference>{
                {DnssecZoneKey::Zone,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("the zone whose SOA is asked for with DNSSEC records")},
                {DnssecZoneKey::Resolver,
                 string(),
                 required(),
                 {},
                 {},
                 QStringLiteral("the resolver asked: one of resolvers, not \"system\"")},
                {DnssecZoneKey::WarnDays, integer(), jsonText(defaults.warnDays),
                 rangeText(DnssecZoneKey::WarnDaysRange), Days,
                 QStringLiteral("a warning when the signatures expire in fewer days")},
                {DnssecZoneKey::IntervalS, integer(), jsonText(defaults.intervalS),
                 rangeText(DnssecZoneKey::IntervalSRange), Seconds,
                 QStringLiteral("the agent and the dashboard ask for the zone's signatures this "
                                "often")},
        };
    }();
    return keys;
}

QList<BlockReference> reference()
{
    return {
            {QStringLiteral("top level"), topLevel()},
            {BlockKey::Resolvers, resolver()},
            referenceOf(cache()),
            referenceOf(probes()),
            referenceOf(history()),
            referenceOf(agent()),
            {BlockKey::Targets, target()},
            {TargetKey::Check, check()},
            {BlockKey::Agents, agentLink()},
            referenceOf(agentWatch()),
            {BlockKey::DnssecZones, dnssecZone()},
            referenceOf(metrics()),
    };
}
} // namespace ConfigSchema

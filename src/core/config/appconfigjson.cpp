#include "appconfigjson.h"

#include <QJsonArray>

namespace {
QJsonArray strings(const QStringList &list)
{
    QJsonArray array;
    for (const QString &text : list)
        array.append(text);
    return array;
}

QJsonObject resolverToJson(const ResolverConfig &resolver)
{
    QJsonObject object{{QStringLiteral("name"), resolver.name},
                       {QStringLiteral("timeout_ms"), resolver.timeoutMs}};
    if (resolver.isSystem())
        return object; // the operating system's servers and attempts
    QStringList servers;
    for (const NameServer &server : resolver.servers)
        servers.append(server.toString());
    object.insert(QStringLiteral("servers"), strings(servers));
    object.insert(QStringLiteral("attempts"), resolver.attempts);
    return object;
}

QJsonObject checkToJson(const CheckConfig &check)
{
    QJsonObject object{{QStringLiteral("type"), checkTypeName(check.type)}};
    switch (check.type) {
    case CheckConfig::Type::Dns:
        if (!check.expect.isEmpty())
            object.insert(QStringLiteral("expect"), strings(check.expect));
        break;
    case CheckConfig::Type::Tcp:
        object.insert(QStringLiteral("port"), check.port);
        break;
    case CheckConfig::Type::Http:
        object.insert(QStringLiteral("expect_status"),
                      QJsonArray{check.expectStatusMin, check.expectStatusMax});
        [[fallthrough]];
    case CheckConfig::Type::Mlflow:
        object.insert(QStringLiteral("url"), check.url.toString());
        break;
    }
    return object;
}

QJsonObject targetToJson(const TargetConfig &target)
{
    QJsonObject object{
            {QStringLiteral("name"), target.name},
            {QStringLiteral("host"), target.host},
            {QStringLiteral("resolver"), target.resolver},
            {QStringLiteral("record"), recordKindName(target.record)},
            {QStringLiteral("interval_s"), target.intervalS},
            {QStringLiteral("critical"), target.critical},
            {QStringLiteral("check"), checkToJson(target.check)},
    };
    if (!target.fallbackIps.isEmpty()) {
        QStringList addresses;
        for (const QHostAddress &address : target.fallbackIps)
            addresses.append(address.toString());
        object.insert(QStringLiteral("fallback_ips"), strings(addresses));
    }
    return object;
}

QJsonObject cacheToJson(const CachePolicy &cache)
{
    return {
            {QStringLiteral("min_ttl_s"), cache.minTtlS},
            {QStringLiteral("max_ttl_s"), cache.maxTtlS},
            {QStringLiteral("default_ttl_s"), cache.defaultTtlS},
            {QStringLiteral("stale_ttl_s"), cache.staleTtlS},
            {QStringLiteral("max_stale_s"), cache.maxStaleS},
            {QStringLiteral("negative_ttl_max_s"), cache.negativeTtlMaxS},
            {QStringLiteral("client_response_timer_ms"), cache.clientResponseTimerMs},
            {QStringLiteral("refresh_backoff_initial_ms"), cache.refreshBackoffInitialMs},
            {QStringLiteral("refresh_backoff_max_ms"), cache.refreshBackoffMaxMs},
            {QStringLiteral("fallback_on_negative"), cache.fallbackOnNegative},
    };
}

QJsonObject probesToJson(const ProbePolicy &probes)
{
    return {
            {QStringLiteral("check_timeout_ms"), probes.checkTimeoutMs},
            {QStringLiteral("max_concurrent"), probes.maxConcurrent},
            {QStringLiteral("retry_initial_ms"), probes.retryInitialMs},
            {QStringLiteral("retry_max_ms"), probes.retryMaxMs},
            {QStringLiteral("check_retries"), probes.checkRetries},
            {QStringLiteral("check_backoff_factor_ms"), probes.checkBackoffFactorMs},
            {QStringLiteral("check_backoff_jitter_ms"), probes.checkBackoffJitterMs},
            {QStringLiteral("check_backoff_max_ms"), probes.checkBackoffMaxMs},
    };
}

QJsonObject historyToJson(const HistoryPolicy &history)
{
    return {
            {QStringLiteral("raw_retention_h"), history.rawRetentionH},
            {QStringLiteral("aggregate_retention_d"), history.aggregateRetentionD},
            {QStringLiteral("flush_interval_ms"), history.flushIntervalMs},
            {QStringLiteral("shutdown_timeout_ms"), history.shutdownTimeoutMs},
    };
}

QJsonObject agentToJson(const AgentPolicy &agent)
{
    return {
            {QStringLiteral("max_connections"), agent.maxConnections},
            {QStringLiteral("request_timeout_ms"), agent.requestTimeoutMs},
            {QStringLiteral("max_request_bytes"), agent.maxRequestBytes},
    };
}
} // namespace

QJsonObject configToJson(const AppConfig &config)
{
    QJsonArray resolvers;
    for (const ResolverConfig &resolver : config.resolvers)
        resolvers.append(resolverToJson(resolver));
    QJsonArray targets;
    for (const TargetConfig &target : config.targets)
        targets.append(targetToJson(target));
    return {
            {QStringLiteral("resolvers"), resolvers},
            {QStringLiteral("cache"), cacheToJson(config.cache)},
            {QStringLiteral("probes"), probesToJson(config.probes)},
            {QStringLiteral("history"), historyToJson(config.history)},
            {QStringLiteral("agent"), agentToJson(config.agent)},
            {QStringLiteral("targets"), targets},
    };
}

#include "appconfigjson.h"

#include "configschema.h"

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
    QJsonObject object{{ResolverKey::Name, resolver.name},
                       {ResolverKey::TimeoutMs, resolver.timeoutMs}};
    if (resolver.isSystem())
        return object; // the operating system's servers and attempts
    QStringList servers;
    for (const NameServer &server : resolver.servers)
        servers.append(server.toString());
    object.insert(ResolverKey::Servers, strings(servers));
    object.insert(ResolverKey::Attempts, resolver.attempts);
    if (resolver.dnssec)
        object.insert(ResolverKey::Dnssec, true);
    if (!resolver.tlsName.isEmpty())
        object.insert(ResolverKey::TlsName, resolver.tlsName);
    if (!resolver.caFile.isEmpty())
        object.insert(ResolverKey::CaFile, resolver.caFile);
    if (resolver.tlsIdleMs != ResolverConfig().tlsIdleMs)
        object.insert(ResolverKey::TlsIdleMs, resolver.tlsIdleMs);
    return object;
}

QJsonObject checkToJson(const CheckConfig &check)
{
    QJsonObject object{{CheckKey::Type, checkTypeName(check.type)}};
    switch (check.type) {
    case CheckConfig::Type::Dns:
        if (!check.expect.isEmpty())
            object.insert(CheckKey::Expect, strings(check.expect));
        break;
    case CheckConfig::Type::Tcp:
        object.insert(CheckKey::Port, check.port);
        break;
    case CheckConfig::Type::Http:
        object.insert(CheckKey::ExpectStatus,
                      QJsonArray{check.expectStatusMin, check.expectStatusMax});
        [[fallthrough]];
    case CheckConfig::Type::Mlflow:
        object.insert(CheckKey::Url, check.url.toString());
        break;
    case CheckConfig::Type::Soa: {
        object.insert(CheckKey::Zone, check.zone);
        QStringList servers;
        for (const NameServer &server : check.servers)
            servers.append(server.toString());
        object.insert(CheckKey::Servers, strings(servers));
        object.insert(CheckKey::MaxLagS, check.maxLagS);
        break;
    }
    }
    return object;
}

QJsonObject targetToJson(const TargetConfig &target)
{
    QJsonObject object{
            {TargetKey::Name, target.name},
            {TargetKey::Host, target.host},
            {TargetKey::Resolver, target.resolver},
            {TargetKey::Record, recordKindName(target.record)},
            {TargetKey::IntervalS, target.intervalS},
            {TargetKey::Critical, target.critical},
            {TargetKey::Check, checkToJson(target.check)},
    };
    if (!target.fallbackIps.isEmpty()) {
        QStringList addresses;
        for (const QHostAddress &address : target.fallbackIps)
            addresses.append(address.toString());
        object.insert(TargetKey::FallbackIps, strings(addresses));
    }
    if (target.requireValidated)
        object.insert(TargetKey::RequireValidated, true);
    if (!target.compare.isEmpty())
        object.insert(TargetKey::Compare, strings(target.compare));
    if (!target.expectDivergence.isEmpty())
        object.insert(TargetKey::ExpectDivergence, strings(target.expectDivergence));
    if (!target.expectAddresses.isEmpty())
        object.insert(TargetKey::ExpectAddresses, strings(target.expectAddresses.texts()));
    if (target.alertOnChange)
        object.insert(TargetKey::AlertOnChange, true);
    return object;
}

QJsonArray agentsToJson(const QList<AgentLinkConfig> &agents)
{
    QJsonArray array;
    for (const AgentLinkConfig &agent : agents) {
        QJsonObject object{{AgentLinkKey::Name, agent.name},
                           {AgentLinkKey::Url, agent.url.toString()}};
        if (!agent.tokenFile.isEmpty())
            object.insert(AgentLinkKey::TokenFile, agent.tokenFile);
        if (!agent.caFile.isEmpty())
            object.insert(AgentLinkKey::CaFile, agent.caFile);
        array.append(object);
    }
    return array;
}

template<class Policy>
QJsonObject policyToJson(const PolicyBlock<Policy> &block, const Policy &policy)
{
    QJsonObject object;
    for (const PolicyKey<Policy> &key : block.keys)
        object.insert(key.key, key.valueIn(policy));
    return object;
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
    QJsonObject json{
            {BlockKey::Resolvers, resolvers},
            {BlockKey::Cache, policyToJson(ConfigSchema::cache(), config.cache)},
            {BlockKey::Probes, policyToJson(ConfigSchema::probes(), config.probes)},
            {BlockKey::History, policyToJson(ConfigSchema::history(), config.history)},
            {BlockKey::Agent, policyToJson(ConfigSchema::agent(), config.agent)},
            {BlockKey::AgentWatch, policyToJson(ConfigSchema::agentWatch(), config.agentWatch)},
            {BlockKey::Metrics, policyToJson(ConfigSchema::metrics(), config.metrics)},
            {BlockKey::Targets, targets},
    };
    if (!config.agents.isEmpty())
        json.insert(BlockKey::Agents, agentsToJson(config.agents));
    if (!config.dnssecZones.isEmpty()) {
        QJsonArray zones;
        for (const DnssecZoneConfig &zone : config.dnssecZones)
            zones.append(QJsonObject{{DnssecZoneKey::Zone, zone.zone},
                                     {DnssecZoneKey::Resolver, zone.resolver},
                                     {DnssecZoneKey::WarnDays, zone.warnDays},
                                     {DnssecZoneKey::IntervalS, zone.intervalS}});
        json.insert(BlockKey::DnssecZones, zones);
    }
    return json;
}

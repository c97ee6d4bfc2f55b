#include "resolverfactory.h"

#include "resolver/directdnsbackend.h"
#include "resolver/systemresolverbackend.h"

QHash<QString, QList<QHostAddress>> configPins(const AppConfig &config)
{
    QHash<QString, QList<QHostAddress>> pins;
    for (const TargetConfig &target : config.targets) {
        if (target.fallbackIps.isEmpty())
            continue;
        QList<QHostAddress> &addresses = pins[target.host.toLower()];
        for (const QHostAddress &address : target.fallbackIps) {
            if (!addresses.contains(address))
                addresses.append(address);
        }
    }
    return pins;
}

QHash<QString, AddressExpectation> addressExpectations(const AppConfig &config)
{
    QHash<QString, AddressExpectation> byHost;
    for (const TargetConfig &target : config.targets) {
        if (!target.expectAddresses.isEmpty())
            byHost[canonicalHost(target.host)].merge(target.expectAddresses);
    }
    return byHost;
}

DnsClientOptions dnsClientOptions(const ResolverConfig &resolver)
{
    DnsClientOptions options;
    options.servers = resolver.servers;
    options.timeoutMs = resolver.timeoutMs;
    options.attempts = resolver.attempts;
    options.dnssecOk = resolver.dnssec;
    options.tlsName = resolver.tlsName;
    options.caCertificates = resolver.caCertificates;
    options.tlsIdleCloseMs = resolver.tlsIdleMs;
    return options;
}

Resolver *buildResolver(const AppConfig &config, const EnvFallback &env, Clock *clock,
                        QObject *parent)
{
    auto *resolver = new Resolver(config.cache, clock, parent);
    for (const ResolverConfig &resolverConfig : config.resolvers) {
        if (resolverConfig.isSystem()) {
            SystemResolverBackend::Options options;
            options.timeoutMs = resolverConfig.timeoutMs;
            resolver->addBackend(new SystemResolverBackend(options, clock));
            continue;
        }
        resolver->addBackend(
                new DirectDnsBackend(resolverConfig.name, dnsClientOptions(resolverConfig), clock));
    }
    resolver->setEnvFallback(env);
    resolver->setConfigPins(configPins(config));
    resolver->setAddressExpectations(addressExpectations(config));
    return resolver;
}

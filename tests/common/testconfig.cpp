#include "testconfig.h"

#include "dns/nameserver.h"

AppConfig testConfig(const QByteArray &json)
{
    const ConfigLoadResult loaded = parseConfig(json, QStringLiteral("test"));
    if (!loaded.config)
        qFatal("%s", qPrintable(loaded.errors.value(0).toString()));
    return *loaded.config;
}

AppConfig labConfig(const QString &server, const QStringList &names)
{
    AppConfig config;
    ResolverConfig lab;
    lab.name = QStringLiteral("lab");
    lab.servers = {*NameServer::parse(server)};
    lab.timeoutMs = 300;
    lab.attempts = 1;
    config.resolvers = {lab};
    config.cache.minTtlS = 1;
    for (const QString &name : names) {
        TargetConfig target;
        target.name = name;
        target.host = name + QStringLiteral(".lab.test");
        target.resolver = lab.name;
        target.intervalS = 1;
        config.targets.append(target);
    }
    return config;
}

#pragma once

#include "config/appconfig.h"
#include "dns/dnsclient.h"
#include "resolver/resolver.h"

// Builds the resolver a config describes: one backend per resolver ("system" included), the
// targets' fallback_ips as config pins, and the given environment fallback.
// The targets' fallback_ips, by host, as Resolver::setConfigPins takes them.
QHash<QString, QList<QHostAddress>> configPins(const AppConfig &config);

// The targets' expect_addresses, by canonical host, as Resolver::setAddressExpectations takes
// them: a host several targets watch accepts what any of their ranges holds.
QHash<QString, AddressExpectation> addressExpectations(const AppConfig &config);

// How a direct resolver's queries go out: its servers, timeout, attempts, DO bit and TLS.
DnsClientOptions dnsClientOptions(const ResolverConfig &resolver);

Resolver *buildResolver(const AppConfig &config, const EnvFallback &env, Clock *clock,
                        QObject *parent = nullptr);

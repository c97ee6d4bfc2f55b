#pragma once

#include "config/appconfig.h"
#include "resolver/resolver.h"

// Builds the resolver a config describes: one backend per resolver ("system" included), the
// targets' fallback_ips as config pins, and the given environment fallback.
Resolver *buildResolver(const AppConfig &config, const EnvFallback &env, Clock *clock,
                        QObject *parent = nullptr);

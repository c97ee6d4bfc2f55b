#pragma once

#include "config/appconfig.h"

// A resolver whose server is not there (loopback port 9, the discard port, has no DNS server):
// every lookup fails at once. For window tests that need targets but no DNS.
inline ResolverConfig unansweredResolver()
{
    ResolverConfig nowhere;
    nowhere.name = QStringLiteral("nowhere");
    nowhere.servers = {*NameServer::parse(QStringLiteral("127.0.0.1:9"))};
    nowhere.timeoutMs = 200;
    nowhere.attempts = 1;
    return nowhere;
}

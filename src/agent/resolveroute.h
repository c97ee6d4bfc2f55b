#pragma once

#include <QHttpServerResponse>

class QUrlQuery;
class Resolver;
struct AppConfig;

// GET /api/v1/resolve?host=HOST: what the agent would answer now for a host its config names,
// from the cache and the fallback tiers, never from a new lookup: a host the config does not
// name is refused (404) before the resolver is asked, so the agent is no open resolver. One
// answer per resolver and record kind the targets of that host use (docs/api.md).
namespace ResolveRoute {
QHttpServerResponse answer(const QUrlQuery &query, const AppConfig &config,
                           const Resolver &resolver);
} // namespace ResolveRoute

#pragma once

#include "resolver/cacheentrysnapshot.h"

#include <optional>

// An answer of GET /api/v1/resolve?host=: the agent's cache entries for one host, one per
// resolver and record kind, in the cache inspector's shape. What the agent does not say (hits,
// stale deadline, next retry) is left empty. On a malformed answer returns none and sets *error
// (every problem with its JSON path).
std::optional<QList<CacheEntrySnapshot>> parseRemoteCache(const QByteArray &json,
                                                          const QString &source, QString *error);

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// The body of POST /api/v1/cache/clear: {"host": "api.internal", "stale_only": false}, both
// optional: a host clears that host's entries (every resolver and family), "stale_only": true
// only the expired entries of every host, neither everything. Not both.
struct CacheClearRequest
{
    enum class Scope { Everything, StaleOnly, OneHost };

    Scope scope = Scope::Everything;
    QString host; // OneHost
};

// The clear asked for, or nothing with *error saying what was wrong and what was expected.
std::optional<CacheClearRequest> parseCacheClearRequest(const QByteArray &body, QString *error);

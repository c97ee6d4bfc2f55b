#include "cacheentrysnapshot.h"

QString cacheStateName(CacheEntrySnapshot::State state)
{
    switch (state) {
    case CacheEntrySnapshot::State::Fresh:
        return QStringLiteral("fresh");
    case CacheEntrySnapshot::State::Stale:
        return QStringLiteral("stale");
    case CacheEntrySnapshot::State::Negative:
        return QStringLiteral("negative");
    case CacheEntrySnapshot::State::Pinned:
        return QStringLiteral("pinned");
    case CacheEntrySnapshot::State::Env:
        return QStringLiteral("env");
    case CacheEntrySnapshot::State::Missing:
        return QStringLiteral("missing");
    }
    return QString();
}

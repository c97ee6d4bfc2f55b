#pragma once

#include "lookupresult.h"

#include <QDateTime>

#include <optional>

// One cache entry as the dashboard's cache inspector shows it.
struct CacheEntrySnapshot
{
    enum class State { Fresh, Stale, Negative, Pinned, Env, Missing };

    QString resolver;
    QString host;
    RecordKind kind = RecordKind::Both;
    State state = State::Missing;
    QList<QHostAddress> addresses; // what a resolve() would be served now
    std::optional<qint64> ttlLeftMs; // fresh or negative
    std::optional<QDateTime> staleSince; // when the answer expired
    std::optional<QDateTime> staleDeadline; // when it can no longer be served stale
    std::optional<QDateTime> nextRetry; // background refresh while in fallback
    FailureCause lastFailure = FailureCause::None;
    bool lookupInFlight = false;
    quint64 hits = 0;
    // The resolver's DNSSEC verdict on the answer held (fresh, stale or negative); not asked for
    // the pinned and environment tiers.
    DnssecValidation validation = DnssecValidation::NotAsked;
};
QString cacheStateName(CacheEntrySnapshot::State state);

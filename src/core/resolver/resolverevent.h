#pragma once

#include "lookupresult.h"

#include <QDateTime>

#include <optional>

// One transition of the resolver's state, kept, timestamped and shown.
struct ResolverEvent
{
    enum class Kind {
        FallbackEntered, // served from a fallback tier (or moved to another tier)
        Recovered, // a live lookup answered again after fallback or failure
        ResolutionFailed, // the lookup failed and no fallback tier had addresses
        AddressesChanged, // a live answer differs from the previous one
        Pinned,
        Unpinned,
        ForcedReResolve,
        CacheCleared,
        PathsDiverged, // a target's compared resolvers started to answer differently
        PathsAgree, // ...and answer alike again
        SoaSerialsDiverged, // a soa check started failing: a server lags max_lag_s or longer
        SoaSerialsAgree, // ...and every server has the same serial again
        ZoneSignaturesExpiring, // a zone's DNSSEC signatures came under its warn_days
        ZoneSignaturesExpired, // ...expired
        ZoneSignaturesOk, // ...are over warn_days again (re-signed)
    };
    static constexpr int KindCount = int(Kind::ZoneSignaturesOk) + 1;

    QDateTime time; // UTC
    Kind kind = Kind::FallbackEntered;
    QString resolver; // empty for events that concern every resolver (pins, clear all)
    QString host;
    // The target whose check raised the event (paths and soa events); empty for the resolver's
    // own events, which concern a host that several targets may share.
    QString target;
    // FallbackEntered: the tier served; Recovered: the tier it left; Pinned: pinned; CacheCleared:
    // stale when only the stale entries were cleared.
    ResolutionSource tier = ResolutionSource::None;
    FailureCause cause = FailureCause::None;
    QList<QHostAddress> before;
    QList<QHostAddress> after;
    QString detail; // human words: "timeout from 127.0.0.1:53; serving stale answer"
    QString actor; // who asked for it (an agent token's name); empty for the resolver's own
    // AddressesChanged to a new answer: the TTL the cache gave it (the records' smallest,
    // clamped to the cache policy; the default TTL for the system resolver).
    std::optional<qint64> ttlS;
    // The answer the event is about (a failure's, or the new answer of a recovery or change): the
    // resolver's DNSSEC verdict and its Extended DNS Errors (RFC 8914).
    DnssecValidation validation = DnssecValidation::NotAsked;
    QList<ExtendedDnsError> extendedErrors;
};

// "fallback_entered", ...; defined with the events' other words in resolvereventlog.cpp.
QString eventKindName(ResolverEvent::Kind kind);

Q_DECLARE_METATYPE(ResolverEvent)

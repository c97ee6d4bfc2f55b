#pragma once

#include "dns/extendeddnserror.h"
#include "dnssecvalidation.h"

#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Which address families a lookup asks for; "A+AAAA" in config.
enum class RecordKind { A, AAAA, Both };
QString recordKindName(RecordKind kind);
std::optional<RecordKind> recordKindFromName(const QString &name);

// Where an answer came from, best first (the resolution contract, docs/architecture.md).
enum class ResolutionSource {
    None, // nothing answered: the lookup failed and no fallback tier had addresses
    Fresh, // a live lookup answered just now (possibly NXDOMAIN/NODATA: then no addresses)
    Cache, // the cache held an unexpired answer (possibly a cached negative one)
    Stale, // an expired answer served after the live lookup failed (RFC 8767)
    Pinned, // a fallback address pinned by an operator or by the config
    Env, // the emergency fallback from DNSWATCH_FALLBACK_IPS
};
QString sourceName(ResolutionSource source);
std::optional<ResolutionSource> sourceFromName(const QString &name);
bool isFallbackSource(ResolutionSource source);

// Why a live lookup did not give addresses. NotValidated is the exception: the addresses came,
// but without the resolver's DNSSEC validation that the target requires ("require_validated").
// UnexpectedAnswer: the answer held an address outside the host's "expect_addresses".
enum class FailureCause {
    None,
    Timeout,
    ServFail,
    Refused,
    NxDomain,
    NoData,
    Network,
    Malformed,
    NotValidated,
    Tls, // DNS over TLS or HTTPS: the handshake or the server's certificate failed
    UnexpectedAnswer,
};
// The last of them: loops over every cause end here.
constexpr FailureCause LastFailureCause = FailureCause::UnexpectedAnswer;
QString causeName(FailureCause cause); // empty for None
std::optional<FailureCause> causeFromName(const QString &name);
// NXDOMAIN and NODATA are answers, not outages (RFC 2308).
bool isNegativeAnswer(FailureCause cause);

// "10.0.0.1", "fd00::1": addresses as people and JSON read them.
QStringList addressStrings(const QList<QHostAddress> &addresses);
// The addresses of the family asked for (all of them for Both), in their order.
QList<QHostAddress> addressesOfKind(const QList<QHostAddress> &all, RecordKind kind);
// A host as the cache and the fallback tiers key it: lowercased, without a trailing dot. Most
// names already are, and come back as the same string, uncopied.
QString canonicalHost(const QString &host);

// What one backend lookup produced, before the cache and fallback tiers.
struct BackendAnswer
{
    FailureCause cause = FailureCause::None;
    QList<QHostAddress> addresses;
    // Smallest TTL along the answer's CNAME chain; empty when the backend gives none (system).
    std::optional<quint32> ttlSeconds;
    // RFC 2308 negative TTL: min(SOA TTL, SOA MINIMUM); empty when no SOA came with it.
    std::optional<quint32> negativeTtlSeconds;
    QString server; // "127.0.0.1:53", or "system"
    qint64 latencyUs = 0;
    QString detail; // human words for a failure
    DnssecValidation validation = DnssecValidation::NotAsked; // the AD flag, when asked with DO
    QList<ExtendedDnsError> extendedErrors; // the answer's own reasons (RFC 8914), if it gave any
};

// What a caller of Resolver::resolve gets.
struct LookupResult
{
    QString host;
    QString resolver;
    RecordKind kind = RecordKind::Both;
    ResolutionSource source = ResolutionSource::None;
    // On failure, why; when served by a fallback tier, why the live lookup failed.
    FailureCause cause = FailureCause::None;
    QList<QHostAddress> addresses;
    std::optional<qint64> ttlLeftMs; // none for pinned and environment answers
    qint64 latencyUs = 0; // time this caller waited
    QString server; // the server that answered the live lookup behind this answer
    QString detail;
    DnssecValidation validation = DnssecValidation::NotAsked; // did the resolver validate it
    // The Extended DNS Errors of the answer behind this result (RFC 8914): with a failure, the
    // server's reason for it; with addresses, e.g. "Stale Answer" from an upstream.
    QList<ExtendedDnsError> extendedErrors;

    bool hasAddresses() const { return !addresses.isEmpty(); }
    bool isFallback() const { return isFallbackSource(source); }
};

Q_DECLARE_METATYPE(LookupResult)
Q_DECLARE_METATYPE(RecordKind)
Q_DECLARE_METATYPE(ResolutionSource)
Q_DECLARE_METATYPE(FailureCause)

#include "lookupresult.h"

#include "dns/dnsmessage.h"

QString recordKindName(RecordKind kind)
{
    switch (kind) {
    case RecordKind::A:
        return QStringLiteral("A");
    case RecordKind::AAAA:
        return QStringLiteral("AAAA");
    case RecordKind::Both:
        return QStringLiteral("A+AAAA");
    }
    return QString();
}

std::optional<RecordKind> recordKindFromName(const QString &name)
{
    for (RecordKind kind : {RecordKind::A, RecordKind::AAAA, RecordKind::Both}) {
        if (recordKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString sourceName(ResolutionSource source)
{
    switch (source) {
    case ResolutionSource::None:
        return QStringLiteral("none");
    case ResolutionSource::Fresh:
        return QStringLiteral("fresh");
    case ResolutionSource::Cache:
        return QStringLiteral("cache");
    case ResolutionSource::Stale:
        return QStringLiteral("stale");
    case ResolutionSource::Pinned:
        return QStringLiteral("pinned");
    case ResolutionSource::Env:
        return QStringLiteral("env");
    }
    return QString();
}

std::optional<ResolutionSource> sourceFromName(const QString &name)
{
    for (int value = int(ResolutionSource::None); value <= int(ResolutionSource::Env); ++value) {
        if (sourceName(ResolutionSource(value)) == name)
            return ResolutionSource(value);
    }
    return std::nullopt;
}

bool isFallbackSource(ResolutionSource source)
{
    return source == ResolutionSource::Stale || source == ResolutionSource::Pinned
            || source == ResolutionSource::Env;
}

QString causeName(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        return QString();
    case FailureCause::Timeout:
        return QStringLiteral("timeout");
    case FailureCause::ServFail:
        return QStringLiteral("servfail");
    case FailureCause::Refused:
        return QStringLiteral("refused");
    case FailureCause::NxDomain:
        return QStringLiteral("nxdomain");
    case FailureCause::NoData:
        return QStringLiteral("nodata");
    case FailureCause::Network:
        return QStringLiteral("network");
    case FailureCause::Malformed:
        return QStringLiteral("malformed");
    case FailureCause::NotValidated:
        return QStringLiteral("not_validated");
    case FailureCause::Tls:
        return QStringLiteral("tls");
    case FailureCause::UnexpectedAnswer:
        return QStringLiteral("unexpected_answer");
    }
    return QString();
}

std::optional<FailureCause> causeFromName(const QString &name)
{
    for (int value = int(FailureCause::None); value <= int(LastFailureCause); ++value) {
        if (causeName(FailureCause(value)) == name)
            return FailureCause(value);
    }
    return std::nullopt;
}

QStringList addressStrings(const QList<QHostAddress> &addresses)
{
    QStringList texts;
    texts.reserve(addresses.size());
    for (const QHostAddress &address : addresses)
        texts.append(address.toString());
    return texts;
}

QList<QHostAddress> addressesOfKind(const QList<QHostAddress> &all, RecordKind kind)
{
    if (kind == RecordKind::Both)
        return all;
    const auto wanted = kind == RecordKind::A ? QAbstractSocket::IPv4Protocol
                                              : QAbstractSocket::IPv6Protocol;
    QList<QHostAddress> result;
    for (const QHostAddress &address : all) {
        if (address.protocol() == wanted)
            result.append(address);
    }
    return result;
}

QString canonicalHost(const QString &host)
{
    const auto *begin = reinterpret_cast<const char16_t *>(host.utf16());
    const char16_t *end = begin + host.size();
    bool clean = begin == end || end[-1] != u'.';
    for (const char16_t *c = begin; clean && c != end; ++c)
        clean = *c < u'A' || *c > u'Z';
    return clean ? host : DnsWire::normalizedName(host);
}

bool isNegativeAnswer(FailureCause cause)
{
    return cause == FailureCause::NxDomain || cause == FailureCause::NoData;
}

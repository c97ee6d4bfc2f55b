#pragma once

#include "pinnedfallback.h"
#include "resolverevent.h"

#include <array>

// The resolver's events in words and numbers: what each transition says (the builders below
// fill kind, subject, addresses and detail; the time is the recorder's to set), how many of each
// kind happened, and the latest of them, oldest first, at most limit() of them.
// eventKindName() (resolverevent.h) is defined here, with the rest of the wording.
class ResolverEventLog
{
public:
    static constexpr int DefaultLimit = 1000;

    explicit ResolverEventLog(int limit = DefaultLimit);

    // Counts the event, keeps it (dropping the oldest beyond the limit) and logs it (lcResolver).
    void record(const ResolverEvent &event);
    quint64 count(ResolverEvent::Kind kind) const { return m_counts[int(kind)]; }
    const QList<ResolverEvent> &recent() const { return m_recent; }
    int limit() const { return m_limit; }

    // Why a live lookup failed, as the events say it: the backend's words, else the cause's name.
    static QString reason(FailureCause cause, const QString &detail);

    // The transitions of one name through one resolver.
    static ResolverEvent fallbackEntered(const QString &resolver, const QString &host,
                                         const LookupResult &fallback, const QString &why);
    // tier: the fallback tier it was served from, None when it had failed outright.
    static ResolverEvent recovered(const QString &resolver, const QString &host,
                                   ResolutionSource tier, const QString &server,
                                   const QList<QHostAddress> &addresses, qint64 degradedForS);
    static ResolverEvent resolutionFailed(const QString &resolver, const QString &host,
                                          FailureCause cause, const QString &why);
    // A live answer differs from the last one; before is empty when the name had been negative.
    // ttlS: the TTL the cache gave the new answer.
    static ResolverEvent addressesChanged(const QString &resolver, const QString &host,
                                          const QList<QHostAddress> &before,
                                          const QList<QHostAddress> &after, qint64 ttlS);
    // A name that had addresses now answers NXDOMAIN or NODATA.
    static ResolverEvent becameNegative(const QString &resolver, const QString &host,
                                        FailureCause cause, const QList<QHostAddress> &before);
    static ResolverEvent forcedReResolve(const QString &resolver, const QString &host,
                                         RecordKind kind);

    // Pins and the cache concern every resolver: no resolver named.
    static ResolverEvent pinned(const QString &host, const PinnedFallback &pin);
    static ResolverEvent unpinned(const QString &host, const QList<QHostAddress> &was,
                                  const QString &why);
    static ResolverEvent hostCleared(const QString &host, int entries);
    static ResolverEvent staleCleared(int entries);
    static ResolverEvent allCleared(int entries);

private:
    int m_limit;
    std::array<quint64, ResolverEvent::KindCount> m_counts{};
    QList<ResolverEvent> m_recent;
};

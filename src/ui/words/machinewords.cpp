#include "machinewords.h"

#include "resolver/resolverevent.h"
#include "store/storedevent.h"

namespace {
// A machine word and what it says to people: a short label and a one-sentence explanation
// (either may be null).
struct Word
{
    const char *name;
    const char *label;
    const char *explanation = nullptr;
};

const Word *find(const QString &name, const Word *begin, const Word *end)
{
    const auto found = std::find_if(
            begin, end, [&name](const Word &word) { return name == QLatin1String(word.name); });
    return found == end ? nullptr : found;
}

template<std::size_t N>
QString labelOf(const QString &name, const Word (&words)[N])
{
    const Word *word = find(name, words, words + N);
    return word ? MachineWords::tr(word->label) : name; // unknown: as sent
}

template<std::size_t N>
QString explanationOf(const QString &name, const Word (&words)[N])
{
    const Word *word = find(name, words, words + N);
    return word && word->explanation ? MachineWords::tr(word->explanation) : QString();
}

const Word States[] = {
        {"healthy", QT_TRANSLATE_NOOP("MachineWords", "healthy")},
        {"degraded", QT_TRANSLATE_NOOP("MachineWords", "degraded")},
        {"down", QT_TRANSLATE_NOOP("MachineWords", "down")},
        {"paused", QT_TRANSLATE_NOOP("MachineWords", "paused")},
        {"unknown", QT_TRANSLATE_NOOP("MachineWords", "unknown")},
};

const Word Sources[] = {
        {"fresh", QT_TRANSLATE_NOOP("MachineWords", "fresh"),
         QT_TRANSLATE_NOOP("MachineWords", "fresh: a live lookup answered just now")},
        {"cache", QT_TRANSLATE_NOOP("MachineWords", "cache"),
         QT_TRANSLATE_NOOP("MachineWords", "cache: an answer from the cache, within its TTL")},
        {"stale", QT_TRANSLATE_NOOP("MachineWords", "stale"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "stale: the cached answer past its TTL, served because the nameservers "
                           "did not answer (RFC 8767)")},
        {"pinned", QT_TRANSLATE_NOOP("MachineWords", "pinned"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "pinned: fallback addresses pinned by an operator or in the config")},
        {"env", QT_TRANSLATE_NOOP("MachineWords", "environment"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "environment: the emergency addresses of DNSWATCH_FALLBACK_IPS")},
};

const Word Causes[] = {
        {"timeout", QT_TRANSLATE_NOOP("MachineWords", "timeout"),
         QT_TRANSLATE_NOOP("MachineWords", "the nameservers did not answer in time")},
        {"servfail", QT_TRANSLATE_NOOP("MachineWords", "server failure (SERVFAIL)"),
         QT_TRANSLATE_NOOP("MachineWords", "the nameserver could not give an answer (SERVFAIL)")},
        {"refused", QT_TRANSLATE_NOOP("MachineWords", "refused (REFUSED)"),
         QT_TRANSLATE_NOOP("MachineWords", "the nameserver refused to answer (REFUSED)")},
        {"nxdomain", QT_TRANSLATE_NOOP("MachineWords", "no such name (NXDOMAIN)"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "the name does not exist (NXDOMAIN): an answer, not an outage "
                           "(RFC 2308)")},
        {"nodata", QT_TRANSLATE_NOOP("MachineWords", "no such address (NODATA)"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "the name exists but has no address of the kind asked for (NODATA)")},
        {"network", QT_TRANSLATE_NOOP("MachineWords", "network error"),
         QT_TRANSLATE_NOOP("MachineWords", "the nameservers could not be reached")},
        {"malformed", QT_TRANSLATE_NOOP("MachineWords", "unreadable answer"),
         QT_TRANSLATE_NOOP("MachineWords", "the nameserver's answer could not be read")},
        {"tls", QT_TRANSLATE_NOOP("MachineWords", "TLS failure"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "the encrypted connection to the nameserver failed: its handshake or "
                           "its certificate")},
        {"unexpected_answer", QT_TRANSLATE_NOOP("MachineWords", "unexpected answer"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "the answer held an address outside the target's expected ranges")},
        {"not_validated", QT_TRANSLATE_NOOP("MachineWords", "not validated (DNSSEC)"),
         QT_TRANSLATE_NOOP("MachineWords",
                           "the resolver gave the addresses without DNSSEC validation (no AD "
                           "flag), which the target requires")},
};

const Word EventKinds[] = {
        {"fallback_entered", QT_TRANSLATE_NOOP("MachineWords", "Fallback entered")},
        {"recovered", QT_TRANSLATE_NOOP("MachineWords", "Recovered")},
        {"resolution_failed", QT_TRANSLATE_NOOP("MachineWords", "Resolution failed")},
        {"addresses_changed", QT_TRANSLATE_NOOP("MachineWords", "Addresses changed")},
        {"pinned", QT_TRANSLATE_NOOP("MachineWords", "Pinned")},
        {"unpinned", QT_TRANSLATE_NOOP("MachineWords", "Unpinned")},
        {"forced_re_resolve", QT_TRANSLATE_NOOP("MachineWords", "Forced re-resolve")},
        {"cache_cleared", QT_TRANSLATE_NOOP("MachineWords", "Cache cleared")},
        {"paths_diverged", QT_TRANSLATE_NOOP("MachineWords", "Resolvers disagree")},
        {"paths_agree", QT_TRANSLATE_NOOP("MachineWords", "Resolvers agree again")},
        {"soa_serials_diverged", QT_TRANSLATE_NOOP("MachineWords", "Zone serials diverged")},
        {"soa_serials_agree", QT_TRANSLATE_NOOP("MachineWords", "Zone serials agree again")},
        {"zone_signatures_expiring", QT_TRANSLATE_NOOP("MachineWords", "Zone signatures expiring")},
        {"zone_signatures_expired", QT_TRANSLATE_NOOP("MachineWords", "Zone signatures expired")},
        {"zone_signatures_ok", QT_TRANSLATE_NOOP("MachineWords", "Zone signatures fine again")},
        {"state_changed", QT_TRANSLATE_NOOP("MachineWords", "State changed")},
        {"paused", QT_TRANSLATE_NOOP("MachineWords", "Probing paused")},
        {"resumed", QT_TRANSLATE_NOOP("MachineWords", "Probing resumed")},
        {"probe_requested", QT_TRANSLATE_NOOP("MachineWords", "Probe requested")},
        {"events_missed", QT_TRANSLATE_NOOP("MachineWords", "Events missed")},
        {"answer_changed_alert", QT_TRANSLATE_NOOP("MachineWords", "Answer changed (alert)")},
};

const Word CacheStates[] = {
        {"fresh", QT_TRANSLATE_NOOP("MachineWords", "fresh")},
        {"stale", QT_TRANSLATE_NOOP("MachineWords", "stale")},
        {"negative", QT_TRANSLATE_NOOP("MachineWords", "negative")},
        {"pinned", QT_TRANSLATE_NOOP("MachineWords", "pinned")},
        {"env", QT_TRANSLATE_NOOP("MachineWords", "environment")},
        {"missing", QT_TRANSLATE_NOOP("MachineWords", "missing")},
};
} // namespace

QString MachineWords::state(TargetState state)
{
    return MachineWords::state(targetStateName(state));
}

QString MachineWords::state(const QString &name) { return labelOf(name, States); }

QString MachineWords::source(const QString &name)
{
    if (name.isEmpty() || name == sourceName(ResolutionSource::None))
        return QString();
    return labelOf(name, Sources);
}

QString MachineWords::sourceExplanation(const QString &name)
{
    return explanationOf(name, Sources);
}

QString MachineWords::cause(const QString &name) { return labelOf(name, Causes); }

QString MachineWords::causeExplanation(const QString &name) { return explanationOf(name, Causes); }

QString MachineWords::eventKind(const QString &name) { return labelOf(name, EventKinds); }

QStringList MachineWords::knownEventKinds()
{
    QStringList kinds;
    for (int kind = 0; kind < ResolverEvent::KindCount; ++kind)
        kinds.append(eventKindName(ResolverEvent::Kind(kind)));
    return kinds + StoredEvent::otherKinds();
}

QString MachineWords::cacheState(CacheEntrySnapshot::State state)
{
    return labelOf(cacheStateName(state), CacheStates);
}

QString MachineWords::checkResult(std::optional<bool> ok, const QString &detail)
{
    if (!ok)
        return tr("service not checked");
    if (*ok)
        return tr("service answered");
    return detail.isEmpty() ? tr("service check failed")
                            : tr("service check failed: %1").arg(detail);
}

#pragma once

#include "clock.h"
#include "envfallback.h"
#include "lookupresult.h"
#include "pinnedfallback.h"

#include <QHash>

#include <functional>
#include <optional>

// The explicit fallback tiers: addresses an operator or the config pinned for a host (with an
// origin, a reason and perhaps an expiry), and the environment's (DNSWATCH_FALLBACK_IPS). Hosts
// are keyed as canonicalHost() gives them, so "API.test." and "api.test" are one host.
// A pin with an expiry is removed by a timer on the clock at that wall time ("pin expired"); until
// then, and when that timer is late, addressesFor() already skips it. Every pin and unpin is
// reported to the owner's handler, after the registry has changed; the handler may call back in.
class FallbackRegistry
{
public:
    struct Change
    {
        enum class Kind { Pinned, Unpinned };
        Kind kind = Kind::Pinned;
        QString host; // canonical
        PinnedFallback pin; // the pin as stored, or as it was when removed
        QString why; // Unpinned: "pin expired", "removed from the config", or the caller's words
    };
    using ChangeHandler = std::function<void(const Change &)>;

    // What the explicit tiers answer for a host and family.
    struct Addresses
    {
        ResolutionSource source = ResolutionSource::None; // Pinned or Env
        QList<QHostAddress> addresses;
    };

    // The clock must outlive the registry.
    explicit FallbackRegistry(Clock *clock, ChangeHandler onChange = {});
    ~FallbackRegistry();
    FallbackRegistry(const FallbackRegistry &) = delete;
    FallbackRegistry &operator=(const FallbackRegistry &) = delete;

    // Pins (or re-pins) host; pinnedAt defaults to now. A re-pin replaces the expiry too.
    void pin(const QString &host, const PinnedFallback &pin);
    bool unpin(const QString &host, const QString &why = QString());
    // Replaces every config-origin pin: those gone from the map or changed are unpinned, the new
    // ones pinned. A host an operator pinned keeps the operator's pin.
    void setConfigPins(const QHash<QString, QList<QHostAddress>> &addressesByHost);
    std::optional<PinnedFallback> pinOf(const QString &host) const;
    // By canonical host, expired pins included until their timer removes them.
    const QHash<QString, PinnedFallback> &pins() const { return m_pins; }

    void setEnvironment(const EnvFallback &env) { m_env = env; }
    // The environment's addresses by (lowercased) host.
    const QHash<QString, QList<QHostAddress>> &environment() const { return m_env.addressesByHost; }

    // Pinned, then environment: the first with addresses of that family for the canonical host.
    // Pure: an expired pin is skipped, not removed.
    std::optional<Addresses> addressesFor(const QString &canonical, RecordKind kind) const;

private:
    void scheduleExpiry(const QString &host, const PinnedFallback &pin);
    void cancelExpiry(const QString &host);
    void notify(Change::Kind kind, const QString &host, const PinnedFallback &pin,
                const QString &why) const;

    Clock *m_clock;
    ChangeHandler m_onChange;
    QHash<QString, PinnedFallback> m_pins;
    QHash<QString, Clock::TimerId> m_expiryTimers;
    EnvFallback m_env;
};

#include "fallbackregistry.h"

FallbackRegistry::FallbackRegistry(Clock *clock, ChangeHandler onChange)
    : m_clock(clock), m_onChange(std::move(onChange))
{ }

FallbackRegistry::~FallbackRegistry()
{
    for (const Clock::TimerId timer : std::as_const(m_expiryTimers))
        m_clock->cancel(timer);
}

void FallbackRegistry::pin(const QString &host, const PinnedFallback &pin)
{
    const QString key = canonicalHost(host);
    PinnedFallback stored = pin;
    if (!stored.pinnedAt.isValid())
        stored.pinnedAt = m_clock->wallTime();
    m_pins.insert(key, stored);
    scheduleExpiry(key, stored);
    notify(Change::Kind::Pinned, key, stored, QString());
}

bool FallbackRegistry::unpin(const QString &host, const QString &why)
{
    const QString key = canonicalHost(host);
    auto found = m_pins.find(key);
    if (found == m_pins.end())
        return false;
    const PinnedFallback removed = found.value();
    m_pins.erase(found);
    cancelExpiry(key);
    notify(Change::Kind::Unpinned, key, removed, why);
    return true;
}

void FallbackRegistry::setConfigPins(const QHash<QString, QList<QHostAddress>> &addressesByHost)
{
    // Keyed as the pins are ("API.test." and "api.test" are one host), so a reload that changes
    // nothing unpins and pins nothing.
    QHash<QString, QList<QHostAddress>> wanted;
    for (auto it = addressesByHost.cbegin(); it != addressesByHost.cend(); ++it)
        wanted.insert(canonicalHost(it.key()), it.value());
    QStringList stale;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it) {
        if (it->origin == PinnedFallback::Origin::Config && wanted.value(it.key()) != it->addresses)
            stale.append(it.key());
    }
    for (const QString &host : std::as_const(stale))
        unpin(host, QStringLiteral("removed from the config"));
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        const QString &key = it.key();
        if (it->isEmpty() || m_pins.contains(key))
            continue; // an operator pin (or the same config pin) stays
        PinnedFallback configPin;
        configPin.addresses = it.value();
        configPin.origin = PinnedFallback::Origin::Config;
        configPin.reason = QStringLiteral("fallback_ips in the config");
        pin(key, configPin);
    }
}

std::optional<PinnedFallback> FallbackRegistry::pinOf(const QString &host) const
{
    const auto found = m_pins.constFind(canonicalHost(host));
    if (found == m_pins.cend())
        return std::nullopt;
    return found.value();
}

std::optional<FallbackRegistry::Addresses> FallbackRegistry::addressesFor(const QString &canonical,
                                                                          RecordKind kind) const
{
    auto pinFound = m_pins.constFind(canonical);
    if (pinFound != m_pins.cend() && pinFound->expiresAt
        && *pinFound->expiresAt <= m_clock->wallTime())
        pinFound = m_pins.cend();
    if (pinFound != m_pins.cend()) {
        QList<QHostAddress> addresses = addressesOfKind(pinFound->addresses, kind);
        if (!addresses.isEmpty())
            return Addresses{ResolutionSource::Pinned, std::move(addresses)};
    }
    const auto envFound = m_env.addressesByHost.constFind(canonical);
    if (envFound != m_env.addressesByHost.cend()) {
        QList<QHostAddress> addresses = addressesOfKind(envFound.value(), kind);
        if (!addresses.isEmpty())
            return Addresses{ResolutionSource::Env, std::move(addresses)};
    }
    return std::nullopt;
}

void FallbackRegistry::scheduleExpiry(const QString &host, const PinnedFallback &pin)
{
    cancelExpiry(host); // a re-pin brings its own expiry, or none
    if (!pin.expiresAt)
        return;
    const qint64 delayMs = qMax<qint64>(0, m_clock->wallTime().msecsTo(*pin.expiresAt));
    // The clock is the timer's context; the destructor cancels it before `this` goes.
    m_expiryTimers.insert(host, m_clock->callAfter(delayMs, m_clock, [this, host] {
        m_expiryTimers.remove(host);
        unpin(host, QStringLiteral("pin expired"));
    }));
}

void FallbackRegistry::cancelExpiry(const QString &host)
{
    const auto found = m_expiryTimers.constFind(host);
    if (found == m_expiryTimers.cend())
        return;
    m_clock->cancel(found.value());
    m_expiryTimers.erase(found);
}

void FallbackRegistry::notify(Change::Kind kind, const QString &host, const PinnedFallback &pin,
                              const QString &why) const
{
    if (m_onChange)
        m_onChange(Change{kind, host, pin, why});
}

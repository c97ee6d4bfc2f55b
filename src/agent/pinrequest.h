#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>

#include <optional>

// The body of PUT /api/v1/pins/{host}:
//   {"addresses": ["10.0.0.5", "2001:db8::5"], "expires": "2026-12-06T18:00:00Z" or null,
//    "reason": "DNS outage, ticket 42"}
// addresses: 1 to MaxAddresses unicast IPv4 or IPv6 addresses, each once (the rules of every
// fallback address: no 0.0.0.0, ::, broadcast or multicast); expires (optional, null or absent:
// until unpinned): ISO 8601 with a time zone, after now; reason (optional): at most MaxReason
// characters. No other key.
struct PinRequest
{
    static constexpr int MaxAddresses = 64;
    static constexpr int MaxReason = 500;

    QList<QHostAddress> addresses;
    std::optional<QDateTime> expires; // UTC
    QString reason;
};

// The pin asked for, or nothing with *error saying what was wrong and what was expected.
std::optional<PinRequest> parsePinRequest(const QByteArray &body, const QDateTime &now,
                                          QString *error);

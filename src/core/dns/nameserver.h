#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

// A nameserver to query directly: an IP address and a UDP/TCP port.
struct NameServer
{
    QHostAddress address;
    quint16 port = 53;

    // "192.0.2.1", "192.0.2.1:5353", "[2001:db8::1]:5353" or "2001:db8::1".
    // Returns nullopt and sets *error (what was expected) on anything else.
    static std::optional<NameServer> parse(const QString &text, QString *error = nullptr);
    QString toString() const;

    bool operator==(const NameServer &other) const = default;
};

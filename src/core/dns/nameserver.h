#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

// A nameserver to query directly: plain DNS over UDP/TCP to an IP address and port, DNS over TLS
// (RFC 7858) or DNS over HTTPS (RFC 8484) to a host, which may be a name, and port.
struct NameServer
{
    enum class Transport { Udp, Tls, Https };

    QHostAddress address; // null when an encrypted server is given by name
    quint16 port = 53;
    Transport transport = Transport::Udp;
    QString host = QString(); // Tls and Https: the URL's host as written (an IP or a name)
    QString path = QString(); // Https: the URL's path, "/dns-query"

    static constexpr quint16 TlsDefaultPort = 853;
    static constexpr quint16 HttpsDefaultPort = 443;

    // Plain DNS only: "192.0.2.1", "192.0.2.1:5353", "[2001:db8::1]:5353" or "2001:db8::1".
    // Returns nullopt and sets *error (what was expected) on anything else.
    static std::optional<NameServer> parse(const QString &text, QString *error = nullptr);
    // What a resolver's "servers" take: the plain forms above, "tls://HOST_OR_IP[:PORT]" and
    // "https://HOST_OR_IP[:PORT]/PATH".
    static std::optional<NameServer> parseAnyTransport(const QString &text,
                                                       QString *error = nullptr);
    QString toString() const;
    bool isEncrypted() const { return transport != Transport::Udp; }
    // The name certificates are checked against when no tls_name is given.
    QString hostName() const;

    bool operator==(const NameServer &other) const = default;
};

#include "nameserver.h"

#include <QUrl>

namespace {
std::optional<NameServer> rejectServer(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

bool parsePort(QStringView text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}
} // namespace

std::optional<NameServer> NameServer::parse(const QString &text, QString *error)
{
    const QString expected = QStringLiteral(
            "an IP address with an optional port, such as \"192.0.2.53:53\" or "
            "\"[2001:db8::53]:53\"");
    NameServer server;
    QString host = text.trimmed();
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return rejectServer(error, QStringLiteral("missing ']' in \"%1\"").arg(text));
        const QStringView rest = QStringView(host).mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')) || !parsePort(rest.mid(1), &server.port))
                return rejectServer(
                        error, QStringLiteral("bad port in \"%1\": expected 1 to 65535").arg(text));
        }
        host = host.mid(1, close - 1);
    } else if (host.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = host.indexOf(QLatin1Char(':'));
        if (!parsePort(QStringView(host).mid(colon + 1), &server.port))
            return rejectServer(
                    error, QStringLiteral("bad port in \"%1\": expected 1 to 65535").arg(text));
        host = host.left(colon);
    }
    if (!server.address.setAddress(host) || host.contains(QLatin1Char('%')))
        return rejectServer(error, QStringLiteral("\"%1\" is not %2").arg(text, expected));
    // QHostAddress accepts "1" or "1.2" as IPv4 shorthand; a nameserver must be written out.
    if (server.address.protocol() == QAbstractSocket::IPv4Protocol
        && host.count(QLatin1Char('.')) != 3)
        return rejectServer(error, QStringLiteral("\"%1\" is not %2").arg(text, expected));
    return server;
}

namespace {
const QString TlsScheme = QStringLiteral("tls");
const QString HttpsScheme = QStringLiteral("https");

// "tls://HOST[:PORT]" or "https://HOST[:PORT]/PATH": no user, query or fragment.
std::optional<NameServer> parseServerUrl(const QString &text, QString *error)
{
    const QString expected = QStringLiteral(
            "\"tls://HOST_OR_IP:PORT\" (DNS over TLS, port 853 when none is given) or "
            "\"https://HOST_OR_IP:PORT/dns-query\" (DNS over HTTPS, port 443)");
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return rejectServer(error, QStringLiteral("\"%1\" is not %2").arg(text, expected));
    NameServer server;
    server.transport = scheme == TlsScheme ? NameServer::Transport::Tls
                                           : NameServer::Transport::Https;
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return rejectServer(error,
                            QStringLiteral("\"%1\" has a user, query or fragment; expected %2")
                                    .arg(text, expected));
    if (server.transport == NameServer::Transport::Tls && !url.path().isEmpty()
        && url.path() != QLatin1String("/"))
        return rejectServer(error,
                            QStringLiteral("\"%1\" has a path; DNS over TLS takes none").arg(text));
    const int port = url.port(server.transport == NameServer::Transport::Tls
                                      ? NameServer::TlsDefaultPort
                                      : NameServer::HttpsDefaultPort);
    if (port <= 0 || port > 65535)
        return rejectServer(error,
                            QStringLiteral("bad port in \"%1\": expected 1 to 65535").arg(text));
    server.port = quint16(port);
    server.host = url.host();
    server.address.setAddress(server.host);
    if (server.transport == NameServer::Transport::Https) {
        server.path = url.path().isEmpty() || url.path() == QLatin1String("/")
                ? QStringLiteral("/dns-query")
                : url.path();
    }
    return server;
}
} // namespace

std::optional<NameServer> NameServer::parseAnyTransport(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const qsizetype schemeEnd = trimmed.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return parse(trimmed, error);
    const QString scheme = trimmed.left(schemeEnd).toLower();
    if (scheme != TlsScheme && scheme != HttpsScheme)
        return rejectServer(error,
                            QStringLiteral("unknown scheme \"%1\" in \"%2\": expected "
                                           "\"tls://\", \"https://\" or a plain IP address")
                                    .arg(trimmed.left(schemeEnd), text));
    return parseServerUrl(trimmed, error);
}

QString NameServer::hostName() const { return host.isEmpty() ? address.toString() : host; }

QString NameServer::toString() const
{
    if (transport != Transport::Udp) {
        const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
        const QString shownHost = ipv6 ? QStringLiteral("[%1]").arg(host) : host;
        if (transport == Transport::Tls)
            return QStringLiteral("tls://%1:%2").arg(shownHost).arg(port);
        return QStringLiteral("https://%1:%2%3").arg(shownHost).arg(port).arg(path);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

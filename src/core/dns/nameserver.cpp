#include "nameserver.h"

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

QString NameServer::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

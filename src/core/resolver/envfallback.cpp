#include "envfallback.h"

#include "dns/dnsmessage.h"

bool parseIpAddress(const QString &text, QHostAddress *address, QString *error)
{
    const QString trimmed = text.trimmed();
    QHostAddress parsed;
    const bool looksV4 = !trimmed.contains(QLatin1Char(':'));
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('%')) || !parsed.setAddress(trimmed)
        || (looksV4 && trimmed.count(QLatin1Char('.')) != 3)) {
        if (error)
            *error = QStringLiteral("\"%1\" is not an IPv4 or IPv6 address").arg(text);
        return false;
    }
    *address = parsed;
    return true;
}

bool parseFallbackAddress(const QString &text, QHostAddress *address, QString *error)
{
    QHostAddress parsed;
    if (!parseIpAddress(text, &parsed, error))
        return false;
    QString why;
    if (parsed == QHostAddress::AnyIPv4 || parsed == QHostAddress::AnyIPv6)
        why = QStringLiteral("the unspecified address");
    else if (parsed == QHostAddress::Broadcast)
        why = QStringLiteral("the broadcast address");
    else if (parsed.isMulticast())
        why = QStringLiteral("a multicast group");
    if (!why.isEmpty()) {
        if (error)
            *error = QStringLiteral("\"%1\" is %2; expected the unicast address of a server")
                             .arg(text.trimmed(), why);
        return false;
    }
    *address = parsed;
    return true;
}

bool isValidHostName(const QString &host, QString *error)
{
    auto reject = [error, &host](const QString &why) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a valid host name: %2").arg(host, why);
        return false;
    };
    QStringView name(host);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty())
        return reject(QStringLiteral("it is empty"));
    if (name.size() > 253)
        return reject(QStringLiteral("longer than 253 characters"));
    for (QStringView label : name.split(QLatin1Char('.'))) {
        if (label.isEmpty())
            return reject(QStringLiteral("empty label"));
        if (label.size() > DnsWire::MaxLabelLength)
            return reject(QStringLiteral("label \"%1\" is longer than 63 characters")
                                  .arg(label.toString()));
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return reject(
                    QStringLiteral("label \"%1\" starts or ends with '-'").arg(label.toString()));
        for (QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                    || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                    || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
                    || c == QLatin1Char('_');
            if (!ok)
                return reject(QStringLiteral("character '%1' is not allowed (letters, digits, "
                                             "'-' and '_')")
                                      .arg(c));
        }
    }
    return true;
}

EnvFallback EnvFallback::parse(const QString &value)
{
    EnvFallback result;
    const QString variable = QString::fromLatin1(VariableName);
    const QList<QStringView> entries = QStringView(value).split(QLatin1Char(';'));
    QHash<QString, int> firstEntry; // by host: the entry that named it first
    for (int index = 0; index < entries.size(); ++index) {
        const QStringView entry = entries[index].trimmed();
        if (entry.isEmpty())
            continue; // "a=1.2.3.4;" is fine
        auto skip = [&](const QString &why) {
            result.errors.append(QStringLiteral("%1: entry %2 \"%3\" ignored: %4")
                                         .arg(variable)
                                         .arg(index + 1)
                                         .arg(entry.toString(), why));
        };
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals < 0) {
            skip(QStringLiteral("expected host=IP[,IP...]"));
            continue;
        }
        const QString host = entry.left(equals).trimmed().toString();
        QString error;
        if (!isValidHostName(host, &error)) {
            skip(error);
            continue;
        }
        const QString key = DnsWire::normalizedName(host);
        if (const auto first = firstEntry.constFind(key); first != firstEntry.constEnd()) {
            skip(QStringLiteral("host %1 is already given in entry %2; give all its addresses in "
                                "one entry (host=IP,IP)")
                         .arg(host)
                         .arg(first.value()));
            continue;
        }
        QList<QHostAddress> addresses;
        bool good = true;
        for (QStringView text : entry.mid(equals + 1).split(QLatin1Char(','))) {
            QHostAddress address;
            if (!parseFallbackAddress(text.toString(), &address, &error)) {
                skip(error);
                good = false;
                break;
            }
            if (!addresses.contains(address))
                addresses.append(address);
        }
        if (!good)
            continue; // a later entry for the host may still give it (its first good one)
        firstEntry.insert(key, index + 1);
        result.addressesByHost.insert(key, addresses);
    }
    return result;
}

EnvFallback EnvFallback::fromEnvironment() { return parse(qEnvironmentVariable(VariableName)); }

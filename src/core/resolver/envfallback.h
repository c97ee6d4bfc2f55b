#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QStringList>

// The emergency tier:
// DNSWATCH_FALLBACK_IPS="mlflow.internal=10.0.0.5,10.0.0.6;api.internal=10.0.0.7". A malformed
// entry, or a second entry for a host already given, is reported and skipped; the well-formed
// ones still count.
struct EnvFallback
{
    static constexpr const char *VariableName = "DNSWATCH_FALLBACK_IPS";

    QHash<QString, QList<QHostAddress>> addressesByHost; // host names lowercased
    QStringList errors; // one per skipped entry, naming the variable, entry and expectation

    static EnvFallback parse(const QString &value);
    static EnvFallback fromEnvironment();
};

// "10.0.0.5" or "2001:db8::5", written out in full (no "10.5" shorthand, no scope IDs). Returns
// false and says why in *error.
bool parseIpAddress(const QString &text, QHostAddress *address, QString *error);
// An address a fallback may give, shared by the config loader, the environment and the pin
// dialog: parseIpAddress(), and one a service can be reached at, so not the unspecified
// 0.0.0.0 or ::, the broadcast 255.255.255.255, or a multicast group (224.0.0.0/4, ff00::/8).
bool parseFallbackAddress(const QString &text, QHostAddress *address, QString *error);
// A host name as DNS Watch accepts it: letters, digits, '-', '_' and dots, labels of 1 to 63
// characters, 253 characters in all; a trailing dot is allowed.
bool isValidHostName(const QString &host, QString *error);

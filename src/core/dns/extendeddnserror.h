#pragma once

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

// An Extended DNS Error (RFC 8914): the reason a server gives, beside the rcode, for what it
// answered ("DNSSEC Bogus" with a SERVFAIL, "Stale Answer" with an old address). The extra text
// comes from the server: it is kept printable (control characters escaped) and bounded.
struct ExtendedDnsError
{
    quint16 infoCode = 0;
    QString extraText;

    friend bool operator==(const ExtendedDnsError &, const ExtendedDnsError &) = default;
};

namespace ExtendedDnsErrors {

// The highest info-code with words of its own (IANA's registry up to 29); any other is shown by
// its number.
constexpr quint16 LastKnownInfoCode = 29;
// Longer extra text is cut here (with an ellipsis): it goes into tables, logs and JSON.
constexpr int MaxExtraTextLength = 256;

// "DNSSEC Bogus", "Stale Answer"; "EDE 4711" for a code without words.
QString words(quint16 infoCode);
// The same for JSON: "dnssec_bogus", "stale_answer"; "ede_4711" for a code without words.
QString machineName(quint16 infoCode);
// "Prohibited (EDE 18): client 127.0.0.1 refused" for logs, details and tooltips.
QString describe(const ExtendedDnsError &error);
// Every error of an answer described, separated by "; ". Empty for none.
QString describe(const QList<ExtendedDnsError> &errors);

// The server's text as it may be shown: printable, at most MaxExtraTextLength characters.
QString boundedExtraText(QStringView text);

// [{"code": 18, "name": "prohibited", "text": "..."}] for --once, the agent's status and reports;
// "text" is left out when the server gave none.
QJsonArray toJson(const QList<ExtendedDnsError> &errors);
// Reads back what toJson wrote into this machine's own history; entries without a numeric code
// are skipped. (Another machine's answers are checked field by field by their readers.)
QList<ExtendedDnsError> fromJson(const QJsonArray &array);

} // namespace ExtendedDnsErrors

Q_DECLARE_METATYPE(ExtendedDnsError)

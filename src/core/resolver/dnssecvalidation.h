#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

// Whether the resolver vouched for an answer with DNSSEC: its AD flag (RFC 4035 3.2.3), which a
// validating resolver sets only when the resolver was asked with DO (a resolver's "dnssec").
enum class DnssecValidation {
    NotAsked, // no DO on the query (the resolver's "dnssec" is off, the system resolver, a pin)
    Validated, // asked with DO, and the answer came with AD
    NotValidated, // asked with DO, and the answer came without AD
};

// "validated", "not_validated", or empty for NotAsked.
QString dnssecValidationName(DnssecValidation validation);
std::optional<DnssecValidation> dnssecValidationFromName(const QString &name);
// The JSON field "validated": true, false, or null when the resolver was not asked.
QJsonValue dnssecValidationJson(DnssecValidation validation);
// Both parts of one answer (the families of A+AAAA, the hops of a CNAME chain): validated only
// when every part is, not asked when a part was not asked.
DnssecValidation combinedValidation(DnssecValidation a, DnssecValidation b);

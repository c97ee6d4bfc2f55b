#pragma once

#include "dnsclient.h"

#include <QString>

#include <optional>

// What one server said when asked directly for a zone's SOA: its serial when it answered
// authoritatively with the zone's SOA record, else why not, in words.
struct SoaAnswer
{
    QString server; // "127.0.0.1:5301", as the check names it
    std::optional<DnsWire::Soa> soa; // set when the server answered for the zone
    QString error; // "not authoritative (no AA flag)", "REFUSED", ...; empty with soa
    qint64 latencyUs = 0;
};

// Reads an exchange for "zone SOA": a response must be NOERROR, carry AA and hold the zone's SOA
// in its answer section; timeouts, network errors, malformed answers, REFUSED, NXDOMAIN and the
// rest are errors naming what happened.
SoaAnswer soaAnswerOf(const DnsExchange &exchange, const QString &zone);

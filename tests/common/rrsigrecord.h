#pragma once

#include "dns/dnsmessage.h"

#include <QByteArray>
#include <QDateTime>

// The RDATA of an RRSIG (RFC 4034 3.1) over the type covered, made by signed.test's key 4242
// (algorithm 13), valid from inception to expiration (seconds since 1970); the signature bytes
// are made up: enough for what reads the dates, never for a validator.
QByteArray rrsigRdata(quint16 covered, quint32 expiration, quint32 inception);

// A FakeDnsResponder answer to "ZONE SOA": the zone's SOA and an RRSIG over it that expires at
// expiration (made 40 days before).
QByteArray signedSoaResponse(const DnsWire::Message &query, const QDateTime &expiration);

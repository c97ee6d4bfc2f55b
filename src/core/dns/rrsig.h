#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace DnsWire {

// The data of one RRSIG record (RFC 4034 3.1): which record set it signs, with which key, and
// for what span of time.
struct Rrsig
{
    quint16 typeCovered = 0;
    quint8 algorithm = 0;
    quint8 labels = 0;
    quint32 originalTtl = 0;
    quint32 expiration = 0; // seconds since 1970, modulo 2^32 (RFC 4034 3.1.5)
    quint32 inception = 0;
    quint16 keyTag = 0;
    QString signerName; // "example.test." in presentation format
    QByteArray signature;
};

// Decodes an RRSIG record's rdata. On malformed data returns none and sets *error to where and
// what was expected ("RRSIG signer name at byte 20: label of 9 bytes runs past the data").
std::optional<Rrsig> parseRrsig(QByteArrayView rdata, QString *error);

// Seconds from nowSecs (since 1970) until the signature expires, negative once it has, read with
// serial number arithmetic (RFC 1982) as RFC 4034 3.1.5 asks: right within 68 years of now.
qint64 secondsUntilExpiration(const Rrsig &rrsig, qint64 nowSecs);

} // namespace DnsWire

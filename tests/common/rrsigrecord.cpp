#include "rrsigrecord.h"

#include "fakednsresponder.h"

QByteArray rrsigRdata(quint16 covered, quint32 expiration, quint32 inception)
{
    QByteArray rdata;
    DnsWire::appendU16(&rdata, covered);
    rdata.append(char(13)).append(char(2));
    DnsWire::appendU32(&rdata, 300);
    DnsWire::appendU32(&rdata, expiration);
    DnsWire::appendU32(&rdata, inception);
    DnsWire::appendU16(&rdata, 4242);
    rdata.append("\x06signed\x04test\x00", 13).append("signature");
    return rdata;
}

QByteArray signedSoaResponse(const DnsWire::Message &query, const QDateTime &expiration)
{
    const QString zone = query.questions.value(0).name;
    const qint64 expires = expiration.toSecsSinceEpoch();
    const FakeDnsResponder::RecordSpec rrsig{zone, quint16(DnsWire::RecordType::RRSIG), 300,
                                             rrsigRdata(quint16(DnsWire::RecordType::SOA),
                                                        quint32(expires),
                                                        quint32(expires - 40 * 86400))};
    return FakeDnsResponder::response(query, 0, {FakeDnsResponder::soa(zone, 300, 60), rrsig});
}

#include "soaanswer.h"

SoaAnswer soaAnswerOf(const DnsExchange &exchange, const QString &zone)
{
    SoaAnswer answer;
    answer.server = exchange.server.toString();
    answer.latencyUs = exchange.latencyUs;
    if (exchange.error != DnsExchange::Error::None) {
        answer.error = exchange.detail.isEmpty() ? QStringLiteral("no usable answer")
                                                 : exchange.detail;
        return answer;
    }
    const DnsWire::Message &message = exchange.response;
    switch (DnsWire::ResponseCode(message.rcode)) {
    case DnsWire::ResponseCode::NoError:
        break;
    case DnsWire::ResponseCode::Refused:
        answer.error = QStringLiteral("refused (REFUSED): not serving the zone");
        return answer;
    case DnsWire::ResponseCode::NxDomain:
        answer.error = QStringLiteral("NXDOMAIN for the zone: not serving it");
        return answer;
    default:
        answer.error = QStringLiteral("answered %1").arg(DnsWire::responseCodeName(message.rcode));
        return answer;
    }
    if (!message.authoritative) {
        answer.error = QStringLiteral("not authoritative (no AA flag)");
        return answer;
    }
    for (const DnsWire::Record &record : message.answers) {
        if (record.type == quint16(DnsWire::RecordType::SOA) && record.soa
            && DnsWire::namesEqual(record.name, zone)) {
            answer.soa = record.soa;
            return answer;
        }
    }
    answer.error = QStringLiteral("no SOA record for the zone in the answer");
    return answer;
}

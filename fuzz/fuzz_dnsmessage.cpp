// libFuzzer target for the DNS wire codec: parseMessage and parseHeader on arbitrary bytes, and
// buildQuery on the first bytes taken as a name. Beyond "no crash" (ASan, UBSan) it checks what a
// successful parse promises; a broken promise traps, which libFuzzer reports as a crash.
#include "dns/dnsmessage.h"
#include "dns/rrsig.h"
#include "dns/soaanswer.h"
#include "fuzzcheck.h"
#include "printabletext.h"
#include "resolver/directdnsbackend.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace DnsWire;

namespace {

bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

// Wire length of a name in the presentation form parseMessage produces: "." is the root alone;
// otherwise labels joined by dots, where "\." and "\\" stand for one byte and "\DDD" for a byte
// that is not printable ASCII. Anything parseMessage would never write gives -1.
int wireLengthOf(const QString &name)
{
    if (name == QLatin1String("."))
        return 1;
    int total = 1; // the root label
    int label = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 3 < name.size() && isDigit(name.at(i + 1)) && isDigit(name.at(i + 2))
                && isDigit(name.at(i + 3))) {
                const int value = QStringView(name).mid(i + 1, 3).toInt();
                // Only bytes that are not printable ASCII are written as \DDD.
                if (value > 255 || (value > 0x20 && value < 0x7F))
                    return -1;
                i += 3;
            } else if (i + 1 < name.size()
                       && (name.at(i + 1) == QLatin1Char('.')
                           || name.at(i + 1) == QLatin1Char('\\'))) {
                i += 1;
            } else {
                return -1;
            }
            ++label;
        } else if (c == QLatin1Char('.')) {
            if (label == 0 || label > MaxLabelLength)
                return -1;
            total += label + 1;
            label = 0;
        } else if (c.unicode() > 0x20 && c.unicode() < 0x7F) {
            ++label;
        } else {
            return -1; // raw control, space or non-ASCII character: escaping failed
        }
    }
    if (label == 0 || label > MaxLabelLength)
        return -1;
    return total + label + 1;
}

void checkName(const QString &name)
{
    const int wire = wireLengthOf(name);
    check(wire >= 1 && wire <= MaxNameLength);
}

void checkRecord(const Record &record)
{
    checkName(record.name);
    check(record.ttl <= 0x7FFFFFFFu); // RFC 2181: a TTL with the top bit set reads as 0
    switch (RecordType(record.type)) {
    case RecordType::A:
        check(record.rdata.size() == 4);
        check(record.address.protocol() == QAbstractSocket::IPv4Protocol);
        check(record.address.toIPv4Address()
              == (quint32(quint8(record.rdata[0])) << 24 | quint32(quint8(record.rdata[1])) << 16
                  | quint32(quint8(record.rdata[2])) << 8 | quint32(quint8(record.rdata[3]))));
        break;
    case RecordType::AAAA: {
        check(record.rdata.size() == 16);
        check(record.address.protocol() == QAbstractSocket::IPv6Protocol);
        const Q_IPV6ADDR v6 = record.address.toIPv6Address();
        for (int i = 0; i < 16; ++i)
            check(v6[i] == quint8(record.rdata[i]));
        break;
    }
    case RecordType::CNAME:
    case RecordType::NS:
    case RecordType::PTR:
        checkName(record.target);
        check(record.address.isNull());
        break;
    case RecordType::SOA:
        check(record.soa.has_value());
        checkName(record.soa->primaryServer);
        checkName(record.soa->mailbox);
        break;
    default:
        check(record.address.isNull());
        check(record.target.isEmpty());
        check(!record.soa.has_value());
        break;
    }
}

// An RRSIG's data decodes to a signer name a parse could have written, or names its problem.
void checkRrsig(const Record &record)
{
    QString error;
    const std::optional<Rrsig> rrsig = parseRrsig(record.rdata, &error);
    if (!rrsig) {
        check(error.startsWith(QStringLiteral("RRSIG")));
        return;
    }
    check(error.isEmpty());
    check(rrsig->signerName.endsWith(QLatin1Char('.')));
    if (rrsig->signerName != QLatin1String("."))
        checkName(rrsig->signerName.chopped(1));
    check(!rrsig->signature.isEmpty());
    check(rrsig->signature.size() < record.rdata.size());
}

quint16 u16At(const uint8_t *data, int offset)
{
    return quint16(data[offset] << 8 | data[offset + 1]);
}

// What the resolver makes of a parsed answer: CNAME chains, TTLs, negative TTLs.
void checkInterpretation(const Message &m, const QString &name, quint16 type)
{
    DnsExchange exchange;
    exchange.response = m;
    QString follow;
    const BackendAnswer answer = DirectDnsBackend::interpret(exchange, name, type, &follow);
    const auto family = type == quint16(RecordType::A) ? QAbstractSocket::IPv4Protocol
                                                       : QAbstractSocket::IPv6Protocol;
    quint32 largestTtl = 0;
    for (const Record &record : m.answers)
        largestTtl = qMax(largestTtl, record.ttl);
    for (const QHostAddress &address : answer.addresses)
        check(address.protocol() == family); // only the family asked for
    check(answer.addresses.isEmpty() || answer.cause == FailureCause::None);
    check(!answer.ttlSeconds || *answer.ttlSeconds <= largestTtl); // the chain's smallest
    if (!answer.addresses.isEmpty())
        check(follow.isEmpty());
    if (answer.negativeTtlSeconds)
        check(isNegativeAnswer(answer.cause));
}

void fuzzInterpret(const Message &m)
{
    // Asked as the message's own question, and as a fixed name it may not match.
    const QString asked = m.questions.isEmpty() ? QStringLiteral("a.test") : m.questions[0].name;
    for (quint16 type : {quint16(RecordType::A), quint16(RecordType::AAAA)}) {
        checkInterpretation(m, asked, type);
        checkInterpretation(m, QStringLiteral("a.test"), type);
    }
    if (!m.questions.isEmpty()) // names compare equal to themselves, whatever their bytes
        check(namesEqual(m.questions[0].name, m.questions[0].name.toUpper()));
}

// What the soa check makes of the answer: a serial only from an authoritative NOERROR answer
// with the zone's SOA, else a reason.
void checkSoaAnswer(const Message &m)
{
    DnsExchange exchange;
    exchange.response = m;
    const QString zone = m.questions.isEmpty() ? QStringLiteral("example.test")
                                               : m.questions[0].name;
    const SoaAnswer answer = soaAnswerOf(exchange, zone);
    check(answer.soa.has_value() == answer.error.isEmpty());
    if (answer.soa)
        check(m.authoritative && m.rcode == quint16(ResponseCode::NoError));
}

void fuzzParse(const uint8_t *data, size_t size)
{
    const QByteArrayView packet(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult parsed = parseMessage(packet);
    const QString description = parsed.describe();
    check(!description.isEmpty());

    Message header;
    const bool haveHeader = parseHeader(packet, &header);
    check(haveHeader == (size >= size_t(HeaderSize)));
    if (!haveHeader) {
        check(parsed.error == ParseError::TruncatedHeader);
        check(parsed.errorOffset == int(size));
        return;
    }

    if (!parsed.ok()) {
        check(parsed.error != ParseError::TruncatedHeader);
        // Usually past the header, but a compression pointer may aim into it (a label length
        // byte at offset 0 is reported there), so only the packet's bounds are promised.
        check(parsed.errorOffset >= 0 && parsed.errorOffset <= int(size));
        check(description.contains(QStringLiteral(" at byte %1").arg(parsed.errorOffset)));
        return;
    }

    const Message &m = parsed.message;
    check(parsed.errorOffset == -1);
    check(m.id == header.id && m.isResponse == header.isResponse && m.opcode == header.opcode);
    check(m.truncated == header.truncated && m.authoritative == header.authoritative);
    check(m.recursionDesired == header.recursionDesired);
    check(m.recursionAvailable == header.recursionAvailable);
    check(m.authenticData == header.authenticData);
    check((m.rcode & 0xF) == header.rcode);
    // A successful parse holds exactly what the header counts promise.
    check(m.questions.size() == u16At(data, 4));
    check(m.answers.size() == u16At(data, 6));
    check(m.authorities.size() == u16At(data, 8));
    check(m.additionals.size() == u16At(data, 10));

    for (const Question &question : m.questions)
        checkName(question.name);
    int opts = 0;
    for (const QList<Record> *section : {&m.answers, &m.authorities, &m.additionals}) {
        for (const Record &record : *section) {
            checkRecord(record);
            if (record.type == quint16(RecordType::RRSIG))
                checkRrsig(record);
            if (record.type == quint16(RecordType::OPT)) {
                // At most one OPT, in the additional section, owned by the root.
                check(section == &m.additionals && record.name == QLatin1String("."));
                ++opts;
            }
        }
    }
    check(opts <= 1);
    check(m.ednsUdpPayload.has_value() == (opts == 1));
    if (opts == 0)
        check(m.rcode == header.rcode && m.extendedErrors.isEmpty());
    for (const ExtendedDnsError &error : m.extendedErrors) {
        // The server's text is bounded and printable: nothing raw reaches a terminal.
        check(error.extraText.size() <= ExtendedDnsErrors::MaxExtraTextLength);
        check(!hasUnprintable(error.extraText));
    }
    // Each EDE takes at least 6 bytes of the packet.
    check(m.extendedErrors.size() * 6 <= qsizetype(size));
    fuzzInterpret(m);
    checkSoaAnswer(m);
}

// The first bytes, read as Latin-1, as a name to query for.
void fuzzBuildQuery(const uint8_t *data, size_t size)
{
    const qsizetype length = qsizetype(qMin<size_t>(size, 300));
    const QString name = QString::fromLatin1(reinterpret_cast<const char *>(data), length);
    QueryOptions options;
    options.recursionDesired = size % 2 == 0;
    options.ednsUdpPayload = size > 0 ? quint16(data[0] << 4) : 0;
    QString error;
    const QByteArray query = buildQuery(0xD0D0, name, quint16(RecordType::A), options, &error);
    if (query.isEmpty()) {
        check(!error.isEmpty());
        return;
    }
    check(error.isEmpty());
    for (const QChar c : name)
        check(c.unicode() < 0x80); // only ASCII names go on the wire

    // What was built parses back: one question whose name takes the bytes it should.
    const ParseResult parsed = parseMessage(query);
    check(parsed.ok());
    check(parsed.message.id == 0xD0D0 && !parsed.message.isResponse);
    check(parsed.message.recursionDesired == options.recursionDesired);
    check(parsed.message.questions.size() == 1);
    check(parsed.message.ednsUdpPayload.has_value() == (options.ednsUdpPayload != 0));
    const int nameBytes = int(query.size()) - HeaderSize - 4
            - (options.ednsUdpPayload != 0 ? 11 : 0);
    check(nameBytes >= 2 && nameBytes <= MaxNameLength);
    const QString parsedName = parsed.message.questions.first().name;
    check(wireLengthOf(parsedName) == nameBytes);
    QString plain = name;
    if (plain.endsWith(QLatin1Char('.')))
        plain.chop(1);
    bool needsEscapes = false;
    for (const QChar c : plain)
        needsEscapes = needsEscapes || c.unicode() <= 0x20 || c.unicode() >= 0x7F
                || c == QLatin1Char('\\');
    if (!needsEscapes)
        check(parsedName == plain);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzParse(data, size);
    fuzzBuildQuery(data, size);
    return 0;
}

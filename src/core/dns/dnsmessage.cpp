#include "dnsmessage.h"

#include "ednsoptions.h"

#include <QtEndian>

#include <algorithm>

namespace DnsWire {

QString recordTypeName(quint16 type)
{
    switch (RecordType(type)) {
    case RecordType::A:
        return QStringLiteral("A");
    case RecordType::NS:
        return QStringLiteral("NS");
    case RecordType::CNAME:
        return QStringLiteral("CNAME");
    case RecordType::SOA:
        return QStringLiteral("SOA");
    case RecordType::PTR:
        return QStringLiteral("PTR");
    case RecordType::MX:
        return QStringLiteral("MX");
    case RecordType::TXT:
        return QStringLiteral("TXT");
    case RecordType::AAAA:
        return QStringLiteral("AAAA");
    case RecordType::OPT:
        return QStringLiteral("OPT");
    case RecordType::RRSIG:
        return QStringLiteral("RRSIG");
    case RecordType::DNSKEY:
        return QStringLiteral("DNSKEY");
    }
    return QStringLiteral("TYPE%1").arg(type);
}

QString responseCodeName(quint16 rcode)
{
    switch (ResponseCode(rcode)) {
    case ResponseCode::NoError:
        return QStringLiteral("NOERROR");
    case ResponseCode::FormErr:
        return QStringLiteral("FORMERR");
    case ResponseCode::ServFail:
        return QStringLiteral("SERVFAIL");
    case ResponseCode::NxDomain:
        return QStringLiteral("NXDOMAIN");
    case ResponseCode::NotImp:
        return QStringLiteral("NOTIMP");
    case ResponseCode::Refused:
        return QStringLiteral("REFUSED");
    }
    return QStringLiteral("RCODE%1").arg(rcode);
}

QString parseErrorName(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return QStringLiteral("no error");
    case ParseError::TruncatedHeader:
        return QStringLiteral("truncated header");
    case ParseError::TruncatedName:
        return QStringLiteral("name runs past the end of the packet");
    case ParseError::TruncatedQuestion:
        return QStringLiteral("truncated question");
    case ParseError::TruncatedRecord:
        return QStringLiteral("truncated resource record");
    case ParseError::CountBeyondPacket:
        return QStringLiteral("section count claims more entries than the packet holds");
    case ParseError::LabelTooLong:
        return QStringLiteral("label length over 63 (the 0x40 and 0x80 bits are reserved)");
    case ParseError::NameTooLong:
        return QStringLiteral("name longer than 255 bytes");
    case ParseError::CompressionLoop:
        return QStringLiteral("compression pointer loop");
    case ParseError::ForwardPointer:
        return QStringLiteral("compression pointer does not point backwards");
    case ParseError::BadRdataLength:
        return QStringLiteral("record data has the wrong length");
    case ParseError::RdataOverrun:
        return QStringLiteral("record data runs past its declared length");
    case ParseError::TrailingGarbage:
        return QStringLiteral("trailing bytes after the last record");
    case ParseError::MultipleOptRecords:
        return QStringLiteral("more than one OPT record");
    case ParseError::OptOutsideAdditional:
        return QStringLiteral("OPT record outside the additional section");
    case ParseError::OptOwnerNotRoot:
        return QStringLiteral("OPT record owned by a name other than the root");
    case ParseError::OptionOverrun:
        return QStringLiteral("EDNS option runs past the end of its OPT record");
    case ParseError::ExtendedErrorTooShort:
        return QStringLiteral("Extended DNS Error option shorter than its 2-byte info-code");
    }
    return QStringLiteral("unknown error");
}

QString ParseResult::describe() const
{
    if (ok())
        return parseErrorName(error);
    return QStringLiteral("%1 at byte %2").arg(parseErrorName(error)).arg(errorOffset);
}

namespace {

    // Cursor over the packet. Every read checks the bounds; the first failure sticks.
    class Reader
    {
    public:
        explicit Reader(QByteArrayView packet)
            : m_data(reinterpret_cast<const quint8 *>(packet.data())), m_size(int(packet.size()))
        { }

        int offset() const { return m_offset; }
        int remaining() const { return m_size - m_offset; }
        bool failed() const { return m_error != ParseError::None; }
        ParseError error() const { return m_error; }
        int errorOffset() const { return m_errorOffset; }

        bool fail(ParseError error, int at)
        {
            if (!failed()) {
                m_error = error;
                m_errorOffset = at;
            }
            return false;
        }

        bool readU16(quint16 *value, ParseError onShort)
        {
            if (remaining() < 2)
                return fail(onShort, m_offset);
            *value = qFromBigEndian<quint16>(m_data + m_offset);
            m_offset += 2;
            return true;
        }

        bool readU32(quint32 *value, ParseError onShort)
        {
            if (remaining() < 4)
                return fail(onShort, m_offset);
            *value = qFromBigEndian<quint32>(m_data + m_offset);
            m_offset += 4;
            return true;
        }

        bool readBytes(int count, QByteArray *out, ParseError onShort)
        {
            if (count < 0 || remaining() < count)
                return fail(onShort, m_offset);
            *out = QByteArray(reinterpret_cast<const char *>(m_data + m_offset), count);
            m_offset += count;
            return true;
        }

        // Reads a possibly compressed name starting at the cursor; the cursor ends after the name's
        // own bytes (after the first pointer, if any). `limit` bounds the uncompressed part, so a
        // name inside rdata cannot run past the record.
        bool readName(QString *name, int limit)
        {
            QByteArray text;
            int pos = m_offset;
            int end = -1; // where the cursor continues once the name is read
            int wireLength = 0;
            int jumps = 0;
            // A pointer must point strictly before the name that holds it; the lowest such start
            // shrinks with every jump, so a chain of pointers cannot loop.
            int boundary = pos;
            for (;;) {
                const int visibleEnd = end < 0 ? limit : m_size;
                if (pos >= visibleEnd)
                    return fail(ParseError::TruncatedName, pos);
                const quint8 length = m_data[pos];
                const quint8 kind = length & 0xC0;
                if (kind == 0xC0) {
                    if (pos + 1 >= visibleEnd)
                        return fail(ParseError::TruncatedName, pos);
                    const int target = ((length & 0x3F) << 8) | m_data[pos + 1];
                    if (end < 0)
                        end = pos + 2;
                    if (++jumps > MaxNameLength / 2)
                        return fail(ParseError::CompressionLoop, pos);
                    if (target == pos || target == boundary)
                        return fail(ParseError::CompressionLoop, pos);
                    if (target > boundary)
                        return fail(ParseError::ForwardPointer, pos);
                    boundary = target;
                    pos = target;
                    continue;
                }
                if (kind != 0) // 0x40 and 0x80: a length over 63, which RFC 1035 reserves
                    return fail(ParseError::LabelTooLong, pos);
                wireLength += length + 1;
                if (wireLength > MaxNameLength)
                    return fail(ParseError::NameTooLong, pos);
                if (length == 0) {
                    ++pos;
                    break;
                }
                if (pos + 1 + length > visibleEnd)
                    return fail(ParseError::TruncatedName, pos);
                if (!text.isEmpty())
                    text.append('.');
                appendLabel(&text, m_data + pos + 1, length);
                pos += 1 + length;
            }
            m_offset = end < 0 ? pos : end;
            *name = text.isEmpty() ? QStringLiteral(".") : QString::fromLatin1(text);
            return true;
        }

        void seek(int offset) { m_offset = offset; }

    private:
        // Printable ASCII stays as is; a dot inside a label, a backslash and anything else become
        // escapes (RFC 4343 presentation format), so a hostile name cannot forge structure.
        static void appendLabel(QByteArray *out, const quint8 *label, int length)
        {
            for (int i = 0; i < length; ++i) {
                const quint8 c = label[i];
                if (c == '.' || c == '\\') {
                    out->append('\\');
                    out->append(char(c));
                } else if (c > 0x20 && c < 0x7F) {
                    out->append(char(c));
                } else {
                    out->append('\\');
                    out->append(QByteArray::number(c).rightJustified(3, '0'));
                }
            }
        }

        const quint8 *m_data;
        int m_size;
        int m_offset = 0;
        ParseError m_error = ParseError::None;
        int m_errorOffset = -1;
    };

    bool decodeRdata(Reader &reader, Record *record, int rdataStart, int rdataEnd)
    {
        const int length = rdataEnd - rdataStart;
        switch (RecordType(record->type)) {
        case RecordType::A:
            if (length != 4)
                return reader.fail(ParseError::BadRdataLength, rdataStart);
            record->address = QHostAddress(qFromBigEndian<quint32>(record->rdata.constData()));
            return true;
        case RecordType::AAAA:
            if (length != 16)
                return reader.fail(ParseError::BadRdataLength, rdataStart);
            record->address = QHostAddress(
                    reinterpret_cast<const quint8 *>(record->rdata.constData()));
            return true;
        case RecordType::CNAME:
        case RecordType::NS:
        case RecordType::PTR: {
            reader.seek(rdataStart);
            if (!reader.readName(&record->target, rdataEnd))
                return false;
            if (reader.offset() != rdataEnd)
                return reader.fail(ParseError::RdataOverrun, reader.offset());
            return true;
        }
        case RecordType::SOA: {
            reader.seek(rdataStart);
            Soa soa;
            if (!reader.readName(&soa.primaryServer, rdataEnd)
                || !reader.readName(&soa.mailbox, rdataEnd))
                return false;
            if (rdataEnd - reader.offset() != 20)
                return reader.fail(ParseError::BadRdataLength, rdataStart);
            reader.readU32(&soa.serial, ParseError::TruncatedRecord);
            reader.readU32(&soa.refresh, ParseError::TruncatedRecord);
            reader.readU32(&soa.retry, ParseError::TruncatedRecord);
            reader.readU32(&soa.expire, ParseError::TruncatedRecord);
            reader.readU32(&soa.minimum, ParseError::TruncatedRecord);
            record->soa = soa;
            return !reader.failed();
        }
        default:
            return true;
        }
    }

    enum class Section { Answer, Authority, Additional };

    // The OPT pseudo-record (RFC 6891 6.1.1): one at most, in the additional section, owned by
    // the root; its options carry the Extended DNS Errors.
    bool readOpt(Reader &reader, const Record &record, Section section, int recordStart,
                 int rdataStart, Message *message)
    {
        if (section != Section::Additional)
            return reader.fail(ParseError::OptOutsideAdditional, recordStart);
        if (record.name != QLatin1String("."))
            return reader.fail(ParseError::OptOwnerNotRoot, recordStart);
        if (message->ednsUdpPayload)
            return reader.fail(ParseError::MultipleOptRecords, recordStart);
        EdnsOptions options;
        int errorOffset = -1;
        const ParseError error = parseEdnsOptions(record.rdata, rdataStart, &options, &errorOffset);
        if (error != ParseError::None)
            return reader.fail(error, errorOffset);
        message->ednsUdpPayload = record.rclass;
        // The OPT TTL carries the upper 8 bits of a 12-bit extended rcode (RFC 6891 6.1.3).
        message->rcode = quint16((record.ttl >> 24) << 4) | (message->rcode & 0xF);
        message->extendedErrors = std::move(options.extendedErrors);
        return true;
    }

    bool readRecord(Reader &reader, Record *record, Section section, Message *message)
    {
        const int recordStart = reader.offset();
        if (reader.remaining() == 0)
            return reader.fail(ParseError::CountBeyondPacket, reader.offset());
        if (!reader.readName(&record->name, reader.offset() + reader.remaining()))
            return false;
        quint16 rdlength = 0;
        if (!reader.readU16(&record->type, ParseError::TruncatedRecord)
            || !reader.readU16(&record->rclass, ParseError::TruncatedRecord)
            || !reader.readU32(&record->ttl, ParseError::TruncatedRecord)
            || !reader.readU16(&rdlength, ParseError::TruncatedRecord))
            return false;
        const int rdataStart = reader.offset();
        if (!reader.readBytes(rdlength, &record->rdata, ParseError::TruncatedRecord))
            return false;
        const int rdataEnd = reader.offset();
        if (!decodeRdata(reader, record, rdataStart, rdataEnd))
            return false;
        reader.seek(rdataEnd);
        if (record->type == quint16(RecordType::OPT)
            && !readOpt(reader, *record, section, recordStart, rdataStart, message))
            return false;
        // RFC 2181 8: a TTL with the top bit set is treated as zero.
        if (record->ttl > 0x7FFFFFFFu)
            record->ttl = 0;
        return true;
    }

    bool readSection(Reader &reader, quint16 count, Section section, QList<Record> *records,
                     Message *message)
    {
        records->reserve(qMin<int>(count, reader.remaining() / 11 + 1));
        for (quint16 i = 0; i < count; ++i) {
            Record record;
            if (!readRecord(reader, &record, section, message))
                return false;
            records->append(std::move(record));
        }
        return true;
    }

} // namespace

bool parseHeader(QByteArrayView packet, Message *header)
{
    if (packet.size() < HeaderSize)
        return false;
    const auto *data = reinterpret_cast<const quint8 *>(packet.data());
    header->id = qFromBigEndian<quint16>(data);
    const quint16 flags = qFromBigEndian<quint16>(data + 2);
    header->isResponse = flags & 0x8000;
    header->opcode = quint8((flags >> 11) & 0xF);
    header->authoritative = flags & 0x0400;
    header->truncated = flags & 0x0200;
    header->recursionDesired = flags & 0x0100;
    header->recursionAvailable = flags & 0x0080;
    header->authenticData = flags & 0x0020;
    header->rcode = flags & 0x000F;
    return true;
}

ParseResult parseMessage(QByteArrayView packet)
{
    ParseResult result;
    Message &message = result.message;
    if (!parseHeader(packet, &message)) {
        result.error = ParseError::TruncatedHeader;
        result.errorOffset = int(packet.size());
        return result;
    }
    const auto *data = reinterpret_cast<const quint8 *>(packet.data());
    const quint16 qdcount = qFromBigEndian<quint16>(data + 4);
    const quint16 ancount = qFromBigEndian<quint16>(data + 6);
    const quint16 nscount = qFromBigEndian<quint16>(data + 8);
    const quint16 arcount = qFromBigEndian<quint16>(data + 10);

    Reader reader(packet);
    reader.seek(HeaderSize);
    for (quint16 i = 0; i < qdcount && !reader.failed(); ++i) {
        if (reader.remaining() == 0) {
            reader.fail(ParseError::CountBeyondPacket, reader.offset());
            break;
        }
        Question question;
        if (reader.readName(&question.name, reader.offset() + reader.remaining())
            && reader.readU16(&question.type, ParseError::TruncatedQuestion)
            && reader.readU16(&question.qclass, ParseError::TruncatedQuestion))
            message.questions.append(std::move(question));
    }
    if (!reader.failed()
        && readSection(reader, ancount, Section::Answer, &message.answers, &message)
        && readSection(reader, nscount, Section::Authority, &message.authorities, &message)
        && readSection(reader, arcount, Section::Additional, &message.additionals, &message)
        && reader.remaining() > 0)
        reader.fail(ParseError::TrailingGarbage, reader.offset());

    result.error = reader.error();
    result.errorOffset = reader.errorOffset();
    return result;
}

void appendU16(QByteArray *packet, quint16 value)
{
    packet->append(char(value >> 8));
    packet->append(char(value & 0xFF));
}

void appendU32(QByteArray *packet, quint32 value)
{
    appendU16(packet, quint16(value >> 16));
    appendU16(packet, quint16(value & 0xFFFF));
}

namespace {

    // Appends name in wire form (uncompressed). Returns false and says why when it is no valid
    // DNS name.
    bool appendName(QByteArray *packet, const QString &name, QString *error)
    {
        auto reject = [error](const QString &why) {
            if (error)
                *error = why;
            return false;
        };
        QString trimmed = name;
        if (trimmed.endsWith(QLatin1Char('.')))
            trimmed.chop(1);
        if (trimmed.isEmpty())
            return reject(QStringLiteral("empty name"));
        // Latin-1 letters survive the round trip, so test the code points themselves.
        if (std::any_of(trimmed.cbegin(), trimmed.cend(),
                        [](QChar c) { return c.unicode() > 0x7F; }))
            return reject(QStringLiteral("name is not ASCII (use its IDNA form)"));
        const QByteArray ascii = trimmed.toLatin1();
        int wireLength = 1;
        qsizetype start = 0;
        while (start <= ascii.size()) {
            qsizetype dot = ascii.indexOf('.', start);
            if (dot < 0)
                dot = ascii.size();
            const qsizetype length = dot - start;
            if (length == 0)
                return reject(QStringLiteral("empty label in \"%1\"").arg(name));
            if (length > MaxLabelLength)
                return reject(QStringLiteral("label longer than 63 bytes in \"%1\"").arg(name));
            wireLength += int(length) + 1;
            packet->append(char(length));
            packet->append(ascii.constData() + start, length);
            start = dot + 1;
        }
        if (wireLength > MaxNameLength)
            return reject(QStringLiteral("name longer than 255 bytes: \"%1\"").arg(name));
        packet->append('\0');
        return true;
    }

    // The record's data on the wire, from its decoded fields where the type has them.
    bool appendRdata(QByteArray *packet, const Record &record, QString *error)
    {
        QByteArray rdata;
        switch (RecordType(record.type)) {
        case RecordType::A:
            if (record.address.protocol() != QAbstractSocket::IPv4Protocol) {
                if (error)
                    *error = QStringLiteral("A record of %1 without an IPv4 address")
                                     .arg(record.name);
                return false;
            }
            appendU32(&rdata, record.address.toIPv4Address());
            break;
        case RecordType::AAAA: {
            if (record.address.protocol() != QAbstractSocket::IPv6Protocol) {
                if (error)
                    *error = QStringLiteral("AAAA record of %1 without an IPv6 address")
                                     .arg(record.name);
                return false;
            }
            const Q_IPV6ADDR bytes = record.address.toIPv6Address();
            rdata.append(reinterpret_cast<const char *>(bytes.c), 16);
            break;
        }
        case RecordType::CNAME:
        case RecordType::NS:
        case RecordType::PTR:
            if (!appendName(&rdata, record.target, error))
                return false;
            break;
        case RecordType::SOA:
            if (!record.soa) {
                if (error)
                    *error = QStringLiteral("SOA record of %1 without its fields").arg(record.name);
                return false;
            }
            if (!appendName(&rdata, record.soa->primaryServer, error)
                || !appendName(&rdata, record.soa->mailbox, error))
                return false;
            for (quint32 value : {record.soa->serial, record.soa->refresh, record.soa->retry,
                                  record.soa->expire, record.soa->minimum})
                appendU32(&rdata, value);
            break;
        default:
            rdata = record.rdata;
            break;
        }
        appendU16(packet, quint16(rdata.size()));
        packet->append(rdata);
        return true;
    }

    bool appendRecord(QByteArray *packet, const Record &record, QString *error)
    {
        if (!appendName(packet, record.name, error))
            return false;
        appendU16(packet, record.type);
        appendU16(packet, record.rclass);
        appendU32(packet, record.ttl);
        return appendRdata(packet, record, error);
    }

} // namespace

QByteArray buildQuery(quint16 id, const QString &name, quint16 type, const QueryOptions &options,
                      QString *error)
{
    QByteArray packet;
    packet.reserve(HeaderSize + name.size() + 2 + 4 + (options.ednsUdpPayload ? 11 : 0));
    appendU16(&packet, id);
    appendU16(&packet,
              quint16((options.recursionDesired ? 0x0100 : 0)
                      | (options.checkingDisabled ? 0x0010 : 0)));
    appendU16(&packet, 1); // QDCOUNT
    appendU16(&packet, 0);
    appendU16(&packet, 0);
    appendU16(&packet, options.ednsUdpPayload ? 1 : 0);
    if (!appendName(&packet, name, error))
        return QByteArray();
    appendU16(&packet, type);
    appendU16(&packet, ClassIN);

    if (options.ednsUdpPayload) {
        packet.append('\0'); // root owner name
        appendU16(&packet, quint16(RecordType::OPT));
        appendU16(&packet, options.ednsUdpPayload);
        appendU16(&packet, 0); // extended rcode, version
        appendU16(&packet, options.dnssecOk ? 0x8000 : 0); // flags: DO
        appendU16(&packet, 0); // rdlength
    }
    return packet;
}

QByteArray buildResponse(const Message &query, quint16 rcode, const QList<Record> &answers,
                         const QList<Record> &authorities, QString *error)
{
    QByteArray packet;
    appendU16(&packet, query.id);
    quint16 flags = 0x8400 | quint16((query.opcode & 0xF) << 11) | (rcode & 0xF); // QR, AA
    if (query.recursionDesired)
        flags |= 0x0100;
    appendU16(&packet, flags);
    appendU16(&packet, quint16(query.questions.size()));
    appendU16(&packet, quint16(answers.size()));
    appendU16(&packet, quint16(authorities.size()));
    appendU16(&packet, 0); // ARCOUNT
    for (const Question &question : query.questions) {
        if (!appendName(&packet, question.name, error))
            return QByteArray();
        appendU16(&packet, question.type);
        appendU16(&packet, question.qclass);
    }
    for (const QList<Record> *section : {&answers, &authorities}) {
        for (const Record &record : *section) {
            if (!appendRecord(&packet, record, error))
                return QByteArray();
        }
    }
    return packet;
}

QString normalizedName(const QString &name)
{
    QString result = name.toLower();
    if (result.size() > 1 && result.endsWith(QLatin1Char('.')))
        result.chop(1);
    return result;
}

bool namesEqual(const QString &a, const QString &b)
{
    auto view = [](const QString &s) {
        QStringView v(s);
        if (v.size() > 1 && v.endsWith(QLatin1Char('.')))
            v.chop(1);
        return v;
    };
    return view(a).compare(view(b), Qt::CaseInsensitive) == 0;
}

} // namespace DnsWire

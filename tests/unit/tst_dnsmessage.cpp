#include "dns/dnsmessage.h"
#include "dns/ednsoptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTest>

using namespace DnsWire;

Q_DECLARE_METATYPE(DnsWire::ParseError)
Q_DECLARE_METATYPE(DnsWire::Record)

namespace DnsWire {
// Lets QCOMPARE print "compression pointer loop" instead of an enum number.
char *toString(const ParseError &error)
{
    return qstrdup(parseErrorName(error).toUtf8().constData());
}
} // namespace DnsWire

namespace {

constexpr quint16 FlagQR = 0x8000;
constexpr quint16 FlagAA = 0x0400;
constexpr quint16 FlagTC = 0x0200;
constexpr quint16 FlagRD = 0x0100;
constexpr quint16 FlagRA = 0x0080;
constexpr quint16 ResponseFlags = FlagQR | FlagRD | FlagRA;

constexpr quint16 TypeA = quint16(RecordType::A);
constexpr quint16 TypeAAAA = quint16(RecordType::AAAA);
constexpr quint16 TypeCNAME = quint16(RecordType::CNAME);
constexpr quint16 TypeSOA = quint16(RecordType::SOA);
constexpr quint16 TypeOPT = quint16(RecordType::OPT);

// Writes DNS wire bytes by hand, independently of the code under test. size() is the offset the
// next byte lands at, which is how the tests know where compression pointers and errors point.
class Bytes
{
public:
    Bytes &u8(quint8 value)
    {
        m_data.append(char(value));
        return *this;
    }
    Bytes &u16(quint16 value) { return u8(quint8(value >> 8)).u8(quint8(value & 0xFF)); }
    Bytes &u32(quint32 value) { return u16(quint16(value >> 16)).u16(quint16(value & 0xFFFF)); }
    Bytes &raw(QByteArrayView bytes)
    {
        m_data.append(bytes);
        return *this;
    }
    Bytes &fill(int count, char c)
    {
        m_data.append(QByteArray(count, c));
        return *this;
    }
    // One label: its length byte, then its bytes exactly as given (any length, any content).
    Bytes &label(QByteArrayView bytes) { return u8(quint8(bytes.size())).raw(bytes); }
    // "www.example.com" as labels and the root; "" is the root alone.
    Bytes &name(QByteArrayView dotted)
    {
        if (!dotted.isEmpty()) {
            for (const QByteArray &part : dotted.toByteArray().split('.'))
                label(part);
        }
        return u8(0);
    }
    Bytes &pointer(int offset) { return u16(quint16(0xC000 | offset)); }
    Bytes &header(quint16 id, quint16 flags, quint16 qd, quint16 an = 0, quint16 ns = 0,
                  quint16 ar = 0)
    {
        return u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
    }
    // Type, class, TTL, rdlength: the fixed part of a record that follows its owner name.
    Bytes &fixed(quint16 type, quint16 rclass, quint32 ttl, quint16 rdlength)
    {
        return u16(type).u16(rclass).u32(ttl).u16(rdlength);
    }
    Bytes &rdata(quint16 type, quint32 ttl, QByteArrayView data)
    {
        return fixed(type, ClassIN, ttl, quint16(data.size())).raw(data);
    }

    int size() const { return int(m_data.size()); }
    QByteArray data() const { return m_data; }

private:
    QByteArray m_data;
};

// A response header and the question "example.com" A IN at byte 12; the question ends at 29.
constexpr int QuestionEnd = 29;
Bytes withQuestion(quint16 qd, quint16 an = 0, quint16 ns = 0, quint16 ar = 0)
{
    Bytes p;
    p.header(0x4242, ResponseFlags, qd, an, ns, ar).name("example.com").u16(TypeA).u16(ClassIN);
    Q_ASSERT(p.size() == QuestionEnd);
    return p;
}

// The previous one with one answer "example.com A 192.0.2.1" (owner compressed to the question).
Bytes withAnswer(quint16 an = 1)
{
    Bytes p = withQuestion(1, an);
    p.pointer(12).rdata(TypeA, 300, QByteArray::fromHex("c0000201"));
    return p;
}

QByteArray label63(char c) { return QByteArray(MaxLabelLength, c); }

// An OPT record owned by the root with these options; after withQuestion() it starts at
// QuestionEnd and its data at OptDataStart.
constexpr int OptDataStart = QuestionEnd + 11;
Bytes &opt(Bytes &p, const QByteArray &options, quint16 payload = 1232)
{
    return p.u8(0).fixed(TypeOPT, payload, 0, quint16(options.size())).raw(options);
}
Bytes withOpt(const QByteArray &options, quint16 ar = 1)
{
    Bytes p = withQuestion(1, 0, 0, ar);
    return opt(p, options);
}
// One EDE option: code 15, length, info-code, text.
QByteArray edeOption(quint16 infoCode, QByteArrayView text)
{
    return Bytes().u16(15).u16(quint16(2 + text.size())).u16(infoCode).raw(text).data();
}

} // namespace

class TestDnsMessage : public QObject
{
    Q_OBJECT

private slots:
    void seedCorpusReplays_data();
    void seedCorpusReplays();
    void buildQuery_data();
    void buildQuery();
    void buildQueryParsesBack_data();
    void buildQueryParsesBack();
    void buildQueryRejects_data();
    void buildQueryRejects();
    void buildQueryWithDnssecOk();
    void parseAuthenticData();
    void buildResponseBytes();
    void buildResponseParsesBack();
    void buildResponseRejects_data();
    void buildResponseRejects();

    void parseAddressAnswer_data();
    void parseAddressAnswer();
    void parseCnameChainWithCompression();
    void parseNegativeWithSoa_data();
    void parseNegativeWithSoa();
    void parseTruncatedFlag();
    void parseEdns_data();
    void parseEdns();
    void parseExtendedErrors_data();
    void parseExtendedErrors();
    void extendedErrorTextIsBoundedAndPrintable_data();
    void extendedErrorTextIsBoundedAndPrintable();
    void extendedErrorRoundTrip();
    void parseEscapedLabels_data();
    void parseEscapedLabels();
    void parseNameAtLengthLimit();

    void malformed_data();
    void malformed();
    void pointersAtEachOther_data();
    void pointersAtEachOther();

    void describe();
    void parseHeader_data();
    void parseHeader();
    void parseHeaderTooShort();
    void parseHeaderOfUnparseableBody();

    void namesEqual_data();
    void namesEqual();
    void normalizedName_data();
    void normalizedName();
};

// ---- buildQuery --------------------------------------------------------------------------------

void TestDnsMessage::buildQuery_data()
{
    QTest::addColumn<quint16>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<quint16>("type");
    QTest::addColumn<bool>("recursionDesired");
    QTest::addColumn<quint16>("ednsPayload");
    QTest::addColumn<QByteArray>("expected");

    // Written out byte by byte once, so the builder below is checked against plain hex too.
    QTest::newRow("RD + EDNS 1232, hex")
            << quint16(0x1234) << QStringLiteral("www.example.com") << TypeA << true
            << quint16(1232)
            << QByteArray::fromHex("1234 0100 0001 0000 0000 0001"
                                   "03777777 076578616d706c65 03636f6d 00"
                                   "0001 0001"
                                   "00 0029 04d0 0000 0000 0000");
    QTest::newRow("no RD, no EDNS")
            << quint16(0xBEEF) << QStringLiteral("a.b") << TypeAAAA << false << quint16(0)
            << Bytes().header(0xBEEF, 0, 1).name("a.b").u16(TypeAAAA).u16(ClassIN).data();
    QTest::newRow("EDNS 4096, ID 0xFFFF")
            << quint16(0xFFFF) << QStringLiteral("host.test") << TypeA << true << quint16(4096)
            << Bytes().header(0xFFFF, FlagRD, 1, 0, 0, 1)
                       .name("host.test")
                       .u16(TypeA)
                       .u16(ClassIN)
                       .u8(0)
                       .fixed(TypeOPT, 4096, 0, 0)
                       .data();
    QTest::newRow("trailing dot is the same name")
            << quint16(7) << QStringLiteral("example.com.") << TypeA << true << quint16(1232)
            << Bytes().header(7, FlagRD, 1, 0, 0, 1)
                       .name("example.com")
                       .u16(TypeA)
                       .u16(ClassIN)
                       .u8(0)
                       .fixed(TypeOPT, 1232, 0, 0)
                       .data();
    QTest::newRow("case kept as given")
            << quint16(1) << QStringLiteral("Mixed.Case") << TypeA << false << quint16(0)
            << Bytes().header(1, 0, 1).name("Mixed.Case").u16(TypeA).u16(ClassIN).data();
    QTest::newRow("label of 63 bytes")
            << quint16(2) << QString::fromLatin1(label63('x') + ".test") << TypeA << false
            << quint16(0)
            << Bytes().header(2, 0, 1).label(label63('x')).name("test").u16(TypeA).u16(ClassIN).data();
    // 63+1 + 63+1 + 63+1 + 61+1 + root = 255 bytes on the wire: the longest legal name.
    const QByteArray longest = label63('a') + '.' + label63('b') + '.' + label63('c') + '.'
            + QByteArray(61, 'd');
    QTest::newRow("name of 255 wire bytes")
            << quint16(3) << QString::fromLatin1(longest) << TypeA << false << quint16(0)
            << Bytes().header(3, 0, 1).name(longest).u16(TypeA).u16(ClassIN).data();
}

void TestDnsMessage::buildQuery()
{
    QFETCH(quint16, id);
    QFETCH(QString, name);
    QFETCH(quint16, type);
    QFETCH(bool, recursionDesired);
    QFETCH(quint16, ednsPayload);
    QFETCH(QByteArray, expected);

    QueryOptions options;
    options.recursionDesired = recursionDesired;
    options.ednsUdpPayload = ednsPayload;
    QString error;
    const QByteArray packet = DnsWire::buildQuery(id, name, type, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(packet.toHex(' '), expected.toHex(' '));
}

void TestDnsMessage::buildQueryWithDnssecOk()
{
    // RFC 3225: DO is the top bit of the OPT record's flags, the low 16 bits of its TTL field.
    QueryOptions options;
    options.dnssecOk = true;
    const QByteArray packet = DnsWire::buildQuery(0x0D0E, QStringLiteral("signed.test"), TypeA,
                                                  options);
    const QByteArray expected = Bytes().header(0x0D0E, FlagRD, 1, 0, 0, 1)
                                        .name("signed.test")
                                        .u16(TypeA)
                                        .u16(ClassIN)
                                        .u8(0)
                                        .fixed(TypeOPT, 1232, 0x00008000, 0)
                                        .data();
    QCOMPARE(packet.toHex(' '), expected.toHex(' '));
}

void TestDnsMessage::parseAuthenticData()
{
    for (const bool ad : {false, true}) {
        const quint16 flags = ResponseFlags | (ad ? 0x0020 : 0);
        const QByteArray bytes = Bytes().header(0xADAD, flags, 0).data();
        const ParseResult parsed = parseMessage(bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
        QCOMPARE(parsed.message.authenticData, ad);
        QCOMPARE(parsed.message.rcode, quint16(0));
    }
}

void TestDnsMessage::buildQueryParsesBack_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("parsedName");
    QTest::addColumn<quint16>("ednsPayload");

    QTest::newRow("plain") << QStringLiteral("api.example.org") << QStringLiteral("api.example.org")
                           << quint16(0);
    QTest::newRow("EDNS") << QStringLiteral("db.internal.") << QStringLiteral("db.internal")
                          << quint16(1232);
}

void TestDnsMessage::buildQueryParsesBack()
{
    QFETCH(QString, name);
    QFETCH(QString, parsedName);
    QFETCH(quint16, ednsPayload);

    QueryOptions options;
    options.ednsUdpPayload = ednsPayload;
    const QByteArray packet = DnsWire::buildQuery(0x5151, name, TypeAAAA, options);
    const ParseResult parsed = parseMessage(packet);
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.id, quint16(0x5151));
    QVERIFY(!parsed.message.isResponse);
    QVERIFY(parsed.message.recursionDesired);
    QCOMPARE(parsed.message.questions.size(), 1);
    QCOMPARE(parsed.message.questions.first().name, parsedName);
    QCOMPARE(parsed.message.questions.first().type, TypeAAAA);
    QCOMPARE(parsed.message.questions.first().qclass, ClassIN);
    QVERIFY(parsed.message.answers.isEmpty());
    if (ednsPayload) {
        QCOMPARE(parsed.message.additionals.size(), 1);
        QCOMPARE(parsed.message.additionals.first().name, QStringLiteral("."));
        QCOMPARE(parsed.message.ednsUdpPayload, std::optional<quint16>(ednsPayload));
    } else {
        QVERIFY(parsed.message.additionals.isEmpty());
        QVERIFY(!parsed.message.ednsUdpPayload.has_value());
    }
}

void TestDnsMessage::buildQueryRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QString() << QStringLiteral("empty name");
    QTest::newRow("root only") << QStringLiteral(".") << QStringLiteral("empty name");
    QTest::newRow("empty label inside") << QStringLiteral("a..b") << QStringLiteral("empty label");
    QTest::newRow("leading dot") << QStringLiteral(".example") << QStringLiteral("empty label");
    QTest::newRow("two trailing dots")
            << QStringLiteral("example..") << QStringLiteral("empty label");
    QTest::newRow("label of 64 bytes") << QString::fromLatin1(QByteArray(64, 'x') + ".test")
                                       << QStringLiteral("label longer than 63");
    // 4 x (63+1) + root = 257 wire bytes.
    QTest::newRow("name of 257 wire bytes") << QString::fromLatin1(
            label63('a') + '.' + label63('b') + '.' + label63('c') + '.' + label63('d'))
                                            << QStringLiteral("longer than 255");
    // One byte past the 255-byte limit: 63+1 x 3 + 62+1 + root = 256.
    QTest::newRow("name of 256 wire bytes") << QString::fromLatin1(
            label63('a') + '.' + label63('b') + '.' + label63('c') + '.' + QByteArray(62, 'd'))
                                            << QStringLiteral("longer than 255");
    QTest::newRow("non-ASCII outside Latin-1")
            << QStringLiteral("\u4f8b\u3048.jp") << QStringLiteral("not ASCII");
    // Latin-1 letters survive toLatin1(), but they are not ASCII either: a name must be in its
    // IDNA form ("xn--bcher-kva.example") before it goes on the wire.
    QTest::newRow("non-ASCII within Latin-1")
            << QStringLiteral("b\u00fccher.example") << QStringLiteral("not ASCII");
}

void TestDnsMessage::buildQueryRejects()
{
    QFETCH(QString, name);
    QFETCH(QString, errorContains);

    QString error;
    const QByteArray packet = DnsWire::buildQuery(1, name, TypeA, QueryOptions(), &error);
    QVERIFY2(packet.isEmpty(), packet.toHex(' ').constData());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    // Without an error pointer it still refuses (and does not crash).
    QVERIFY(DnsWire::buildQuery(1, name, TypeA, QueryOptions()).isEmpty());
}

// ---- buildResponse -----------------------------------------------------------------------------

namespace {
Message queryFor(quint16 id, const QString &name, quint16 type)
{
    const ParseResult parsed = parseMessage(DnsWire::buildQuery(id, name, type, QueryOptions()));
    Q_ASSERT(parsed.ok());
    return parsed.message;
}

Record addressRecord(const QString &name, quint16 type, quint32 ttl, const QString &address)
{
    Record record;
    record.name = name;
    record.type = type;
    record.ttl = ttl;
    record.address = QHostAddress(address);
    return record;
}
} // namespace

void TestDnsMessage::buildResponseBytes()
{
    const QByteArray packet = DnsWire::buildResponse(
            queryFor(0xbeef, QStringLiteral("a.test"), TypeA), quint16(ResponseCode::NoError),
            {addressRecord(QStringLiteral("a.test"), TypeA, 3, QStringLiteral("127.0.0.2"))});
    const QByteArray expected = Bytes().header(0xbeef, FlagQR | FlagAA | FlagRD, 1, 1)
                                        .name("a.test")
                                        .u16(TypeA)
                                        .u16(ClassIN)
                                        .name("a.test")
                                        .rdata(TypeA, 3, QByteArray::fromHex("7f000002"))
                                        .data();
    QCOMPARE(packet.toHex(' '), expected.toHex(' '));
}

void TestDnsMessage::buildResponseParsesBack()
{
    const Message query = queryFor(7, QStringLiteral("www.zone.test"), TypeAAAA);
    Record cname;
    cname.name = QStringLiteral("www.zone.test");
    cname.type = TypeCNAME;
    cname.ttl = 60;
    cname.target = QStringLiteral("host.zone.test");
    Record soa;
    soa.name = QStringLiteral("zone.test");
    soa.type = TypeSOA;
    soa.ttl = 30;
    soa.soa = Soa{QStringLiteral("ns.zone.test"), QStringLiteral("admin.zone.test"), 1, 2, 3, 4, 5};
    const QByteArray packet = DnsWire::buildResponse(
            query, quint16(ResponseCode::NoError),
            {cname,
             addressRecord(QStringLiteral("host.zone.test"), TypeAAAA, 20,
                           QStringLiteral("fd00::2"))},
            {soa});

    const ParseResult parsed = parseMessage(packet);
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    const Message &m = parsed.message;
    QCOMPARE(m.id, quint16(7));
    QVERIFY(m.isResponse);
    QVERIFY(m.authoritative);
    QVERIFY(m.recursionDesired);
    QVERIFY(!m.recursionAvailable);
    QCOMPARE(m.rcode, quint16(ResponseCode::NoError));
    QCOMPARE(m.questions.size(), 1);
    QCOMPARE(m.questions.first().name, QStringLiteral("www.zone.test"));
    QCOMPARE(m.questions.first().type, TypeAAAA);
    QCOMPARE(m.answers.size(), 2);
    QCOMPARE(m.answers[0].target, QStringLiteral("host.zone.test"));
    QCOMPARE(m.answers[0].ttl, quint32(60));
    QCOMPARE(m.answers[1].address, QHostAddress(QStringLiteral("fd00::2")));
    QCOMPARE(m.authorities.size(), 1);
    QVERIFY(m.authorities.first().soa.has_value());
    QCOMPARE(m.authorities.first().soa->mailbox, QStringLiteral("admin.zone.test"));
    QCOMPARE(m.authorities.first().soa->minimum, quint32(5));

    const ParseResult refused = parseMessage(
            DnsWire::buildResponse(query, quint16(ResponseCode::Refused), {}));
    QVERIFY(refused.ok());
    QCOMPARE(refused.message.rcode, quint16(ResponseCode::Refused));
    QVERIFY(refused.message.answers.isEmpty());
}

void TestDnsMessage::buildResponseRejects_data()
{
    QTest::addColumn<Record>("record");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("A without an IPv4 address")
            << addressRecord(QStringLiteral("a.test"), TypeA, 1, QStringLiteral("fd00::1"))
            << QStringLiteral("without an IPv4 address");
    QTest::newRow("AAAA without an IPv6 address")
            << addressRecord(QStringLiteral("a.test"), TypeAAAA, 1, QStringLiteral("10.0.0.1"))
            << QStringLiteral("without an IPv6 address");
    Record soa;
    soa.name = QStringLiteral("zone.test");
    soa.type = TypeSOA;
    QTest::newRow("SOA without its fields") << soa << QStringLiteral("without its fields");
    QTest::newRow("bad owner name")
            << addressRecord(QStringLiteral("a..test"), TypeA, 1, QStringLiteral("10.0.0.1"))
            << QStringLiteral("empty label");
}

void TestDnsMessage::buildResponseRejects()
{
    QFETCH(Record, record);
    QFETCH(QString, errorContains);

    QString error;
    const QByteArray packet = DnsWire::buildResponse(queryFor(1, QStringLiteral("a.test"), TypeA),
                                                     0, {record}, {}, &error);
    QVERIFY2(packet.isEmpty(), packet.toHex(' ').constData());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

// ---- parseMessage on well-formed responses -----------------------------------------------------

void TestDnsMessage::parseAddressAnswer_data()
{
    QTest::addColumn<quint16>("type");
    QTest::addColumn<QByteArray>("rdata");
    QTest::addColumn<quint32>("wireTtl");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<quint32>("ttl");

    const QByteArray v6 = QByteArray::fromHex("20010db8000000000000000000000001");
    QTest::newRow("A") << TypeA << QByteArray::fromHex("c0000201") << quint32(300)
                       << QHostAddress(QStringLiteral("192.0.2.1")) << quint32(300);
    QTest::newRow("A 0.0.0.0") << TypeA << QByteArray(4, '\0') << quint32(0)
                               << QHostAddress(QStringLiteral("0.0.0.0")) << quint32(0);
    QTest::newRow("AAAA") << TypeAAAA << v6 << quint32(86400)
                          << QHostAddress(QStringLiteral("2001:db8::1")) << quint32(86400);
    QTest::newRow("TTL 2^31-1 kept")
            << TypeA << QByteArray::fromHex("0a000001") << quint32(0x7FFFFFFF)
            << QHostAddress(QStringLiteral("10.0.0.1")) << quint32(0x7FFFFFFF);
    // RFC 2181 section 8: a TTL with the most significant bit set is read as zero.
    QTest::newRow("TTL 2^31 becomes 0")
            << TypeA << QByteArray::fromHex("0a000001") << quint32(0x80000000)
            << QHostAddress(QStringLiteral("10.0.0.1")) << quint32(0);
    QTest::newRow("TTL 0xFFFFFFFF becomes 0")
            << TypeAAAA << v6 << quint32(0xFFFFFFFF) << QHostAddress(QStringLiteral("2001:db8::1"))
            << quint32(0);
}

void TestDnsMessage::parseAddressAnswer()
{
    QFETCH(quint16, type);
    QFETCH(QByteArray, rdata);
    QFETCH(quint32, wireTtl);
    QFETCH(QHostAddress, address);
    QFETCH(quint32, ttl);

    Bytes p;
    p.header(0xABCD, ResponseFlags, 1, 1).name("host.example").u16(type).u16(ClassIN);
    p.pointer(12).rdata(type, wireTtl, rdata);

    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.errorOffset, -1);
    const Message &m = parsed.message;
    QCOMPARE(m.id, quint16(0xABCD));
    QVERIFY(m.isResponse);
    QVERIFY(m.recursionDesired);
    QVERIFY(m.recursionAvailable);
    QVERIFY(!m.authoritative);
    QVERIFY(!m.truncated);
    QCOMPARE(m.opcode, quint8(0));
    QCOMPARE(m.rcode, quint16(0));
    QCOMPARE(m.questions.size(), 1);
    QCOMPARE(m.questions.first().name, QStringLiteral("host.example"));
    QCOMPARE(m.questions.first().type, type);
    QCOMPARE(m.answers.size(), 1);
    const Record &answer = m.answers.first();
    QCOMPARE(answer.name, QStringLiteral("host.example"));
    QCOMPARE(answer.type, type);
    QCOMPARE(answer.rclass, ClassIN);
    QCOMPARE(answer.ttl, ttl);
    QCOMPARE(answer.rdata, rdata);
    QCOMPARE(answer.address, address);
    QCOMPARE(answer.address.protocol(),
             type == TypeA ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol);
    QVERIFY(m.authorities.isEmpty());
    QVERIFY(m.additionals.isEmpty());
    QVERIFY(!m.ednsUdpPayload.has_value());
}

void TestDnsMessage::parseCnameChainWithCompression()
{
    // www.example.com CNAME web.example.com CNAME edge.cdn.net A 198.51.100.7, every owner name
    // and the first target compressed back into earlier names.
    Bytes p;
    p.header(0x0101, ResponseFlags, 1, 3).name("www.example.com").u16(TypeA).u16(ClassIN);
    const int exampleCom = 12 + 4; // "example.com" inside the question
    p.pointer(12).fixed(TypeCNAME, ClassIN, 3600, 6);
    const int webTarget = p.size();
    p.label("web").pointer(exampleCom);
    p.pointer(webTarget).fixed(TypeCNAME, ClassIN, 120, 14);
    const int edgeTarget = p.size();
    p.name("edge.cdn.net");
    p.pointer(edgeTarget).rdata(TypeA, 60, QByteArray::fromHex("c6336407"));

    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    const QList<Record> &answers = parsed.message.answers;
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers[0].name, QStringLiteral("www.example.com"));
    QCOMPARE(answers[0].type, TypeCNAME);
    QCOMPARE(answers[0].ttl, quint32(3600));
    QCOMPARE(answers[0].target, QStringLiteral("web.example.com"));
    QCOMPARE(answers[0].rdata, QByteArray::fromHex("03776562c010")); // kept as on the wire
    QCOMPARE(answers[1].name, QStringLiteral("web.example.com"));
    QCOMPARE(answers[1].ttl, quint32(120));
    QCOMPARE(answers[1].target, QStringLiteral("edge.cdn.net"));
    QCOMPARE(answers[2].name, QStringLiteral("edge.cdn.net"));
    QCOMPARE(answers[2].type, TypeA);
    QCOMPARE(answers[2].address, QHostAddress(QStringLiteral("198.51.100.7")));
    QVERIFY(answers[2].target.isEmpty());
}

void TestDnsMessage::parseNegativeWithSoa_data()
{
    QTest::addColumn<quint16>("rcode");
    QTest::newRow("NXDOMAIN") << quint16(ResponseCode::NxDomain);
    QTest::newRow("NODATA") << quint16(ResponseCode::NoError);
}

void TestDnsMessage::parseNegativeWithSoa()
{
    QFETCH(quint16, rcode);

    Bytes p;
    p.header(0x2222, ResponseFlags | FlagAA | rcode, 1, 0, 1)
            .name("missing.example.com")
            .u16(TypeA)
            .u16(ClassIN);
    const int exampleCom = 12 + 8;
    Bytes soa;
    soa.label("ns1").pointer(exampleCom).label("hostmaster").pointer(exampleCom);
    soa.u32(2024010101).u32(7200).u32(900).u32(1209600).u32(300);
    p.pointer(exampleCom).rdata(TypeSOA, 900, soa.data());

    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    const Message &m = parsed.message;
    QCOMPARE(m.rcode, rcode);
    QVERIFY(m.authoritative);
    QVERIFY(m.answers.isEmpty());
    QCOMPARE(m.authorities.size(), 1);
    const Record &record = m.authorities.first();
    QCOMPARE(record.name, QStringLiteral("example.com"));
    QCOMPARE(record.type, TypeSOA);
    QCOMPARE(record.ttl, quint32(900));
    QVERIFY(record.soa.has_value());
    QCOMPARE(record.soa->primaryServer, QStringLiteral("ns1.example.com"));
    QCOMPARE(record.soa->mailbox, QStringLiteral("hostmaster.example.com"));
    QCOMPARE(record.soa->serial, quint32(2024010101));
    QCOMPARE(record.soa->refresh, quint32(7200));
    QCOMPARE(record.soa->retry, quint32(900));
    QCOMPARE(record.soa->expire, quint32(1209600));
    QCOMPARE(record.soa->minimum, quint32(300));
}

void TestDnsMessage::parseTruncatedFlag()
{
    Bytes p;
    p.header(9, ResponseFlags | FlagTC, 1).name("big.example").u16(TypeA).u16(ClassIN);
    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QVERIFY(parsed.message.truncated);
    QVERIFY(parsed.message.answers.isEmpty());

    const ParseResult whole = parseMessage(withAnswer().data());
    QVERIFY(whole.ok());
    QVERIFY(!whole.message.truncated);
}

void TestDnsMessage::parseEdns_data()
{
    QTest::addColumn<quint16>("headerRcode");
    QTest::addColumn<quint32>("optTtl");
    QTest::addColumn<quint16>("payload");
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<quint16>("rcode");

    QTest::newRow("plain") << quint16(0) << quint32(0) << quint16(1232) << QByteArray()
                           << quint16(0);
    QTest::newRow("DO bit does not touch rcode")
            << quint16(0) << quint32(0x00008000) << quint16(4096) << QByteArray() << quint16(0);
    QTest::newRow("cookie option kept as rdata")
            << quint16(0) << quint32(0) << quint16(1232)
            << QByteArray::fromHex("000a0008 0102030405060708") << quint16(0);
    QTest::newRow("header rcode without extension") << quint16(ResponseCode::ServFail) << quint32(0)
                                                    << quint16(512) << QByteArray() << quint16(2);
    // RFC 6891 6.1.3: the OPT TTL's top byte is bits 4..11 of a 12-bit rcode. BADVERS = 16.
    QTest::newRow("BADVERS") << quint16(0) << quint32(0x01000000) << quint16(1232) << QByteArray()
                             << quint16(16);
    QTest::newRow("extended 1 + NXDOMAIN")
            << quint16(3) << quint32(0x01000000) << quint16(1232) << QByteArray() << quint16(19);
    QTest::newRow("all twelve bits") << quint16(0xF) << quint32(0xFF000000) << quint16(65535)
                                     << QByteArray() << quint16(0xFFF);
}

void TestDnsMessage::parseEdns()
{
    QFETCH(quint16, headerRcode);
    QFETCH(quint32, optTtl);
    QFETCH(quint16, payload);
    QFETCH(QByteArray, options);
    QFETCH(quint16, rcode);

    Bytes p = withQuestion(1, 1, 0, 1);
    QByteArray bytes = p.pointer(12).rdata(TypeA, 60, QByteArray::fromHex("c0000202")).data();
    bytes[3] = char(quint8(bytes[3]) | headerRcode);
    Bytes opt;
    opt.u8(0).fixed(TypeOPT, payload, optTtl, quint16(options.size())).raw(options);
    bytes += opt.data();

    const ParseResult parsed = parseMessage(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.ednsUdpPayload, std::optional<quint16>(payload));
    QCOMPARE(parsed.message.rcode, rcode);
    QCOMPARE(parsed.message.answers.size(), 1);
    QCOMPARE(parsed.message.additionals.size(), 1);
    const Record &record = parsed.message.additionals.first();
    QCOMPARE(record.name, QStringLiteral("."));
    QCOMPARE(record.type, TypeOPT);
    QCOMPARE(record.rclass, payload);
    QCOMPARE(record.rdata, options);
}

void TestDnsMessage::parseExtendedErrors_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QList<quint16>>("codes");
    QTest::addColumn<QStringList>("texts");

    QTest::newRow("no options") << QByteArray() << QList<quint16>() << QStringList();
    QTest::newRow("cookie only") << QByteArray::fromHex("000a0008 0102030405060708")
                                 << QList<quint16>() << QStringList();
    QTest::newRow("EDE of exactly 2 bytes, no text")
            << edeOption(18, "") << QList<quint16>{18} << QStringList{QString()};
    QTest::newRow("EDE with text") << edeOption(6, "signature invalid") << QList<quint16>{6}
                                   << QStringList{QStringLiteral("signature invalid")};
    QTest::newRow("UTF-8 text") << edeOption(15, "gesperrt f\xc3\xbcr alle") << QList<quint16>{15}
                                << QStringList{QStringLiteral("gesperrt f\u00fcr alle")};
    QTest::newRow("NUL-terminated text") << edeOption(3, QByteArrayView("old\0\0", 5))
                                         << QList<quint16>{3} << QStringList{QStringLiteral("old")};
    QTest::newRow("two EDEs around a cookie")
            << QByteArray(edeOption(22, "no auth")
                          + QByteArray::fromHex("000a0008 0102030405060708") + edeOption(23, ""))
            << QList<quint16>{22, 23} << QStringList{QStringLiteral("no auth"), QString()};
    QTest::newRow("unknown option of length 0 at the end")
            << QByteArray(edeOption(4711, "x") + QByteArray::fromHex("fde90000"))
            << QList<quint16>{4711} << QStringList{QStringLiteral("x")};
    QTest::newRow("highest info-code")
            << edeOption(0xFFFF, "") << QList<quint16>{0xFFFF} << QStringList{QString()};
}

void TestDnsMessage::parseExtendedErrors()
{
    QFETCH(QByteArray, options);
    QFETCH(QList<quint16>, codes);
    QFETCH(QStringList, texts);

    const ParseResult parsed = parseMessage(withOpt(options).data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.extendedErrors.size(), codes.size());
    for (int i = 0; i < codes.size(); ++i) {
        QCOMPARE(parsed.message.extendedErrors[i].infoCode, codes[i]);
        QCOMPARE(parsed.message.extendedErrors[i].extraText, texts[i]);
    }
    // The record itself is still there, its data untouched.
    QCOMPARE(parsed.message.additionals.size(), 1);
    QCOMPARE(parsed.message.additionals.first().rdata, options);
}

void TestDnsMessage::extendedErrorTextIsBoundedAndPrintable_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxLength");

    QTest::newRow("terminal escape") << QByteArray("\x1b]0;owned\x07\x1b[2J") << 64;
    QTest::newRow("line feed") << QByteArray("forged\nlog line") << 64;
    QTest::newRow("bidi override") << QByteArray("abc\xe2\x80\xae"
                                                 "def")
                                   << 64;
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xc3") << 64;
    QTest::newRow("long text") << QByteArray(4000, 'x') << ExtendedDnsErrors::MaxExtraTextLength;
}

void TestDnsMessage::extendedErrorTextIsBoundedAndPrintable()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxLength);

    const ParseResult parsed = parseMessage(withOpt(edeOption(0, text)).data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.extendedErrors.size(), 1);
    const QString shown = parsed.message.extendedErrors.first().extraText;
    QVERIFY(!shown.isEmpty());
    QVERIFY2(shown.size() <= maxLength, qPrintable(QString::number(shown.size())));
    for (QChar c : shown) {
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7F, qPrintable(shown));
        QVERIFY2(c.unicode() != 0x202E, qPrintable(shown));
    }
}

void TestDnsMessage::extendedErrorRoundTrip()
{
    QByteArray options;
    appendExtendedErrorOption(&options, {6, QStringLiteral("RRSIG over A failed")});
    appendExtendedErrorOption(&options, {3, QString()});
    QCOMPARE(options, QByteArray(edeOption(6, "RRSIG over A failed") + edeOption(3, "")));
    const ParseResult parsed = parseMessage(withOpt(options).data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    const QList<ExtendedDnsError> expected{{6, QStringLiteral("RRSIG over A failed")}, {3, {}}};
    QCOMPARE(parsed.message.extendedErrors, expected);
}

void TestDnsMessage::parseEscapedLabels_data()
{
    QTest::addColumn<QList<QByteArray>>("labels");
    QTest::addColumn<QString>("presentation");

    QTest::newRow("root") << QList<QByteArray>() << QStringLiteral(".");
    QTest::newRow("dot inside a label")
            << QList<QByteArray>{"a.b", "example"} << QStringLiteral("a\\.b.example");
    QTest::newRow("zero byte") << QList<QByteArray>{QByteArray("\0x", 2), "test"}
                               << QStringLiteral("\\000x.test");
    QTest::newRow("backslash") << QList<QByteArray>{"a\\b"} << QStringLiteral("a\\\\b");
    QTest::newRow("space, DEL, 0xFF") << QList<QByteArray>{QByteArray("a b\x7f\xff", 5)}
                                      << QStringLiteral("a\\032b\\127\\255");
    QTest::newRow("printable punctuation kept")
            << QList<QByteArray>{"_dmarc", "x-y*z"} << QStringLiteral("_dmarc.x-y*z");
}

void TestDnsMessage::parseEscapedLabels()
{
    QFETCH(QList<QByteArray>, labels);
    QFETCH(QString, presentation);

    Bytes p;
    p.header(1, ResponseFlags, 1, 1);
    for (const QByteArray &label : labels)
        p.label(label);
    p.u8(0).u16(TypeA).u16(ClassIN);
    p.pointer(12).fixed(TypeCNAME, ClassIN, 30, 2).pointer(12);

    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.questions.first().name, presentation);
    QCOMPARE(parsed.message.answers.first().name, presentation);
    QCOMPARE(parsed.message.answers.first().target, presentation);
}

void TestDnsMessage::parseNameAtLengthLimit()
{
    // 3 x (63+1) + (61+1) + root = 255 wire bytes: allowed, also when reached through a pointer.
    Bytes p;
    p.header(1, ResponseFlags, 1, 1).label(label63('a')).label(label63('b'));
    const int tail = p.size();
    p.label(label63('c')).label(QByteArray(61, 'd')).u8(0).u16(TypeA).u16(ClassIN);
    p.label(label63('e')).label(label63('f')).pointer(tail).rdata(TypeA, 1, QByteArray(4, '\1'));

    const ParseResult parsed = parseMessage(p.data());
    QVERIFY2(parsed.ok(), qPrintable(parsed.describe()));
    QCOMPARE(parsed.message.questions.first().name.size(), 253);
    QCOMPARE(parsed.message.answers.first().name.size(), 253);
    QVERIFY(parsed.message.answers.first().name.endsWith(QString(61, QLatin1Char('d'))));
}

// ---- malformed packets -------------------------------------------------------------------------

void TestDnsMessage::malformed_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<int>("offset");

    const QByteArray fullHeader = Bytes().header(0x4242, ResponseFlags, 1, 1).data();
    for (int n = 0; n < HeaderSize; ++n) {
        QTest::addRow("header of %d bytes", n)
                << fullHeader.left(n) << ParseError::TruncatedHeader << n;
    }

    // Counts that promise more than the packet holds.
    QTest::newRow("qdcount 1, no question")
            << Bytes().header(1, ResponseFlags, 1).data() << ParseError::CountBeyondPacket << 12;
    QTest::newRow("qdcount 2, one question")
            << withQuestion(2).data() << ParseError::CountBeyondPacket << QuestionEnd;
    QTest::newRow("qdcount 65535, one question")
            << withQuestion(0xFFFF).data() << ParseError::CountBeyondPacket << QuestionEnd;
    QTest::newRow("ancount 2, one answer")
            << withAnswer(2).data() << ParseError::CountBeyondPacket << QuestionEnd + 16;
    QTest::newRow("ancount 1, no answer")
            << withQuestion(1, 1).data() << ParseError::CountBeyondPacket << QuestionEnd;
    QTest::newRow("nscount 1, nothing")
            << withQuestion(1, 0, 1).data() << ParseError::CountBeyondPacket << QuestionEnd;
    QTest::newRow("arcount 3, nothing")
            << withQuestion(1, 0, 0, 3).data() << ParseError::CountBeyondPacket << QuestionEnd;

    // The question's type and class cut short.
    QTest::newRow("question cut in its type")
            << Bytes().header(1, ResponseFlags, 1).name("example.com").u8(0).data()
            << ParseError::TruncatedQuestion << 25;
    QTest::newRow("question cut in its class")
            << Bytes().header(1, ResponseFlags, 1).name("example.com").u16(TypeA).u8(0).data()
            << ParseError::TruncatedQuestion << 27;

    // A record cut inside its fixed part (owner is the 2-byte pointer at 29).
    QTest::newRow("record cut in type")
            << withQuestion(1, 1).pointer(12).u8(0).data() << ParseError::TruncatedRecord << 31;
    QTest::newRow("record cut in class") << withQuestion(1, 1).pointer(12).u16(TypeA).u8(0).data()
                                         << ParseError::TruncatedRecord << 33;
    QTest::newRow("record cut in TTL")
            << withQuestion(1, 1).pointer(12).u16(TypeA).u16(ClassIN).u16(0).data()
            << ParseError::TruncatedRecord << 35;
    QTest::newRow("record cut in rdlength")
            << withQuestion(1, 1).pointer(12).u16(TypeA).u16(ClassIN).u32(60).u8(0).data()
            << ParseError::TruncatedRecord << 39;
    QTest::newRow("rdlength beyond packet")
            << withQuestion(1, 1).pointer(12).fixed(TypeA, ClassIN, 60, 4).u16(0x0a00).data()
            << ParseError::TruncatedRecord << 41;
    QTest::newRow("rdlength 65535, empty rdata")
            << withQuestion(1, 1).pointer(12).fixed(TypeA, ClassIN, 60, 0xFFFF).data()
            << ParseError::TruncatedRecord << 41;

    // Names that run off the end of the packet.
    QTest::newRow("label runs off the end")
            << Bytes().header(1, ResponseFlags, 1).u8(7).raw("exam").data()
            << ParseError::TruncatedName << 12;
    QTest::newRow("no root label") << Bytes().header(1, ResponseFlags, 1).label("example").data()
                                   << ParseError::TruncatedName << 20;
    QTest::newRow("pointer cut in half")
            << Bytes().header(1, ResponseFlags, 1).label("www").u8(0xC0).data()
            << ParseError::TruncatedName << 16;
    QTest::newRow("owner name runs off the end")
            << withQuestion(1, 1).label("www").data() << ParseError::TruncatedName << 33;

    // Label length bytes with the reserved 0x40 / 0x80 bits.
    QTest::newRow("label length 0x40")
            << Bytes().header(1, ResponseFlags, 1).u8(0x40).fill(64, 'a').u8(0).data()
            << ParseError::LabelTooLong << 12;
    QTest::newRow("label length 0x80 after a label")
            << Bytes().header(1, ResponseFlags, 1).label("a").u8(0x80).fill(0x80, 'a').u8(0).data()
            << ParseError::LabelTooLong << 14;
    QTest::newRow("label length 0x7F")
            << Bytes().header(1, ResponseFlags, 1).u8(0x7F).fill(0x7F, 'a').u8(0).data()
            << ParseError::LabelTooLong << 12;
    QTest::newRow("label length 0xBF in an owner name")
            << withQuestion(1, 1).u8(0xBF).data() << ParseError::LabelTooLong << QuestionEnd;

    // Compression pointers that loop or point forward.
    QTest::newRow("pointer to itself")
            << Bytes().header(1, ResponseFlags, 1).pointer(12).u16(TypeA).u16(ClassIN).data()
            << ParseError::CompressionLoop << 12;
    QTest::newRow("pointer to itself after a label")
            << Bytes().header(1, ResponseFlags, 1).label("a").pointer(14).data()
            << ParseError::CompressionLoop << 14;
    QTest::newRow("pointer back to the start of its own name")
            << Bytes().header(1, ResponseFlags, 1).label("a").pointer(12).data()
            << ParseError::CompressionLoop << 14;
    QTest::newRow("owner pointer to itself")
            << withQuestion(1, 1).pointer(QuestionEnd).fixed(TypeA, ClassIN, 1, 0).data()
            << ParseError::CompressionLoop << QuestionEnd;
    QTest::newRow("forward pointer")
            << Bytes().header(1, ResponseFlags, 1).pointer(14).name("a").u16(TypeA).u16(ClassIN).data()
            << ParseError::ForwardPointer << 12;
    QTest::newRow("owner pointer past itself")
            << withQuestion(1, 1).pointer(QuestionEnd + 2).name("b").data()
            << ParseError::ForwardPointer << QuestionEnd;
    QTest::newRow("pointer beyond the packet")
            << Bytes().header(1, ResponseFlags, 1).pointer(0x3FFF).data()
            << ParseError::ForwardPointer << 12;

    // Names over 255 wire bytes.
    {
        Bytes p;
        p.header(1, ResponseFlags, 1);
        for (int i = 0; i < 5; ++i)
            p.label(label63(char('a' + i)));
        p.u8(0).u16(TypeA).u16(ClassIN);
        // 64 + 64 + 64 = 192 after three labels; the fourth (at 12 + 192) makes 256.
        QTest::newRow("five 63-byte labels") << p.data() << ParseError::NameTooLong << 12 + 192;
    }
    {
        Bytes p;
        p.header(1, ResponseFlags, 1).label(label63('a')).label(label63('b')).label(label63('c'));
        p.label(QByteArray(62, 'd')).u8(0).u16(TypeA).u16(ClassIN);
        // Labels make 255 bytes; the root label is byte 256.
        QTest::newRow("256 bytes by the root label")
                << p.data() << ParseError::NameTooLong << 12 + 192 + 63;
    }
    {
        // Each name is legal on its own; following two pointers adds up to 257 bytes:
        // "d" (64) -> "c" (64) -> question "a" (64) + "b" (64) + root: over at the "b" label.
        Bytes p;
        p.header(1, ResponseFlags, 1, 2).label(label63('a')).label(label63('b')).u8(0);
        p.u16(TypeA).u16(ClassIN);
        const int first = p.size();
        p.label(label63('c')).pointer(12).rdata(TypeA, 1, QByteArray(4, '\1'));
        p.label(label63('d')).pointer(first).rdata(TypeA, 1, QByteArray(4, '\2'));
        QTest::newRow("257 bytes through a pointer chain")
                << p.data() << ParseError::NameTooLong << 12 + 64;
    }

    // Record data of the wrong size for its type (rdata starts at 41).
    QTest::newRow("A with rdlength 5")
            << withQuestion(1, 1).pointer(12).rdata(TypeA, 60, "\1\2\3\4\5").data()
            << ParseError::BadRdataLength << 41;
    QTest::newRow("A with rdlength 0") << withQuestion(1, 1).pointer(12).rdata(TypeA, 60, "").data()
                                       << ParseError::BadRdataLength << 41;
    QTest::newRow("AAAA with rdlength 4")
            << withQuestion(1, 1).pointer(12).rdata(TypeAAAA, 60, "\1\2\3\4").data()
            << ParseError::BadRdataLength << 41;
    // The CNAME name is readable on the wire but not inside rdlength. The decoder bounds the
    // uncompressed part of an rdata name by the record's end, so it reports the name, at the
    // first byte it may not read, as TruncatedName (RdataOverrun is for a name that ends early).
    QTest::newRow("CNAME name ends after rdlength")
            << withQuestion(1, 1).pointer(12).fixed(TypeCNAME, ClassIN, 60, 4).name("www").data()
            << ParseError::TruncatedName << 45;
    QTest::newRow("CNAME label crosses rdlength")
            << withQuestion(1, 1).pointer(12).fixed(TypeCNAME, ClassIN, 60, 3).name("www").data()
            << ParseError::TruncatedName << 41;
    QTest::newRow("CNAME pointer crosses rdlength") << withQuestion(1, 1)
                                                               .pointer(12)
                                                               .fixed(TypeCNAME, ClassIN, 60, 5)
                                                               .label("www")
                                                               .pointer(12)
                                                               .data()
                                                    << ParseError::TruncatedName << 45;
    QTest::newRow("CNAME name ends before rdlength") << withQuestion(1, 1)
                                                                .pointer(12)
                                                                .fixed(TypeCNAME, ClassIN, 60, 7)
                                                                .name("www")
                                                                .u16(0)
                                                                .data()
                                                     << ParseError::RdataOverrun << 46;
    QTest::newRow("SOA with 16-byte fixed part") << withQuestion(1, 0, 1)
                                                            .pointer(12)
                                                            .fixed(TypeSOA, ClassIN, 60, 2 + 2 + 16)
                                                            .pointer(12)
                                                            .pointer(12)
                                                            .fill(16, '\0')
                                                            .data()
                                                 << ParseError::BadRdataLength << 41;
    QTest::newRow("SOA with 24-byte fixed part") << withQuestion(1, 0, 1)
                                                            .pointer(12)
                                                            .fixed(TypeSOA, ClassIN, 60, 2 + 2 + 24)
                                                            .pointer(12)
                                                            .pointer(12)
                                                            .fill(24, '\0')
                                                            .data()
                                                 << ParseError::BadRdataLength << 41;

    QTest::newRow("one byte after the last record")
            << withAnswer().u8(0).data() << ParseError::TrailingGarbage << QuestionEnd + 16;
    QTest::newRow("bytes after an empty message")
            << Bytes().header(1, ResponseFlags, 0).raw("junk").data() << ParseError::TrailingGarbage
            << 12;

    // EDNS (RFC 6891): OPT records where they may not be, or options that run past their record.
    {
        Bytes p = withQuestion(1, 0, 0, 2);
        opt(p, "");
        opt(p, "");
        QTest::newRow("two OPT records")
                << p.data() << ParseError::MultipleOptRecords << QuestionEnd + 11;
    }
    {
        Bytes p = withQuestion(1, 1);
        QTest::newRow("OPT in the answer section")
                << opt(p, "").data() << ParseError::OptOutsideAdditional << QuestionEnd;
    }
    {
        Bytes p = withQuestion(1, 0, 1);
        QTest::newRow("OPT in the authority section")
                << opt(p, edeOption(6, "")).data() << ParseError::OptOutsideAdditional
                << QuestionEnd;
    }
    QTest::newRow("OPT owned by a name")
            << withQuestion(1, 0, 0, 1).name("example").fixed(TypeOPT, 1232, 0, 0).data()
            << ParseError::OptOwnerNotRoot << QuestionEnd;
    QTest::newRow("OPT owned by the question's name")
            << withQuestion(1, 0, 0, 1).pointer(12).fixed(TypeOPT, 1232, 0, 0).data()
            << ParseError::OptOwnerNotRoot << QuestionEnd;
    QTest::newRow("option header of 3 bytes") << withOpt(QByteArray::fromHex("000f00")).data()
                                              << ParseError::OptionOverrun << OptDataStart;
    QTest::newRow("option header of 1 byte after an option")
            << withOpt(edeOption(1, "") + QByteArray(1, '\0')).data() << ParseError::OptionOverrun
            << OptDataStart + 6;
    QTest::newRow("EDE longer than the record")
            << withOpt(QByteArray::fromHex("000f0005 0012")).data() << ParseError::OptionOverrun
            << OptDataStart;
    QTest::newRow("cookie longer than the record, EDE after it")
            << withOpt(QByteArray::fromHex("000a0000 000a0010 0102") + edeOption(6, "")).data()
            << ParseError::OptionOverrun << OptDataStart + 4;
    {
        // The option's length fits the packet but not its record: the next record's bytes are
        // never read as the option's.
        Bytes p = withOpt(QByteArray::fromHex("000f0004 0012"), 2);
        p.pointer(12).rdata(TypeA, 60, QByteArray::fromHex("c0000201"));
        QTest::newRow("EDE running into the next record")
                << p.data() << ParseError::OptionOverrun << OptDataStart;
    }
    QTest::newRow("EDE of 0 bytes") << withOpt(QByteArray::fromHex("000f0000")).data()
                                    << ParseError::ExtendedErrorTooShort << OptDataStart;
    QTest::newRow("EDE of 1 byte") << withOpt(QByteArray::fromHex("000f0001 00")).data()
                                   << ParseError::ExtendedErrorTooShort << OptDataStart;
    QTest::newRow("EDE of 1 byte after a good one")
            << withOpt(edeOption(18, "ok") + QByteArray::fromHex("000f0001 00")).data()
            << ParseError::ExtendedErrorTooShort << OptDataStart + 8;
}

void TestDnsMessage::malformed()
{
    QFETCH(QByteArray, packet);
    QFETCH(ParseError, error);
    QFETCH(int, offset);

    const ParseResult parsed = parseMessage(packet);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error, error);
    QCOMPARE(parsed.errorOffset, offset);
    QVERIFY(parsed.errorOffset <= packet.size());
    QVERIFY2(parsed.describe().endsWith(QStringLiteral(" at byte %1").arg(offset)),
             qPrintable(parsed.describe()));
}

void TestDnsMessage::pointersAtEachOther_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("forwardHopAt");

    // The question's name is a pointer to 14, and 14 points back to 12.
    QTest::newRow("name starts at the earlier pointer")
            << Bytes().header(1, ResponseFlags, 1).pointer(14).pointer(12).data() << 12;
    // The question's type field (at 15) holds 0xC013, a pointer to 19, where the answer's owner
    // name is a pointer back to 15: the first hop goes backwards, the second forwards.
    QTest::newRow("name starts at the later pointer") << Bytes().header(1, ResponseFlags, 1, 1)
                                                                 .name("a")
                                                                 .pointer(19)
                                                                 .u16(ClassIN)
                                                                 .pointer(15)
                                                                 .rdata(TypeA, 1, "\1\2\3\4")
                                                                 .data()
                                                      << 15;
}

void TestDnsMessage::pointersAtEachOther()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, forwardHopAt);

    const ParseResult parsed = parseMessage(packet);
    QVERIFY(parsed.error == ParseError::CompressionLoop
            || parsed.error == ParseError::ForwardPointer);
    // Of two pointers aimed at each other one must point forward. The decoder requires every hop
    // to land strictly before the lowest offset the name has visited, so it stops at that forward
    // hop, before any cycle forms; CompressionLoop is left for a pointer aimed at itself or at the
    // start of the run it ends.
    QCOMPARE(parsed.error, ParseError::ForwardPointer);
    QCOMPARE(parsed.errorOffset, forwardHopAt);
}

// ---- describe, parseHeader ---------------------------------------------------------------------

void TestDnsMessage::describe()
{
    const ParseResult good = parseMessage(withAnswer().data());
    QVERIFY(good.ok());
    QVERIFY(!good.describe().isEmpty());
    QVERIFY(!good.describe().contains(QStringLiteral("at byte")));

    const ParseResult loop = parseMessage(
            withQuestion(1, 1).pointer(QuestionEnd).fixed(TypeA, 1, 1, 0).data());
    QCOMPARE(loop.describe(), QStringLiteral("compression pointer loop at byte 29"));

    const ParseResult header = parseMessage(QByteArray(5, '\0'));
    QCOMPARE(header.describe(), QStringLiteral("truncated header at byte 5"));
}

void TestDnsMessage::parseHeader_data()
{
    QTest::addColumn<quint16>("flags");
    QTest::addColumn<bool>("qr");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<bool>("aa");
    QTest::addColumn<bool>("tc");
    QTest::addColumn<bool>("rd");
    QTest::addColumn<bool>("ra");
    QTest::addColumn<int>("rcode");

    QTest::newRow("query") << quint16(FlagRD) << false << 0 << false << false << true << false << 0;
    QTest::newRow("authoritative NXDOMAIN") << quint16(FlagQR | FlagAA | FlagRD | 3) << true << 0
                                            << true << false << true << false << 3;
    QTest::newRow("truncated, RA") << quint16(FlagQR | FlagTC | FlagRA) << true << 0 << false
                                   << true << false << true << 0;
    QTest::newRow("opcode UPDATE, REFUSED") << quint16(FlagQR | (5 << 11) | 5) << true << 5 << false
                                            << false << false << false << 5;
    QTest::newRow("every bit") << quint16(0xFFFF) << true << 15 << true << true << true << true
                               << 15;
}

void TestDnsMessage::parseHeader()
{
    QFETCH(quint16, flags);
    QFETCH(bool, qr);
    QFETCH(int, opcode);
    QFETCH(bool, aa);
    QFETCH(bool, tc);
    QFETCH(bool, rd);
    QFETCH(bool, ra);
    QFETCH(int, rcode);

    // Exactly 12 bytes, with counts that promise a body which is not there.
    const QByteArray bytes = Bytes().header(0xC0DE, flags, 3, 4, 5, 6).data();
    Message header;
    QVERIFY(DnsWire::parseHeader(bytes, &header));
    QCOMPARE(header.id, quint16(0xC0DE));
    QCOMPARE(header.isResponse, qr);
    QCOMPARE(int(header.opcode), opcode);
    QCOMPARE(header.authoritative, aa);
    QCOMPARE(header.truncated, tc);
    QCOMPARE(header.recursionDesired, rd);
    QCOMPARE(header.recursionAvailable, ra);
    QCOMPARE(int(header.rcode), rcode);
}

void TestDnsMessage::parseHeaderTooShort()
{
    const QByteArray bytes = Bytes().header(0x1111, ResponseFlags, 1).data();
    for (int n = 0; n < HeaderSize; ++n) {
        Message header;
        header.id = 0x7777;
        QVERIFY2(!DnsWire::parseHeader(bytes.left(n), &header), QByteArray::number(n).constData());
        QCOMPARE(header.id, quint16(0x7777)); // untouched
    }
    Message header;
    QVERIFY(DnsWire::parseHeader(bytes, &header));
    QCOMPARE(header.id, quint16(0x1111));
}

void TestDnsMessage::parseHeaderOfUnparseableBody()
{
    // A truncated UDP answer whose body is cut mid-record: the header still shows ID and TC.
    QByteArray bytes = withAnswer().data().left(QuestionEnd + 5);
    bytes[2] = char(quint8(bytes[2]) | (FlagTC >> 8));
    QVERIFY(!parseMessage(bytes).ok());
    Message header;
    QVERIFY(DnsWire::parseHeader(bytes, &header));
    QCOMPARE(header.id, quint16(0x4242));
    QVERIFY(header.truncated);
}

// ---- names -------------------------------------------------------------------------------------

void TestDnsMessage::namesEqual_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("same") << QStringLiteral("example.com") << QStringLiteral("example.com") << true;
    QTest::newRow("case") << QStringLiteral("WWW.Example.COM") << QStringLiteral("www.example.com")
                          << true;
    QTest::newRow("trailing dot left")
            << QStringLiteral("example.com.") << QStringLiteral("example.com") << true;
    QTest::newRow("trailing dot right")
            << QStringLiteral("example.com") << QStringLiteral("EXAMPLE.com.") << true;
    QTest::newRow("root") << QStringLiteral(".") << QStringLiteral(".") << true;
    QTest::newRow("different name")
            << QStringLiteral("example.com") << QStringLiteral("example.org") << false;
    QTest::newRow("subdomain") << QStringLiteral("a.example.com") << QStringLiteral("example.com")
                               << false;
    QTest::newRow("prefix") << QStringLiteral("example.co") << QStringLiteral("example.com")
                            << false;
    QTest::newRow("escaped dot is not a separator")
            << QStringLiteral("a\\.b.test") << QStringLiteral("a.b.test") << false;
    QTest::newRow("only one trailing dot is ignored")
            << QStringLiteral("example.com..") << QStringLiteral("example.com") << false;
    QTest::newRow("root is not a name") << QStringLiteral(".") << QStringLiteral("a") << false;
}

void TestDnsMessage::namesEqual()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);

    QCOMPARE(DnsWire::namesEqual(a, b), equal);
    QCOMPARE(DnsWire::namesEqual(b, a), equal);
}

void TestDnsMessage::normalizedName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("lower case, no dot")
            << QStringLiteral("WWW.Example.COM.") << QStringLiteral("www.example.com");
    QTest::newRow("already normal")
            << QStringLiteral("db.internal") << QStringLiteral("db.internal");
    QTest::newRow("root stays root") << QStringLiteral(".") << QStringLiteral(".");
    QTest::newRow("single label") << QStringLiteral("Host.") << QStringLiteral("host");
    QTest::newRow("empty") << QString() << QString();
}

void TestDnsMessage::normalizedName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalized);

    QCOMPARE(DnsWire::normalizedName(name), normalized);
    // Normalizing is idempotent and agrees with namesEqual.
    QCOMPARE(DnsWire::normalizedName(normalized), normalized);
    QVERIFY(DnsWire::namesEqual(name, normalized));
}

// The fuzzer's committed seeds, replayed on every test run: the well-formed ones parse, the
// ones named malformed-* are rejected with a cause.
void TestDnsMessage::seedCorpusReplays_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(DNSWATCH_FUZZ_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, qPrintable(corpus.path()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void TestDnsMessage::seedCorpusReplays()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ParseResult parsed = parseMessage(file.readAll());
    const bool malformed = QFileInfo(path).fileName().startsWith(QLatin1String("malformed-"));
    QVERIFY2(parsed.ok() != malformed, qPrintable(parsed.describe()));
}

QTEST_GUILESS_MAIN(TestDnsMessage)
#include "tst_dnsmessage.moc"

#pragma once

#include "extendeddnserror.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

// The DNS wire format (RFC 1035, EDNS0 per RFC 6891): what a query looks like and what a
// response says. Parsing never reads past the buffer and names its cause on malformed input.
namespace DnsWire {

enum class RecordType : quint16 {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    OPT = 41,
    RRSIG = 46,
    DNSKEY = 48,
};

enum class ResponseCode : quint16 {
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
};

QString recordTypeName(quint16 type);
QString responseCodeName(quint16 rcode);

constexpr quint16 ClassIN = 1;
constexpr int HeaderSize = 12;
constexpr int MaxLabelLength = 63;
constexpr int MaxNameLength = 255; // on the wire, including the root label
constexpr int MaxCnameChain = 8;

enum class ParseError {
    None,
    TruncatedHeader,
    TruncatedName,
    TruncatedQuestion,
    TruncatedRecord,
    CountBeyondPacket,
    LabelTooLong,
    NameTooLong,
    CompressionLoop,
    ForwardPointer,
    BadRdataLength,
    RdataOverrun,
    TrailingGarbage,
    // EDNS (RFC 6891): a careful resolver drops such an answer rather than guess which OPT
    // record or option counts (6.1.1: more than one OPT record is FORMERR).
    MultipleOptRecords,
    OptOutsideAdditional,
    OptOwnerNotRoot,
    OptionOverrun,
    ExtendedErrorTooShort,
};
QString parseErrorName(ParseError error);

struct Soa
{
    QString primaryServer;
    QString mailbox;
    quint32 serial = 0;
    quint32 refresh = 0;
    quint32 retry = 0;
    quint32 expire = 0;
    quint32 minimum = 0;
};

struct Question
{
    QString name;
    quint16 type = 0;
    quint16 qclass = ClassIN;
};

struct Record
{
    QString name;
    quint16 type = 0;
    quint16 rclass = ClassIN;
    quint32 ttl = 0;
    QByteArray rdata;
    // Decoded rdata, for the types the resolver uses.
    QHostAddress address; // A, AAAA
    QString target; // CNAME, NS, PTR
    std::optional<Soa> soa; // SOA
};

struct Message
{
    quint16 id = 0;
    bool isResponse = false;
    quint8 opcode = 0;
    bool authoritative = false;
    bool truncated = false;
    bool recursionDesired = false;
    bool recursionAvailable = false;
    bool authenticData = false; // AD: the resolver validated the answer (RFC 4035 3.2.3)
    quint16 rcode = 0; // includes the EDNS extended bits when an OPT record is present
    QList<Question> questions;
    QList<Record> answers;
    QList<Record> authorities;
    QList<Record> additionals;
    std::optional<quint16> ednsUdpPayload;
    QList<ExtendedDnsError> extendedErrors; // from the OPT record, in their order (RFC 8914)
};

struct ParseResult
{
    Message message;
    ParseError error = ParseError::None;
    int errorOffset = -1;

    bool ok() const { return error == ParseError::None; }
    // "compression loop at byte 40", for logs and the "malformed" cause.
    QString describe() const;
};

ParseResult parseMessage(QByteArrayView packet);

// Reads only the fixed 12-byte header: enough to match an ID and see TC on an answer whose body
// does not parse. Returns false when fewer than 12 bytes are given.
bool parseHeader(QByteArrayView packet, Message *header);

// Network byte order, as every field on the wire.
void appendU16(QByteArray *packet, quint16 value);
void appendU32(QByteArray *packet, quint32 value);

struct QueryOptions
{
    bool recursionDesired = true;
    // 0 disables EDNS0; otherwise the advertised UDP payload size (RFC 6891 OPT record).
    quint16 ednsUdpPayload = 1232;
    // DO in the OPT record's flags (RFC 3225): asks for DNSSEC records and the AD flag. Needs EDNS.
    bool dnssecOk = false;
    // CD in the header (RFC 4035): a validating resolver passes the answer on unchecked.
    bool checkingDisabled = false;
};

// Encodes a query for one name and type. Returns an empty array and sets *error when the name is
// not a valid DNS name (empty label, label over 63 bytes, name over 255 bytes).
QByteArray buildQuery(quint16 id, const QString &name, quint16 type, const QueryOptions &options,
                      QString *error = nullptr);

// Encodes the answer an authoritative server gives to query: its ID, opcode, RD flag and question
// echoed, QR and AA set, rcode (0 to 15), and the records of the answer and authority sections.
// Record data comes from the decoded fields (address for A and AAAA, target for CNAME, NS and
// PTR, soa for SOA), raw rdata for other types; names go out uncompressed. Returns an empty array
// and sets *error when a name or a record cannot be encoded.
QByteArray buildResponse(const Message &query, quint16 rcode, const QList<Record> &answers,
                         const QList<Record> &authorities = {}, QString *error = nullptr);

// Case-insensitive comparison of two names as DNS does (ASCII only), ignoring a trailing dot.
bool namesEqual(const QString &a, const QString &b);
QString normalizedName(const QString &name);

} // namespace DnsWire

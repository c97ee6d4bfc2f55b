#pragma once

#include "extendeddnserror.h"

#include <QByteArrayView>
#include <QList>

// The options inside an OPT record's data (RFC 6891 6.1.2): a walk over code, length and value
// that never reads past the record. Only Extended DNS Errors (RFC 8914) are kept; other options
// are stepped over.
namespace DnsWire {

enum class ParseError;

constexpr quint16 EdnsOptionExtendedError = 15;

struct EdnsOptions
{
    QList<ExtendedDnsError> extendedErrors;
};

// Reads the options of one OPT record. rdataOffset is where rdata starts in the packet, so an
// error names its byte there. Returns ParseError::None, or OptionOverrun (an option header or
// value that runs past the record) or ExtendedErrorTooShort (an EDE without its 2-byte
// info-code) with *errorOffset set.
ParseError parseEdnsOptions(QByteArrayView rdata, int rdataOffset, EdnsOptions *options,
                            int *errorOffset);

// Appends one EDE option (code, length, info-code, UTF-8 extra text) to an OPT record's data.
void appendExtendedErrorOption(QByteArray *rdata, const ExtendedDnsError &error);

} // namespace DnsWire

#include "ednsoptions.h"

#include "dnsmessage.h"

#include <QtEndian>

namespace DnsWire {

namespace {

    constexpr int OptionHeaderSize = 4; // OPTION-CODE, OPTION-LENGTH
    constexpr int InfoCodeSize = 2;

    ExtendedDnsError readExtendedError(const quint8 *value, int length)
    {
        ExtendedDnsError error;
        error.infoCode = qFromBigEndian<quint16>(value);
        QByteArrayView text(reinterpret_cast<const char *>(value + InfoCodeSize),
                            length - InfoCodeSize);
        // RFC 8914 2: the text SHOULD NOT be NUL-terminated, but some servers do it.
        while (!text.isEmpty() && text.back() == '\0')
            text.chop(1);
        error.extraText = ExtendedDnsErrors::boundedExtraText(QString::fromUtf8(text));
        return error;
    }

} // namespace

ParseError parseEdnsOptions(QByteArrayView rdata, int rdataOffset, EdnsOptions *options,
                            int *errorOffset)
{
    const auto *data = reinterpret_cast<const quint8 *>(rdata.data());
    const int size = int(rdata.size());
    int pos = 0;
    while (pos < size) {
        if (size - pos < OptionHeaderSize) {
            *errorOffset = rdataOffset + pos;
            return ParseError::OptionOverrun;
        }
        const quint16 code = qFromBigEndian<quint16>(data + pos);
        const int length = qFromBigEndian<quint16>(data + pos + 2);
        const int valueStart = pos + OptionHeaderSize;
        if (length > size - valueStart) {
            *errorOffset = rdataOffset + pos;
            return ParseError::OptionOverrun;
        }
        if (code == EdnsOptionExtendedError) {
            if (length < InfoCodeSize) {
                *errorOffset = rdataOffset + pos;
                return ParseError::ExtendedErrorTooShort;
            }
            options->extendedErrors.append(readExtendedError(data + valueStart, length));
        }
        pos = valueStart + length;
    }
    return ParseError::None;
}

void appendExtendedErrorOption(QByteArray *rdata, const ExtendedDnsError &error)
{
    const QByteArray text = error.extraText.toUtf8();
    appendU16(rdata, EdnsOptionExtendedError);
    appendU16(rdata, quint16(InfoCodeSize + text.size()));
    appendU16(rdata, error.infoCode);
    rdata->append(text);
}

} // namespace DnsWire

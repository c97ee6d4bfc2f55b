#include "rrsig.h"

#include "dnsmessage.h"

#include <QtEndian>

namespace DnsWire {

namespace {

    constexpr int FixedFieldsSize = 18; // type covered .. key tag

    // The signer's name: uncompressed labels (RFC 4034 3.1.7), escaped as in a zone file.
    bool readSignerName(QByteArrayView rdata, int *offset, QString *name, QString *error)
    {
        QByteArray text;
        int pos = *offset;
        int wireLength = 0;
        for (;;) {
            if (pos >= rdata.size()) {
                *error = QStringLiteral(
                                 "RRSIG signer name at byte %1: the data ends before the root "
                                 "label")
                                 .arg(pos);
                return false;
            }
            const int length = quint8(rdata[pos]);
            if (length > MaxLabelLength) {
                *error = QStringLiteral(
                                 "RRSIG signer name at byte %1: label length %2, expected at "
                                 "most %3 (the name must not be compressed)")
                                 .arg(pos)
                                 .arg(length)
                                 .arg(MaxLabelLength);
                return false;
            }
            wireLength += length + 1;
            if (wireLength > MaxNameLength) {
                *error = QStringLiteral("RRSIG signer name at byte %1: longer than %2 bytes")
                                 .arg(pos)
                                 .arg(MaxNameLength);
                return false;
            }
            if (length == 0)
                break;
            if (pos + 1 + length > rdata.size()) {
                *error = QStringLiteral(
                                 "RRSIG signer name at byte %1: label of %2 bytes runs past the "
                                 "data")
                                 .arg(pos)
                                 .arg(length);
                return false;
            }
            for (int i = pos + 1; i <= pos + length; ++i) {
                const quint8 c = quint8(rdata[i]);
                if (c == '.' || c == '\\')
                    text.append('\\').append(char(c));
                else if (c > 0x20 && c < 0x7F)
                    text.append(char(c));
                else
                    text.append('\\').append(QByteArray::number(c).rightJustified(3, '0'));
            }
            text.append('.');
            pos += 1 + length;
        }
        *offset = pos + 1;
        *name = text.isEmpty() ? QStringLiteral(".") : QString::fromLatin1(text);
        return true;
    }

} // namespace

std::optional<Rrsig> parseRrsig(QByteArrayView rdata, QString *error)
{
    if (rdata.size() < FixedFieldsSize + 1) {
        *error = QStringLiteral("RRSIG data of %1 bytes, expected at least %2 (fixed fields and a "
                                "signer name)")
                         .arg(rdata.size())
                         .arg(FixedFieldsSize + 1);
        return std::nullopt;
    }
    const auto *data = reinterpret_cast<const uchar *>(rdata.data());
    Rrsig rrsig;
    rrsig.typeCovered = qFromBigEndian<quint16>(data);
    rrsig.algorithm = data[2];
    rrsig.labels = data[3];
    rrsig.originalTtl = qFromBigEndian<quint32>(data + 4);
    rrsig.expiration = qFromBigEndian<quint32>(data + 8);
    rrsig.inception = qFromBigEndian<quint32>(data + 12);
    rrsig.keyTag = qFromBigEndian<quint16>(data + 16);
    int offset = FixedFieldsSize;
    if (!readSignerName(rdata, &offset, &rrsig.signerName, error))
        return std::nullopt;
    if (offset >= rdata.size()) {
        *error = QStringLiteral("RRSIG at byte %1: no signature after the signer name").arg(offset);
        return std::nullopt;
    }
    rrsig.signature = rdata.sliced(offset).toByteArray();
    return rrsig;
}

qint64 secondsUntilExpiration(const Rrsig &rrsig, qint64 nowSecs)
{
    return qint32(rrsig.expiration - quint32(quint64(nowSecs)));
}

} // namespace DnsWire

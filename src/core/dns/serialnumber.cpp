#include "serialnumber.h"

namespace DnsWire {

namespace {
    constexpr quint32 HalfRange = 0x80000000u; // 2^(SERIAL_BITS - 1)
} // namespace

SerialOrder compareSerials(quint32 a, quint32 b)
{
    if (a == b)
        return SerialOrder::Equal;
    const quint32 ahead = a - b; // modulo 2^32
    if (ahead == HalfRange)
        return SerialOrder::Undefined;
    return ahead < HalfRange ? SerialOrder::Newer : SerialOrder::Older;
}

quint32 serialsBehind(quint32 serial, quint32 newer) { return newer - serial; }

std::optional<quint32> newestSerial(const QList<quint32> &serials)
{
    if (serials.isEmpty())
        return std::nullopt;
    quint32 newest = serials.first();
    for (quint32 serial : serials) {
        if (compareSerials(serial, newest) == SerialOrder::Newer)
            newest = serial;
    }
    for (quint32 serial : serials) {
        const SerialOrder order = compareSerials(serial, newest);
        if (order == SerialOrder::Newer || order == SerialOrder::Undefined)
            return std::nullopt;
    }
    return newest;
}

} // namespace DnsWire

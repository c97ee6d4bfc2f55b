#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace DnsWire {

// Serial number arithmetic (RFC 1982, SERIAL_BITS 32), as zone serials are compared: a serial
// that wrapped past 2^32 is newer than the large one before it. Two serials exactly 2^31 apart
// have no order.
enum class SerialOrder { Equal, Older, Newer, Undefined };

// How a compares to b: Older when a is behind b.
SerialOrder compareSerials(quint32 a, quint32 b);
// How many increments serial is behind newer (newer - serial modulo 2^32); 0 when equal.
quint32 serialsBehind(quint32 serial, quint32 newer);
// The serial no other one is newer than, or none when the serials cannot be ordered (some are
// 2^31 or more apart) or none are given.
std::optional<quint32> newestSerial(const QList<quint32> &serials);

} // namespace DnsWire

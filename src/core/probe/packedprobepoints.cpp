#include "packedprobepoints.h"

#include <algorithm>
#include <iterator>

namespace {
enum Flag : quint8 {
    DnsOk = 1,
    CheckOk = 2,
    Fallback = 4,
    Checked = 8,
    EarlierThanBefore = 16, // the wall clock went back: the time's distance is subtracted
};

void appendNumber(std::deque<quint8> *bytes, quint64 value)
{
    // Seven bits a byte, lowest first; the high bit says another byte follows.
    while (value >= 0x80) {
        bytes->push_back(quint8(value | 0x80));
        value >>= 7;
    }
    bytes->push_back(quint8(value));
}

template<typename Bytes>
quint64 readNumber(Bytes *at)
{
    quint64 value = 0;
    for (int shift = 0;; shift += 7) {
        const quint8 byte = **at;
        ++*at;
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
}

quint64 notNegative(qint64 value) { return value < 0 ? 0 : quint64(value); }
} // namespace

void PackedProbePoints::append(const ProbePoint &point)
{
    if (m_appended++ % CheckpointEvery == 0)
        m_checkpoints.append({m_droppedBytes + qint64(m_bytes.size()), m_lastMs});
    // In unsigned arithmetic, which wraps where a signed difference could overflow.
    const bool earlier = point.timeMs < m_lastMs;
    const quint64 distanceMs = earlier ? quint64(m_lastMs) - quint64(point.timeMs)
                                       : quint64(point.timeMs) - quint64(m_lastMs);
    const quint8 flags = (point.dnsOk ? DnsOk : 0) | (point.checkOk ? CheckOk : 0)
            | (point.fallback ? Fallback : 0) | (point.checked ? Checked : 0)
            | (earlier ? EarlierThanBefore : 0);
    m_bytes.push_back(flags);
    appendNumber(&m_bytes, distanceMs);
    appendNumber(&m_bytes, notNegative(point.dnsLatencyUs));
    if (point.checked)
        appendNumber(&m_bytes, notNegative(point.checkLatencyUs));
    if (m_count == 0)
        m_beforeFirstMs = m_lastMs;
    m_lastMs = point.timeMs;
    ++m_count;
}

void PackedProbePoints::dropOlderThan(qint64 timeMs)
{
    while (m_count > 0) {
        const const_iterator first = begin();
        if (first->timeMs >= timeMs)
            break;
        m_beforeFirstMs = first->timeMs;
        const auto length = first.m_next - m_bytes.cbegin();
        m_bytes.erase(m_bytes.cbegin(), first.m_next);
        m_droppedBytes += length;
        --m_count;
    }
    while (!m_checkpoints.isEmpty() && m_checkpoints.constFirst().offset < m_droppedBytes)
        m_checkpoints.removeFirst();
}

PackedProbePoints::const_iterator PackedProbePoints::begin() const
{
    return const_iterator(m_bytes.cbegin(), m_bytes.cend(), m_beforeFirstMs);
}

PackedProbePoints::const_iterator PackedProbePoints::at(const Checkpoint &checkpoint) const
{
    return const_iterator(m_bytes.cbegin() + (checkpoint.offset - m_droppedBytes), m_bytes.cend(),
                          checkpoint.beforeMs);
}

PackedProbePoints::const_iterator PackedProbePoints::from(qint64 timeMs) const
{
    // The last checkpoint whose point is older than timeMs, then point by point from there.
    const auto after = std::partition_point(
            m_checkpoints.cbegin(), m_checkpoints.cend(),
            [&](const Checkpoint &checkpoint) { return at(checkpoint)->timeMs < timeMs; });
    const_iterator point = after == m_checkpoints.cbegin() ? begin() : at(*std::prev(after));
    const const_iterator last = end();
    while (point != last && point->timeMs < timeMs)
        ++point;
    return point;
}

PackedProbePoints::const_iterator PackedProbePoints::end() const
{
    return const_iterator(m_bytes.cend(), m_bytes.cend(), m_lastMs);
}

PackedProbePoints::const_iterator::const_iterator(Bytes at, Bytes end, qint64 previousMs)
    : m_at(at), m_next(at), m_end(end)
{
    m_point.timeMs = previousMs;
    decode();
}

void PackedProbePoints::const_iterator::decode()
{
    if (m_at == m_end)
        return;
    Bytes read = m_at;
    const quint8 flags = *read;
    ++read;
    const quint64 distanceMs = readNumber(&read);
    const quint64 beforeMs = quint64(m_point.timeMs);
    m_point.timeMs = qint64((flags & EarlierThanBefore) ? beforeMs - distanceMs
                                                        : beforeMs + distanceMs);
    m_point.dnsOk = flags & DnsOk;
    m_point.checkOk = flags & CheckOk;
    m_point.fallback = flags & Fallback;
    m_point.checked = flags & Checked;
    m_point.dnsLatencyUs = qint64(readNumber(&read));
    m_point.checkLatencyUs = m_point.checked ? qint64(readNumber(&read)) : 0;
    m_next = read;
}

PackedProbePoints::const_iterator &PackedProbePoints::const_iterator::operator++()
{
    m_at = m_next;
    decode();
    return *this;
}

PackedProbePoints::const_iterator PackedProbePoints::const_iterator::operator++(int)
{
    const_iterator before = *this;
    ++*this;
    return before;
}

#pragma once

#include "probe/targethealth.h"

#include <QtGlobal>

#include <array>
#include <limits>

// Probe counts in a ring of Size consecutive time buckets (a bucket's id is the time divided by
// the bucket's width). The ring keeps its newest id once, not an id in every bucket, and a
// bucket's counts in 16 bits, saturating at 65,535 (a five-minute bucket of a target probed
// every second holds 300; an hour restored into one bucket 3,600): 6 bytes a bucket. The agent
// keeps 648 of them a target, so this is most of a target's memory.
template<int Size>
class CountRing
{
public:
    // Adds sample to the bucket id. A newer id than any so far moves the ring on and empties
    // the buckets it passes; an id that has left the ring already is dropped.
    void add(qint64 id, const WindowCounts &sample)
    {
        if (m_newestId == None || id > m_newestId) {
            const qint64 firstCleared = m_newestId == None ? id - Size + 1
                                                           : qMax(m_newestId + 1, id - Size + 1);
            for (qint64 cleared = firstCleared; cleared <= id; ++cleared)
                m_buckets[slotOf(cleared)] = Bucket{};
            m_newestId = id;
        } else if (id <= m_newestId - Size) {
            return;
        }
        Bucket &bucket = m_buckets[slotOf(id)];
        bucket.dnsOk = saturated(bucket.dnsOk, sample.dnsOk);
        bucket.checkOk = saturated(bucket.checkOk, sample.checkOk);
        bucket.probes = saturated(bucket.probes, sample.probes);
    }

    // The sum of the count buckets that end with newestId (the ones the ring still holds).
    WindowCounts sum(qint64 newestId, int count) const
    {
        WindowCounts total;
        if (m_newestId == None)
            return total;
        const qint64 first = qMax(newestId - count + 1, m_newestId - Size + 1);
        const qint64 last = qMin(newestId, m_newestId);
        if (first > last)
            return total;
        // One division for the first slot, then a walk: the table asks for every target's
        // windows each second.
        int slot = slotOf(first);
        for (qint64 id = first; id <= last; ++id, slot = slot + 1 == Size ? 0 : slot + 1) {
            const Bucket &bucket = m_buckets[size_t(slot)];
            total.dnsOk += bucket.dnsOk;
            total.checkOk += bucket.checkOk;
            total.probes += bucket.probes;
        }
        return total;
    }

private:
    struct Bucket
    {
        quint16 dnsOk = 0;
        quint16 checkOk = 0;
        quint16 probes = 0;
    };
    static constexpr qint64 None = std::numeric_limits<qint64>::min();
    // The monotonic clock may be younger than a day: ids of the past can be negative.
    static int slotOf(qint64 id) { return int(((id % Size) + Size) % Size); }
    static quint16 saturated(quint16 count, quint32 more)
    {
        return quint16(qMin<quint32>(quint32(count) + more, std::numeric_limits<quint16>::max()));
    }

    std::array<Bucket, Size> m_buckets{};
    qint64 m_newestId = None;
};

#pragma once

#include <QList>
#include <QtGlobal>

#include <deque>
#include <iterator>

// One probe result as the recent history keeps it.
struct ProbePoint
{
    qint64 timeMs = 0; // since the epoch, UTC
    bool dnsOk = false;
    bool checkOk = false;
    bool fallback = false; // reachable only through a fallback tier
    bool checked = false; // there was an address to check
    qint64 dnsLatencyUs = 0;
    qint64 checkLatencyUs = 0; // 0 when nothing was checked

    bool operator==(const ProbePoint &other) const = default;
};

// A target's probe points in the order they came, packed into bytes: a byte of flags, then the
// time's distance from the point before and the latencies as variable-length integers. A probe
// every 10 s takes about 6 bytes instead of the 32 of a ProbePoint, and an agent keeps two hours
// of them for every target (720,000 points for 1,000 targets). Read front to back, from the
// start or from a time (a checkpoint every 64 points finds it without reading the points
// before); the oldest points leave at the front. Latencies below 0 are kept as 0.
class PackedProbePoints
{
public:
    // Reads the points one by one. What it refers to is a point it holds, decoded: a reference
    // lasts until it moves on. append() and dropOlderThan() end every iterator.
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = ProbePoint;
        using difference_type = std::ptrdiff_t;
        using pointer = const ProbePoint *;
        using reference = const ProbePoint &;

        const_iterator() = default;
        reference operator*() const { return m_point; }
        pointer operator->() const { return &m_point; }
        const_iterator &operator++();
        const_iterator operator++(int);
        bool operator==(const const_iterator &other) const { return m_at == other.m_at; }

    private:
        friend class PackedProbePoints;
        using Bytes = std::deque<quint8>::const_iterator;
        const_iterator(Bytes at, Bytes end, qint64 previousMs);
        void decode();

        Bytes m_at; // where the current point's bytes start
        Bytes m_next; // where the next point's start
        Bytes m_end;
        ProbePoint m_point;
    };

    void append(const ProbePoint &point);
    // Drops points from the front while they are older than timeMs.
    void dropOlderThan(qint64 timeMs);

    bool isEmpty() const { return m_count == 0; }
    qsizetype size() const { return m_count; }
    // The bytes the points take (not the container's own overhead).
    qsizetype byteSize() const { return qsizetype(m_bytes.size()); }
    const_iterator begin() const;
    const_iterator end() const;
    // The first point at or after timeMs, the times being in order (a clock that went back reads
    // from a point near the jump).
    const_iterator from(qint64 timeMs) const;

private:
    static constexpr qsizetype CheckpointEvery = 64;
    struct Checkpoint
    {
        qint64 offset = 0; // where the point starts, counted in every byte ever appended
        qint64 beforeMs = 0; // the time of the point before it, its time's distance is from
    };
    const_iterator at(const Checkpoint &checkpoint) const;

    std::deque<quint8> m_bytes;
    // A QList, not a deque: a deque takes a 512-byte block for the dozen checkpoints a target has
    // (0.6 MB for 1,000 targets); a QList drops from its front in place.
    QList<Checkpoint> m_checkpoints;
    qint64 m_droppedBytes = 0; // bytes dropped from the front so far
    qint64 m_appended = 0; // points appended so far
    qint64 m_beforeFirstMs = 0; // what the first point's time is a distance from
    qint64 m_lastMs = 0; // the newest point's time, what the next one's is a distance from
    qsizetype m_count = 0;
};

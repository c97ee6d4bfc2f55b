#pragma once

#include "probe/latencyhistogram.h"

#include <QDateTime>
#include <QString>

// The width of buckets that cut spanS into about `buckets` pieces, as the history can sum them:
// whole minutes, or whole hours once a bucket is half an hour or more (the hour rows are read).
int historyBucketWidthS(qint64 spanS, int buckets);

// Probe results summed over one bucket of time (a minute, an hour, or any multiple).
struct HistoryBucket
{
    QString target;
    QDateTime start; // UTC
    int widthS = 60;
    qint64 probes = 0;
    qint64 dnsOk = 0; // answered by DNS, not by a fallback tier
    qint64 checks = 0; // probes that had an address to check
    qint64 checkOk = 0; // the service answered
    qint64 viaFallback = 0; // reachable only through a fallback tier
    qint64 dnsLatencySumUs = 0;
    qint64 dnsLatencyMaxUs = 0;
    qint64 checkLatencySumUs = 0;
    qint64 checkLatencyMaxUs = 0;
    LatencyHistogram dnsLatency; // in seconds (no sums: those are above, in microseconds)
    LatencyHistogram checkLatency;

    bool operator==(const HistoryBucket &other) const = default;
};

// One probe as a bucket counts it.
struct BucketSample
{
    bool dnsOk = false; // answered by DNS, not by a fallback tier
    bool checked = false; // there was an address to check
    bool checkOk = false;
    bool viaFallback = false;
    qint64 dnsLatencyUs = 0;
    qint64 checkLatencyUs = 0; // counted when checked
};
void addSample(HistoryBucket *bucket, const BucketSample &sample);

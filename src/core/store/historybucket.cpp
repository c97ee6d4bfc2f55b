#include "historybucket.h"

int historyBucketWidthS(qint64 spanS, int buckets)
{
    const qint64 widthS = std::max<qint64>(60, spanS / std::max(1, buckets));
    return int(widthS >= 1800 ? (widthS + 3599) / 3600 * 3600 : (widthS + 59) / 60 * 60);
}

void addSample(HistoryBucket *bucket, const BucketSample &sample)
{
    ++bucket->probes;
    bucket->dnsOk += sample.dnsOk;
    bucket->checks += sample.checked;
    bucket->checkOk += sample.checkOk;
    bucket->viaFallback += sample.viaFallback;
    bucket->dnsLatencySumUs += sample.dnsLatencyUs;
    bucket->dnsLatencyMaxUs = std::max(bucket->dnsLatencyMaxUs, sample.dnsLatencyUs);
    bucket->dnsLatency.add(double(sample.dnsLatencyUs) / 1e6);
    if (sample.checked) {
        bucket->checkLatencySumUs += sample.checkLatencyUs;
        bucket->checkLatencyMaxUs = std::max(bucket->checkLatencyMaxUs, sample.checkLatencyUs);
        bucket->checkLatency.add(double(sample.checkLatencyUs) / 1e6);
    }
}

#pragma once

#include <QList>

#include <array>

// Latencies in fixed buckets (seconds, Prometheus style), so quantiles cost the same however
// many samples there are. Quantiles interpolate inside a bucket, as histogram_quantile() does.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 14> UpperBounds = {
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

    static constexpr int BucketCount = int(UpperBounds.size()) + 1; // the last one is +Inf

    void add(double seconds);
    // n samples somewhere in bucket (as the history keeps them): counted, but not in sum().
    void addToBucket(int bucket, quint64 n);
    void merge(const LatencyHistogram &other);
    quint64 bucketCount(int bucket) const { return m_counts[size_t(bucket)]; }
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }
    // Samples at or below UpperBounds[i] (cumulative), as the _bucket series expose them.
    quint64 cumulativeCount(int bucket) const;
    // q in [0, 1]; 0 when empty.
    double quantile(double q) const;

    bool operator==(const LatencyHistogram &other) const = default;

private:
    std::array<quint64, BucketCount> m_counts{};
    quint64 m_count = 0;
    double m_sum = 0;
};

#include "latencyhistogram.h"

#include <algorithm>

void LatencyHistogram::add(double seconds)
{
    const auto bound = std::lower_bound(UpperBounds.begin(), UpperBounds.end(), seconds);
    ++m_counts[size_t(bound - UpperBounds.begin())];
    ++m_count;
    m_sum += seconds;
}

void LatencyHistogram::addToBucket(int bucket, quint64 n)
{
    m_counts[size_t(std::clamp(bucket, 0, BucketCount - 1))] += n;
    m_count += n;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_count += other.m_count;
    m_sum += other.m_sum;
}

quint64 LatencyHistogram::cumulativeCount(int bucket) const
{
    quint64 total = 0;
    for (int i = 0; i <= bucket && i < int(m_counts.size()); ++i)
        total += m_counts[size_t(i)];
    return total;
}

double LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return 0;
    const double rank = std::clamp(q, 0.0, 1.0) * double(m_count);
    quint64 below = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        if (double(below + m_counts[i]) >= rank && m_counts[i] > 0) {
            if (i == UpperBounds.size())
                return UpperBounds.back(); // in +Inf: the highest finite bound is all we know
            const double lower = i == 0 ? 0.0 : UpperBounds[i - 1];
            const double fraction = (rank - double(below)) / double(m_counts[i]);
            return lower + (UpperBounds[i] - lower) * fraction;
        }
        below += m_counts[i];
    }
    return UpperBounds.back();
}

#pragma once

#include <QtGlobal>
#include <array>

namespace cx::edgesim {

/// Latencies in microseconds in log-linear buckets, as HdrHistogram does: exact below 128,
/// then 64 buckets per power of two (under 1.6 % error), up to about 12 days. Fixed size,
/// no allocation per sample; histograms of several threads merge by adding buckets.
class LatencyHistogram
{
public:
    void record(qint64 micros);
    void merge(const LatencyHistogram &other);

    quint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_max; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0; }
    /// The value below which \a fraction (0..1] of the samples lie: the highest value of the
    /// bucket holding that rank, never above max(). 0 when empty.
    qint64 percentile(double fraction) const;

private:
    static constexpr int LinearBuckets = 128;
    static constexpr int SubBuckets = 64; ///< per power of two above LinearBuckets
    static constexpr int MaxBits = 40;
    static constexpr int BucketCount = LinearBuckets + (MaxBits - 7) * SubBuckets;

    static int bucketOf(quint64 micros);
    static qint64 highestIn(int bucket);

    std::array<quint64, BucketCount> m_buckets = {};
    quint64 m_count = 0;
    quint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

} // namespace cx::edgesim

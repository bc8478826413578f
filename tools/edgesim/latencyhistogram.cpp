#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cx::edgesim {

int LatencyHistogram::bucketOf(quint64 micros)
{
    micros = std::min<quint64>(micros, (quint64(1) << MaxBits) - 1);
    if (micros < LinearBuckets)
        return int(micros);
    const int exponent = std::bit_width(micros) - 7; // >= 1: keeps the top 7 bits
    const int sub = int(micros >> exponent); // in [64, 128)
    return LinearBuckets + (exponent - 1) * SubBuckets + (sub - SubBuckets);
}

qint64 LatencyHistogram::highestIn(int bucket)
{
    if (bucket < LinearBuckets)
        return bucket;
    const int exponent = (bucket - LinearBuckets) / SubBuckets + 1;
    const qint64 sub = (bucket - LinearBuckets) % SubBuckets + SubBuckets;
    return ((sub + 1) << exponent) - 1;
}

void LatencyHistogram::record(qint64 micros)
{
    micros = std::max<qint64>(micros, 0);
    ++m_buckets[bucketOf(quint64(micros))];
    m_min = m_count ? std::min(m_min, micros) : micros;
    m_max = std::max(m_max, micros);
    m_sum += quint64(micros);
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (int i = 0; i < BucketCount; ++i)
        m_buckets[i] += other.m_buckets[i];
    m_min = m_count ? std::min(m_min, other.m_min) : other.m_min;
    m_max = std::max(m_max, other.m_max);
    m_sum += other.m_sum;
    m_count += other.m_count;
}

qint64 LatencyHistogram::percentile(double fraction) const
{
    if (m_count == 0)
        return 0;
    const quint64 rank
        = std::clamp<quint64>(quint64(std::ceil(fraction * double(m_count))), 1, m_count);
    quint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return std::clamp(highestIn(i), m_min, m_max);
    }
    return m_max;
}

} // namespace cx::edgesim

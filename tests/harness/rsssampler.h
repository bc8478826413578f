#pragma once

#include <QtGlobal>
#include <atomic>
#include <thread>

namespace cx::test {

/// Samples the resident set size of a process every few milliseconds on a thread of its
/// own (so that a test blocked in a wait still samples), keeping the peak.
class RssSampler
{
public:
    explicit RssSampler(qint64 pid, int intervalMs = 10);
    ~RssSampler();
    RssSampler(const RssSampler &) = delete;
    RssSampler &operator=(const RssSampler &) = delete;

    /// The RSS when sampling began, in KiB.
    qint64 startKib() const { return m_startKib; }
    /// The largest RSS seen so far, in KiB.
    qint64 peakKib() const { return m_peakKib.load(std::memory_order_relaxed); }

private:
    qint64 m_startKib;
    std::atomic<qint64> m_peakKib;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

} // namespace cx::test

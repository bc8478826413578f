#include "rsssampler.h"

#include "managedprocess.h"

#include <chrono>

namespace cx::test {

RssSampler::RssSampler(qint64 pid, int intervalMs)
    : m_startKib(residentKib(pid))
    , m_peakKib(m_startKib)
    , m_thread([this, pid, intervalMs] {
        while (!m_stop.load(std::memory_order_relaxed)) {
            const qint64 now = residentKib(pid);
            if (now > m_peakKib.load(std::memory_order_relaxed))
                m_peakKib.store(now, std::memory_order_relaxed);
            std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
        }
    })
{ }

RssSampler::~RssSampler()
{
    m_stop.store(true, std::memory_order_relaxed);
    m_thread.join();
}

} // namespace cx::test

#pragma once

#include <QtGlobal>
#include <chrono>

namespace cx {

/// The monotonic clock every deadline, schedule and latency in cxserver and its tools is
/// read from. Cheap (no system call on Linux), comparable across threads of one process.

/// Nanoseconds on the monotonic clock, for timers and latencies.
inline qint64 nowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

/// Microseconds on the same clock.
inline qint64 nowUs()
{
    return nowNs() / 1000;
}

/// Milliseconds on the same clock: the time base of every deadline in a worker.
inline qint64 nowMs()
{
    return nowNs() / 1000000;
}

} // namespace cx

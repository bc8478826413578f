#pragma once

#include <QtGlobal>
#include <chrono>

namespace cx::server {

/// Milliseconds on the monotonic clock: the time base of every deadline in a worker.
inline qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/// Microseconds on the same clock, for latencies.
inline qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace cx::server

#pragma once

#include <QtGlobal>
#include <chrono>

namespace cx::tools {

/// Monotonic time in nanoseconds, for latencies and schedules. Cheap (no system call on
/// Linux), comparable across threads of one process.
inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace cx::tools

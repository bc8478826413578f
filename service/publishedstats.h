#pragma once

#include "workerstats.h"

#include <QMutex>
#include <QMutexLocker>

namespace cx::server {

/// The last statistics a worker published (on its tick), for readers on other threads:
/// /metrics, the status socket and cxctl read a copy without waiting for the worker, so a
/// scrape never stalls the data plane and a busy worker never stalls a scrape. The lock is
/// held only for the copy, never on the message path.
class PublishedStats
{
public:
    /// Worker thread: replaces what readers see.
    void publish(WorkerStats stats)
    {
        const QMutexLocker locker(&m_mutex);
        m_stats = std::move(stats);
    }
    /// Any thread: the last statistics published (empty before the first).
    WorkerStats latest() const
    {
        const QMutexLocker locker(&m_mutex);
        return m_stats;
    }

private:
    mutable QMutex m_mutex;
    WorkerStats m_stats;
};

} // namespace cx::server

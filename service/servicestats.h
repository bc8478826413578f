#pragma once

#include "status/statussnapshot.h"
#include "workerstats.h"

#include <QByteArray>
#include <QString>

namespace cx::server {

/// The whole process at one moment: every worker's stats summed, plus what the main thread
/// knows. The source of the status socket's replies and of /metrics.
struct ServiceStats
{
    WorkerStats total;
    QString version;
    qint64 uptimeSeconds = 0;
    QString discoveryPlugin;
    QString discoveryState; ///< config.md §5 names
    QString routingPlugin;
    quint64 discoveryEvents = 0; ///< membership changes published to the workers
    quint64 reloads = 0; ///< reloads applied
    quint64 reloadFailures = 0; ///< reloads rejected
    bool running = true; ///< false once draining

    /// config.md §5 `status`: an instance is "connected" with a connected pipe, "down" when
    /// every pipe's last attempt failed, else "connecting".
    status::StatusSnapshot snapshot() const;
    /// config.md §6: the Prometheus text exposition format, version 0.0.4.
    QByteArray prometheusText() const;
};

} // namespace cx::server

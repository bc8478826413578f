#pragma once

#include "plugin/platforminstance.h"

#include <QPointer>
#include <QString>
#include <vector>

namespace cx::server {

class PlatformPipe;
class TunnelRelay;

/// One platform instance as one worker sees it: its own pipes to it and its counters.
struct InstanceLink
{
    plugin::PlatformInstance instance;
    std::vector<PlatformPipe *> pipes; ///< owned by the worker (QObject children)
    std::vector<PlatformPipe *> connected; ///< the connected subset, in connect order
    std::vector<QPointer<TunnelRelay>> tunnels;
    int inFlight = 0;
    quint64 routed = 0;
    quint64 errors = 0; ///< requests cxserver failed (0xA0/0xA4) on this instance
    bool draining = false; ///< removed by discovery: no new request; closes when idle
    QString lastError; ///< why the last attempt to connect a pipe failed
    qint64 lastErrorAtMs = 0; ///< when, in ms since the epoch (0: never)
    bool failureLogged = false; ///< unreachable, said once until it connects again

    bool isConnected() const { return !connected.empty(); }
    /// protocol.md §4 rule 7: one edge's messages stay on one pipe of the instance.
    PlatformPipe *pipeFor(quint32 endpointId) const
    {
        return connected[endpointId % connected.size()];
    }
};

} // namespace cx::server

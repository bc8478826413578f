#include "servicestats.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace cx::server {

status::StatusSnapshot ServiceStats::snapshot() const
{
    status::StatusSnapshot s;
    s.version = version;
    s.uptimeSeconds = uptimeSeconds;
    s.discoveryPlugin = discoveryPlugin;
    s.discoveryState = discoveryState;
    s.routingPlugin = routingPlugin;
    s.edgesConnected = total.edgesConnected;
    s.edgesAuthenticated = total.edgesAuthenticated;
    for (const InstanceStats &i : total.instances) {
        status::InstanceStatus out;
        out.id = i.instance.id;
        out.address = i.instance.address;
        out.port = i.instance.port;
        out.tls = i.instance.tls;
        out.state = i.pipesConnected > 0 ? u"connected"_s : i.failing ? u"down"_s : u"connecting"_s;
        out.writable = i.writable;
        out.pipesConnected = i.pipesConnected;
        out.pipeCount = i.pipeCount;
        out.pendingBytes = i.pendingBytes;
        out.inFlight = i.inFlight;
        out.routed = i.routed;
        out.errors = i.errors;
        out.lastError = i.lastError;
        out.lastErrorAt = i.lastErrorAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(i.lastErrorAtMs, Qt::UTC).toString(Qt::ISODateWithMs)
            : QString();
        s.instances.append(out);
    }
    return s;
}
} // namespace cx::server

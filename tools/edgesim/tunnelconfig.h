#pragma once

#include "clienttls.h"

#include <QString>
#include <QUrl>
#include <websocket/handshake.h>

namespace cx::edgesim {

/// Which end of a remote-access tunnel (protocol.md §8) this process plays.
enum class TunnelRole : quint8 {
    Device, ///< opens /Thingworx/WSTunnelServer/<tid>, then connects to a local TCP service
    Client, ///< accepts local TCP connections, each opens /Thingworx/WSTunnelClient/<tid>
};

/// What the command line asked for in tunnel mode (--tunnel-device / --tunnel-client).
struct TunnelConfig
{
    TunnelRole role = TunnelRole::Device;
    QString tid; ///< the tunnel id given; numbered tunnels append "-k"
    /// Scheme, host, port and query of the server; the path is replaced by the tunnel path.
    QUrl url;
    websocket::HttpHeaders headers; ///< on each upgrade request (appKey, --header); never printed
    std::shared_ptr<const net::ClientTlsContext> tls; ///< wss: --insecure, --ca
    QString host; ///< device: host to connect to; client: address to listen on
    quint16 port = 0; ///< device: port to connect to; client: port to listen on (0: any)
    int count = 0; ///< device: 0 = one tunnel named tid, N = tunnels tid-1 … tid-N

    /// The WebSocket URL of the tunnel \a tunnelId at this end.
    QUrl tunnelUrl(const QString &tunnelId) const
    {
        QUrl result = url;
        result.setPath((role == TunnelRole::Device ? QStringLiteral("/Thingworx/WSTunnelServer/")
                                                   : QStringLiteral("/Thingworx/WSTunnelClient/"))
                       + tunnelId);
        return result;
    }
};

} // namespace cx::edgesim

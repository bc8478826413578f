#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace cx::server {

/// What an edge's WebSocket upgrade asks for, from its raw path (protocol.md §1, §8).
struct EdgePath
{
    enum class Kind : quint8 {
        AlwaysOn, ///< /Thingworx/WS
        TunnelServer, ///< /Thingworx/WSTunnelServer/<tid>: the device end of a tunnel
        TunnelClient, ///< /Thingworx/WSTunnelClient/<tid>: the client end
        RemoteAccessChannel, ///< /Thingworx/VWS: the remote access client's command channel
        Unknown, ///< anything else: answered 404, nothing opened
    };
    Kind kind = Kind::Unknown;
    QByteArray tunnelId; ///< the <tid> of a tunnel path
};

/// Classifies \a rawPath (the request target's path, before any decoding, without the
/// query). Exact paths only: a tunnel id is one segment of 1 to 128 characters from
/// `A-Z a-z 0-9 . _ ~ -`, not "." or ".."; a percent-encoded byte or a dot-segment anywhere
/// makes the path Unknown.
EdgePath classifyEdgePath(QByteArrayView rawPath);

} // namespace cx::server

#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>

class QAbstractSocket;
class QWebSocket;

namespace cx::platformsim {

/// One accepted WebSocket and what the simulator knows about it. Owned by its worker;
/// the socket is a child of the worker, its transport a child of the socket.
struct SimConnection
{
    /// What the upgrade path made of the socket.
    enum class Kind : quint8 {
        Protocol, ///< /Thingworx/WS: a cxserver pipe or a direct edge
        Tunnel, ///< /Thingworx/WSTunnelServer|WSTunnelClient/<tid>, /Thingworx/VWS: echo
        Control, ///< /platformsim/control: control commands as text messages
    };
    /// What its successful AUTH made of a Protocol socket.
    enum class Role : quint8 { Unauthenticated, Pipe, Edge };

    QWebSocket *socket = nullptr;
    QAbstractSocket *transport = nullptr; ///< the TCP/TLS socket under it (for pausing)
    quint64 id = 0; ///< unique within the worker (control replies find their socket by it)
    Kind kind = Kind::Protocol;
    Role role = Role::Unauthenticated;
    bool appKeyHeaderMatched = false; ///< false also when the header was absent
    bool paused = false;
    QSet<quint32> endpoints; ///< endpointIds whose latest message came on this socket
    QHash<quint64, QByteArray> partial; ///< --echo: multi-part bodies being reassembled
};

} // namespace cx::platformsim

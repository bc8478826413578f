#pragma once

#include "intrusivelist.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWebSocket>

namespace cx::server {

class EdgeSession;

/// Who hears about an edge session: its worker, on the worker's thread.
class EdgeListener
{
public:
    virtual ~EdgeListener() = default;
    /// A binary message from the edge. The listener may modify it (endpointId rewrite).
    virtual void edgeMessage(EdgeSession &edge, QByteArray &message) = 0;
    /// Bytes arrived (any frame, pings included): the edge is not idle.
    virtual void edgeActive(EdgeSession &edge) = 0;
    /// The WebSocket is closed; the session is deleted after this returns.
    virtual void edgeClosed(EdgeSession &edge) = 0;
};

/// One device's WebSocket on /Thingworx/WS (protocol.md §3, §5). It holds the state of the
/// session; the routing itself is the worker's.
class EdgeSession : public QObject
{
    Q_OBJECT
public:
    enum class Auth { Awaiting, Pending, Authenticated };

    /// Takes ownership of socket and of transport, the TCP (or TLS) socket under it (which
    /// QWebSocket does not own), watched for activity.
    EdgeSession(EdgeListener &listener, QWebSocket *socket, QAbstractSocket *transport,
                quint32 endpointId, qint64 sendLimit, QObject *parent = nullptr);
    ~EdgeSession() override;

    /// Sends one message; closes the edge when it does not read and its unsent bytes pass
    /// the send limit (an edge that never reads cannot make cxserver grow without bound).
    void send(const QByteArray &message);
    /// Starts the closing handshake with code and reason; further messages are ignored.
    /// A close for the edge's own fault (1002, 1003, 1007, 1008, 1009) is reported.
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);
    /// Logs one warning line naming the edge (id and peer address, never message content)
    /// and what it did wrong: only the first offence of a session is logged, so that a
    /// misbehaving edge costs one line however much it sends.
    void reportOffence(const QString &what);
    bool isClosing() const { return m_closing; }
    qint64 pendingBytes() const { return m_socket->bytesToWrite(); }

    quint32 endpointId() const { return m_endpointId; } ///< cxserver's id for this edge
    quint32 edgeEndpointId = 0; ///< the id the edge used in its AUTH
    quint32 lastSessionId = 0; ///< the sessionId of its latest request
    Auth auth = Auth::Awaiting;
    int inFlight = 0; ///< its requests awaiting a response
    bool draining = false; ///< close (1001) as soon as inFlight reaches 0
    QSet<QByteArray> boundThings;

    qint64 deadline = 0; ///< AUTH deadline while Awaiting; else time of last activity
    ListHook<EdgeSession> authHook; ///< in the worker's AUTH-deadline FIFO
    ListHook<EdgeSession> idleHook; ///< in the worker's least-recently-active list

private:
    void onDisconnected();

    EdgeListener &m_listener;
    QWebSocket *m_socket;
    QPointer<QAbstractSocket> m_transport; ///< not owned by m_socket; released after it
    QString m_peer; ///< address:port, kept for log lines after the socket is gone
    quint32 m_endpointId;
    qint64 m_sendLimit;
    bool m_closing = false;
    bool m_closedReported = false;
    bool m_offenceReported = false;
};

// One hook per list: an item may only ever be removed from the list it is in.
using EdgeAuthQueue = IntrusiveList<EdgeSession, &EdgeSession::authHook>;
using EdgeIdleQueue = IntrusiveList<EdgeSession, &EdgeSession::idleHook>;

} // namespace cx::server

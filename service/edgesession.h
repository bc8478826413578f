#pragma once

#include "edgeconnection.h"
#include "intrusivelist.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <memory>

namespace cx::server {

class EdgeSession;

/// Who hears about an edge session: its worker, on the worker's thread.
class EdgeListener
{
public:
    virtual ~EdgeListener() = default;
    /// The edge asks to upgrade to a WebSocket on \a target: the listener accepts it as an
    /// edge session, takes its connection for a tunnel (takeConnection()) or refuses it.
    virtual void edgeUpgrading(EdgeSession &edge, QByteArrayView target) = 0;
    /// A binary message from the edge, in a borrowed buffer the listener may rewrite in place.
    virtual void edgeMessage(EdgeSession &edge, std::span<char> message) = 0;
    /// A whole frame arrived (any frame, pings included): the edge is not idle.
    virtual void edgeActive(EdgeSession &edge) = 0;
    /// The WebSocket is closed; the listener deletes the session later (deleteLater).
    virtual void edgeClosed(EdgeSession &edge) = 0;
};

/// One device's WebSocket on /Thingworx/WS (protocol.md §3, §5). It holds the state of the
/// session; the routing itself is the worker's.
class EdgeSession : public QObject, private ConnectionHandler
{
    Q_OBJECT
public:
    /// Takes \a connection (started, or started by this constructor's caller) from its
    /// accept on: the session handles the upgrade too.
    EdgeSession(EdgeListener &listener, std::unique_ptr<EdgeConnection> connection,
                quint32 endpointId, QObject *parent = nullptr);
    ~EdgeSession() override;

    /// The connection as the upgrade found it, for a tunnel; the session is then inert
    /// (no callback follows) and the listener deletes it.
    std::unique_ptr<EdgeConnection> takeConnection();
    EdgeConnection &connection() { return *m_connection; }

    /// Sends one message (the connection's budget bounds what an edge that does not read
    /// can make cxserver hold).
    void send(QByteArrayView message);
    /// Counts \a delta more (or, negative, fewer) bytes held for this edge's requests in
    /// flight in its connection's budget.
    void holdBytes(qint64 delta);
    qint64 heldBytes() const { return m_heldBytes; }
    /// Starts the closing handshake with code and reason; further messages are ignored.
    /// A close for the edge's own fault (1002, 1003, 1007, 1008, 1009) is reported.
    void closeWith(quint16 code, const QString &reason);
    /// Drops the connection at once (an edge that never finished its handshake).
    void abort();
    /// Logs one warning line naming the edge (id and peer address, never message content)
    /// and what it did wrong: only the first offence of a session is logged, so that a
    /// misbehaving edge costs one line however much it sends.
    void reportOffence(const QString &what);
    /// Closing or closed, by either side: it takes no more requests (an edge's own close frame
    /// may be in before the connection is gone).
    bool isClosing() const
    {
        return m_closing || (m_connection && m_connection->isUpgraded() && !m_connection->isOpen());
    }
    bool isUpgraded() const { return m_connection && m_connection->isUpgraded(); }
    qint64 pendingBytes() const { return m_connection ? m_connection->bytesToWrite() : 0; }
    QString peer() const { return m_connection ? m_connection->peer() : QString(); }

    quint32 endpointId() const { return m_endpointId; } ///< cxserver's id for this edge
    quint32 edgeEndpointId = 0; ///< the id the edge used in its AUTH
    quint32 lastSessionId = 0; ///< the sessionId of its latest request
    enum class Auth : quint8 { Awaiting, Pending, Authenticated };
    Auth auth = Auth::Awaiting;
    bool draining = false; ///< close (1001) as soon as inFlight reaches 0
    bool handshaking = true; ///< counted among the worker's handshakes in progress
    int inFlight = 0; ///< its requests awaiting a response
    QSet<QByteArray> boundThings;

    qint64 deadline = 0; ///< handshake/AUTH deadline while Awaiting; else last activity
    ListHook<EdgeSession> authHook; ///< in the worker's AUTH-deadline FIFO
    ListHook<EdgeSession> idleHook; ///< in the worker's least-recently-active list

private:
    // ConnectionHandler
    void connectionUpgrading(EdgeConnection &connection, QByteArrayView target) override;
    void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text) override;
    void connectionActive(EdgeConnection &connection) override;
    void connectionClosed(EdgeConnection &connection) override;

    EdgeListener &m_listener;
    std::unique_ptr<EdgeConnection> m_connection;
    quint32 m_endpointId;
    qint64 m_heldBytes = 0;
    bool m_closing = false;
    bool m_offenceReported = false;
};

// One hook per list: an item may only ever be removed from the list it is in.
using EdgeAuthQueue = IntrusiveList<EdgeSession, &EdgeSession::authHook>;
using EdgeIdleQueue = IntrusiveList<EdgeSession, &EdgeSession::idleHook>;

} // namespace cx::server

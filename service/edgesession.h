#pragma once

#include "edgeconnection.h"
#include "intrusivelist.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <memory>

namespace cx::alwayson {
struct Header;
}

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
/// session, its AUTH and the things it bound included; the routing itself is the worker's.
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

    // AUTH and BIND (protocol.md §3): Awaiting the first message, which must be AUTH;
    // Pending once it is sent on; Authenticated once a platform answered one SUCCESS.
    enum class Admission : quint8 {
        Refused, ///< not AUTH while AUTH is awaited: the caller closes the edge (1008)
        FirstAuth, ///< the AUTH the session waited for: it now counts as active
        Admitted, ///< any later request
    };
    /// Takes note of request \a header (not a later chunk) the edge sent: its first must be
    /// AUTH, and its endpointId is the one the edge is answered with from then on.
    Admission admit(const alwayson::Header &header);
    /// A platform answered \a code to the edge's request of \a requestCode with \a bindBody
    /// (a BIND or UNBIND's body, else empty): an AUTH's SUCCESS authenticates the session,
    /// any other answer to an AUTH closes it (1008), a successful BIND or UNBIND changes the
    /// things bound. True when the session has just become authenticated.
    bool answered(quint8 requestCode, quint8 code, QByteArrayView bindBody);
    /// No message arrived yet: the AUTH deadline runs.
    bool awaitsAuth() const { return m_auth == Auth::Awaiting; }
    bool isAuthenticated() const { return m_auth == Auth::Authenticated; }
    /// Authenticated and not closing: platform requests to it are delivered.
    bool isAddressable() const { return isAuthenticated() && !isClosing(); }
    /// The things its successful BINDs named and no UNBIND took back.
    const QSet<QByteArray> &boundThings() const { return m_boundThings; }
    quint32 edgeEndpointId() const { return m_edgeEndpointId; } ///< the id of its AUTH
    quint32 lastSessionId() const { return m_lastSessionId; } ///< of its latest request

    bool draining = false; ///< close (1001) as soon as inFlight reaches 0
    bool handshaking = true; ///< counted among the worker's handshakes in progress
    int inFlight = 0; ///< its requests awaiting a response

    qint64 deadline = 0; ///< handshake/AUTH deadline while Awaiting; else last activity
    ListHook<EdgeSession> authHook; ///< in the worker's AUTH-deadline FIFO
    ListHook<EdgeSession> idleHook; ///< in the worker's least-recently-active list

private:
    enum class Auth : quint8 { Awaiting, Pending, Authenticated };

    // ConnectionHandler
    void connectionUpgrading(EdgeConnection &connection, QByteArrayView target) override;
    void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text) override;
    void connectionActive(EdgeConnection &connection) override;
    void connectionClosed(EdgeConnection &connection) override;

    EdgeListener &m_listener;
    std::unique_ptr<EdgeConnection> m_connection;
    quint32 m_endpointId;
    qint64 m_heldBytes = 0;
    QSet<QByteArray> m_boundThings;
    quint32 m_edgeEndpointId = 0;
    quint32 m_lastSessionId = 0;
    Auth m_auth = Auth::Awaiting;
    bool m_closing = false;
    bool m_offenceReported = false;
};

// One hook per list: an item may only ever be removed from the list it is in.
using EdgeAuthQueue = IntrusiveList<EdgeSession, &EdgeSession::authHook>;
using EdgeIdleQueue = IntrusiveList<EdgeSession, &EdgeSession::idleHook>;

} // namespace cx::server

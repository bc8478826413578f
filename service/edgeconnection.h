#pragma once

#include "eventloop/eventpoller.h"
#include "net/transport.h"
#include "websocket/handshake.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>
#include <span>

class QTimer;
struct ssl_st;

namespace cx::websocket {
struct FrameHead;
}

namespace cx::server {

class EdgeConnection;

/// Who hears about an edge connection, on its worker's thread. Calls may come from inside
/// any EdgeConnection method that reads, writes or closes; a handler may call back into the
/// connection, and may hand it to another handler (setHandler) from connectionUpgrading().
class ConnectionHandler
{
public:
    virtual ~ConnectionHandler() = default;
    /// The WebSocket upgrade request for \a target (path and query) was read: the handler
    /// answers with accept() or refuse() before it returns.
    virtual void connectionUpgrading(EdgeConnection &connection, QByteArrayView target);
    /// One whole message, in a buffer the connection lends (valid during the call only;
    /// the handler may rewrite its bytes in place).
    virtual void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text)
        = 0;
    /// At least one whole frame arrived (any frame, pings included): the edge is not idle.
    /// Bytes of a frame that never completes do not count (protocol.md §3 rule 3).
    virtual void connectionActive(EdgeConnection &connection);
    /// What is queued toward the edge went down to the low watermark or below (after having
    /// been above it): a handler that stopped feeding the edge may go on.
    virtual void connectionDrained(EdgeConnection &connection);
    /// The connection is gone (closed by either side, or failed). Called once; nothing
    /// follows. The owner deletes the connection later (never inside this call).
    virtual void connectionClosed(EdgeConnection &connection) = 0;
};

/// The server side of the WebSocket (RFC 6455) on one edge's connection: the upgrade
/// request, frames (checked by websocket::checkFrameHead, shared with the client side),
/// ping/pong and the closing handshake over a Transport (plain or TLS), framed by cxserver
/// itself (docs/performance.md explains why not Qt
/// WebSockets). Built for the message path: a complete frame is unmasked in place in the
/// poller's shared read buffer and handed over without a copy; only a partial frame is kept
/// per connection; a message goes out as one write when the socket takes it, and only what
/// the socket does not take is buffered. Not a QObject: an idle edge costs this object, the
/// kernel's socket and (TLS) an OpenSSL session without buffers.
///
/// What an edge can make it hold is bounded (protocol.md §3 rule 4): everything queued
/// toward the edge (messages, pongs, close frames) plus what the handler holds for it
/// (setHeldBytes) is its budget; above the high watermark the connection stops reading the
/// edge, and reads again at or below the low watermark; queued bytes beyond the send limit
/// abort it. The request head is at most websocket::MaxHandshakeHead bytes, a partial frame
/// at most the message size limit.
class EdgeConnection final : public eventloop::PollHandler
{
public:
    /// Owns \a fd (connected, any mode) and \a tls (a server session on it, or nullptr).
    /// Messages above \a maxMessageSize bytes close the connection with 1009.
    EdgeConnection(eventloop::EventPoller &poller, qintptr fd, ssl_st *tls, qint64 maxMessageSize);
    ~EdgeConnection() override;

    /// Turns a just-accepted socket away at once (a cap is reached): a plain one gets
    /// "503 Service Unavailable" (best effort, never blocking), a TLS one is just closed.
    static void turnAway(qintptr fd, bool tls);

    /// Registers with the poller; false with *error when it cannot.
    bool start(QString *error);
    void setHandler(ConnectionHandler *handler) { m_handler = handler; }
    /// The budget: reading pauses above \a highWater and resumes at or below \a lowWater;
    /// more than \a sendLimit queued bytes abort the connection (overflowed()).
    void setBudget(qint64 highWater, qint64 lowWater, qint64 sendLimit);
    /// Bytes the handler holds on this edge's behalf (requests in flight), counted in the
    /// budget beside the queued bytes.
    void setHeldBytes(qint64 bytes);

    /// Answers the upgrade request with 101 (only inside connectionUpgrading()).
    void accept();
    /// The credentials of the upgrade request (for a tunnel to pass on), until accept().
    websocket::HttpHeaders takeCredentials() { return std::exchange(m_credentials, {}); }
    /// Answers the upgrade request with HTTP \a status ("404 Not Found") and closes.
    void refuse(QByteArrayView status);

    void sendBinary(QByteArrayView message) { sendFrame(0x2, message); }
    void sendText(QByteArrayView utf8) { sendFrame(0x1, utf8); }
    /// Starts the closing handshake: no message is delivered or sent after it; the
    /// connection closes when the edge answered, or after a few seconds.
    void close(quint16 code, QByteArrayView reason = {});
    /// Drops the connection at once; connectionClosed() follows (before this returns).
    void abort();

    bool isUpgraded() const { return m_state >= State::Open; }
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    /// Unsent bytes (the socket did not take them yet).
    qint64 bytesToWrite() const { return m_out.size(); }
    /// The close code: the one cxserver sent when it closed first, else the edge's (1005
    /// when its close frame had none, 1006 when the connection ended without a close).
    quint16 closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    /// It was aborted because more than the send limit was queued toward the edge.
    bool overflowed() const { return m_overflowed; }
    /// Reading is paused: the budget is above the high watermark.
    bool isReadPaused() const { return m_readPaused; }
    /// "address:port" of the edge, for log lines.
    QString peer() const;

private:
    enum class State : quint8 { TlsHandshake, ReadingRequest, Upgrading, Open, Closing, Closed };

    void pollEvents(bool readable, bool writable) override;
    void continueTlsHandshake();
    void readAvailable();
    /// Parses \a size bytes at \a data; returns how many were consumed.
    qsizetype consume(char *data, qsizetype size);
    qsizetype consumeRequest(char *data, qsizetype size);
    /// Parses the bytes kept in m_in while reading was paused.
    void consumeKept();
    /// Tells the handler when frames completed since the last call.
    void reportActivity();
    bool checkFrame(const websocket::FrameHead &head);
    void onFrame(quint8 opcode, bool fin, std::span<char> payload);
    void onClose(std::span<char> payload);
    void deliver(std::span<char> message, bool text);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void write(QByteArrayView head, QByteArrayView payload);
    void flush();
    void setWantWrite(bool want);
    /// Pauses or resumes reading as the budget requires.
    void updateReadPause();
    void updateInterest();
    /// Protocol error by the edge: close with \a code at once, ignoring what follows.
    void fail(quint16 code, QByteArrayView reason);
    /// Shuts the socket down for writing once m_out is sent, and bounds the wait for the
    /// edge's side of the close.
    void shutdownWhenFlushed();
    void shutdownWrite();
    void finish();

    eventloop::EventPoller &m_poller;
    ConnectionHandler *m_handler = nullptr;
    net::Transport m_transport;
    qint64 m_maxMessageSize;
    qint64 m_highWater = 64 * 1024;
    qint64 m_lowWater = 32 * 1024;
    qint64 m_sendLimit = 4 * 1024 * 1024;
    qint64 m_heldBytes = 0;
    QByteArray m_in; ///< bytes of an incomplete request head or frame
    QByteArray m_out; ///< bytes the socket did not take yet
    QByteArray m_fragments; ///< a fragmented message being assembled
    std::unique_ptr<QTimer> m_closeTimer; ///< only while closing
    QString m_closeReason;
    websocket::HttpHeaders m_credentials; ///< of the upgrade request, until accept()
    quint16 m_closeCode = 1006;
    State m_state;
    quint8 m_fragmentOpcode = 0;
    bool m_wantWrite = false;
    bool m_writeShutdown = false; ///< shut down for writing once m_out is flushed
    bool m_shutDown = false; ///< shut down for writing
    bool m_discardInput = false; ///< after a protocol error: read and drop until the end
    bool m_readPaused = false; ///< over budget: the socket is not read
    bool m_resumed = false; ///< reading resumed: parse m_in and read on the next pass
    bool m_framesCompleted = false; ///< a frame completed since reportActivity()
    bool m_overflowed = false;
};

} // namespace cx::server

#pragma once

#include "cxcore_global.h"
#include "eventloop/eventpoller.h"
#include "net/transport.h"
#include "websocket/clientframer.h"
#include "websocket/frame.h"
#include "websocket/handshake.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <span>

class QHostAddress;
class QUrl;

namespace cx::net {
class ClientTlsContext;
}

namespace cx::websocket {

/// Who hears about a ClientSocket. Calls come from the socket's thread, from its poller or a
/// timer, never from inside send() or open(); from inside close() only when it drops a
/// connection whose upgrade is not through (socketClosed()). A handler may call any function
/// of the socket (send, close, abort, even open again) but must not delete it (deleteLater()
/// is fine).
class CXCORE_EXPORT ClientSocketHandler
{
public:
    virtual ~ClientSocketHandler() = default;
    /// The upgrade was accepted: messages may be sent.
    virtual void socketOpened() { }
    /// One whole binary message. The bytes live in the socket's read buffer: the handler
    /// may change them in place, and they are valid during the call only.
    virtual void socketMessage(std::span<char> message) = 0;
    /// One whole text message, valid UTF-8, as socketMessage() (only with
    /// ClientSocket::setTextMessages(true); else text messages are checked and dropped).
    virtual void socketTextMessage(std::span<char> message) { Q_UNUSED(message) }
    /// The connection is gone, after socketOpened() or instead of it (the connection, the
    /// TLS handshake or the upgrade failed). Called once per open(), never after abort();
    /// closeCode() and errorString() tell why.
    virtual void socketClosed() { }
    /// A pong frame arrived.
    virtual void socketPong() { }
    /// Bytes the kernel had refused have left: bytesToWrite() went down.
    virtual void socketBytesWritten() { }
};

/// The client side of one WebSocket (RFC 6455), on its thread's EventPoller and a Transport
/// (plain, or TLS with OpenSSL): no Qt socket on the message path. cxserver's pipes and the
/// platform side of its tunnels use it, and cxedgesim's edges and tunnel ends. It connects
/// (resolving a host name first), upgrades, and then reads and writes frames itself:
///
/// - A message is framed, masked and written to the socket at once; only what the kernel
///   refuses is kept, and bytesToWrite() counts exactly that: a pipe's writability is the
///   kernel's backpressure (protocol.md §4 rule 1), not a flush that has not happened yet.
///   One exception, bounded: small frames sent while the poller delivers a pass of events
///   (the requests that pass read from edges) are gathered, at most CorkBytes, and written
///   together when the pass ends, in one system call instead of one per message.
/// - Frames from the server are parsed in place in the poller's shared read buffer and
///   checked by checkFrameHead, as the server side checks the edges' frames; a
///   whole message reaches the handler without a copy.
/// - Binary messages only by default (a pipe's); text ones too with setTextMessages(true)
///   (tunnels), and reading can pause while the other side does not take what arrives.
///   The handler hears socketBytesWritten() when refused bytes have gone to the kernel.
/// - What the server sends is checked (RFC 6455 §5): a violation fails the connection with
///   1002, a text message that is not UTF-8 with 1007, a message longer than
///   setMaxMessageSize() with 1009.
///
/// Not thread-safe: use a socket in the thread of its poller.
class CXCORE_EXPORT ClientSocket final : public QObject,
                                         private eventloop::PollHandler,
                                         private eventloop::PassEndHandler
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxMessageSize = qint64(1) << 30;
    static constexpr int CloseTimeoutMs = 5000; ///< bound of close()'s handshake
    /// What a poller pass may gather before it is written: a frame that would take the
    /// gathered bytes past it is written at once, behind them.
    static constexpr qsizetype CorkBytes = 16 * 1024;

    /// \a handler must outlive the socket.
    ClientSocket(eventloop::EventPoller &poller, ClientSocketHandler &handler,
                 QObject *parent = nullptr);
    ~ClientSocket() override;

    /// Longer incoming messages (all fragments together) fail the connection with 1009.
    void setMaxMessageSize(qint64 bytes) { m_maxMessageSize = bytes; }
    /// TLS for wss URLs, taken at the next open(); with \a validateHostName the server's
    /// certificate must name the URL's host.
    void setTls(std::shared_ptr<const net::ClientTlsContext> tls, bool validateHostName);
    /// Whether text messages reach the handler (socketTextMessage(), valid UTF-8); off by
    /// default: a pipe carries binary messages, and checks and drops text ones.
    void setTextMessages(bool enabled) { m_textMessages = enabled; }
    /// Stops (true) or resumes (false) reading from the server: backpressure toward it,
    /// through the kernel's receive window. While paused no message is delivered and only
    /// the bytes of one read wait here; on resume they are delivered from the event loop.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_readPaused; }

    /// Connects to \a url (TLS when its scheme is wss) and upgrades with the extra HTTP
    /// \a headers; socketOpened() or socketClosed() follows. A connection still in place is
    /// dropped first, silently.
    void open(const QUrl &url, const HttpHeaders &headers = {});
    /// Sends \a message as one binary frame. Ignored unless open.
    void send(QByteArrayView message);
    /// Sends \a utf8 as one text frame (not checked). Ignored unless open.
    void sendText(QByteArrayView utf8);
    /// Sends an empty ping; socketPong() follows when the server answers. Ignored unless open.
    void ping();
    /// Starts the close handshake with \a code; socketClosed() follows once the server has
    /// answered, or after CloseTimeoutMs. Before the upgrade is through, drops the
    /// connection and socketClosed() follows at once.
    void close(quint16 code);
    /// Drops the connection at once; no handler call follows.
    void abort();

    bool isOpen() const { return m_state == State::Open; }
    /// Bytes the kernel refused so far: they leave when the socket is writable again.
    qint64 bytesToWrite() const { return m_out.size(); }
    /// Bytes gathered during the current poller pass: they leave when it ends.
    qint64 bytesAtPassEnd() const { return m_corked.size(); }
    /// The close code of the connection: the server's, or the one this socket failed the
    /// connection with (1002, 1007, 1009); 1005 for a close frame without a code, 1006 when
    /// the connection ended without any close frame.
    quint16 closeCode() const { return m_closeCode; }
    /// Why the connection failed, or the server's close reason. For a log line.
    QString errorString() const { return m_error; }

private:
    enum class State : quint8 {
        Idle,
        Resolving,
        Connecting,
        TlsHandshake,
        Upgrading,
        Open,
        Closing,
        Closed
    };

    void pollEvents(bool readable, bool writable) override;
    void connectTo(const QHostAddress &address);
    void continueTlsHandshake();
    void sendUpgrade();
    void readAvailable();
    /// After a pause: parses what waits in m_in, then reads on.
    void resumeReading();
    /// Delivers a whole message of \a opcode (Binary or Text) to the handler.
    void deliver(quint8 opcode, std::span<char> message);
    /// Parses \a size bytes at \a data; returns how many were consumed.
    qsizetype consume(char *data, qsizetype size);
    bool readUpgradeResponse(QByteArrayView bytes, qsizetype *used);
    void onFrame(quint8 opcode, bool fin, std::span<char> payload);
    void onClose(QByteArrayView payload);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    /// Gathers \a bytes until the pass ends (see CorkBytes), or writes them now.
    void write(QByteArrayView bytes);
    /// Writes \a bytes to the socket, keeping what the kernel refuses.
    void writeNow(QByteArrayView bytes);
    void writeCorked();
    void passEnded() override;
    void flush();
    void updateInterest();
    /// Fails the connection: says \a code to the server when open (0: says nothing), then
    /// closes; socketClosed() follows.
    void fail(quint16 code, const QString &error);
    void finish();
    /// Closes the transport and forgets the connection's state, with no handler call.
    void drop();

    eventloop::EventPoller &m_poller;
    ClientSocketHandler &m_handler;
    std::shared_ptr<const net::ClientTlsContext> m_tls;
    std::unique_ptr<net::Transport> m_transport; ///< a new one per connection
    QTimer m_closeTimer;
    QString m_host; ///< of the URL being connected to
    quint16 m_port = 0;
    bool m_secure = false;
    bool m_validateHostName = true;
    qint64 m_maxMessageSize = DefaultMaxMessageSize;
    QByteArray m_request; ///< the upgrade request, until it is written
    QByteArray m_key; ///< Sec-WebSocket-Key, until the upgrade is answered
    QByteArray m_in; ///< bytes of an incomplete response head or frame
    QByteArray m_out; ///< bytes the kernel refused
    QByteArray m_corked; ///< frames of this poller pass, written when it ends (m_out empty)
    QByteArray m_fragments; ///< a fragmented message being assembled
    ClientFramer m_framer;
    quint32 m_generation = 0; ///< counts open() calls: a stale callback does nothing
    quint16 m_closeCode = 1006;
    quint8 m_fragmentOpcode = 0;
    State m_state = State::Idle;
    bool m_closeSent = false;
    bool m_wantWrite = false;
    bool m_atPassEnd = false; ///< passEnded() is due
    bool m_textMessages = false;
    bool m_readPaused = false;
    QString m_error;
};

} // namespace cx::websocket

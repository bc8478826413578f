#pragma once

#include "cxcore_global.h"
#include "websocket/clientframer.h"
#include "websocket/frame.h"
#include "websocket/handshake.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <span>

class QAbstractSocket;
class QUrl;

namespace cx::websocket {

/// Who hears about a ClientSocket. Calls come from the socket's thread, from inside the
/// socket's own code: a handler may call any function of the socket (send, close, abort,
/// even open again) but must not delete it (deleteLater() is fine).
class ClientSocketHandler
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
    /// The underlying socket wrote bytes (only with setBytesWrittenNotification(true)):
    /// bytesToWrite() went down.
    virtual void socketBytesWritten() { }
    /// The TLS handshake met \a errors; call ClientSocket::ignoreSslErrors() from here to go
    /// on regardless, else the handshake fails and socketClosed() follows.
    virtual void socketSslErrors(const QList<QSslError> &errors) { Q_UNUSED(errors) }
};

/// A lean RFC 6455 client WebSocket over QTcpSocket (ws://) or QSslSocket (wss://), for
/// clients whose cost matters: cxserver's platform pipes (few sockets carrying all traffic)
/// and cxedgesim's edges (many sockets).
///
/// - Incoming frames are parsed in place in one reused read buffer; an unfragmented message
///   reaches the handler without a copy, and the handler may rewrite it in place.
/// - Each outgoing message is framed and masked by a ClientFramer and goes to the socket in
///   one write: the messages of one event-loop pass leave in one system call.
/// - One handler call per event instead of a Qt signal.
/// - What the server sends is checked (RFC 6455 §5): frames must be unmasked, RSV bits 0,
///   opcodes known, control frames final and at most 125 bytes, fragments in order; any
///   violation fails the connection with close code 1002. A message longer than
///   setMaxMessageSize() fails it with 1009.
/// - Only binary messages are delivered unless setTextMessages(true); a text message that
///   is not valid UTF-8 fails the connection with 1007 then.
/// - setReadingPaused() stops reading (backpressure toward the server): Qt's read buffer is
///   bounded meanwhile, so the kernel's receive window closes.
/// - Masking keys: see ClientFramer.
///
/// Not thread-safe: use a socket in the thread it lives in.
class CXCORE_EXPORT ClientSocket : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxMessageSize = qint64(1) << 30;
    static constexpr int CloseTimeoutMs = 5000; ///< bound of close()'s handshake
    static constexpr qint64 PausedReadBuffer = 64 * 1024; ///< Qt's read buffer while paused

    /// \a handler must outlive the socket.
    explicit ClientSocket(ClientSocketHandler &handler, QObject *parent = nullptr);
    ~ClientSocket() override;

    /// TLS settings for wss URLs (default: QSslConfiguration::defaultConfiguration()).
    /// Taken at the next open().
    void setSslConfiguration(const QSslConfiguration &configuration);
    /// Longer incoming messages (all fragments together) fail the connection with 1009.
    void setMaxMessageSize(qint64 bytes) { m_maxMessageSize = bytes; }
    /// Whether the handler hears socketBytesWritten() (off by default: a notification per
    /// write pass costs a signal emission). Taken at the next open().
    void setBytesWrittenNotification(bool enabled) { m_notifyBytesWritten = enabled; }
    /// Whether text messages reach the handler (socketTextMessage()); off by default.
    void setTextMessages(bool enabled) { m_textMessages = enabled; }
    /// Stops (true) or resumes (false) reading from the server: while paused no message is
    /// delivered and at most PausedReadBuffer bytes wait in user space; on resume what
    /// waits is delivered from the event loop, then reading goes on.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_readPaused; }

    /// Connects to \a url (TLS when its scheme is wss; default ports 80 and 443) and
    /// upgrades, with the extra HTTP \a headers on the upgrade request; socketOpened() or
    /// socketClosed() follows. A connection still in place is dropped first, silently.
    void open(const QUrl &url, const HttpHeaders &headers = {});
    /// Sends \a message as one binary frame. Ignored unless open.
    void send(QByteArrayView message);
    /// Sends \a utf8 as one text frame (not checked). Ignored unless open.
    void sendText(QByteArrayView utf8);
    /// Sends a ping (with at most 125 bytes of \a payload); socketPong() follows when the
    /// server answers. Ignored unless open.
    void ping(QByteArrayView payload = {});
    /// Starts the close handshake with \a code; socketClosed() follows once the server has
    /// answered and the connection is down, within CloseTimeoutMs. Before the upgrade is
    /// through, drops the connection and socketClosed() follows at once.
    void close(quint16 code = CloseNormal);
    /// Drops the connection at once; no handler call follows.
    void abort();
    /// From socketSslErrors(): continue the TLS handshake despite the errors.
    void ignoreSslErrors();

    bool isOpen() const { return m_state == State::Open; }
    /// Bytes written and still held in user space by the underlying socket (not yet taken by
    /// the kernel): what write watermarks look at.
    qint64 bytesToWrite() const;
    /// The close code of the connection: the one the server sent, or the one this socket
    /// failed the connection with (1002, 1009); 1005 for a close frame without a code, 1006
    /// when the connection ended without any close frame.
    quint16 closeCode() const { return m_closeCode; }
    /// Why the connection failed, or the reason text of the server's close frame; empty
    /// after a close handshake without a reason. For a log line.
    QString errorString() const { return m_error; }

private:
    enum class State : quint8 { Idle, Connecting, Upgrading, Open, Closing, Closed };

    void sendUpgrade();
    void onReadyRead();
    void readAvailable();
    void onSocketError();
    void onDisconnected();
    bool readUpgradeResponse();
    void readFrames();
    bool checkHead(const FrameHead &head);
    void onFrame(quint8 opcode, bool fin, std::span<char> payload);
    void onClose(QByteArrayView payload);
    void deliver(quint8 opcode, std::span<char> message);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void sendClose(quint16 code);
    void fail(quint16 code, const QString &error);
    void finish();
    void dropSocket();

    ClientSocketHandler &m_handler;
    QAbstractSocket *m_socket = nullptr; ///< a new one per open() (child)
    QSslConfiguration m_ssl; ///< for wss, when m_hasSsl
    qint64 m_maxMessageSize = DefaultMaxMessageSize;
    QByteArray m_request; ///< the upgrade request, until it is sent
    QByteArray m_key; ///< Sec-WebSocket-Key, until the upgrade is answered
    QByteArray m_in; ///< bytes read and not parsed yet, from m_inStart on
    qsizetype m_inStart = 0;
    QByteArray m_fragments; ///< a fragmented binary message being assembled
    qint64 m_fragmentsSize = 0; ///< its length so far (text fragments are counted, not kept)
    ClientFramer m_framer;
    quint32 m_generation = 0; ///< counts open() calls: a stale close timeout does nothing
    quint16 m_closeCode = CloseAbnormal;
    quint8 m_fragmentOpcode = 0; ///< Text or Binary while a fragmented message is open
    State m_state = State::Idle;
    bool m_hasSsl = false;
    bool m_notifyBytesWritten = false;
    bool m_closeSent = false;
    bool m_textMessages = false;
    bool m_readPaused = false;
    bool m_reading = false; ///< inside onReadyRead(): a nested readyRead only sets m_readAgain
    bool m_readAgain = false;
    QString m_error;
};

} // namespace cx::websocket

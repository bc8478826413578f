#pragma once

#include "tunnelconfig.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <eventloop/eventpoller.h>
#include <websocket/clientsocket.h>

class QTcpSocket;

namespace cx::edgesim {

/// One remote-access tunnel: relays bytes between a local TCP connection and a tunnel
/// WebSocket, both ways, with bounded memory.
///
/// - TCP → WebSocket: bytes go out as binary messages of at most ChunkSize; the TCP socket
///   is not read while the WebSocket holds more than HighWater unsent (resumes below
///   LowWater), nor before the WebSocket is open. Qt's TCP read buffer is bounded, so the
///   kernel's receive window closes meanwhile.
/// - WebSocket → TCP: each message, binary or text, is written as is; WebSocket reading
///   pauses while the TCP socket holds more than HighWater unsent (resumes below LowWater).
/// - Closing: TCP end (EOF or error) → what was read is sent, then close 1000 (a device end
///   that cannot connect its TCP socket closes 1011); WebSocket closed (any code) → the
///   TCP connection is closed once what was received is written. Qt has no TCP half-close:
///   after the local peer's EOF, messages still arriving are dropped.
///
/// The device end (no socket given) opens the WebSocket first, then connects to
/// config.host:config.port; the client end relays a TCP connection already accepted.
class TunnelBridge : public QObject, private websocket::ClientSocketHandler
{
    Q_OBJECT
public:
    static constexpr qint64 ChunkSize = 64 * 1024;
    static constexpr qint64 HighWater = 1024 * 1024;
    static constexpr qint64 LowWater = 256 * 1024;
    static constexpr qint64 MaxMessageSize = 16 * 1024 * 1024;

    /// A tunnel named \a tid, its WebSocket on \a poller; \a accepted (client end, taken as
    /// child) or nullptr (device end).
    TunnelBridge(eventloop::EventPoller &poller, const TunnelConfig &config, QString tid,
                 QTcpSocket *accepted, QObject *parent = nullptr);

    /// Opens the WebSocket; opened() and finished() follow.
    void start();
    /// Closes the WebSocket with 1001 (the TCP side follows); finished() follows.
    void stop();

    const QString &tid() const { return m_tid; }
    bool wasOpened() const { return m_opened; }
    /// The WebSocket's close code (ClientSocket::closeCode()), once finished.
    quint16 closeCode() const { return m_socket->closeCode(); }
    /// Why the tunnel failed or the peer's close reason; may be empty. For a log line.
    QString errorString() const;

Q_SIGNALS:
    /// The WebSocket upgrade was accepted.
    void opened();
    /// Both the WebSocket and the TCP connection are closed (emitted once).
    void finished();

private:
    void socketOpened() override;
    void socketMessage(std::span<char> message) override;
    void socketTextMessage(std::span<char> message) override { socketMessage(message); }
    void socketClosed() override;
    void socketBytesWritten() override;

    void onTcpConnected();
    void onTcpStateChanged();
    void onTcpBytesWritten();
    void relayTcp();
    void finishIfDone();

    const TunnelConfig &m_config;
    QString m_tid;
    websocket::ClientSocket *m_socket; ///< child
    QTcpSocket *m_tcp; ///< child
    QByteArray m_chunk; ///< TCP → WebSocket read buffer, ChunkSize
    QString m_tcpError; ///< why the TCP side failed (device end: the connect)
    bool m_opened = false; ///< the WebSocket upgrade went through
    bool m_tcpConnected = false; ///< the TCP connection is or was established
    bool m_tcpEnded = false; ///< the TCP connection is gone (or never came)
    bool m_webSocketClosed = false;
    bool m_closeSent = false; ///< close(1000) after the TCP end
    bool m_finished = false;
};

} // namespace cx::edgesim

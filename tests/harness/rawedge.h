#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace cx::test {

/// A WebSocket client written by hand over TCP, for what QWebSocket will not send: frames
/// with lying lengths, half-finished handshakes, floods, and never reading.
class RawEdge
{
public:
    /// Connects; with \a upgrade, completes the WebSocket handshake on \a path. Only the
    /// handshake response is read: the bytes after it stay in the kernel.
    bool open(quint16 port, bool upgrade, const QByteArray &path = "/Thingworx/WS");
    /// The upgrade request's head for \a path, without the blank line that ends it.
    static QByteArray handshakeHead(const QByteArray &path = "/Thingworx/WS");
    /// One masked frame (mask key 0) with \a declaredLength in its header and \a payload.
    static QByteArray frame(quint8 opcode, const QByteArray &payload, qint64 declaredLength = -1);
    void write(const QByteArray &bytes);
    /// Reads until the server's close frame; its close code, or -1.
    int waitForCloseFrame(int timeoutMs = 5000);
    /// The binary messages in the whole server frames (unmasked) of \a bytes.
    static QList<QByteArray> messages(const QByteArray &bytes);
    /// Reads until the server has sent \a count binary messages since open() (bounded by
    /// \a timeoutMs); all of them, or fewer on timeout.
    QList<QByteArray> readMessages(qsizetype count, int timeoutMs = 5000);
    /// Everything the server sends until it closes the connection (bounded by \a timeoutMs).
    QByteArray readUntilClosed(int timeoutMs = 5000);
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received; ///< what readMessages() has read so far
};

} // namespace cx::test

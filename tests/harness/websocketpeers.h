#pragma once

// WebSocket peers for the client WebSocket's tests (tst_clientsocket): a
// recorder of handler calls, a Qt WebSockets server and a raw server that sends any bytes;
// and the close-frame parser the hostile platform (hostileplatform.h) shares.

#include "websocket/clientsocket.h"
#include "websocket/frame.h"
#include "websocket/handshake.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>
#include <functional>
#include <span>

namespace cx::test {

/// The close code of the first close frame in \a frames (whole frames, masked or not), 1005
/// for one without a code, or -1 when \a frames holds none.
inline int firstCloseCode(QByteArrayView frames)
{
    while (true) {
        websocket::FrameHead head;
        if (!websocket::parseFrameHead(frames, &head)
            || quint64(frames.size() - head.size) < head.length)
            return -1;
        QByteArray payload = frames.sliced(head.size, qsizetype(head.length)).toByteArray();
        if (head.masked)
            websocket::applyMask(payload.constData(), payload.data(), payload.size(), head.key);
        if (head.opcode == websocket::Close)
            return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
        frames = frames.sliced(head.size + qsizetype(head.length));
    }
}

/// Records what a websocket::ClientSocket tells its handler.
class SocketRecorder : public websocket::ClientSocketHandler
{
public:
    void socketOpened() override { ++opened; }
    void socketMessage(std::span<char> message) override
    {
        messages.append(QByteArray(message.data(), qsizetype(message.size())));
        if (onMessage)
            onMessage(message);
    }
    void socketTextMessage(std::span<char> message) override
    {
        texts.append(QByteArray(message.data(), qsizetype(message.size())));
    }
    void socketClosed() override { ++closed; }
    void socketPong() override { ++pongs; }
    void socketBytesWritten() override { ++bytesWritten; }
    std::function<void(std::span<char>)> onMessage;
    int opened = 0;
    int closed = 0;
    int pongs = 0;
    int bytesWritten = 0;
    QList<QByteArray> messages;
    QList<QByteArray> texts;
};

/// A Qt WebSockets server on 127.0.0.1 that records what its clients do.
class WebSocketServer : public QObject
{
public:
    explicit WebSocketServer(QWebSocketServer::SslMode mode = QWebSocketServer::NonSecureMode)
        : server(QStringLiteral("cx test server"), mode)
    {
        connect(&server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = server.nextPendingConnection()) {
                socket->setParent(this);
                sockets.append(socket);
                connect(socket, &QWebSocket::binaryMessageReceived, this,
                        [this](const QByteArray &message) { received.append(message); });
                connect(socket, &QWebSocket::textMessageReceived, this,
                        [this](const QString &text) { receivedTexts.append(text); });
                connect(socket, &QWebSocket::pong, this,
                        [this](quint64, const QByteArray &payload) { pongs.append(payload); });
                connect(socket, &QWebSocket::disconnected, this,
                        [this, socket] { closeCodes.append(int(socket->closeCode())); });
            }
        });
    }
    ~WebSocketServer() override
    {
        // The sockets outlive the lists below: they must not reach them while going down.
        for (QWebSocket *socket : std::as_const(sockets))
            QObject::disconnect(socket, nullptr, this, nullptr);
    }
    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &scheme = QStringLiteral("ws")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/Thingworx/WS?x=1")
                        .arg(scheme)
                        .arg(server.serverPort()));
    }
    QWebSocket *last() const { return sockets.isEmpty() ? nullptr : sockets.last(); }

    QWebSocketServer server;
    QList<QWebSocket *> sockets;
    QList<QByteArray> received;
    QStringList receivedTexts;
    QList<QByteArray> pongs;
    QList<int> closeCodes;
};

/// A raw TCP server that answers the upgrade itself (or refuses it) and then writes the
/// bytes a test gives it: for what a Qt server never sends.
class RawWebSocketServer : public QObject
{
public:
    RawWebSocketServer()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, &RawWebSocketServer::onReadyRead);
            connect(socket, &QTcpSocket::disconnected, this, [this] { disconnected = true; });
        });
    }
    ~RawWebSocketServer() override
    {
        if (socket)
            QObject::disconnect(socket, nullptr, this, nullptr);
    }
    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/raw").arg(server.serverPort()));
    }

    /// The close code of the first close frame the client sent after the upgrade, or -1.
    int clientCloseCode() const { return firstCloseCode(afterUpgrade); }

    /// Stops (false) or resumes reading what the client sends: while stopped, the kernel's
    /// buffers fill up and then refuse the client's writes.
    void setReading(bool reading)
    {
        m_reading = reading;
        socket->setReadBufferSize(reading ? 0 : 1);
        if (reading)
            QMetaObject::invokeMethod(this, &RawWebSocketServer::onReadyRead, Qt::QueuedConnection);
    }

    QTcpServer server;
    QTcpSocket *socket = nullptr;
    QByteArray answer; ///< the upgrade response; empty: a valid 101
    QByteArray afterAnswer; ///< written right after the upgrade response
    bool closeAfterAnswer = false;
    QByteArray head; ///< the client's upgrade request head
    QByteArray afterUpgrade; ///< what the client sent after it
    bool disconnected = false;

private:
    void onReadyRead()
    {
        if (!m_reading)
            return;
        const QByteArray bytes = socket->readAll();
        if (!head.isEmpty()) {
            afterUpgrade += bytes;
            return;
        }
        pending += bytes;
        const qsizetype end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        head = pending.first(end);
        afterUpgrade = pending.sliced(end + 4);
        const websocket::UpgradeRequest request = websocket::parseUpgradeRequest(head);
        socket->write(answer.isEmpty() ? websocket::upgradeResponse(request) : answer);
        socket->write(afterAnswer);
        if (closeAfterAnswer)
            socket->disconnectFromHost();
    }

    QByteArray pending;
    bool m_reading = true;
};

/// \a size bytes of a pattern that depends on \a seed.
inline QByteArray pattern(qsizetype size, int seed = 0)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + seed) & 0xFF);
    return bytes;
}

} // namespace cx::test

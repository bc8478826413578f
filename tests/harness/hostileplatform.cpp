#include "hostileplatform.h"

#include "websocket/frame.h"
#include "websocket/handshake.h"
#include "websocketpeers.h"

namespace cx::test {

namespace {

constexpr qsizetype ChunkBytes = 64 * 1024;

/// A server frame head (unmasked) for a fragment: not final, \a opcode Binary for the first
/// and Continuation for the rest.
QByteArray fragmentHead(quint8 opcode, quint64 length)
{
    uchar head[websocket::MaxFrameHeadSize];
    const int size = websocket::writeFrameHead(head, opcode, length, nullptr);
    head[0] &= 0x7F; // FIN off
    return QByteArray(reinterpret_cast<const char *>(head), size);
}

QByteArray ping()
{
    uchar head[websocket::MaxFrameHeadSize];
    const int size = websocket::writeFrameHead(head, websocket::Ping, 125, nullptr);
    return QByteArray(reinterpret_cast<const char *>(head), size) + QByteArray(125, 'p');
}

} // namespace

HostilePlatform::HostilePlatform(Attack attack)
    : m_attack(attack)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HostilePlatform::onConnection);
}

HostilePlatform::~HostilePlatform()
{
    stop();
}

QString HostilePlatform::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(m_server.serverPort());
}

void HostilePlatform::attack()
{
    m_attacking = true;
    for (Pipe *pipe : std::as_const(m_pipes))
        begin(*pipe);
}

void HostilePlatform::stop()
{
    m_server.close();
    for (Pipe *pipe : std::as_const(m_pipes)) {
        QObject::disconnect(pipe->socket, nullptr, this, nullptr);
        pipe->socket->abort();
        delete pipe->socket;
        delete pipe;
    }
    m_pipes.clear();
}

void HostilePlatform::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *pipe = new Pipe;
        pipe->socket = socket;
        m_pipes.append(pipe);
        connect(socket, &QTcpSocket::readyRead, this, [this, pipe] { onReadyRead(*pipe); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, pipe](qint64 bytes) {
            m_bytesSent += bytes;
            topUp(*pipe);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, pipe] {
            ++m_closedByPeer;
            pipe->closed = true; // stop() deletes it
        });
    }
}

void HostilePlatform::onReadyRead(Pipe &pipe)
{
    if (pipe.closed || (pipe.attacking && m_attack == Attack::PingsNeverRead))
        return; // reads nothing more: the read buffer limit keeps it in the kernel
    pipe.received += pipe.socket->readAll();
    if (!pipe.attacking) {
        begin(pipe);
        return;
    }
    const qsizetype end = pipe.received.indexOf("\r\n\r\n");
    const int code = firstCloseCode(QByteArrayView(pipe.received).sliced(end + 4));
    if (code >= 0 && !pipe.closeSeen) {
        pipe.closeSeen = true;
        m_closeCodes.append(code);
    }
}

void HostilePlatform::begin(Pipe &pipe)
{
    const qsizetype end = pipe.received.indexOf("\r\n\r\n");
    if (!m_attacking || pipe.attacking || pipe.closed || end < 0)
        return;
    pipe.attacking = true;
    if (m_attack == Attack::EndlessUpgradeHead) {
        pipe.socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\n");
    } else {
        pipe.socket->write(
            websocket::upgradeResponse(websocket::parseUpgradeRequest(pipe.received.first(end))));
    }
    if (m_attack == Attack::PingsNeverRead)
        pipe.socket->setReadBufferSize(1);
    pipe.socket->write(chunk(true));
}

void HostilePlatform::topUp(Pipe &pipe)
{
    if (pipe.attacking && !pipe.closed && pipe.socket->bytesToWrite() < ChunkBytes)
        pipe.socket->write(chunk(false));
}

QByteArray HostilePlatform::chunk(bool first) const
{
    switch (m_attack) {
    case Attack::EndlessUpgradeHead:
        return QByteArray("X-Filler: " + QByteArray(1000, 'a') + "\r\n").repeated(64);
    case Attack::EndlessMessage:
        return fragmentHead(first ? websocket::Binary : websocket::Continuation, ChunkBytes)
            + QByteArray(ChunkBytes, 'm');
    case Attack::PingsNeverRead:
        break;
    }
    return ping().repeated(ChunkBytes / 127);
}

} // namespace cx::test

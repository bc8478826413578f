#include "tunnelbridge.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

TunnelBridge::TunnelBridge(eventloop::EventPoller &poller, const TunnelConfig &config, QString tid,
                           QTcpSocket *accepted, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_tid(std::move(tid))
    , m_socket(new websocket::ClientSocket(poller, *this, this))
    , m_tcp(accepted ? accepted : new QTcpSocket(this))
    , m_chunk(ChunkSize, Qt::Uninitialized)
{
    m_tcp->setParent(this);
    m_tcp->setReadBufferSize(4 * ChunkSize); // Qt reads no more from the kernel meanwhile
    m_tcpConnected = m_tcp->state() == QAbstractSocket::ConnectedState;
    connect(m_tcp, &QAbstractSocket::connected, this, &TunnelBridge::onTcpConnected);
    connect(m_tcp, &QAbstractSocket::stateChanged, this, &TunnelBridge::onTcpStateChanged);
    connect(m_tcp, &QIODevice::readyRead, this, &TunnelBridge::relayTcp);
    connect(m_tcp, &QIODevice::bytesWritten, this, &TunnelBridge::onTcpBytesWritten);
    m_socket->setTextMessages(true);
    m_socket->setMaxMessageSize(MaxMessageSize);
    if (m_config.tls)
        m_socket->setTls(m_config.tls, true);
}

void TunnelBridge::start()
{
    m_socket->open(m_config.tunnelUrl(m_tid), m_config.headers);
}

void TunnelBridge::stop()
{
    if (m_webSocketClosed)
        m_tcp->abort(); // do not wait for the local peer to read what is left
    else
        m_socket->close(websocket::CloseGoingAway);
}

QString TunnelBridge::errorString() const
{
    return m_tcpError.isEmpty() ? m_socket->errorString() : m_tcpError;
}

void TunnelBridge::socketOpened()
{
    m_opened = true;
    Q_EMIT opened();
    if (m_config.role == TunnelRole::Device) {
        m_socket->setReadingPaused(true); // nowhere to write until the TCP socket connects
        m_tcp->connectToHost(m_config.host, m_config.port);
    } else {
        relayTcp(); // what the client sent while the upgrade was under way
    }
}

void TunnelBridge::socketMessage(std::span<char> message)
{
    if (m_tcp->state() != QAbstractSocket::ConnectedState)
        return; // the local peer is gone: nowhere to write
    m_tcp->write(message.data(), qint64(message.size()));
    if (m_tcp->bytesToWrite() > HighWater)
        m_socket->setReadingPaused(true);
}

void TunnelBridge::socketClosed()
{
    m_webSocketClosed = true;
    if (m_tcp->state() == QAbstractSocket::ConnectedState)
        m_tcp->disconnectFromHost(); // writes what is pending first
    else if (m_tcp->state() != QAbstractSocket::UnconnectedState
             && m_tcp->state() != QAbstractSocket::ClosingState)
        m_tcp->abort();
    finishIfDone();
}

void TunnelBridge::socketBytesWritten()
{
    if (m_socket->bytesToWrite() < LowWater)
        relayTcp();
}

void TunnelBridge::onTcpConnected()
{
    m_tcpConnected = true;
    m_tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadingPaused(false);
    relayTcp();
}

void TunnelBridge::onTcpStateChanged()
{
    if (m_tcp->state() != QAbstractSocket::UnconnectedState || m_tcpEnded)
        return;
    m_tcpEnded = true;
    m_socket->setReadingPaused(false); // nothing to write any more: read on, to the close
    if (!m_tcpConnected) {
        if (!m_webSocketClosed) { // the device end could not reach its local service
            m_tcpError = u"cannot connect to %1:%2: %3"_s.arg(m_config.host)
                             .arg(m_config.port)
                             .arg(m_tcp->errorString());
            m_socket->close(websocket::CloseInternalError);
        }
    } else {
        relayTcp(); // sends what is left, then closes with 1000
    }
    finishIfDone();
}

void TunnelBridge::onTcpBytesWritten()
{
    if (m_socket->isReadingPaused() && m_tcpConnected && m_tcp->bytesToWrite() < LowWater)
        m_socket->setReadingPaused(false);
}

void TunnelBridge::relayTcp()
{
    if (!m_socket->isOpen() || !m_tcpConnected)
        return;
    while (m_tcp->bytesAvailable() > 0 && m_socket->bytesToWrite() <= HighWater) {
        const qint64 got = m_tcp->read(m_chunk.data(), ChunkSize);
        if (got <= 0)
            break;
        m_socket->send(QByteArrayView(m_chunk.constData(), got));
        if (!m_socket->isOpen())
            return; // the write failed: socketClosed() follows
    }
    if (m_tcpEnded && m_tcp->bytesAvailable() == 0 && !m_closeSent) {
        m_closeSent = true;
        m_socket->close(websocket::CloseNormal);
    }
}

void TunnelBridge::finishIfDone()
{
    if (m_finished || !m_webSocketClosed || m_tcp->state() != QAbstractSocket::UnconnectedState)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace cx::edgesim

#include "tunnelrelay.h"

#include "clock.h"
#include "dataplanesettings.h"
#include "workerstats.h"

#include <QUrl>

namespace cx::server {

namespace {

/// How often an open tunnel looks at its idle time: a tenth of the timeout, within bounds.
qint64 idleCheckIntervalMs(qint64 idleTimeoutMs)
{
    return std::clamp<qint64>(idleTimeoutMs / 10, 10, 10000);
}

} // namespace

TunnelRelay::TunnelRelay(std::unique_ptr<EdgeConnection> edge, eventloop::EventPoller &poller,
                         const QUrl &platformUrl, const websocket::HttpHeaders &credentials,
                         QString instanceId, const DataPlaneSettings &settings,
                         TrafficCounters &traffic, QObject *parent)
    : QObject(parent)
    , m_edge(std::move(edge))
    , m_platform(poller, *this, this)
    , m_instanceId(std::move(instanceId))
    , m_traffic(traffic)
    , m_queueLimit(settings.highWaterMark + settings.maxMessageSize)
    , m_highWater(settings.highWaterMark)
    , m_lowWater(settings.lowWaterMark)
    , m_idleTimeoutMs(settings.tunnelIdleTimeoutMs)
    , m_lastActivityMs(nowMs())
{
    m_edge->setHandler(this);
    m_edge->accept();
    ++m_traffic.tunnelsOpened;

    // The open deadline (protocol.md §8); once open, the same timer checks the idle time.
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_platformOpen)
            checkIdle();
        else
            fail(websocket::CloseInternalError, "platform side did not open in time");
    });
    m_timer.start(int(std::min<qint64>(settings.connectTimeoutMs, INT_MAX)));

    m_platform.setMaxMessageSize(settings.maxMessageSize);
    m_platform.setTextMessages(true);
    if (platformUrl.scheme() == u"wss") // host-name validation as for pipes (protocol.md §7)
        m_platform.setTls(settings.platformTls, settings.hostNameValidation);
    // The platform decides who may use a tunnel, on the client's own credentials;
    // cxserver's app key never goes on a tunnel (protocol.md §8).
    m_platform.open(platformUrl, credentials);
}

TunnelRelay::~TunnelRelay() = default; // neither side makes a callback when deleted

// ---- the edge side -------------------------------------------------------------------------

void TunnelRelay::connectionMessage(EdgeConnection &, std::span<char> message, bool text)
{
    const QByteArrayView bytes(message.data(), qsizetype(message.size()));
    if (m_platformOpen) {
        toPlatform(bytes, text);
        return;
    }
    m_queuedBytes += bytes.size();
    if (m_queuedBytes > m_queueLimit) { // the edge is not read above the high watermark
        fail(websocket::CloseTooBig, "tunnel data before the platform side opened");
        return;
    }
    m_queued.append({bytes.toByteArray(), text});
    updateHeldBytes();
}

void TunnelRelay::connectionActive(EdgeConnection &)
{
    m_lastActivityMs = nowMs(); // any complete frame, pings included
}

void TunnelRelay::connectionDrained(EdgeConnection &)
{
    if (m_edge->bytesToWrite() <= m_lowWater)
        m_platform.setReadingPaused(false);
}

void TunnelRelay::connectionClosed(EdgeConnection &)
{
    // 1005 and 1006 never go on the wire: an edge that left without a code is "going away".
    const quint16 code = m_edge->closeCode() == websocket::CloseNoStatus
            || m_edge->closeCode() == websocket::CloseAbnormal
        ? quint16(websocket::CloseGoingAway)
        : m_edge->closeCode();
    if (m_platformOpen && !m_platformDown)
        m_platform.close(code); // socketClosed() follows
    else if (!m_platformDown) {
        m_platform.abort();
        m_platformDown = true;
    }
    finishIfDone();
}

// ---- the platform side ---------------------------------------------------------------------

void TunnelRelay::socketOpened()
{
    m_platformOpen = true;
    m_lastActivityMs = nowMs();
    m_timer.start(int(idleCheckIntervalMs(m_idleTimeoutMs)));
    const auto queued = std::exchange(m_queued, {});
    m_queuedBytes = 0;
    for (const auto &[message, text] : queued)
        toPlatform(message, text);
    updateHeldBytes();
}

void TunnelRelay::socketMessage(std::span<char> message)
{
    toEdge(message, false);
}

void TunnelRelay::socketTextMessage(std::span<char> message)
{
    toEdge(message, true);
}

void TunnelRelay::socketClosed()
{
    m_platformDown = true;
    const quint16 code = m_platform.closeCode();
    if (m_platformOpen && code != websocket::CloseAbnormal && code != websocket::CloseNoStatus)
        m_edge->close(code, m_platform.errorString().toUtf8());
    else if (m_platformOpen && code == websocket::CloseNoStatus)
        m_edge->close(websocket::CloseNormal);
    else
        m_edge->close(websocket::CloseInternalError, "platform instance lost");
    finishIfDone();
}

void TunnelRelay::socketPong()
{
    m_lastActivityMs = nowMs();
}

void TunnelRelay::socketBytesWritten()
{
    updateHeldBytes();
}

// ---- relaying ------------------------------------------------------------------------------

void TunnelRelay::toEdge(std::span<char> message, bool text)
{
    if (!m_edge->isOpen())
        return;
    m_lastActivityMs = nowMs();
    m_traffic.tunnelBytesToEdges += message.size();
    const QByteArrayView bytes(message.data(), qsizetype(message.size()));
    if (text)
        m_edge->sendText(bytes);
    else
        m_edge->sendBinary(bytes);
    // The edge does not take them as fast: stop reading the platform side meanwhile.
    if (m_edge->bytesToWrite() > m_highWater)
        m_platform.setReadingPaused(true);
}

void TunnelRelay::toPlatform(QByteArrayView message, bool text)
{
    m_lastActivityMs = nowMs();
    m_traffic.tunnelBytesToPlatforms += quint64(message.size());
    if (text)
        m_platform.sendText(message);
    else
        m_platform.send(message);
    updateHeldBytes();
}

void TunnelRelay::updateHeldBytes()
{
    // What waits to go to the platform counts in the edge's budget: the edge is not read
    // while the platform side does not take its bytes (protocol.md §8 "Bounded").
    if (!m_edge->isClosed())
        m_edge->setHeldBytes(m_queuedBytes + m_platform.bytesToWrite());
}

void TunnelRelay::checkIdle()
{
    const qint64 idleFor = nowMs() - m_lastActivityMs;
    if (idleFor >= m_idleTimeoutMs) {
        m_edge->close(websocket::CloseGoingAway, "tunnel idle");
        if (!m_platformDown)
            m_platform.close(websocket::CloseGoingAway);
        return;
    }
    m_timer.start(int(std::min(idleCheckIntervalMs(m_idleTimeoutMs), m_idleTimeoutMs - idleFor)));
}

void TunnelRelay::instanceLost()
{
    fail(websocket::CloseInternalError, "platform instance lost");
}

void TunnelRelay::fail(quint16 code, QByteArrayView reason)
{
    m_timer.stop();
    m_edge->close(code, reason);
    if (!m_platformDown) {
        m_platform.abort(); // no callback follows
        m_platformDown = true;
    }
    finishIfDone();
}

void TunnelRelay::finishIfDone()
{
    if (m_edge->isClosed() && m_platformDown) {
        m_timer.stop();
        deleteLater();
    }
}

} // namespace cx::server

#pragma once

#include "edgeconnection.h"
#include "websocket/clientsocket.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace cx::server {

struct DataPlaneSettings;
struct TrafficCounters;

/// A remote-access tunnel or RAC channel (protocol.md §8): one edge WebSocket relayed as an
/// opaque message stream (text stays text, binary stays binary) to one platform WebSocket on
/// the same path and query, opened with the client's credentials only. Both sides are on
/// the worker's poller: the edge's EdgeConnection and the platform's websocket::ClientSocket.
///
/// - Bounded both ways: what waits to go to the platform counts in the edge's budget (the
///   edge is not read above the high watermark); while more than the high watermark waits
///   to go to the edge, the platform side is not read (until the low watermark).
/// - The platform side must open within connections.timeout-ms, else the edge is closed 1011.
/// - A tunnel with no frame from either side for its idle timeout is closed 1001.
/// - Either side's close closes the other with its code; a lost platform side closes the
///   edge with 1011. Deletes itself when both sides are down.
class TunnelRelay : public QObject,
                    private ConnectionHandler,
                    private websocket::ClientSocketHandler
{
    Q_OBJECT
public:
    /// Takes \a edge, upgraded and not yet accepted, accepts it and opens \a platformUrl with
    /// \a credentials (the client's). instanceId names the platform instance it runs
    /// through; \a traffic (the worker's) counts the bytes relayed.
    TunnelRelay(std::unique_ptr<EdgeConnection> edge, eventloop::EventPoller &poller,
                const QUrl &platformUrl, const websocket::HttpHeaders &credentials,
                QString instanceId, const DataPlaneSettings &settings, TrafficCounters &traffic,
                QObject *parent = nullptr);
    ~TunnelRelay() override;

    const QString &instanceId() const { return m_instanceId; }
    /// The instance is gone: close the edge with 1011 and drop the platform side.
    void instanceLost();

private:
    // The edge side
    void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text) override;
    void connectionActive(EdgeConnection &connection) override;
    void connectionDrained(EdgeConnection &connection) override;
    void connectionClosed(EdgeConnection &connection) override;
    // The platform side
    void socketOpened() override;
    void socketMessage(std::span<char> message) override;
    void socketTextMessage(std::span<char> message) override;
    void socketClosed() override;
    void socketPong() override;
    void socketBytesWritten() override;

    void toEdge(std::span<char> message, bool text);
    void toPlatform(QByteArrayView message, bool text);
    void updateHeldBytes();
    void checkIdle();
    /// Closes the edge with \a code and drops the platform side.
    void fail(quint16 code, QByteArrayView reason);
    void finishIfDone();

    std::unique_ptr<EdgeConnection> m_edge;
    websocket::ClientSocket m_platform; ///< on the worker's poller, as the pipes
    QString m_instanceId;
    TrafficCounters &m_traffic;
    QTimer m_timer; ///< the open deadline, then the idle check
    QList<QPair<QByteArray, bool>> m_queued; ///< edge messages before the platform side opened
    qint64 m_queuedBytes = 0;
    qint64 m_queueLimit;
    qint64 m_highWater;
    qint64 m_lowWater;
    qint64 m_idleTimeoutMs;
    qint64 m_lastActivityMs;
    bool m_platformOpen = false;
    bool m_platformDown = false;
};

} // namespace cx::server

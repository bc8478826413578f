#pragma once

#include "edgeconnection.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QWebSocket>
#include <memory>

namespace cx::server {

struct DataPlaneSettings;

/// A remote-access tunnel or RAC channel (protocol.md §8): one edge WebSocket relayed as an
/// opaque message stream to one platform WebSocket on the same path and query. Messages
/// from the edge wait (bounded) until the platform side is open. Either side's close
/// closes the other; a lost platform side closes the edge with 1011. Deletes itself when
/// both sides are down.
class TunnelRelay : public QObject, private ConnectionHandler
{
    Q_OBJECT
public:
    /// Takes \a edge, upgraded and not yet accepted, and accepts it. instanceId names the
    /// platform instance it runs through.
    TunnelRelay(std::unique_ptr<EdgeConnection> edge, const QUrl &platformUrl,
                const websocket::HttpHeaders &credentials, QString instanceId,
                const DataPlaneSettings &settings, QObject *parent = nullptr);
    ~TunnelRelay() override;

    const QString &instanceId() const { return m_instanceId; }
    /// The instance is gone: close the edge with 1011.
    void instanceLost();

    /// The instance a tunnel id meets on: rendezvous (highest random weight) hashing, stable
    /// across processes and versions. Empty candidates → -1.
    static int chooseInstance(const QString &tunnelKey, const QStringList &instanceIds);

private:
    // ConnectionHandler (the edge side)
    void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text) override;
    void connectionClosed(EdgeConnection &connection) override;

    void toPlatform(const QByteArray &message, bool binary);
    void flushQueued();
    void closeEdge(quint16 code, const QString &reason);
    void finishIfDone();

    std::unique_ptr<EdgeConnection> m_edge;
    QWebSocket m_platform;
    QString m_instanceId;
    QList<QPair<QByteArray, bool>> m_queued; ///< edge messages before the platform side opened
    qint64 m_queuedBytes = 0;
    qint64 m_queueLimit;
    bool m_platformOpen = false;
};

} // namespace cx::server

#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <chrono>
#include <functional>

namespace cx::server {

class HealthConnection;
class TcpListener;

/// What /health reports (config.md §6).
struct HealthSnapshot
{
    bool running = true;
    int connectedInstances = 0;
    int edges = 0;
};

/// The limits of the health listener (config.md §6: "hardened like the edge one").
struct HealthLimits
{
    /// A request head (request line, fields and the blank line) longer than this gets 431.
    qsizetype maxHeadBytes = 8 * 1024;
    /// A connection without a complete request for this long is closed, whether it sends
    /// nothing or drips a head that never ends.
    std::chrono::milliseconds idleTimeout {10000};
    /// Open connections at most; one more closes the one idle the longest.
    int maxConnections = 64;
};

/// HTTP on `health.host`:`health.port` (config.md §6), a small HTTP/1.x server of its own:
/// `GET /health` answers 200 while the service runs and at least one platform instance is
/// connected, 503 otherwise (a small JSON body either way); `GET /metrics` answers the
/// Prometheus text that metrics() renders; `HEAD` of either answers the same head without
/// the body. Anything else is refused: other paths 404, other methods 405, a request with a
/// body 413 (never read), a head over HealthLimits::maxHeadBytes 431, a malformed head 400.
/// Keep-alive is allowed (HTTP/1.1 unless `Connection: close`); HTTP/1.0 gets one answer
/// and the connection closes. One request is answered at a time: a client that pipelines
/// without reading holds at most one response in memory.
class HealthServer : public QObject
{
    Q_OBJECT
public:
    HealthServer(std::function<HealthSnapshot()> snapshot, std::function<QByteArray()> metrics,
                 QObject *parent = nullptr);
    ~HealthServer() override;

    /// Replaces the limits; for connections accepted from now on.
    void setLimits(const HealthLimits &limits);

    /// Listens; the port it got (port 0 picks a free one), or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

    /// Connections open now.
    int connectionCount() const { return int(m_connections.size()); }

private:
    friend class HealthConnection;

    void onNewConnection(qintptr descriptor);
    /// The response to one parsed request: status line, fields and body, ready to send.
    QByteArray respond(QByteArrayView method, QByteArrayView path, bool keepAlive) const;
    /// \a connection answered a request: it becomes the one idle the shortest.
    void touched(HealthConnection *connection);
    void closed(HealthConnection *connection);

    std::function<HealthSnapshot()> m_snapshot;
    std::function<QByteArray()> m_metrics;
    HealthLimits m_limits;
    TcpListener *m_listener;
    /// Open connections, the one idle the longest first.
    QList<HealthConnection *> m_connections;
};

} // namespace cx::server

#pragma once

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

class QHttpServer;

namespace cx::server {

/// What /health reports (config.md §6).
struct HealthSnapshot
{
    bool running = true;
    int connectedInstances = 0;
    int edges = 0;
};

/// HTTP on `health.port` (config.md §6): `GET /health` answers 200 while the service runs
/// and at least one platform instance is connected, 503 otherwise; `GET /metrics` answers
/// the Prometheus text that metrics() renders.
class HealthServer : public QObject
{
    Q_OBJECT
public:
    HealthServer(std::function<HealthSnapshot()> snapshot, std::function<QByteArray()> metrics,
                 QObject *parent = nullptr);
    ~HealthServer() override;

    /// Listens; the port it got (port 0 picks a free one), or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    std::function<HealthSnapshot()> m_snapshot;
    std::function<QByteArray()> m_metrics;
    std::unique_ptr<QHttpServer> m_http;
};

} // namespace cx::server

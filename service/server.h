#pragma once

#include "healthserver.h"
#include "plugin/discovery.h"
#include "serviceoptions.h"

#include <QObject>
#include <QThread>
#include <memory>
#include <vector>

namespace cx::server {

class EdgeAcceptor;
class HealthServer;
class Worker;

/// The main thread of cxserver (architecture.md "Threading"): loads the plugins, runs
/// discovery and the health listener, starts the workers, accepts edges and hands them
/// over, publishes membership snapshots, and stops everything in order.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServiceOptions options, QObject *parent = nullptr);
    ~Server() override;

    /// Starts everything. 0 on success, else the exit code (cli.md: 1 bad configuration or
    /// plugin, 2 a resource such as a port could not be had); the reason is logged.
    int start();
    /// Graceful stop (SIGTERM): stop accepting, /health turns 503, in-flight requests finish
    /// or fail, sockets close; stopped() follows within a few seconds.
    void stop();

Q_SIGNALS:
    void stopped();

private:
    void onConnectivityChanged();
    void onWorkerDrained();
    void publish(const cx::plugin::Membership &membership);
    void stopThreads();
    HealthSnapshot health() const;

    ServiceOptions m_options;
    plugin::DiscoveryBackend *m_discovery = nullptr;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<std::unique_ptr<QThread>> m_threads;
    EdgeAcceptor *m_acceptor = nullptr;
    HealthServer *m_health = nullptr;
    bool m_hadPlatform = false;
    bool m_stopping = false;
    int m_drainedWorkers = 0;
};

} // namespace cx::server

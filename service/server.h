#pragma once

#include "eventloop/workerthread.h"
#include "healthserver.h"
#include "plugin/discovery.h"
#include "serviceoptions.h"
#include "servicestats.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace cx::plugin {
class RoutingFactory;
}

namespace cx::server {

class EdgeAcceptor;
class HealthServer;
class StatusServer;
class Worker;

/// Re-reads the configuration for a reload: the new options, or every error found.
using ConfigSource = std::function<std::variant<ServiceOptions, QStringList>()>;

/// The main thread of cxserver (architecture.md "Threading"): loads the plugins, runs
/// discovery, the health/metrics listener and the status socket, starts the workers,
/// accepts edges and hands them over, publishes membership snapshots, reloads the
/// configuration, and stops everything in order.
class Server : public QObject
{
    Q_OBJECT
public:
    /// reread is called on each reload (SIGHUP, the status socket's `reload`).
    Server(ServiceOptions options, ConfigSource reread, QObject *parent = nullptr);
    ~Server() override;

    /// Starts everything. 0 on success, else the exit code (cli.md: 1 bad configuration or
    /// plugin, 2 a resource such as a port could not be had); the reason is logged.
    int start();
    /// Graceful stop (SIGTERM), in phases: /health turns 503 at once while edges are still
    /// served and accepted for shutdown.health-grace; then the listener closes and in-flight
    /// requests finish or fail within shutdown.drain-timeout, sockets close; stopped()
    /// follows. Called again during the grace, it skips the rest of it.
    void stop();
    /// Re-reads the configuration and applies what can change live; what needs a restart
    /// keeps its old value and is reported; a configuration with errors changes nothing.
    /// The reply object of config.md §5 `reload`: {"ok":true,...} or {"ok":false,...}.
    QJsonObject reload();

Q_SIGNALS:
    void stopped();

private:
    void onConnectivityChanged();
    void onWorkerDrained();
    void publish(const cx::plugin::Membership &membership);
    /// Phase 2 of a stop: closes the edge listener and drains the workers.
    void drain();
    void stopThreads();
    void startDiscovery(plugin::DiscoveryBackend *backend);
    /// The service's statistics from what the workers last published: never blocks.
    ServiceStats collect() const;
    HealthSnapshot health() const;
    QJsonObject rejectReload(const QStringList &errors);

    ServiceOptions m_options;
    ConfigSource m_reread;
    /// The configuration at start: what needs a restart is compared against it.
    std::shared_ptr<const config::LoadedServerConfig> m_startConfig;
    plugin::DiscoveryBackend *m_discovery = nullptr;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<std::unique_ptr<eventloop::WorkerThread>> m_threads;
    EdgeAcceptor *m_acceptor = nullptr;
    HealthServer *m_health = nullptr;
    QTimer *m_healthGrace = nullptr; ///< while a stop's health grace runs
    StatusServer *m_status = nullptr;
    QElapsedTimer m_uptime;
    quint64 m_discoveryEvents = 0;
    quint64 m_reloads = 0;
    quint64 m_reloadFailures = 0;
    bool m_hadPlatform = false;
    bool m_stopping = false;
    int m_drainedWorkers = 0;
};

} // namespace cx::server

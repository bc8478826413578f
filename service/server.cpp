#include "server.h"

#include "clock.h"
#include "edgeacceptor.h"
#include "healthserver.h"
#include "plugin/pluginloader.h"
#include "plugin/routing.h"
#include "worker.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTimer>

namespace cx::server {

Q_LOGGING_CATEGORY(lcServer, "cx.server")

namespace {
constexpr qint64 DrainMs = 3000; ///< in-flight requests get this long after SIGTERM
constexpr int CloseFlushMs = 500; ///< then close frames get this long to leave
} // namespace

Server::Server(ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<cx::plugin::Membership>();
}

Server::~Server()
{
    stopThreads();
}

int Server::start()
{
    const QString routingDir = QDir(m_options.pluginPath).filePath(QStringLiteral("routing"));
    const QString discoveryDir = QDir(m_options.pluginPath).filePath(QStringLiteral("discovery"));
    auto routing = plugin::loadFactory<plugin::RoutingFactory>(routingDir, m_options.routingPlugin);
    if (!routing) {
        qCCritical(lcServer).noquote() << "routing plugin:" << routing.error().forLog();
        return 1;
    }
    auto discovery
        = plugin::loadFactory<plugin::DiscoveryFactory>(discoveryDir, m_options.discoveryPlugin);
    if (!discovery) {
        qCCritical(lcServer).noquote() << "discovery plugin:" << discovery.error().forLog();
        return 1;
    }
    QString error;
    m_discovery = discovery.value()->create(m_options.pluginContext, this, &error);
    if (!m_discovery) {
        qCCritical(lcServer).noquote()
            << "discovery plugin" << m_options.discoveryPlugin << ":" << error;
        return 1;
    }

    const int workerCount = m_options.dataPlane.workerCount;
    std::vector<Worker *> peers;
    for (int i = 0; i < workerCount; ++i) {
        m_workers.push_back(std::make_unique<Worker>(i, m_options.dataPlane, *routing.value(),
                                                     m_options.pluginContext));
        peers.push_back(m_workers.back().get());
    }
    for (int i = 0; i < workerCount; ++i) {
        Worker *worker = m_workers[size_t(i)].get();
        worker->setPeers(peers);
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("cx-worker-%1").arg(i));
        worker->moveToThread(thread.get());
        thread->start();
        bool started = false;
        QMetaObject::invokeMethod(
            worker, [&] { started = worker->start(&error); }, Qt::BlockingQueuedConnection);
        m_threads.push_back(std::move(thread));
        if (!started) {
            qCCritical(lcServer).noquote()
                << "routing plugin" << m_options.routingPlugin << ":" << error;
            return 1;
        }
        connect(worker, &Worker::platformConnectivityChanged, this, &Server::onConnectivityChanged);
        connect(worker, &Worker::drained, this, &Server::onWorkerDrained);
    }

    connect(m_discovery, &plugin::DiscoveryBackend::instancesChanged, this, &Server::publish);

    m_acceptor = new EdgeAcceptor(peers, this);
    if (!m_acceptor->listen(m_options.listenAddress, m_options.listenPort)) {
        qCCritical(lcServer).noquote()
            << "cannot listen for edges on"
            << m_options.listenAddress.toString() + u':' + QString::number(m_options.listenPort)
            << ":" << m_acceptor->errorString();
        return 2;
    }
    quint16 healthPort = 0;
    if (m_options.healthPort != 0 || m_options.listenPort == 0) {
        m_health = new HealthServer([this] { return health(); }, this);
        healthPort = m_health->listen(m_options.listenAddress, m_options.healthPort);
        if (healthPort == 0) {
            qCCritical(lcServer).noquote()
                << "cannot listen for health checks on port" << m_options.healthPort;
            return 2;
        }
    }
    m_discovery->start();
    qCInfo(lcServer).noquote()
        << QStringLiteral("ready: edges on %1:%2 (%3), health on port %4, %5 worker(s), "
                          "discovery %6, routing %7")
               .arg(m_acceptor->serverAddress().toString())
               .arg(m_acceptor->serverPort())
               .arg(m_options.dataPlane.edgeTls ? QStringLiteral("TLS") : QStringLiteral("plain"))
               .arg(healthPort)
               .arg(workerCount)
               .arg(m_options.discoveryPlugin, m_options.routingPlugin);
    return 0;
}

void Server::publish(const plugin::Membership &membership)
{
    qCInfo(lcServer) << "membership:" << membership.size() << "instance(s)";
    for (const auto &worker : m_workers) {
        Worker *target = worker.get();
        QMetaObject::invokeMethod(
            target, [target, membership] { target->setMembership(membership); },
            Qt::QueuedConnection);
    }
}

HealthSnapshot Server::health() const
{
    HealthSnapshot snapshot;
    snapshot.running = !m_stopping;
    for (const auto &worker : m_workers) {
        snapshot.connectedInstances
            = qMax(snapshot.connectedInstances, worker->connectedInstances());
        snapshot.edges += worker->edgeCount();
    }
    return snapshot;
}

void Server::onConnectivityChanged()
{
    const bool anyConnected = health().connectedInstances > 0;
    if (m_hadPlatform && !anyConnected && !m_stopping) {
        qCWarning(lcServer) << "no platform instance connected: closing every edge (1011)";
        for (const auto &worker : m_workers) {
            Worker *target = worker.get();
            QMetaObject::invokeMethod(
                target, [target] { target->closeEdgesIfNoPlatform(); }, Qt::QueuedConnection);
        }
    }
    m_hadPlatform = anyConnected;
}

void Server::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "stopping: draining in-flight requests for up to" << DrainMs << "ms";
    if (m_acceptor)
        m_acceptor->close();
    if (m_workers.empty()) {
        Q_EMIT stopped();
        return;
    }
    const qint64 deadline = nowMs() + DrainMs;
    for (const auto &worker : m_workers) {
        Worker *target = worker.get();
        QMetaObject::invokeMethod(
            target, [target, deadline] { target->drain(deadline); }, Qt::QueuedConnection);
    }
}

void Server::onWorkerDrained()
{
    if (++m_drainedWorkers < int(m_workers.size()))
        return;
    // Give the close frames a moment to leave, bounded, then stop the threads.
    auto *flush = new QTimer(this);
    const qint64 giveUp = nowMs() + CloseFlushMs;
    connect(flush, &QTimer::timeout, this, [this, flush, giveUp] {
        if (health().edges > 0 && nowMs() < giveUp)
            return;
        flush->stop();
        stopThreads();
        qCInfo(lcServer) << "stopped";
        Q_EMIT stopped();
    });
    flush->start(20);
}

void Server::stopThreads()
{
    // Each worker is deleted on its own thread (its sockets and timers live there).
    for (size_t i = 0; i < m_threads.size(); ++i) {
        Worker *worker = m_workers[i].release();
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
    m_threads.clear();
    m_workers.clear(); // any that never got a thread
}

} // namespace cx::server

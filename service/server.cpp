#include "server.h"

#include "clock.h"
#include "edgeacceptor.h"
#include "healthserver.h"
#include "logsink.h"
#include "plugin/pluginloader.h"
#include "plugin/routing.h"
#include "reloadplan.h"
#include "statusserver.h"
#include "systemdnotify.h"
#include "tlscontext.h"
#include "worker.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cx::server {

Q_LOGGING_CATEGORY(lcServer, "cx.server")

namespace {
constexpr int CloseFlushMs = 500; ///< after the drain, close frames get this long to leave

QString pluginDir(const ServiceOptions &options, const char *kind)
{
    return QDir(options.pluginPath).filePath(QLatin1StringView(kind));
}

cx::Result<plugin::RoutingFactory *> loadRouting(const ServiceOptions &options)
{
    return plugin::loadFactory<plugin::RoutingFactory>(pluginDir(options, "routing"),
                                                       options.routingPlugin);
}

/// A discovery backend of options' plugin, owned by parent, not started yet.
cx::Result<plugin::DiscoveryBackend *> createDiscovery(const ServiceOptions &options,
                                                       QObject *parent)
{
    auto factory = plugin::loadFactory<plugin::DiscoveryFactory>(pluginDir(options, "discovery"),
                                                                 options.discoveryPlugin);
    if (!factory)
        return factory.error();
    QString error;
    plugin::DiscoveryBackend *backend
        = factory.value()->create(options.pluginContext, parent, &error);
    if (!backend)
        return Error(u"discovery plugin "_s + options.discoveryPlugin + u": "_s + error);
    return backend;
}

/// "CN=edge.example, valid until 2027-12-06": what an operator checks after a renewal.
QString certificateSummary(const QSslConfiguration &ssl)
{
    const QSslCertificate certificate = ssl.localCertificate();
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    return u"CN="_s + (names.isEmpty() ? u"(none)"_s : names.first()) + u", valid until "_s
        + certificate.expiryDate().toUTC().toString(Qt::ISODate);
}

/// The edge TLS context of \a plane (*tls stays null when edge TLS is off); false with
/// *error naming the keystore key when OpenSSL refuses the keystore or the policy.
bool makeEdgeTls(const DataPlaneSettings &plane, std::shared_ptr<const TlsContext> *tls,
                 QString *error)
{
    if (!plane.edgeTls)
        return true;
    QString tlsError;
    *tls = TlsContext::create(
        plane.edgeSsl, {plane.tlsMinVersion, plane.tlsCiphers, plane.tlsCipherSuites}, &tlsError);
    if (!*tls)
        *error = u"protocol.http-server.ssl.key-store.file: the keystore cannot serve TLS: "_s
            + tlsError;
    return *tls != nullptr;
}

} // namespace

Server::Server(ServiceOptions options, ConfigSource reread, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_reread(std::move(reread))
    , m_startConfig(m_options.source)
{
    qRegisterMetaType<cx::plugin::Membership>();
    m_uptime.start();
}

Server::~Server()
{
    stopThreads();
}

int Server::start()
{
    QLoggingCategory::setFilterRules(m_options.logFilterRules);
    auto routing = loadRouting(m_options);
    if (!routing) {
        qCCritical(lcServer).noquote() << "routing plugin:" << routing.error().forLog();
        return 1;
    }
    auto discovery = createDiscovery(m_options, this);
    if (!discovery) {
        qCCritical(lcServer).noquote() << discovery.error().forLog();
        return 1;
    }
    m_discovery = discovery.value();

    std::shared_ptr<const TlsContext> tls;
    if (QString error; !makeEdgeTls(m_options.dataPlane, &tls, &error)) {
        qCCritical(lcServer).noquote() << error;
        return 2;
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
        worker->setTlsContext(tls);
        auto thread = std::make_unique<eventloop::WorkerThread>();
        worker->moveToThread(thread->start(QStringLiteral("cx-worker-%1").arg(i),
                                           eventloop::WorkerThread::Dispatcher::Epoll));
        bool started = false;
        QString error;
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
        m_health = new HealthServer([this] { return health(); },
                                    [this] { return collect().prometheusText(); }, this);
        healthPort = m_health->listen(m_options.healthAddress, m_options.healthPort);
        if (healthPort == 0) {
            qCCritical(lcServer).noquote()
                << "cannot listen for health checks on port" << m_options.healthPort;
            return 2;
        }
    }
    QString statusSocket = u"none"_s;
    if (!m_options.adminSocket.isEmpty()) {
        m_status = new StatusServer([this] { return collect().snapshot(); },
                                    [this] { return reload(); }, this);
        const Result<QString> listening = m_status->listen(m_options.adminSocket);
        if (listening) {
            statusSocket = listening.value();
        } else {
            // The data plane does not depend on it: run, and say so loudly.
            qCCritical(lcServer).noquote() << listening.error().forLog()
                                           << "; cxctl and the configurator cannot reach this "
                                              "cxserver";
        }
    }
    startDiscovery(m_discovery);
    qCInfo(lcLifecycle).noquote()
        << QStringLiteral("ready: edges on %1:%2 (%3), health on port %4, status socket %5, "
                          "%6 worker(s), discovery %7, routing %8")
               .arg(m_acceptor->serverAddress().toString())
               .arg(m_acceptor->serverPort())
               .arg(m_options.dataPlane.edgeTls ? QStringLiteral("TLS") : QStringLiteral("plain"))
               .arg(healthPort)
               .arg(statusSocket)
               .arg(workerCount)
               .arg(m_options.discoveryPlugin, m_options.routingPlugin);
    return 0;
}

void Server::startDiscovery(plugin::DiscoveryBackend *backend)
{
    connect(backend, &plugin::DiscoveryBackend::instancesChanged, this,
            [this, backend](const auto &m) {
                if (backend == m_discovery)
                    publish(m);
            });
    connect(backend, &plugin::DiscoveryBackend::failed, this,
            [backend, this](const QString &reason) {
                if (backend != m_discovery)
                    return;
                qCCritical(lcServer).noquote() << "discovery failed:" << reason + u"; stopping";
                QCoreApplication::exit(1);
            });
    backend->start();
}

void Server::publish(const plugin::Membership &membership)
{
    ++m_discoveryEvents;
    qCInfo(lcServer) << "membership:" << membership.size() << "instance(s)";
    for (const auto &worker : m_workers) {
        Worker *target = worker.get();
        QMetaObject::invokeMethod(
            target, [target, membership] { target->setMembership(membership); },
            Qt::QueuedConnection);
    }
}

ServiceStats Server::collect() const
{
    ServiceStats stats;
    for (const auto &worker : m_workers)
        stats.total.add(worker->publishedStats());
    stats.version = QCoreApplication::applicationVersion();
    stats.uptimeSeconds = m_uptime.elapsed() / 1000;
    stats.discoveryPlugin = m_options.discoveryPlugin;
    stats.discoveryState = m_discovery ? plugin::DiscoveryBackend::stateName(m_discovery->state())
                                       : u"disconnected"_s;
    stats.routingPlugin = m_options.routingPlugin;
    stats.discoveryEvents = m_discoveryEvents;
    stats.reloads = m_reloads;
    stats.reloadFailures = m_reloadFailures;
    stats.running = !m_stopping;
    return stats;
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

// ---- reload -------------------------------------------------------------------------------

QJsonObject Server::rejectReload(const QStringList &errors)
{
    ++m_reloadFailures;
    qCWarning(lcLifecycle).noquote()
        << "reload rejected; the running configuration stays:" << errors.join(u"; "_s);
    cx::service::systemd::notify("READY=1");
    return {{u"ok"_s, false},
            {u"error"_s, u"configuration rejected; the running configuration stays"_s},
            {u"errors"_s, QJsonArray::fromStringList(errors)}};
}

QJsonObject Server::reload()
{
    if (m_stopping)
        return {{u"ok"_s, false}, {u"error"_s, u"cxserver is stopping"_s}};
    cx::service::systemd::notify("RELOADING=1");
    auto reread = m_reread();
    if (const QStringList *errors = std::get_if<QStringList>(&reread))
        return rejectReload(*errors);
    ServiceOptions next = std::get<ServiceOptions>(std::move(reread));
    ReloadPlan plan = planReload(*m_options.source, *next.source);
    // Restart-only keys stay at their start values however many reloads come between.
    plan.restartNeeded = planReload(*m_startConfig, *next.source).restartNeeded;

    // What needs a restart keeps the running value.
    next.listenAddress = m_options.listenAddress;
    next.listenPort = m_options.listenPort;
    next.healthPort = m_options.healthPort;
    next.healthAddress = m_options.healthAddress;
    next.adminSocket = m_options.adminSocket;
    next.pluginPath = m_options.pluginPath;
    next.dataPlane.workerCount = m_options.dataPlane.workerCount;
    next.dataPlane.pipeCount = m_options.dataPlane.pipeCount;
    next.dataPlane.edgeTls = m_options.dataPlane.edgeTls;

    // Everything that can fail, before anything changes. The edge keystore is read again
    // whether or not its keys changed (a renewed file may replace the old one in place).
    std::shared_ptr<const TlsContext> tls;
    if (QString error; !makeEdgeTls(next.dataPlane, &tls, &error))
        return rejectReload({error + u"; the running certificate stays"_s});
    plugin::RoutingFactory *routing = nullptr;
    if (plan.routingChanged) {
        auto loaded = loadRouting(next);
        if (!loaded)
            return rejectReload({u"routing plugin: "_s + loaded.error().message});
        routing = loaded.value();
    }
    std::unique_ptr<plugin::DiscoveryBackend> discovery;
    if (plan.discoveryChanged) {
        auto created = createDiscovery(next, nullptr);
        if (!created)
            return rejectReload({created.error().message});
        discovery.reset(created.value());
    }
    if (routing) {
        // Every worker's new backend exists before any routes with it: all or none.
        QString error;
        bool prepared = true;
        for (const auto &worker : m_workers) {
            Worker *target = worker.get();
            QMetaObject::invokeMethod(
                target,
                [&] { prepared = target->prepareRouting(*routing, next.pluginContext, &error); },
                Qt::BlockingQueuedConnection);
            if (!prepared) {
                error = u"worker %1: %2"_s.arg(target->index()).arg(error);
                break;
            }
        }
        if (!prepared) {
            for (const auto &worker : m_workers) {
                Worker *target = worker.get();
                QMetaObject::invokeMethod(
                    target, [target] { target->finishRouting(false); }, Qt::QueuedConnection);
            }
            return rejectReload({u"routing plugin "_s + next.routingPlugin + u": "_s + error});
        }
    }

    // Apply.
    for (const auto &worker : m_workers) {
        Worker *target = worker.get();
        QMetaObject::invokeMethod(
            target,
            [target, settings = next.dataPlane, context = next.pluginContext, tls] {
                target->applySettings(settings, context);
                target->setTlsContext(tls); // new handshakes only: established edges stay
                target->finishRouting(true); // when a backend was prepared
            },
            Qt::QueuedConnection);
    }
    if (plan.loggingChanged)
        QLoggingCategory::setFilterRules(next.logFilterRules);
    if (discovery) {
        plugin::DiscoveryBackend *old = m_discovery;
        m_discovery = discovery.release();
        m_discovery->setParent(this);
        startDiscovery(m_discovery);
        old->deleteLater(); // the workers keep its last membership until the new one reports
    }
    if (tls)
        qCInfo(lcLifecycle).noquote() << "edge certificate for new connections:"
                                      << certificateSummary(next.dataPlane.edgeSsl);
    m_options = std::move(next);
    ++m_reloads;
    qCInfo(lcLifecycle).noquote() << "reload applied:"
                                  << (plan.applied.isEmpty() ? u"nothing changed"_s
                                                             : plan.applied.join(u", "_s));
    if (!plan.restartNeeded.isEmpty())
        qCWarning(lcServer).noquote()
            << "restart needed to apply:" << plan.restartNeeded.join(u", "_s)
            << "(the running values stay until then)";
    cx::service::systemd::notify("READY=1");
    return {{u"ok"_s, true},
            {u"applied"_s, QJsonArray::fromStringList(plan.applied)},
            {u"restartNeeded"_s, QJsonArray::fromStringList(plan.restartNeeded)}};
}

// ---- stop ---------------------------------------------------------------------------------

void Server::stop()
{
    if (m_stopping) {
        if (m_healthGrace && m_healthGrace->isActive()) { // asked again: no more grace
            m_healthGrace->stop();
            drain();
        }
        return;
    }
    m_stopping = true; // /health answers 503 from now on
    if (m_options.healthGraceMs > 0 && !m_workers.empty()) {
        // Phase 1 (config.md §2 shutdown.health-grace): edges are still served and accepted
        // while the load balancer's health checks see 503 and move new edges away.
        qCInfo(lcLifecycle) << "stopping: /health answers 503 for" << m_options.healthGraceMs
                            << "ms while edges are still served";
        m_healthGrace = new QTimer(this);
        m_healthGrace->setSingleShot(true);
        connect(m_healthGrace, &QTimer::timeout, this, &Server::drain);
        m_healthGrace->start(int(m_options.healthGraceMs));
        return;
    }
    drain();
}

void Server::drain()
{
    qCInfo(lcLifecycle) << "stopping: closing the edge listener, draining in-flight requests "
                           "for up to"
                        << m_options.drainTimeoutMs << "ms";
    if (m_acceptor)
        m_acceptor->close();
    if (m_workers.empty()) {
        Q_EMIT stopped();
        return;
    }
    const qint64 deadline = nowMs() + m_options.drainTimeoutMs;
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
        qCInfo(lcLifecycle) << "stopped";
        Q_EMIT stopped();
    });
    flush->start(20);
}

void Server::stopThreads()
{
    // Each worker is deleted on its own thread (its sockets and timers live there).
    for (size_t i = 0; i < m_threads.size(); ++i) {
        eventloop::deleteInItsThread(m_workers[i].release());
        m_threads[i]->stop();
    }
    m_threads.clear();
    m_workers.clear(); // any that never got a thread
}

} // namespace cx::server

#pragma once

#include "dataplanesettings.h"
#include "edgesession.h"
#include "eventloop/eventpoller.h"
#include "exchange.h"
#include "instancelink.h"
#include "platformpipe.h"
#include "plugin/routing.h"
#include "publishedstats.h"
#include "tlscontext.h"
#include "upstreamset.h"
#include "workerstats.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <memory>
#include <vector>

class QUrl;
struct ssl_st;

namespace cx::alwayson {
struct Header;
}

namespace cx::server {

class TunnelRelay;

/// A share-nothing worker (architecture.md "Threading"): one event loop thread that owns a
/// set of edge connections, its own pipes to every platform instance, its own routing
/// backend and its own tables of requests in flight. Nothing on the message path takes a
/// lock; other threads talk to a worker only by queued calls to its public slots and read
/// its few atomic counters.
class Worker : public QObject, private PipeListener, private EdgeListener, private ExchangeListener
{
    Q_OBJECT
public:
    Worker(int index, DataPlaneSettings settings, plugin::RoutingFactory &routing,
           const plugin::PluginContext &context);
    ~Worker() override;

    /// All workers of the process, by index (endpointId % count is the owner of an edge).
    /// Set once, before the threads start.
    void setPeers(std::vector<Worker *> peers) { m_peers = std::move(peers); }

    int index() const { return m_index; }
    /// Instances with at least one connected pipe in this worker. Any thread.
    int connectedInstances() const { return m_upstreams.connectedInstances(); }
    int edgeCount() const { return m_edgeCount.load(std::memory_order_relaxed); }

    // Entry points, each called on the worker's thread (queued from elsewhere).
    /// Creates the routing backend and timers. An error ends the service.
    bool start(QString *error);
    /// A new edge TCP connection accepted by the acceptor, with its endpointId.
    void adoptConnection(qintptr descriptor, quint32 endpointId);
    /// The cluster membership changed (an immutable snapshot).
    void setMembership(const cx::plugin::Membership &membership);
    /// protocol.md §4 rule 8, when the whole process has no connected instance.
    void closeEdgesIfNoPlatform();
    /// SIGTERM: let in-flight requests finish until deadlineMs (nowMs() clock), closing each
    /// edge as soon as it has none; then fail the rest, close everything and emit drained().
    void drain(qint64 deadlineMs);
    /// A platform request for an edge owned by this worker that arrived on another's pipe.
    void deliverPlatformRequest(QByteArray message, int fromWorker, quint32 pipeSerial);
    /// Sends on this worker's pipe with that serial, if it is still connected.
    void sendOnPipe(quint32 pipeSerial, QByteArrayView message);
    /// A copy of this worker's counters and per-instance state, as published on its last
    /// tick (every 50 ms). Any thread; never waits for the worker.
    WorkerStats publishedStats() const { return m_published.latest(); }
    /// Reload: settings that may change live (timeouts, watermarks, app key for new pipes).
    /// pipeCount and workerCount are the caller's to keep unchanged.
    void applySettings(const DataPlaneSettings &settings, const plugin::PluginContext &context);
    /// The edge TLS context new connections use (nullptr: plain); replaced on reload, when
    /// a renewed certificate takes effect for new handshakes while established edges stay.
    void setTlsContext(std::shared_ptr<const TlsContext> tls);
    /// Reload, first step: makes this worker's backend of another routing plugin without
    /// routing with it yet; false with *error set when the plugin refuses. The server
    /// prepares every worker before it commits any, so a reload changes all or none.
    bool prepareRouting(plugin::RoutingFactory &routing, const plugin::PluginContext &context,
                        QString *error);
    /// Reload, second step: routes with the prepared backend from now on (\a commit), or
    /// drops it and keeps the current one.
    void finishRouting(bool commit);

Q_SIGNALS:
    /// connectedInstances() went to or from zero.
    void platformConnectivityChanged();
    void drained();

private:
    // PipeListener
    void pipeConnected(PlatformPipe &pipe) override;
    void pipeLost(PlatformPipe &pipe) override;
    void pipeFailed(PlatformPipe &pipe, const QString &reason) override;
    void pipeMessage(PlatformPipe &pipe, std::span<char> message) override;
    // EdgeListener
    void edgeUpgrading(EdgeSession &edge, QByteArrayView target) override;
    void edgeMessage(EdgeSession &edge, std::span<char> message) override;
    void edgeActive(EdgeSession &edge) override;
    void edgeClosed(EdgeSession &edge) override;
    // ExchangeListener
    void edgeAuthenticated(EdgeSession &edge) override;
    void sendOnPipeOf(int pipeWorker, quint32 pipeSerial, QByteArrayView message) override;
    void removeEdge(EdgeSession &edge);
    /// The edge's TLS and WebSocket handshake is over (upgraded or closed): it no longer
    /// counts against limits.max-handshakes.
    void endHandshake(EdgeSession &edge);
    void platformRequest(PlatformPipe &pipe, std::span<char> message,
                         const alwayson::Header &header);
    /// The authenticated, open edge a platform request to \a endpointId goes to; nullptr
    /// when there is none (the platform hears 0x94 "unknown endpoint").
    EdgeSession *addressableEdge(quint32 endpointId) const;
    /// Answers platform request \a header with 0x94 "unknown endpoint" on pipe \a pipeSerial
    /// of worker \a pipeWorker.
    void refuseUnknownEndpoint(const alwayson::Header &header, int pipeWorker, quint32 pipeSerial);
    void openTunnel(std::unique_ptr<EdgeConnection> connection, QByteArrayView target,
                    InstanceLink &link);
    void onTick();
    void finishDrain();
    /// A copy of this worker's counters and per-instance state, taken now.
    WorkerStats stats();

    const int m_index;
    DataPlaneSettings m_settings;
    plugin::RoutingFactory *m_routingFactory;
    plugin::PluginContext m_context;
    plugin::RoutingBackend *m_router = nullptr;
    /// A reload's backend, between prepareRouting() and finishRouting() (child).
    plugin::RoutingBackend *m_preparedRouter = nullptr;
    plugin::RoutingFactory *m_preparedFactory = nullptr;
    std::vector<Worker *> m_peers;
    eventloop::EventPoller *m_poller = nullptr; ///< the edge sockets' readiness (child)
    std::shared_ptr<const TlsContext> m_tls; ///< edge TLS, when enabled (shared by all workers)
    QTimer m_tick;

    UpstreamSet m_upstreams; ///< the platform instances, their pipes, the routing candidates

    QHash<quint32, EdgeSession *> m_edges; ///< by cxserver endpointId
    int m_handshakes = 0; ///< edges still in their TLS or WebSocket handshake
    EdgeAuthQueue m_authQueue; ///< edges awaiting AUTH, by deadline
    EdgeIdleQueue m_idleQueue; ///< the others, least recently active first

    bool m_draining = false;
    qint64 m_drainDeadline = 0;
    std::atomic<int> m_edgeCount {0};
    qint64 m_authenticatedEdges = 0;
    TrafficCounters m_traffic;
    Exchange m_exchange {m_settings, m_upstreams, m_edges, m_traffic, *this}; ///< in flight
    PublishedStats m_published;
};

} // namespace cx::server

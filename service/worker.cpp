#include "worker.h"

#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "clock.h"
#include "edgepath.h"
#include "tunnelrelay.h"
#include "websocket/frame.h"
#include "workerlog.h"

#include <QLoggingCategory>
#include <QUrl>

namespace cx::server {

Q_LOGGING_CATEGORY(lcWorker, "cx.worker")

using alwayson::Code;
using alwayson::Header;

namespace {

constexpr int TickMs = 50;
/// A message that crosses to another worker's thread: the borrowed buffer does not live so long.
QByteArray copyOf(std::span<const char> message)
{
    return QByteArray(message.data(), qsizetype(message.size()));
}

} // namespace

Worker::Worker(int index, DataPlaneSettings settings, plugin::RoutingFactory &routing,
               const plugin::PluginContext &context)
    : m_index(index)
    , m_settings(std::move(settings))
    , m_routingFactory(&routing)
    , m_context(context)
    , m_tick(this)
    , m_upstreams(
          index, m_settings.pipesForWorker(index),
          [this](InstanceLink &link, quint32 serial) {
              return new PlatformPipe(*this, *m_poller, m_settings, link.instance.url(), link,
                                      serial, this);
          },
          [this] { Q_EMIT platformConnectivityChanged(); })
{
    m_context.workerIndex = index;
}

Worker::~Worker() = default; // pipes and sessions are children; they make no callbacks when deleted

bool Worker::start(QString *error)
{
    m_router = m_routingFactory->create(m_context, this, error);
    if (!m_router)
        return false;
    m_exchange.setRouter(m_router);
    m_poller = new eventloop::EventPoller(this);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &Worker::onTick);
    m_tick.start();
    m_published.publish(stats());
    return true;
}

// ---- edges: accept, upgrade, dispatch ------------------------------------------------

void Worker::adoptConnection(qintptr descriptor, quint32 endpointId)
{
    // Caps first: a refused connection costs nothing beyond its descriptor.
    if (m_edges.size() >= m_settings.shareOf(m_settings.maxEdges)) {
        ++m_traffic.refusedByEdgeCap;
        EdgeConnection::turnAway(descriptor, m_tls != nullptr);
        return;
    }
    if (m_handshakes >= m_settings.shareOf(m_settings.maxHandshakes)) {
        ++m_traffic.refusedByHandshakeCap;
        EdgeConnection::turnAway(descriptor, m_tls != nullptr);
        return;
    }
    ssl_st *tls = nullptr;
    if (m_tls && !m_draining) {
        tls = m_tls->newSession(descriptor);
        if (!tls)
            qCWarning(lcWorker) << "no TLS session for a new edge connection (out of memory?)";
    }
    auto connection
        = std::make_unique<EdgeConnection>(*m_poller, descriptor, tls, m_settings.maxMessageSize);
    if (m_draining || (m_tls && !tls))
        return; // the connection closes the descriptor
    connection->setBudget(m_settings.highWaterMark, m_settings.lowWaterMark,
                          m_settings.edgeSendLimit());
    auto *edge = new EdgeSession(*this, std::move(connection), endpointId, this);
    QString error;
    if (!edge->connection().start(&error)) {
        qCWarning(lcWorker) << "cannot watch a new edge connection:" << error;
        delete edge; // never registered: no event can reach it
        return;
    }
    edge->deadline = nowMs() + m_settings.authTimeoutMs;
    m_authQueue.append(edge);
    m_edges.insert(endpointId, edge);
    ++m_handshakes;
    m_edgeCount.store(int(m_edges.size()), std::memory_order_relaxed);
}

void Worker::edgeUpgrading(EdgeSession &edge, QByteArrayView target)
{
    endHandshake(edge);
    const qsizetype question = target.indexOf('?');
    const EdgePath path = classifyEdgePath(question < 0 ? target : target.first(question));
    if (path.kind == EdgePath::Kind::AlwaysOn) {
        edge.connection().accept();
        // The AUTH deadline runs from the upgrade (docs/dataplane.md); a constant timeout
        // keeps the queue in deadline order.
        edge.deadline = nowMs() + m_settings.authTimeoutMs;
        m_authQueue.moveToBack(&edge);
        return;
    }
    if (path.kind != EdgePath::Kind::Unknown) {
        if (m_upstreams.liveTunnels() >= m_settings.shareOf(m_settings.maxTunnels)) {
            ++m_traffic.refusedByTunnelCap;
            edge.connection().refuse("503 Service Unavailable");
            return;
        }
        InstanceLink *link = m_upstreams.tunnelLink(target);
        if (!link) {
            edge.connection().accept();
            edge.closeWith(websocket::CloseInternalError, QStringLiteral("no platform connection"));
            return;
        }
        // The connection leaves the session for a relay; the session goes.
        removeEdge(edge);
        openTunnel(edge.takeConnection(), target, *link);
        edge.deleteLater();
        return;
    }
    qCDebug(lcWorker) << "refused a WebSocket upgrade on an unknown path from" << edge.peer();
    edge.connection().refuse("404 Not Found");
}

void Worker::endHandshake(EdgeSession &edge)
{
    if (!edge.handshaking)
        return;
    edge.handshaking = false;
    --m_handshakes;
}

void Worker::edgeActive(EdgeSession &edge)
{
    if (edge.awaitsAuth() || edge.isClosing())
        return; // the AUTH deadline stands; a closing edge leaves the lists for good
    edge.deadline = nowMs();
    m_idleQueue.moveToBack(&edge);
}

void Worker::edgeMessage(EdgeSession &edge, std::span<char> message)
{
    ++m_traffic.edgeMessagesIn;
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    if (!parsed.ok()) {
        if (!parsed.answerWithBadRequest()) {
            edge.closeWith(websocket::CloseProtocolError,
                           QString::fromLatin1(alwayson::reason(parsed.error)));
            return;
        }
        m_exchange.reply(edge, parsed.header, quint8(Code::BadRequest),
                         alwayson::reason(parsed.error));
        edge.reportOffence(QStringLiteral("sent a malformed message (%1); answered 0x80")
                               .arg(QLatin1StringView(alwayson::reason(parsed.error))));
        if (edge.awaitsAuth())
            edge.closeWith(websocket::ClosePolicyViolation,
                           QStringLiteral("the first message must be AUTH"));
        return;
    }
    const Header &header = parsed.header;
    if (header.isResponse()) {
        m_exchange.edgeResponse(edge, message, header);
        return;
    }
    switch (edge.admit(header)) {
    case EdgeSession::Admission::Refused:
        edge.closeWith(websocket::ClosePolicyViolation,
                       QStringLiteral("the first message must be AUTH"));
        return;
    case EdgeSession::Admission::FirstAuth:
        m_authQueue.remove(&edge);
        edge.deadline = nowMs();
        m_idleQueue.append(&edge);
        break;
    case EdgeSession::Admission::Admitted:
        break;
    }
    m_exchange.edgeRequest(edge, message, header);
}

// ---- platform messages -------------------------------------------------------------------

void Worker::pipeMessage(PlatformPipe &pipe, std::span<char> message)
{
    ++m_traffic.platformMessagesIn;
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    if (!parsed.ok()) {
        qCWarning(lcWorker) << "malformed message from" << pipe.url().toDisplayString() << ":"
                            << alwayson::reason(parsed.error) << "; dropped";
        return;
    }
    if (parsed.header.endpointId == alwayson::PipeEndpointId)
        return; // pipe-level traffic after AUTH: nothing to relay
    if (parsed.header.isResponse())
        m_exchange.platformResponse(pipe, message, parsed.header);
    else
        platformRequest(pipe, message, parsed.header);
}

void Worker::platformRequest(PlatformPipe &pipe, std::span<char> message, const Header &header)
{
    const int owner = m_peers.empty() ? m_index : int(header.endpointId % quint32(m_peers.size()));
    if (owner != m_index) {
        QMetaObject::invokeMethod(
            m_peers[size_t(owner)],
            [peer = m_peers[size_t(owner)], message = copyOf(message), from = m_index,
             serial = pipe.serial()] { peer->deliverPlatformRequest(message, from, serial); },
            Qt::QueuedConnection);
        return;
    }
    EdgeSession *edge = addressableEdge(header.endpointId);
    if (!edge) {
        refuseUnknownEndpoint(header, m_index, pipe.serial());
        return;
    }
    m_exchange.platformRequest(*edge, message, header, m_index, pipe.serial());
}

void Worker::deliverPlatformRequest(QByteArray message, int fromWorker, quint32 pipeSerial)
{
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    EdgeSession *edge = addressableEdge(parsed.header.endpointId);
    if (!edge) {
        refuseUnknownEndpoint(parsed.header, fromWorker, pipeSerial);
        return;
    }
    m_exchange.platformRequest(*edge, std::span<char>(message.data(), size_t(message.size())),
                               parsed.header, fromWorker, pipeSerial);
}

EdgeSession *Worker::addressableEdge(quint32 endpointId) const
{
    EdgeSession *edge = m_edges.value(endpointId);
    return edge && edge->isAddressable() ? edge : nullptr;
}

void Worker::refuseUnknownEndpoint(const Header &header, int pipeWorker, quint32 pipeSerial)
{
    ++m_traffic.errorsToPlatforms[quint8(Code::NotFound)];
    sendOnPipeOf(pipeWorker, pipeSerial,
                 alwayson::buildErrorResponse(header, header.endpointId, Code::NotFound,
                                              "unknown endpoint"));
}

void Worker::edgeAuthenticated(EdgeSession &)
{
    ++m_authenticatedEdges;
}

void Worker::sendOnPipeOf(int pipeWorker, quint32 pipeSerial, QByteArrayView message)
{
    if (pipeWorker == m_index) {
        sendOnPipe(pipeSerial, message);
        return;
    }
    Worker *peer = m_peers[size_t(pipeWorker)];
    QMetaObject::invokeMethod(
        peer,
        [peer, pipeSerial, message = message.toByteArray()] {
            peer->sendOnPipe(pipeSerial, message);
        },
        Qt::QueuedConnection);
}

void Worker::sendOnPipe(quint32 pipeSerial, QByteArrayView message)
{
    PlatformPipe *pipe = m_upstreams.pipe(pipeSerial);
    if (pipe && pipe->isConnected()) {
        ++m_traffic.platformMessagesOut;
        pipe->send(message);
    }
}

// ---- edge close: UNBIND -------------------------------------------------------------------

void Worker::removeEdge(EdgeSession &edge)
{
    m_authQueue.remove(&edge);
    m_idleQueue.remove(&edge);
    m_edges.remove(edge.endpointId());
    m_edgeCount.store(int(m_edges.size()), std::memory_order_relaxed);
}

void Worker::edgeClosed(EdgeSession &edge)
{
    endHandshake(edge);
    if (edge.connection().overflowed())
        ++m_traffic.edgesOverSendLimit;
    removeEdge(edge);
    if (edge.isAuthenticated())
        --m_authenticatedEdges;
    if (edge.isAuthenticated() && !edge.boundThings().isEmpty())
        m_exchange.unbindThings(edge);
    edge.deleteLater();
}

// ---- pipes and membership -----------------------------------------------------------------

void Worker::pipeConnected(PlatformPipe &pipe)
{
    m_upstreams.pipeConnected(pipe);
}

void Worker::pipeLost(PlatformPipe &pipe)
{
    // The link first: failing the last request of a removed instance's last pipe may
    // forget the link.
    m_upstreams.pipeLost(pipe);
    m_exchange.pipeLost(pipe);
}

void Worker::pipeFailed(PlatformPipe &pipe, const QString &reason)
{
    m_upstreams.pipeFailed(pipe, reason);
}

void Worker::setMembership(const plugin::Membership &membership)
{
    m_upstreams.setMembership(membership);
    m_router->membershipChanged(m_upstreams.count());
}

// ---- tunnels ------------------------------------------------------------------------------

void Worker::openTunnel(std::unique_ptr<EdgeConnection> connection, QByteArrayView target,
                        InstanceLink &link)
{
    // The query goes on as sent, with the client's credentials.
    const websocket::HttpHeaders credentials = connection->takeCredentials();
    auto *relay = new TunnelRelay(std::move(connection), *m_poller,
                                  link.instance.url(QString::fromLatin1(target)), credentials,
                                  link.instance.id, m_settings, m_traffic, this);
    // Relays that finished are forgotten here, so the list stays as long as the live ones.
    std::erase_if(link.tunnels, [](const QPointer<TunnelRelay> &t) { return t.isNull(); });
    link.tunnels.emplace_back(relay);
}

// ---- time: request timeouts, AUTH deadline, idle edges, handshakes ------------------------

void Worker::onTick()
{
    const qint64 now = nowMs();
    m_exchange.expire(now);
    while (EdgeSession *edge = m_authQueue.front()) {
        if (edge->deadline > now)
            break;
        m_authQueue.remove(edge);
        if (edge->isUpgraded()) {
            edge->closeWith(websocket::ClosePolicyViolation, QStringLiteral("no AUTH in time"));
            continue;
        }
        qCInfo(lcWorker).noquote() << "connection from" << edge->peer()
                                   << "did not complete its TLS/WebSocket handshake within"
                                   << m_settings.authTimeoutMs << "ms; closed";
        edge->abort();
    }
    while (EdgeSession *edge = m_idleQueue.front()) {
        if (edge->deadline + m_settings.idleReadTimeoutMs > now)
            break;
        m_idleQueue.remove(edge);
        edge->closeWith(websocket::CloseGoingAway, QStringLiteral("idle"));
    }
    if (m_draining && (now >= m_drainDeadline || m_edges.isEmpty()))
        finishDrain();
    m_published.publish(stats());
}

// ---- rule 8 and shutdown -------------------------------------------------------------------

void Worker::closeEdgesIfNoPlatform()
{
    if (connectedInstances() > 0)
        return;
    const QList<EdgeSession *> edges = m_edges.values();
    for (EdgeSession *edge : edges)
        edge->closeWith(websocket::CloseInternalError, QStringLiteral("no platform connection"));
}

void Worker::drain(qint64 deadlineMs)
{
    m_draining = true;
    m_drainDeadline = deadlineMs;
    const QList<EdgeSession *> edges = m_edges.values();
    for (EdgeSession *edge : edges) {
        edge->draining = true;
        if (edge->inFlight == 0)
            edge->closeWith(websocket::CloseGoingAway, QStringLiteral("cxserver is stopping"));
    }
}

void Worker::finishDrain()
{
    m_tick.stop();
    m_exchange.failAll();
    const QList<EdgeSession *> edges = m_edges.values();
    for (EdgeSession *edge : edges)
        edge->closeWith(websocket::CloseGoingAway, QStringLiteral("cxserver is stopping"));
    m_upstreams.closeAll();
    m_published.publish(stats());
    Q_EMIT drained();
}

// ---- operations: status, reload ------------------------------------------------------------

WorkerStats Worker::stats()
{
    WorkerStats stats;
    stats.traffic = m_traffic;
    stats.edgesConnected = m_edges.size();
    stats.edgesAuthenticated = m_authenticatedEdges;
    stats.tunnelsOpen = m_upstreams.liveTunnels();
    for (const auto &link : m_upstreams.links()) {
        InstanceStats instance;
        instance.instance = link->instance;
        instance.pipeCount = int(link->pipes.size());
        instance.pipesConnected = int(link->connected.size());
        instance.inFlight = link->inFlight;
        instance.routed = link->routed;
        instance.errors = link->errors;
        instance.failing = !link->isConnected();
        instance.lastError = link->lastError;
        instance.lastErrorAtMs = link->lastErrorAtMs;
        for (PlatformPipe *pipe : link->pipes) {
            instance.pendingBytes += pipe->pendingBytes();
            instance.failing = instance.failing && pipe->hasFailed();
            instance.writable = instance.writable || (pipe->isConnected() && pipe->isWritable());
        }
        stats.instances.append(instance);
    }
    return stats;
}

void Worker::setTlsContext(std::shared_ptr<const TlsContext> tls)
{
    m_tls = std::move(tls); // sessions already made keep the old one alive (OpenSSL counts)
}

void Worker::applySettings(const DataPlaneSettings &settings, const plugin::PluginContext &context)
{
    m_settings = settings; // the pipes read it by reference
    m_context.config = context.config;
}

bool Worker::prepareRouting(plugin::RoutingFactory &routing, const plugin::PluginContext &context,
                            QString *error)
{
    finishRouting(false); // a reload that never finished leaves nothing behind
    plugin::PluginContext mine = context;
    mine.workerIndex = m_index;
    m_preparedRouter = routing.create(mine, this, error);
    if (!m_preparedRouter)
        return false;
    m_preparedFactory = &routing;
    return true;
}

void Worker::finishRouting(bool commit)
{
    if (!m_preparedRouter)
        return;
    plugin::RoutingBackend *prepared = std::exchange(m_preparedRouter, nullptr);
    plugin::RoutingFactory *factory = std::exchange(m_preparedFactory, nullptr);
    if (!commit) {
        delete prepared;
        return;
    }
    delete m_router;
    m_router = prepared;
    m_exchange.setRouter(m_router);
    m_routingFactory = factory;
    m_router->membershipChanged(m_upstreams.count());
}

} // namespace cx::server

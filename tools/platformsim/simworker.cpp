#include "simworker.h"

#include "clock.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>
#include <alwayson/bodies.h>
#include <alwayson/messages.h>
#include <cstring>

using namespace Qt::StringLiterals;

namespace cx::platformsim {

Q_LOGGING_CATEGORY(lcWorker, "cx.platformsim")

namespace {

using namespace cx::alwayson;

/// Read buffer of a paused socket: once full, Qt stops reading from the kernel, so the
/// sender's TCP window closes and its user-space buffer grows (cxserver's high water mark).
constexpr qint64 PausedReadBufferSize = 16 * 1024;

constexpr quint64 pendingKey(quint32 endpointId, quint32 requestId)
{
    return quint64(endpointId) << 32 | requestId;
}

bool isTunnelPath(const QString &path)
{
    return path.startsWith(u"/Thingworx/WSTunnelServer/"_s)
        || path.startsWith(u"/Thingworx/WSTunnelClient/"_s) || path == u"/Thingworx/VWS"_s;
}

} // namespace

SimWorker::SimWorker(const SimConfig &config, int index, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_upgrader(config.id, QWebSocketServer::NonSecureMode, this)
    , m_delayed(config.delayMs, this)
    , m_random(config.seed + quint64(index))
    , m_paused(config.startPaused)
{
    connect(&m_upgrader, &QWebSocketServer::newConnection, this,
            &SimWorker::takePendingConnections);
    if (config.pairTunnels)
        m_tunnelPairs = new TunnelPairs(config.appKey, config.tunnelKey, config.tunnelPairTimeoutMs,
                                        m_stats, this);
}

SimWorker::~SimWorker() = default;

void SimWorker::adopt(qintptr descriptor)
{
    // The worker owns the socket until its upgrade, its WebSocket from then on (own()).
    QTcpSocket *socket = m_config.tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcWorker, "cannot adopt an accepted socket: %s",
                  qPrintable(socket->errorString()));
        delete socket;
        return;
    }
    auto *tls = qobject_cast<QSslSocket *>(socket);
    if (!tls) {
        upgrade(socket);
        return;
    }
    tls->setSslConfiguration(*m_config.tls);
    connect(tls, &QSslSocket::encrypted, this, [this, tls] {
        QObject::disconnect(tls, nullptr, this, nullptr);
        upgrade(tls);
    });
    connect(tls, &QAbstractSocket::errorOccurred, this, [tls] {
        qCInfo(lcWorker, "TLS handshake failed: %s", qPrintable(tls->errorString()));
        tls->deleteLater();
    });
    tls->startServerEncryption();
}

void SimWorker::upgrade(QTcpSocket *transport)
{
    // No Nagle, as a platform's servlet container (Tomcat sets TCP_NODELAY): responses that
    // share a pipe would otherwise wait for the acknowledgement of the one before.
    transport->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_upgrading.append(transport);
    m_upgrader.handleConnection(transport);
}

void SimWorker::takePendingConnections()
{
    while (QWebSocket *socket = m_upgrader.nextPendingConnection()) {
        QAbstractSocket *transport = nullptr;
        m_upgrading.removeIf([&](const QPointer<QAbstractSocket> &candidate) {
            if (!candidate)
                return true;
            if (candidate->peerPort() != socket->peerPort()
                || candidate->peerAddress() != socket->peerAddress())
                return false;
            transport = candidate;
            return true;
        });
        own(socket, transport);
        const QString path = socket->requestUrl().path();
        if (path == u"/Thingworx/WS"_s)
            acceptProtocol(socket, transport);
        else if (isTunnelPath(path))
            acceptTunnel(socket, transport);
        else if (path == u"/platformsim/control"_s)
            acceptControl(socket, transport);
        else
            reject(socket, u"unknown path"_s);
    }
}

void SimWorker::acceptProtocol(QWebSocket *socket, QAbstractSocket *transport)
{
    const bool hasHeader = socket->request().hasRawHeader("appKey");
    const bool matched = hasHeader && socket->request().rawHeader("appKey") == m_config.appKey;
    m_stats.lastHeader = matched ? AppKeyHeader::Matched
                                 : (hasHeader ? AppKeyHeader::Wrong : AppKeyHeader::Absent);
    m_stats.lastHeaderNs = nowNs();
    if (hasHeader && !matched) {
        reject(socket, u"wrong appKey header"_s);
        return;
    }
    ++m_stats.accepted;
    SimConnection &connection = add(socket, transport, SimConnection::Kind::Protocol);
    connection.appKeyHeaderMatched = matched;
    connect(
        socket, &QWebSocket::binaryMessageReceived, this,
        [this, &connection](const QByteArray &message) { onProtocolMessage(connection, message); });
    connect(socket, &QWebSocket::textMessageReceived, socket, [socket] {
        socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                      u"text frames are not allowed"_s);
    });
    if (m_paused)
        pause(connection);
}

void SimWorker::acceptTunnel(QWebSocket *socket, QAbstractSocket *transport)
{
    ++m_stats.tunnels;
    // What a tunnel arrived with: a platform authorizes it on the client's credentials.
    const QNetworkRequest &request = socket->request();
    m_stats.tunnelsWithPipeKey += request.rawHeader("appKey") == m_config.appKey ? 1 : 0;
    m_stats.lastTunnelNs = nowNs();
    m_stats.lastTunnelAppKey = request.rawHeader("appKey");
    m_stats.lastTunnelAuthorization = request.rawHeader("Authorization");
    SimConnection &connection = add(socket, transport, SimConnection::Kind::Tunnel);
    if (m_paused)
        pause(connection);
    const QString path = socket->requestUrl().path();
    if (m_tunnelPairs && path != u"/Thingworx/VWS"_s) {
        m_tunnelPairs->accept(socket, path, socket->requestUrl().query());
        return;
    }
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        ++m_stats.tunnelMessages;
        socket->sendTextMessage(text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket](const QByteArray &data) {
                ++m_stats.tunnelMessages;
                socket->sendBinaryMessage(data);
            });
}

void SimWorker::acceptControl(QWebSocket *socket, QAbstractSocket *transport)
{
    const quint64 id = add(socket, transport, SimConnection::Kind::Control).id;
    connect(socket, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) {
        for (const QByteArray &line : text.toUtf8().split('\n'))
            Q_EMIT controlCommand(id, line);
    });
}

void SimWorker::own(QWebSocket *socket, QAbstractSocket *transport)
{
    socket->setParent(this);
    if (!transport) {
        qCWarning(lcWorker, "upgraded socket from %s:%u: its transport was not found",
                  qPrintable(socket->peerAddress().toString()), socket->peerPort());
        return;
    }
    // QWebSocket's destructor still uses its transport, and QWebSocketServer deletes the
    // transport (later) when it disconnects, which may come first: cut that clean-up and make
    // the transport a child of its WebSocket, deleted after the WebSocket's destructor.
    QObject::disconnect(transport, nullptr, &m_upgrader, nullptr);
    transport->setParent(socket);
}

SimConnection &SimWorker::add(QWebSocket *socket, QAbstractSocket *transport,
                              SimConnection::Kind kind)
{
    auto connection = std::make_unique<SimConnection>();
    connection->socket = socket;
    connection->transport = transport;
    connection->id = m_nextConnectionId++;
    connection->kind = kind;
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { remove(socket); });
    return *m_connections.emplace(socket, std::move(connection)).first->second;
}

void SimWorker::reject(QWebSocket *socket, const QString &reason)
{
    ++m_stats.rejected;
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

void SimWorker::remove(QWebSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    const SimConnection *connection = found->second.get();
    for (const quint32 endpointId : connection->endpoints) {
        const auto route = m_endpoints.constFind(endpointId);
        if (route != m_endpoints.constEnd() && route->connection == connection)
            m_endpoints.erase(route);
    }
    m_connections.erase(found);
    QObject::disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
}

void SimWorker::onProtocolMessage(SimConnection &connection, const QByteArray &message)
{
    ++m_stats.messages;
    const HeaderParse parsed = parseHeader(message);
    if (!parsed.ok()) {
        ++m_stats.malformed;
        if (parsed.answerWithBadRequest()) {
            ++m_stats.responses;
            connection.socket->sendBinaryMessage(buildErrorResponse(
                parsed.header, parsed.header.endpointId, Code::BadRequest, reason(parsed.error)));
        } else {
            connection.socket->close(QWebSocketProtocol::CloseCodeProtocolError,
                                     QString::fromLatin1(reason(parsed.error)));
        }
        return;
    }
    const Header &header = parsed.header;
    if (header.endpointId != PipeEndpointId)
        noteEndpoint(connection, header);
    QByteArrayView body = bodyOf(message, header);
    QByteArray whole; // a reassembled multi-part body (--echo only)
    if (header.multipart) {
        ++m_stats.chunks;
        const quint64 key = pendingKey(header.endpointId, header.requestId);
        if (m_config.echo && !header.isResponse())
            connection.partial[key].append(body);
        if (header.chunkId < header.chunkCount)
            return;
        if (m_config.echo && !header.isResponse()) {
            whole = connection.partial.take(key);
            body = whole;
        }
    }
    if (header.isResponse())
        onEgressResponse(header);
    else
        onRequest(connection, header, body);
}

void SimWorker::onRequest(SimConnection &connection, const Header &header, QByteArrayView body)
{
    ++m_stats.requests;
    m_stats.byCode.add(header.code);
    if (header.code == quint8(Code::Auth)) {
        onAuth(connection, header, body);
        return;
    }
    if (connection.role == SimConnection::Role::Unauthenticated)
        ++m_stats.requestsBeforeAuth;
    if (header.code == quint8(Code::Bind) || header.code == quint8(Code::Unbind)) {
        const BodyParse<BindBody> bind = parseBindBody(body);
        if (bind.ok())
            (header.code == quint8(Code::Bind) ? m_stats.bindNames : m_stats.unbindNames)
                += quint64(bind.body.names.size());
    }
    if (draw(m_config.dropRate)) {
        ++m_stats.dropped;
        return;
    }
    ++m_stats.responses;
    if (draw(m_config.failRate)) {
        ++m_stats.failed;
        deliver(connection,
                buildErrorResponse(header, header.endpointId, Code::InternalServerError,
                                   "simulated failure"));
    } else if (m_config.echo) {
        answerWithEcho(connection, header, body);
    } else {
        deliver(connection, buildSuccessResponse(header, header.endpointId));
    }
}

void SimWorker::onAuth(SimConnection &connection, const Header &header, QByteArrayView body)
{
    const BodyParse<AuthBody> auth = parseAuthBody(body);
    const bool keyMatches = auth.ok() && auth.body.name == QByteArrayView(AppKeyName)
        && auth.body.value == QByteArrayView(m_config.appKey);
    const bool pipe = header.endpointId == PipeEndpointId;
    // A pipe must also have sent the right header; a direct edge sends none.
    const bool ok = keyMatches && (!pipe || connection.appKeyHeaderMatched);
    if (pipe)
        ++(ok ? m_stats.authOk : m_stats.authFailed);
    else
        ++(ok ? m_stats.edgeAuthOk : m_stats.edgeAuthFailed);
    if (ok && connection.role == SimConnection::Role::Unauthenticated)
        connection.role = pipe ? SimConnection::Role::Pipe : SimConnection::Role::Edge;
    ++m_stats.responses;
    connection.socket->sendBinaryMessage(
        ok ? buildSuccessResponse(header, header.endpointId)
           : buildErrorResponse(header, header.endpointId, Code::Unauthorized, "bad app key"));
}

void SimWorker::answerWithEcho(SimConnection &connection, const Header &request,
                               QByteArrayView body)
{
    const Header response {.code = quint8(Code::Success),
                           .requestId = request.requestId,
                           .endpointId = request.endpointId,
                           .sessionId = request.sessionId};
    const qsizetype contentSize = 2 + body.size(); // reasonMarker 0, baseType INFOTABLE, body
    if (request.multipart && request.chunkSize > 0 && contentSize > request.chunkSize) {
        // Answer a multi-part request in chunks of the size its sender used.
        QByteArray content(contentSize, Qt::Uninitialized);
        BodyWriter writer(content.data());
        writer.u8(0);
        writer.u8(BaseTypeInfoTable);
        writer.raw(body);
        QList<QByteArray> chunks = buildChunks(response, content, request.chunkSize);
        if (!chunks.isEmpty()) {
            for (QByteArray &chunk : chunks)
                deliver(connection, std::move(chunk));
            return;
        }
    }
    QByteArray message(HeaderSize + contentSize, Qt::Uninitialized);
    writeHeader(response, message.data());
    BodyWriter writer(message.data() + HeaderSize);
    writer.u8(0);
    writer.u8(BaseTypeInfoTable);
    writer.raw(body);
    deliver(connection, std::move(message));
}

void SimWorker::onEgressResponse(const Header &header)
{
    if (m_egressPending.remove(pendingKey(header.endpointId, header.requestId))) {
        ++m_stats.egressAnswered;
        m_stats.egressByCode.add(header.code);
    } else {
        ++m_stats.unmatchedResponses;
    }
}

void SimWorker::noteEndpoint(SimConnection &connection, const Header &header)
{
    const auto route = m_endpoints.find(header.endpointId);
    if (route == m_endpoints.end()) {
        m_endpoints.insert(header.endpointId, {&connection, header.sessionId});
        connection.endpoints.insert(header.endpointId);
        return;
    }
    if (route->connection != &connection) {
        route->connection = &connection;
        connection.endpoints.insert(header.endpointId);
    }
    route->sessionId = header.sessionId;
}

void SimWorker::deliver(SimConnection &connection, QByteArray message)
{
    if (m_config.delayMs > 0)
        m_delayed.push(connection.socket, std::move(message));
    else
        connection.socket->sendBinaryMessage(message);
}

SimStats SimWorker::stats() const
{
    SimStats stats = m_stats;
    for (const auto &[socket, connection] : m_connections) {
        switch (connection->kind) {
        case SimConnection::Kind::Protocol:
            ++stats.openConnections;
            if (connection->role == SimConnection::Role::Pipe)
                ++stats.openPipes;
            else if (connection->role == SimConnection::Role::Edge)
                ++stats.openEdges;
            break;
        case SimConnection::Kind::Tunnel:
            ++stats.openTunnels;
            break;
        case SimConnection::Kind::Control:
            break;
        }
    }
    stats.endpoints = m_endpoints.keys();
    return stats;
}

int SimWorker::sendEgress(quint32 endpointId, quint8 code, int count)
{
    const auto route = m_endpoints.constFind(endpointId);
    if (route == m_endpoints.constEnd())
        return -1;
    for (int i = 0; i < count; ++i) {
        const Header header {.code = code,
                             .requestId = m_nextEgressId++,
                             .endpointId = endpointId,
                             .sessionId = route->sessionId};
        m_egressPending.insert(pendingKey(endpointId, header.requestId));
        ++m_stats.egressSent;
        route->connection->socket->sendBinaryMessage(buildMessage(header, {}));
    }
    return count;
}

void SimWorker::setPaused(bool paused)
{
    m_paused = paused;
    // Resuming reads what arrived meanwhile, and a message read can close its socket and
    // remove it at once: walk a snapshot, and look each socket up again.
    QList<QWebSocket *> sockets;
    for (const auto &[socket, connection] : m_connections) {
        if (connection->kind != SimConnection::Kind::Control)
            sockets.append(socket); // pipes, edges and tunnels stop being read; control stays
    }
    for (QWebSocket *socket : std::as_const(sockets)) {
        const auto found = m_connections.find(socket);
        if (found == m_connections.end())
            continue;
        if (paused)
            pause(*found->second);
        else
            resume(*found->second);
    }
}

void SimWorker::pause(SimConnection &connection)
{
    if (connection.paused || !connection.transport)
        return;
    // The WebSocket reads its transport on readyRead: blocking the transport's signals stops
    // that, and a bounded read buffer makes Qt stop reading from the kernel.
    connection.transport->setReadBufferSize(PausedReadBufferSize);
    connection.transport->blockSignals(true);
    connection.paused = true;
}

void SimWorker::resume(SimConnection &connection)
{
    if (!connection.paused)
        return;
    connection.paused = false;
    QAbstractSocket *transport = connection.transport;
    transport->blockSignals(false);
    transport->setReadBufferSize(0);
    // Signals sent while blocked are lost: a close is noticed here, data is read again (which
    // may remove the connection: nothing of it is used after).
    if (transport->state() != QAbstractSocket::ConnectedState)
        remove(connection.socket);
    else if (transport->bytesAvailable() > 0)
        Q_EMIT transport->readyRead();
}

void SimWorker::sendControlReply(quint64 connectionId, const QByteArray &reply)
{
    for (const auto &[socket, connection] : m_connections) {
        if (connection->id == connectionId) {
            socket->sendTextMessage(QString::fromUtf8(reply));
            return;
        }
    }
}

bool SimWorker::draw(double rate)
{
    return rate > 0 && m_random.generateDouble() < rate;
}

} // namespace cx::platformsim

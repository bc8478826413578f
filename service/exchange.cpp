#include "exchange.h"

#include "alwayson/bodies.h"
#include "alwayson/codes.h"
#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "clock.h"
#include "dataplanesettings.h"
#include "edgesession.h"
#include "platformpipe.h"
#include "plugin/routing.h"
#include "upstreamset.h"
#include "websocket/frame.h"
#include "workerlog.h"
#include "workerstats.h"

namespace cx::server {

using alwayson::Code;
using alwayson::Header;

namespace {

/// Bytes all chunks of one multi-part ingress request may carry (docs/reliability.md).
qint64 multipartByteLimit(const DataPlaneSettings &settings)
{
    return 16 * settings.maxMessageSize;
}

} // namespace

Exchange::Exchange(const DataPlaneSettings &settings, UpstreamSet &upstreams,
                   const QHash<quint32, EdgeSession *> &edges, TrafficCounters &traffic,
                   ExchangeListener &listener)
    : m_settings(settings)
    , m_upstreams(upstreams)
    , m_edges(edges)
    , m_traffic(traffic)
    , m_listener(listener)
{ }

void Exchange::reply(EdgeSession &edge, const Header &request, quint8 code, const char *reason)
{
    ++m_traffic.errorsToEdges[code];
    ++m_traffic.edgeMessagesOut;
    edge.send(alwayson::buildErrorResponse(request, edge.edgeEndpointId(), Code(code),
                                           QByteArrayView(reason)));
}

// ---- ingress: edge requests to the platform ---------------------------------------------

void Exchange::edgeRequest(EdgeSession &edge, std::span<char> message, const Header &header)
{
    if (header.multipart && header.chunkId > 1)
        routeChunk(edge, message, header);
    else
        routeRequest(edge, message, header);
}

void Exchange::routeRequest(EdgeSession &edge, std::span<char> message, const Header &header)
{
    if (edge.inFlight >= m_settings.maxRequestsPerEdge) {
        reply(edge, header, quint8(Code::InternalServerError), "too many requests in flight");
        return;
    }
    const quint64 key = requestKey(edge.endpointId(), header.requestId);
    PendingRequest *request = m_pending.insert(key);
    if (!request) {
        reply(edge, header, quint8(Code::BadRequest), "requestId already in flight");
        return;
    }
    request->kind = PendingRequest::Kind::Ingress;
    request->code = header.code;
    request->sessionId = header.sessionId;
    request->partial = header.multipart && header.chunkId < header.chunkCount;
    request->chunkCount = header.multipart ? header.chunkCount : 1;
    request->chunksSeen = 1;
    request->bytesSeen = message.size();
    ++edge.inFlight;

    const int chosen = m_router->pick(m_upstreams, edge.endpointId());
    if (chosen < 0) {
        fail(request, quint8(Code::InternalServerError), "no platform instance available");
        return;
    }
    request->startedUs = nowUs();
    if ((header.code == quint8(Code::Bind) || header.code == quint8(Code::Unbind))
        && !header.multipart) {
        // Held until the answer, and counted in the edge's budget: a stream of large BINDs
        // pauses the edge instead of growing cxserver (protocol.md §3 rule 4).
        const std::span<const char> body = alwayson::bodyOf(message, header);
        if (alwayson::parseBindBody(body).ok()) {
            request->bindBody = QByteArray(body.data(), qsizetype(body.size()));
            edge.holdBytes(request->bindBody.size());
        }
    }
    alwayson::setEndpointId(message, edge.endpointId());
    send(request, chosen, edge.endpointId(), message);
}

void Exchange::send(PendingRequest *request, int chosen, quint32 endpointId, QByteArrayView message)
{
    InstanceLink &link = m_upstreams.link(chosen);
    PlatformPipe *pipe = link.pipeFor(endpointId);
    request->pipe = pipe;
    request->deadline = nowMs() + m_settings.requestTimeoutMs;
    pipe->outstanding.append(request);
    m_timeouts.append(request);
    ++link.inFlight;
    ++link.routed;
    ++m_traffic.platformMessagesOut;
    pipe->send(message);
}

void Exchange::routeChunk(EdgeSession &edge, std::span<char> message, const Header &header)
{
    PendingRequest *request = m_pending.find(requestKey(edge.endpointId(), header.requestId));
    if (!request || !request->partial || request->kind != PendingRequest::Kind::Ingress) {
        qCDebug(lcWorker) << "edge" << edge.endpointId() << "sent chunk" << header.chunkId
                          << "of a request not in flight; dropped";
        return;
    }
    // Bound the chunk stream of one request, even one that already failed: no more chunks
    // than its first chunk announced, no more bytes than multipartByteLimit().
    request->bytesSeen += message.size();
    if (++request->chunksSeen > request->chunkCount) {
        edge.closeWith(websocket::CloseProtocolError,
                       QStringLiteral("more chunks than the request's chunkCount"));
        return;
    }
    if (request->bytesSeen > multipartByteLimit(m_settings)) {
        edge.closeWith(websocket::CloseTooBig,
                       QStringLiteral("multi-part request larger than %1 bytes")
                           .arg(multipartByteLimit(m_settings)));
        return;
    }
    const bool last = header.chunkId == header.chunkCount;
    if (request->failed) {
        if (last)
            release(request);
        return;
    }
    PlatformPipe *pipe = request->pipe;
    if (!pipe || !pipe->isConnected() || !pipe->isWritable()) {
        fail(request, quint8(Code::InternalServerError),
             "platform pipe not writable for a later chunk");
        if (last && request->failed)
            release(request);
        return;
    }
    if (last)
        request->partial = false;
    request->deadline = nowMs() + m_settings.requestTimeoutMs;
    m_timeouts.moveToBack(request);
    alwayson::setEndpointId(message, edge.endpointId());
    ++m_traffic.platformMessagesOut;
    pipe->send(message);
}

void Exchange::fail(PendingRequest *request, quint8 code, const char *reason)
{
    if (request->pipe) {
        InstanceLink &link = request->pipe->link();
        --link.inFlight;
        ++link.errors;
        request->pipe->outstanding.remove(request);
        m_upstreams.closePipeIfIdle(*request->pipe);
        request->pipe = nullptr;
    }
    if (request->kind == PendingRequest::Kind::Ingress && !request->failed) {
        if (EdgeSession *edge = m_edges.value(request->endpointId())) {
            const Header original {.code = request->code,
                                   .requestId = request->requestId(),
                                   .sessionId = request->sessionId};
            reply(*edge, original, code, reason);
            if (request->code == quint8(Code::Auth))
                edge->closeWith(websocket::ClosePolicyViolation,
                                QStringLiteral("authentication failed"));
        }
    }
    if (request->partial) {
        // Keep the record so that the request's later chunks are recognised and dropped.
        request->failed = true;
        request->deadline = nowMs() + m_settings.requestTimeoutMs;
        m_timeouts.moveToBack(request);
        return;
    }
    release(request);
}

void Exchange::release(PendingRequest *request)
{
    if (request->pipe) {
        --request->pipe->link().inFlight;
        request->pipe->outstanding.remove(request);
        PlatformPipe *pipe = request->pipe;
        request->pipe = nullptr;
        m_upstreams.closePipeIfIdle(*pipe);
    }
    m_timeouts.remove(request);
    if (request->kind == PendingRequest::Kind::Ingress) {
        if (EdgeSession *edge = m_edges.value(request->endpointId())) {
            --edge->inFlight;
            if (!request->bindBody.isEmpty())
                edge->holdBytes(-request->bindBody.size());
            if (edge->draining && edge->inFlight == 0)
                edge->closeWith(websocket::CloseGoingAway, QStringLiteral("cxserver is stopping"));
        }
    }
    m_pending.release(request);
}

void Exchange::platformResponse(PlatformPipe &pipe, std::span<char> message, const Header &header)
{
    const quint64 key = requestKey(header.endpointId, header.requestId);
    PendingRequest *request = m_pending.find(key);
    // A platform answers on the pipe it was asked on; accept any pipe of the same instance.
    if (!request || request->failed || !request->pipe || &request->pipe->link() != &pipe.link()) {
        // config.md §6: counted by reason (a late one was answered 0xA4 already).
        const bool late
            = request ? request->failed || !request->pipe : m_recentTimeouts.contains(key);
        ++(late           ? m_traffic.droppedLate
               : !request ? m_traffic.droppedUnknown
                          : m_traffic.droppedWrongInstance);
        qCDebug(lcWorker) << (late           ? "late"
                                  : !request ? "unknown"
                                             : "wrong-instance")
                          << "response" << header.requestId << "for endpoint" << header.endpointId
                          << "dropped";
        return;
    }
    if (request->kind == PendingRequest::Kind::Unbind) {
        release(request);
        return;
    }
    EdgeSession *edge = m_edges.value(header.endpointId);
    const bool lastChunk = !header.multipart || header.chunkId == header.chunkCount;
    if (edge) {
        alwayson::setEndpointId(message, edge->edgeEndpointId());
        ++m_traffic.edgeMessagesOut;
        edge->send(message);
    }
    if (!lastChunk) {
        if (!request->answering) {
            request->answering = true;
            m_timeouts.remove(request); // answered: no 0xA4 any more
        }
        return;
    }
    complete(request, edge, header.code);
}

void Exchange::complete(PendingRequest *request, EdgeSession *edge, quint8 code)
{
    m_traffic.latency.record(nowUs() - request->startedUs);
    if (edge && edge->answered(request->code, code, request->bindBody))
        m_listener.edgeAuthenticated(*edge);
    release(request);
}

void Exchange::pipeLost(PlatformPipe &pipe)
{
    while (PendingRequest *request = pipe.outstanding.front())
        fail(request, quint8(Code::InternalServerError), "platform connection lost");
}

// ---- egress: platform requests to edges ---------------------------------------------------

void Exchange::platformRequest(EdgeSession &edge, std::span<char> message, const Header &header,
                               int pipeWorker, quint32 pipeSerial)
{
    if (!header.multipart || header.chunkId == 1) {
        PendingRequest *request = m_egress.insert(requestKey(edge.endpointId(), header.requestId));
        if (request) {
            request->kind = PendingRequest::Kind::Egress;
            request->pipeWorker = pipeWorker;
            request->pipeSerial = pipeSerial;
            request->deadline = nowMs() + m_settings.requestTimeoutMs;
            m_egressTimeouts.append(request);
        }
    }
    alwayson::setEndpointId(message, edge.edgeEndpointId());
    ++m_traffic.edgeMessagesOut;
    edge.send(message);
}

void Exchange::edgeResponse(EdgeSession &edge, std::span<char> message, const Header &header)
{
    PendingRequest *request = m_egress.find(requestKey(edge.endpointId(), header.requestId));
    if (!request) {
        ++m_traffic.droppedUnknownFromEdges;
        qCDebug(lcWorker) << "edge" << edge.endpointId() << "answered unknown request"
                          << header.requestId;
        return;
    }
    const int worker = request->pipeWorker;
    const quint32 serial = request->pipeSerial;
    if (!header.multipart || header.chunkId == header.chunkCount) {
        m_egressTimeouts.remove(request);
        m_egress.release(request);
    }
    alwayson::setEndpointId(message, edge.endpointId());
    m_listener.sendOnPipeOf(worker, serial, message);
}

// ---- cxserver's own UNBIND -----------------------------------------------------------------

void Exchange::unbindThings(EdgeSession &edge)
{
    const QList<QByteArray> names(edge.boundThings().cbegin(), edge.boundThings().cend());
    const QList<QByteArray> messages = alwayson::buildUnbindRequests(
        m_nextOwnRequestId, edge.endpointId(), edge.lastSessionId(), names);
    for (QByteArray message : messages) {
        const quint32 requestId = m_nextOwnRequestId++;
        const int chosen = m_router->pick(m_upstreams, edge.endpointId());
        if (chosen < 0) {
            qCInfo(lcWorker) << "no platform instance to UNBIND the things of closed edge"
                             << edge.endpointId();
            return;
        }
        PendingRequest *request = m_pending.insert(requestKey(edge.endpointId(), requestId));
        if (!request)
            continue;
        request->kind = PendingRequest::Kind::Unbind;
        request->code = quint8(Code::Unbind);
        send(request, chosen, edge.endpointId(), message);
    }
}

// ---- time ------------------------------------------------------------------------------

void Exchange::expire(qint64 now)
{
    while (PendingRequest *request = m_timeouts.front()) {
        if (request->deadline > now)
            break;
        if (request->failed || request->kind == PendingRequest::Kind::Unbind) {
            request->partial = false;
            release(request);
            continue;
        }
        qCDebug(lcWorker) << "request" << request->requestId() << "of endpoint"
                          << request->endpointId() << "timed out";
        request->partial = false; // its later chunks, if any, are dropped as unknown
        ++m_traffic.timeouts;
        m_recentTimeouts.insert(requestKey(request->endpointId(), request->requestId()));
        fail(request, quint8(Code::GatewayTimeout), "platform did not answer in time");
    }
    while (PendingRequest *request = m_egressTimeouts.front()) {
        if (request->deadline > now)
            break;
        m_egressTimeouts.remove(request);
        m_egress.release(request);
    }
}

void Exchange::failAll()
{
    while (PendingRequest *request = m_timeouts.front()) {
        request->partial = false;
        fail(request, quint8(Code::InternalServerError), "cxserver is stopping");
    }
}

} // namespace cx::server

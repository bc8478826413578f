#pragma once

#include "pendingtable.h"
#include "recentkeys.h"

#include <QByteArrayView>
#include <QHash>
#include <span>

namespace cx::alwayson {
struct Header;
}
namespace cx::plugin {
class RoutingBackend;
}

namespace cx::server {

struct DataPlaneSettings;
struct TrafficCounters;
class EdgeSession;
class PlatformPipe;
class UpstreamSet;

/// What the exchange needs from its worker beyond the edges and the upstream set.
class ExchangeListener
{
public:
    virtual ~ExchangeListener() = default;
    /// \a edge has just been authenticated (a platform answered its AUTH SUCCESS).
    virtual void edgeAuthenticated(EdgeSession &edge) = 0;
    /// Sends \a message on pipe \a pipeSerial of worker \a pipeWorker (which may be another
    /// worker: a platform request to an edge is answered on the pipe it came on).
    virtual void sendOnPipeOf(int pipeWorker, quint32 pipeSerial, QByteArrayView message) = 0;
};

/// A worker's requests in flight, the second of its three parts (the others: the upstream
/// set and the edge sessions). Each edge request is routed once, sent on the pipe of the
/// chosen instance that carries the edge, and answered exactly once: by the platform's
/// response, or by cxserver when it cannot be sent (0xA0), when its pipe is lost (0xA0) or
/// when its deadline passes (0xA4; a response after that is counted late, not unknown). A
/// platform request to an edge is remembered until the edge answers it, so the answer goes
/// back on the pipe it came on. Multi-part requests stay on one pipe and are bounded in
/// chunks and bytes. cxserver's own UNBIND for a closed edge's things is routed the same way.
class Exchange
{
public:
    /// \a edges are the worker's sessions by cxserver endpointId. All must outlive the
    /// exchange.
    Exchange(const DataPlaneSettings &settings, UpstreamSet &upstreams,
             const QHash<quint32, EdgeSession *> &edges, TrafficCounters &traffic,
             ExchangeListener &listener);

    /// Routes with \a router from now on (a reload may replace it).
    void setRouter(plugin::RoutingBackend *router) { m_router = router; }

    /// A request (or a later chunk of one) from \a edge, admitted by the session: routed
    /// and sent, or answered with an error. \a message is rewritten in place.
    void edgeRequest(EdgeSession &edge, std::span<char> message, const alwayson::Header &header);
    /// \a edge answers a platform request: the answer goes back on its pipe.
    void edgeResponse(EdgeSession &edge, std::span<char> message, const alwayson::Header &header);
    /// A platform request for \a edge that came on pipe \a pipeSerial of worker \a pipeWorker.
    void platformRequest(EdgeSession &edge, std::span<char> message, const alwayson::Header &header,
                         int pipeWorker, quint32 pipeSerial);
    /// A response that came on \a pipe: to the edge that asked, or counted and dropped.
    void platformResponse(PlatformPipe &pipe, std::span<char> message,
                          const alwayson::Header &header);
    /// Answers \a edge's \a request with error \a code and \a reason.
    void reply(EdgeSession &edge, const alwayson::Header &request, quint8 code, const char *reason);
    /// \a edge closed with things bound: cxserver UNBINDs them in its name.
    void unbindThings(EdgeSession &edge);
    /// \a pipe was lost: its requests are answered 0xA0.
    void pipeLost(PlatformPipe &pipe);
    /// Answers 0xA4 the requests whose deadline is past \a nowMs; forgets platform requests
    /// their edge did not answer in time.
    void expire(qint64 nowMs);
    /// Answers every request still in flight 0xA0 (the end of a drain).
    void failAll();

private:
    void routeRequest(EdgeSession &edge, std::span<char> message, const alwayson::Header &header);
    void routeChunk(EdgeSession &edge, std::span<char> message, const alwayson::Header &header);
    /// Sends \a message, new request \a request, on the pipe of instance \a chosen that
    /// carries \a endpointId's messages, and tracks it until its answer or its deadline.
    void send(PendingRequest *request, int chosen, quint32 endpointId, QByteArrayView message);
    void fail(PendingRequest *request, quint8 code, const char *reason);
    void complete(PendingRequest *request, EdgeSession *edge, quint8 code);
    void release(PendingRequest *request);

    const DataPlaneSettings &m_settings;
    UpstreamSet &m_upstreams;
    const QHash<quint32, EdgeSession *> &m_edges;
    TrafficCounters &m_traffic;
    ExchangeListener &m_listener;
    plugin::RoutingBackend *m_router = nullptr;

    PendingTable m_pending; ///< ingress and UNBIND requests, by (endpointId, requestId)
    /// Requests answered 0xA4 lately: their responses are counted late, not unknown.
    RecentKeys m_recentTimeouts {4096};
    PendingTable m_egress; ///< platform requests to edges, by (endpointId, requestId)
    DeadlineQueue m_timeouts;
    DeadlineQueue m_egressTimeouts;
    quint32 m_nextOwnRequestId = 1;
};

} // namespace cx::server

#pragma once

#include "intrusivelist.h"

#include <QByteArray>

namespace cx::server {

class PlatformPipe;

/// Key of a request in a worker's tables: (endpointId << 32) | requestId. endpointId is a
/// cxserver endpointId, never 0, so a key is never 0.
inline quint64 requestKey(quint32 endpointId, quint32 requestId)
{
    return (quint64(endpointId) << 32) | requestId;
}

/// One request in flight through a worker. Records are pooled and reused: nothing is
/// allocated per message once the pool is warm, and a BIND's body is given back when the
/// request is answered.
struct PendingRequest
{
    enum class Kind : quint8 {
        Ingress, ///< an edge's request to the platform; the edge gets exactly one response
        Unbind, ///< cxserver's own UNBIND for a closed edge; the response is consumed
        Egress, ///< a platform's request to an edge; the edge's response goes back on `pipe`
    };

    quint64 key = 0;
    PlatformPipe *pipe = nullptr; ///< the pipe that carries it (cleared when lost)
    qint64 deadline = 0; ///< nowMs() after which it times out
    qint64 startedUs = 0; ///< when the first chunk was forwarded (latency)
    quint32 sessionId = 0; ///< of the edge's request, for a generated error response
    quint32 pipeSerial = 0; ///< Egress: the pipe to answer on, by serial
    int pipeWorker = -1; ///< Egress: the worker owning that pipe
    quint8 code = 0; ///< the request's code
    Kind kind = Kind::Ingress;
    bool partial = false; ///< multi-part request: later chunks still to come
    bool failed = false; ///< cxserver already answered it; its later chunks are dropped
    bool answering = false; ///< a multi-part response is being delivered
    quint16 chunkCount = 0; ///< multi-part ingress: the chunkCount of its first chunk
    quint16 chunksSeen = 0; ///< multi-part ingress: chunks received so far
    qint64 bytesSeen = 0; ///< multi-part ingress: bytes of those chunks
    QByteArray bindBody; ///< BIND/UNBIND: its body, whose names apply on SUCCESS

    ListHook<PendingRequest> pipeHook; ///< in its pipe's outstanding list
    ListHook<PendingRequest> timeoutHook; ///< in the worker's deadline FIFO

    quint32 endpointId() const { return quint32(key >> 32); }
    quint32 requestId() const { return quint32(key); }
};

using PipeRequestList = IntrusiveList<PendingRequest, &PendingRequest::pipeHook>;
using DeadlineQueue = IntrusiveList<PendingRequest, &PendingRequest::timeoutHook>;

} // namespace cx::server

#pragma once

#include "pendingring.h"

#include <QByteArray>
#include <QList>
#include <websocket/clientsocket.h>

namespace cx::edgesim {

class EdgeWorker;

/// One simulated edge: its WebSocket, its prebuilt request messages and its outstanding
/// requests. Owned by its worker; hears its socket and passes that on to the worker.
struct Edge final : websocket::ClientSocketHandler
{
    enum class State : quint8 {
        Waiting, ///< not connected yet (connect ramp)
        Connecting, ///< WebSocket opening
        Authenticating, ///< AUTH sent
        Binding, ///< BIND sent
        Ready, ///< may send requests
        Failed, ///< never got ready
        Closed, ///< was ready, then its socket closed
    };

    static constexpr quint32 AuthRequestId = 1;
    static constexpr quint32 BindRequestId = 2;
    static constexpr quint32 FirstRequestId = 16; ///< load requests count up from here

    Edge(EdgeWorker &worker, int index, quint32 endpointId, quint32 ringCapacity)
        : worker(worker)
        , index(index)
        , endpointId(endpointId)
        , pending(FirstRequestId, ringCapacity)
    { }

    // websocket::ClientSocketHandler (edgeworker.cpp)
    void socketOpened() override;
    void socketMessage(std::span<char> message) override;
    void socketClosed() override;

    EdgeWorker &worker;
    int index; ///< over all threads
    quint32 endpointId;
    quint32 sessionId = 0; ///< the one the AUTH response carried
    State state = State::Waiting;
    websocket::ClientSocket *socket = nullptr; ///< child of the worker
    qint64 connectStartNs = 0;
    qint64 pingDueNs = 0; ///< --ping-interval-ms: when a ready edge sends its next ping
    /// A whole request; its code and requestId are patched in place before each send.
    QByteArray request;
    /// The same request as multi-part chunks, patched the same way.
    QList<QByteArray> chunks;
    PendingRing pending;
    quint32 nextRequestId = FirstRequestId;
    quint64 requestCount = 0; ///< requests sent: picks the code and the multi-part turn
    /// --reconnect: when its socket closed while ready (0: not reconnecting)
    qint64 disconnectNs = 0;
    int reconnectAttempts = 0; ///< failed attempts since disconnectNs
};

} // namespace cx::edgesim

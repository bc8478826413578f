#pragma once

#include "delayqueue.h"
#include "simconfig.h"
#include "simconnection.h"
#include "simstats.h"
#include "tunnelpairs.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QWebSocketServer>
#include <alwayson/header.h>
#include <memory>
#include <unordered_map>

class QAbstractSocket;
class QTcpSocket;
class QWebSocket;

namespace cx::platformsim {

/// One worker thread's share of the simulator: the connections it adopted, their protocol
/// handling, its delay queue and its counters. Lives in its own thread; the simulator calls
/// it only through queued (or blocking queued) invocations, so nothing here is locked.
class SimWorker : public QObject
{
    Q_OBJECT
public:
    SimWorker(const SimConfig &config, int index, QObject *parent = nullptr);
    ~SimWorker() override;

    /// Takes over an accepted socket descriptor: TLS handshake when configured, then the
    /// WebSocket upgrade, then the path decides what the connection is.
    void adopt(qintptr descriptor);
    /// Counters, with the current open counts and known endpoints filled in.
    SimStats stats() const;
    /// Sends \a count requests with \a code (and an empty body) to \a endpointId on the socket
    /// its latest message came on. Returns the number sent, or -1 when this worker does not
    /// know the endpoint.
    int sendEgress(quint32 endpointId, quint8 code, int count);
    /// Stops (true) or resumes reading every pipe, edge and tunnel, those to come included.
    void setPaused(bool paused);
    /// Sends \a reply as a text message on control connection \a connectionId, if still open.
    void sendControlReply(quint64 connectionId, const QByteArray &reply);

Q_SIGNALS:
    /// A line arrived on control connection \a connectionId.
    void controlCommand(quint64 connectionId, const QByteArray &line);

private:
    struct Route
    {
        SimConnection *connection = nullptr;
        quint32 sessionId = 0; ///< the latest one this endpoint used, for egress requests
    };

    void upgrade(QTcpSocket *transport);
    void takePendingConnections();
    /// /Thingworx/WS: checks the appKey header (a wrong one closes 1008, none makes a
    /// connection on which only edge AUTHs succeed).
    void acceptProtocol(QWebSocket *socket, QAbstractSocket *transport);
    /// Tunnel paths: every message is echoed as it came, text or binary.
    void acceptTunnel(QWebSocket *socket, QAbstractSocket *transport);
    /// /platformsim/control: each text line is a control command.
    void acceptControl(QWebSocket *socket, QAbstractSocket *transport);
    /// The worker owns an upgraded WebSocket, and the WebSocket its transport.
    void own(QWebSocket *socket, QAbstractSocket *transport);
    SimConnection &add(QWebSocket *socket, QAbstractSocket *transport, SimConnection::Kind kind);
    void reject(QWebSocket *socket, const QString &reason);
    void remove(QWebSocket *socket);
    void onProtocolMessage(SimConnection &connection, const QByteArray &message);
    void onRequest(SimConnection &connection, const alwayson::Header &header, QByteArrayView body);
    void onAuth(SimConnection &connection, const alwayson::Header &header, QByteArrayView body);
    void answerWithEcho(SimConnection &connection, const alwayson::Header &request,
                        QByteArrayView body);
    void onEgressResponse(const alwayson::Header &header);
    void noteEndpoint(SimConnection &connection, const alwayson::Header &header);
    void deliver(SimConnection &connection, QByteArray message);
    void pause(SimConnection &connection);
    /// Reads again; removes the connection when its socket closed while it was paused, and
    /// what it then reads may remove it too: \a connection is not to be used after.
    void resume(SimConnection &connection);
    bool draw(double rate);

    SimConfig m_config;
    QWebSocketServer m_upgrader;
    DelayQueue m_delayed;
    QRandomGenerator m_random;
    std::unordered_map<QWebSocket *, std::unique_ptr<SimConnection>> m_connections;
    QList<QPointer<QAbstractSocket>> m_upgrading; ///< transports handed to m_upgrader
    QHash<quint32, Route> m_endpoints; ///< known endpoints (egress targets)
    QSet<quint64> m_egressPending; ///< (endpointId << 32 | requestId) of egress requests
    SimStats m_stats;
    /// --tunnel-mode pair only; a child, so that it moves to the worker's thread with it.
    TunnelPairs *m_tunnelPairs = nullptr;
    quint64 m_nextConnectionId = 1;
    quint32 m_nextEgressId = 1;
    bool m_paused = false;
};

} // namespace cx::platformsim

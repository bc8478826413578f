#pragma once

// In-process peers for the worker parts' unit tests (tst_upstreamset, tst_edgesession,
// tst_exchange): a platform instance that answers the pipe AUTH, and an edge session with a
// real upgraded WebSocket from a Qt client. Header-only: only tests that link cxservice
// include it.

#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "descriptorserver.h"
#include "edgesession.h"
#include "eventloop/eventpoller.h"
#include "plugin/platforminstance.h"

#include <QHostAddress>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <memory>

namespace cx::test {

/// How long the in-process tests wait for a peer (a bound, never a pace).
constexpr int InProcessWaitMs = 10000;

/// A platform instance on 127.0.0.1 that accepts every pipe AUTH. Other requests are
/// recorded, and answered SUCCESS while answering() is on.
class InProcessPlatform : public QObject
{
public:
    InProcessPlatform()
        : m_server(QStringLiteral("platform"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                m_sockets.append(socket);
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [this, socket](const QByteArray &message) { receive(*socket, message); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    plugin::PlatformInstance instance(const QString &id) const
    {
        return {.id = id, .address = QStringLiteral("127.0.0.1"), .port = m_server.serverPort()};
    }
    /// Whether requests other than the pipe AUTH are answered SUCCESS (on by default).
    void setAnswering(bool answering) { m_answering = answering; }
    /// Answers request number \a index of requests SUCCESS, on the pipe it came on.
    void answer(qsizetype index)
    {
        const alwayson::HeaderParse parsed = alwayson::parseHeader(requests.at(index));
        m_requestSockets.at(index)->sendBinaryMessage(
            alwayson::buildSuccessResponse(parsed.header, parsed.header.endpointId));
    }
    void dropPipes()
    {
        for (QWebSocket *socket : std::exchange(m_sockets, {}))
            socket->abort();
    }

    QList<QByteArray> requests; ///< every request but the pipes' AUTH

private:
    void receive(QWebSocket &socket, const QByteArray &message)
    {
        const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
        if (!parsed.ok() || parsed.header.isResponse())
            return;
        const bool pipeAuth = parsed.header.endpointId == alwayson::PipeEndpointId;
        if (!pipeAuth) {
            requests.append(message);
            m_requestSockets.append(&socket);
        }
        if (pipeAuth || m_answering)
            socket.sendBinaryMessage(
                alwayson::buildSuccessResponse(parsed.header, parsed.header.endpointId));
    }

    QWebSocketServer m_server;
    QList<QWebSocket *> m_sockets;
    QList<QWebSocket *> m_requestSockets; ///< the socket of each of requests
    bool m_answering = true;
};

/// An edge session over a real upgraded WebSocket from a Qt client, which records what the
/// session sends.
class InProcessEdge
{
public:
    /// Connects a client to \a server and makes the session (cxserver \a endpointId) of the
    /// descriptor it accepts; \a listener must accept upgrades. isUpgraded() tells success.
    InProcessEdge(eventloop::EventPoller &poller, DescriptorServer &server,
                  server::EdgeListener &listener, quint32 endpointId)
    {
        QObject::connect(&client, &QWebSocket::binaryMessageReceived, &client,
                         [this](const QByteArray &message) { received.append(message); });
        client.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(server.serverPort())));
        if (!QTest::qWaitFor([&] { return !server.descriptors.isEmpty(); }, InProcessWaitMs))
            return;
        auto connection = std::make_unique<server::EdgeConnection>(
            poller, server.descriptors.takeFirst(), nullptr, 1 << 20);
        QString error;
        if (!connection->start(&error))
            return;
        session
            = std::make_unique<server::EdgeSession>(listener, std::move(connection), endpointId);
        m_open = QTest::qWaitFor(
            [this] { return client.state() == QAbstractSocket::ConnectedState; }, InProcessWaitMs);
    }
    bool isUpgraded() const { return m_open && session->isUpgraded(); }

    QWebSocket client;
    std::unique_ptr<server::EdgeSession> session;
    QList<QByteArray> received; ///< by the client

private:
    bool m_open = false; ///< the client saw the upgrade through
};

/// Accepts every upgrade and counts closes, as a worker would.
class AcceptingEdgeListener : public server::EdgeListener
{
public:
    void edgeUpgrading(server::EdgeSession &edge, QByteArrayView) override
    {
        edge.connection().accept();
    }
    void edgeMessage(server::EdgeSession &, std::span<char>) override { }
    void edgeActive(server::EdgeSession &) override { }
    void edgeClosed(server::EdgeSession &) override { ++closed; }

    int closed = 0;
};

} // namespace cx::test

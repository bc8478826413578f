#include "tunnelendpoint.h"

#include "console.h"
#include "tunnelbridge.h"

#include <QTcpSocket>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

namespace {

/// Bound of terminate(): the close handshakes' answers, without waiting for a silent server
/// as long as websocket::ClientSocket would.
constexpr int TerminateTimeoutMs = 2000;

} // namespace

TunnelEndpoint::TunnelEndpoint(TunnelConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this,
            &TunnelEndpoint::onNewConnection);
}

TunnelEndpoint::~TunnelEndpoint() = default;

bool TunnelEndpoint::start()
{
    if (m_config.role == TunnelRole::Device) {
        if (m_config.count == 0)
            startBridge(m_config.tid, nullptr);
        for (int k = 1; k <= m_config.count; ++k)
            startBridge(m_config.tid + u'-' + QString::number(k), nullptr);
        return true;
    }
    if (!m_server.listen(QHostAddress(m_config.host), m_config.port)) {
        std::fprintf(stderr, "cxedgesim: cannot listen on %s:%u: %s\n", qPrintable(m_config.host),
                     unsigned(m_config.port), qPrintable(m_server.errorString()));
        return false;
    }
    tools::printLine("listening " + m_server.serverAddress().toString().toUtf8() + ':'
                     + QByteArray::number(m_server.serverPort()));
    return true;
}

void TunnelEndpoint::terminate()
{
    if (m_terminating)
        return;
    m_terminating = true;
    m_server.close();
    for (TunnelBridge *bridge : std::as_const(m_bridges))
        bridge->stop();
    QTimer::singleShot(TerminateTimeoutMs, this, [this] {
        m_bridges.clear(); // children: deleted with the endpoint
        finishIfDone();
    });
    finishIfDone();
}

void TunnelEndpoint::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        startBridge(m_config.tid + u'-' + QString::number(++m_accepted), socket);
}

void TunnelEndpoint::startBridge(const QString &tid, QTcpSocket *accepted)
{
    auto *bridge = new TunnelBridge(m_poller, m_config, tid, accepted, this);
    m_bridges.append(bridge);
    connect(bridge, &TunnelBridge::opened, this,
            [bridge] { tools::printLine("tunnel " + bridge->tid().toUtf8() + " open"); });
    connect(bridge, &TunnelBridge::finished, this, [this, bridge] { onBridgeFinished(bridge); });
    bridge->start();
}

void TunnelEndpoint::onBridgeFinished(TunnelBridge *bridge)
{
    const QString error = bridge->errorString();
    if (!error.isEmpty())
        std::fprintf(stderr, "cxedgesim: tunnel %s: %s\n", qPrintable(bridge->tid()),
                     qPrintable(error));
    tools::printLine("tunnel " + bridge->tid().toUtf8() + " closed "
                     + QByteArray::number(bridge->closeCode()));
    m_allOpened = m_allOpened && bridge->wasOpened();
    m_bridges.removeOne(bridge);
    bridge->deleteLater(); // called from inside the bridge's sockets
    finishIfDone();
}

void TunnelEndpoint::finishIfDone()
{
    if (m_finished || !m_bridges.isEmpty()
        || (m_config.role == TunnelRole::Client && !m_terminating))
        return;
    m_finished = true;
    Q_EMIT finished(m_config.role == TunnelRole::Client || m_allOpened ? 0 : 2);
}

} // namespace cx::edgesim

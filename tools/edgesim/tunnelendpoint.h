#pragma once

#include "tunnelconfig.h"

#include <QObject>
#include <QTcpServer>
#include <eventloop/eventpoller.h>

namespace cx::edgesim {

class TunnelBridge;

/// One end of remote-access tunnels, as the Edge MicroServer has one: owns the
/// TunnelBridges and prints their lifecycle on stdout, one line each:
/// `listening ADDRESS:PORT` (client end, once listening), `tunnel TID open`,
/// `tunnel TID closed CODE` (the WebSocket close code; the reason, if any, goes to stderr).
///
/// - Device end: opens its tunnels at start (config.count of them, or one) and finishes
///   once all are done: exit code 0 when every tunnel opened, else 2.
/// - Client end: listens on config.host:config.port; the k-th accepted connection (k from
///   1) becomes tunnel `TID-k`. Runs until terminate(), then finishes with 0.
class TunnelEndpoint : public QObject
{
    Q_OBJECT
public:
    explicit TunnelEndpoint(TunnelConfig config, QObject *parent = nullptr);
    ~TunnelEndpoint() override;

    /// Opens the tunnels (device) or listens (client). false with a message on stderr
    /// when the client end cannot listen.
    bool start();
    /// Closes every tunnel with 1001 and finishes once they are done.
    void terminate();

Q_SIGNALS:
    /// Everything is done; \a exitCode is the process's.
    void finished(int exitCode);

private:
    void onNewConnection();
    void startBridge(const QString &tid, QTcpSocket *accepted);
    void onBridgeFinished(TunnelBridge *bridge);
    void finishIfDone();

    TunnelConfig m_config;
    eventloop::EventPoller m_poller; ///< the tunnels' WebSockets
    QTcpServer m_server; ///< client end
    QList<TunnelBridge *> m_bridges; ///< live ones (children)
    int m_accepted = 0; ///< client end: connections accepted so far
    bool m_allOpened = true; ///< every finished tunnel had opened
    bool m_terminating = false;
    bool m_finished = false;
};

} // namespace cx::edgesim

#pragma once

#include "pendingrequest.h"
#include "websocket/clientsocket.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <span>

namespace cx::server {

struct DataPlaneSettings;
struct InstanceLink;
class PlatformPipe;

/// Who hears about a pipe: its worker. Calls come from the worker's own thread.
class PipeListener
{
public:
    virtual ~PipeListener() = default;
    /// The pipe's AUTH was answered SUCCESS: it may carry requests.
    virtual void pipeConnected(PlatformPipe &pipe) = 0;
    /// A connected pipe was lost (closed, dropped as idle, or errored).
    virtual void pipeLost(PlatformPipe &pipe) = 0;
    /// An attempt to connect failed before the pipe was connected (unreachable, TLS
    /// refused, AUTH refused, too slow): \a reason says why, for an operator.
    virtual void pipeFailed(PlatformPipe &pipe, const QString &reason) = 0;
    /// A message from the platform on a connected pipe, in the pipe's read buffer (valid
    /// during the call only). The listener may modify its bytes in place.
    virtual void pipeMessage(PlatformPipe &pipe, std::span<char> message) = 0;
};

/// One WebSocket from a worker to a platform instance (protocol.md §1, §6, §7), on the
/// worker's poller (websocket::ClientSocket): opens with
/// the appKey header, authenticates with a pipe AUTH, reconnects with exponential backoff
/// (100 ms to 10 s, with jitter), pings, drops itself when silent, and tells whether it may
/// take more messages (high/low watermarks, protocol.md §4 rule 1).
class PlatformPipe : public QObject, private websocket::ClientSocketHandler
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Authenticating, Connected, Closed };

    PlatformPipe(PipeListener &listener, eventloop::EventPoller &poller,
                 const DataPlaneSettings &settings, QUrl url, InstanceLink &link, quint32 serial,
                 QObject *parent = nullptr);
    ~PlatformPipe() override;

    /// Starts connecting (and keeps reconnecting until close()).
    void open();
    /// Closes for good: no reconnect. Outstanding requests are the listener's business.
    void close();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// An attempt failed since the pipe was last connected (it waits in its backoff).
    bool hasFailed() const { return m_backoffMs > 0; }
    /// Writable per the watermarks on what the kernel refused, re-evaluated on each call
    /// (cheap).
    bool isWritable();
    /// Sends one AlwaysOn message. Only on a connected pipe.
    void send(QByteArrayView message);
    qint64 pendingBytes() const;

    const QUrl &url() const { return m_url; }
    quint32 serial() const { return m_serial; }
    InstanceLink &link() const { return m_link; }

    /// Requests this pipe carries that still wait for their response.
    PipeRequestList outstanding;

private:
    // websocket::ClientSocketHandler
    void socketOpened() override;
    void socketMessage(std::span<char> message) override;
    void socketClosed() override;
    void socketPong() override;

    void onDisconnected();
    void drop();
    void onTick();
    void scheduleReconnect();
    void setState(State state);

    PipeListener &m_listener;
    const DataPlaneSettings &m_settings;
    QUrl m_url;
    InstanceLink &m_link;
    quint32 m_serial;
    websocket::ClientSocket m_socket; ///< opened again for each connection attempt
    QTimer m_tick; ///< connect timeout, pings and the idle check
    QTimer m_reconnect; ///< backoff
    State m_state = State::Idle;
    bool m_writable = true;
    QString m_failure; ///< why the current attempt is failing, when known before it ends
    qint64 m_stateSince = 0;
    qint64 m_lastActivity = 0;
    qint64 m_lastPing = 0;
    qint64 m_backoffMs = 0;
    quint32 m_authRequestId = 0;
};

} // namespace cx::server

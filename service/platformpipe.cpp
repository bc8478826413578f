#include "platformpipe.h"

#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "clock.h"
#include "dataplanesettings.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <algorithm>

namespace cx::server {

Q_LOGGING_CATEGORY(lcPipe, "cx.pipe")

namespace {
constexpr qint64 MinBackoffMs = 100;
constexpr qint64 MaxBackoffMs = 10000;
constexpr int TickMs = 250;
} // namespace

PlatformPipe::PlatformPipe(PipeListener &listener, eventloop::EventPoller &poller,
                           const DataPlaneSettings &settings, QUrl url, InstanceLink &link,
                           quint32 serial, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_settings(settings)
    , m_url(std::move(url))
    , m_link(link)
    , m_serial(serial)
    , m_socket(poller, *this, this)
{
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &PlatformPipe::onTick);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &PlatformPipe::open);
}

PlatformPipe::~PlatformPipe()
{
    // The socket goes down with no callback and no call into the poller, which the worker
    // may have deleted already.
    m_state = State::Closed;
}

void PlatformPipe::open()
{
    if (m_state == State::Closed)
        return;
    // Read at each attempt: the settings are replaced whole on reload.
    m_socket.setMaxMessageSize(m_settings.maxMessageSize);
    if (m_url.scheme() == u"wss")
        m_socket.setTls(m_settings.platformTls, m_settings.hostNameValidation);
    setState(State::Connecting);
    m_tick.start();
    qCDebug(lcPipe) << "pipe" << m_serial << "connecting to" << m_url.toDisplayString();
    // Drops what is left of the previous attempt without a callback.
    m_socket.open(m_url, {{QByteArrayLiteral("appKey"), m_settings.appKey}});
}

void PlatformPipe::close()
{
    const bool wasConnected = m_state == State::Connected;
    setState(State::Closed);
    m_tick.stop();
    m_reconnect.stop();
    m_socket.close(websocket::CloseGoingAway);
    if (wasConnected)
        m_listener.pipeLost(*this);
}

void PlatformPipe::setState(State state)
{
    m_state = state;
    m_stateSince = nowMs();
    m_lastActivity = m_stateSince;
}

void PlatformPipe::socketOpened()
{
    if (m_state != State::Connecting)
        return;
    setState(State::Authenticating);
    m_authRequestId = QRandomGenerator::global()->generate();
    m_socket.send(alwayson::buildAuthRequest(m_authRequestId, m_settings.appKey));
}

void PlatformPipe::socketMessage(std::span<char> message)
{
    m_lastActivity = nowMs();
    if (m_state == State::Connected) {
        m_listener.pipeMessage(*this, message); // in the socket's read buffer: no copy
        return;
    }
    if (m_state != State::Authenticating)
        return;
    const alwayson::HeaderParse parsed
        = alwayson::parseHeader(QByteArrayView(message.data(), qsizetype(message.size())));
    if (!parsed.ok() || parsed.header.endpointId != alwayson::PipeEndpointId
        || parsed.header.requestId != m_authRequestId || !parsed.header.isResponse()) {
        m_failure = QStringLiteral("unexpected message before the pipe AUTH was answered");
        drop();
        return;
    }
    if (parsed.header.code == quint8(alwayson::Code::Success)) {
        setState(State::Connected);
        m_lastPing = m_stateSince;
        m_backoffMs = 0;
        m_writable = true;
        m_listener.pipeConnected(*this);
        return;
    }
    m_failure = parsed.header.code == quint8(alwayson::Code::Unauthorized)
        ? QStringLiteral("refused cxserver's app key (0x81 UNAUTHORIZED)")
        : QStringLiteral("pipe AUTH answered ")
            + QString::fromLatin1(alwayson::codeName(parsed.header.code));
    m_socket.close(websocket::ClosePolicyViolation);
}

void PlatformPipe::socketClosed()
{
    onDisconnected();
}

void PlatformPipe::socketPong()
{
    m_lastActivity = nowMs();
}

void PlatformPipe::drop()
{
    m_socket.abort(); // silent: the pipe handles the loss itself
    onDisconnected();
}

void PlatformPipe::onDisconnected()
{
    const bool wasConnected = m_state == State::Connected;
    if (m_state == State::Closed || m_state == State::Idle)
        return;
    if (wasConnected)
        qCInfo(lcPipe) << "pipe to" << m_url.toDisplayString() << "lost:" << m_socket.closeCode()
                       << m_socket.errorString();
    setState(State::Idle);
    m_tick.stop();
    if (wasConnected) {
        m_listener.pipeLost(*this);
    } else {
        const QString error = m_socket.errorString();
        m_listener.pipeFailed(*this,
                              !m_failure.isEmpty()  ? m_failure
                                  : error.isEmpty() ? QStringLiteral("the connection closed")
                                                    : error);
    }
    m_failure.clear();
    scheduleReconnect();
}

void PlatformPipe::scheduleReconnect()
{
    if (m_state == State::Closed)
        return;
    m_backoffMs = m_backoffMs == 0 ? MinBackoffMs : qMin(m_backoffMs * 2, MaxBackoffMs);
    // Full jitter on the upper half: spreads the pipes of many cxservers after an outage.
    const qint64 jittered
        = m_backoffMs / 2 + QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1);
    qCDebug(lcPipe) << "pipe" << m_serial << "retries in" << jittered << "ms";
    m_reconnect.start(int(jittered));
}

bool PlatformPipe::isWritable()
{
    const qint64 pending = m_socket.bytesToWrite(); // what the kernel refused
    if (m_writable && pending > m_settings.highWaterMark)
        m_writable = false;
    else if (!m_writable && pending <= m_settings.lowWaterMark)
        m_writable = true;
    return m_writable;
}

void PlatformPipe::send(QByteArrayView message)
{
    m_socket.send(message);
}

qint64 PlatformPipe::pendingBytes() const
{
    return m_socket.bytesToWrite();
}

void PlatformPipe::onTick()
{
    const qint64 now = nowMs();
    if (m_state == State::Connecting || m_state == State::Authenticating) {
        if (now - m_stateSince >= m_settings.connectTimeoutMs) {
            m_failure
                = QStringLiteral("did not connect within %1 ms").arg(m_settings.connectTimeoutMs);
            drop();
        }
        return;
    }
    if (m_state != State::Connected)
        return;
    if (now - m_lastActivity >= m_settings.idleReadTimeoutMs) {
        qCWarning(lcPipe) << "pipe to" << m_url.toDisplayString() << "silent for"
                          << m_settings.idleReadTimeoutMs << "ms; dropping it";
        drop();
        return;
    }
    if (now - m_lastPing >= m_settings.pingIntervalMs) {
        m_lastPing = now;
        m_socket.ping();
    }
}

} // namespace cx::server

#include "edgesession.h"

#include <QLoggingCategory>

namespace cx::server {

Q_LOGGING_CATEGORY(lcEdge, "cx.edge")

namespace {

/// Close codes that mean the edge broke the protocol or a limit (protocol.md §1, §3).
bool isOffence(QWebSocketProtocol::CloseCode code)
{
    switch (code) {
    case QWebSocketProtocol::CloseCodeProtocolError:
    case QWebSocketProtocol::CloseCodeDatatypeNotSupported:
    case QWebSocketProtocol::CloseCodeWrongDatatype:
    case QWebSocketProtocol::CloseCodePolicyViolated:
    case QWebSocketProtocol::CloseCodeTooMuchData:
        return true;
    default:
        return false;
    }
}

} // namespace

EdgeSession::EdgeSession(EdgeListener &listener, QWebSocket *socket, QAbstractSocket *transport,
                         quint32 endpointId, qint64 sendLimit, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_socket(socket)
    , m_transport(transport)
    , m_peer(socket->peerAddress().toString() + u':' + QString::number(socket->peerPort()))
    , m_endpointId(endpointId)
    , m_sendLimit(sendLimit)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        if (m_closing)
            return;
        QByteArray owned = message; // shares the data; rewritten in place by the worker
        m_listener.edgeMessage(*this, owned);
    });
    connect(m_socket, &QWebSocket::textFrameReceived, this, [this] {
        closeWith(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                  QStringLiteral("text frames are not allowed on /Thingworx/WS"));
    });
    connect(m_socket, &QWebSocket::disconnected, this, &EdgeSession::onDisconnected);
    if (transport)
        connect(transport, &QIODevice::readyRead, this, [this] { m_listener.edgeActive(*this); });
}

EdgeSession::~EdgeSession()
{
    m_socket->disconnect(this);
    delete m_socket; // before its transport, which it still uses while closing
    if (m_transport)
        m_transport->deleteLater(); // safe even if Qt scheduled it too
}

void EdgeSession::send(const QByteArray &message)
{
    if (m_closing)
        return;
    if (m_socket->bytesToWrite() > m_sendLimit) {
        reportOffence(QStringLiteral("does not read its messages (%1 bytes unsent); aborted")
                          .arg(m_socket->bytesToWrite()));
        m_closing = true;
        m_socket->abort();
        return;
    }
    m_socket->sendBinaryMessage(message);
}

void EdgeSession::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    if (isOffence(code))
        reportOffence(QStringLiteral("%1; closed %2").arg(reason).arg(int(code)));
    m_closing = true;
    m_socket->close(code, reason);
}

void EdgeSession::reportOffence(const QString &what)
{
    if (m_offenceReported)
        return;
    m_offenceReported = true;
    qCWarning(lcEdge).noquote() << "edge" << m_endpointId << "from" << m_peer << what;
}

void EdgeSession::onDisconnected()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
    // A close QWebSocket made itself (too large, bad frame, invalid UTF-8) or the edge's.
    if (!m_closing && isOffence(m_socket->closeCode()))
        reportOffence(QStringLiteral("%1; closed %2")
                          .arg(m_socket->closeReason().left(80).simplified())
                          .arg(int(m_socket->closeCode())));
    m_closing = true;
    if (m_transport)
        m_transport->disconnect(this); // no activity reports for a closed session
    m_listener.edgeClosed(*this);
}

} // namespace cx::server

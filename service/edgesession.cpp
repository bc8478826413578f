#include "edgesession.h"

#include "alwayson/bodies.h"
#include "alwayson/codes.h"
#include "alwayson/header.h"
#include "websocket/frame.h"

#include <QLoggingCategory>

namespace cx::server {

Q_LOGGING_CATEGORY(lcEdge, "cx.edge")

using namespace cx::websocket;

namespace {

/// Close codes that mean the edge broke the protocol or a limit (protocol.md §1, §3).
bool isOffence(quint16 code)
{
    switch (code) {
    case CloseProtocolError:
    case CloseUnsupportedData:
    case CloseInvalidPayload:
    case ClosePolicyViolation:
    case CloseTooBig:
        return true;
    default:
        return false;
    }
}

} // namespace

EdgeSession::EdgeSession(EdgeListener &listener, std::unique_ptr<EdgeConnection> connection,
                         quint32 endpointId, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_connection(std::move(connection))
    , m_endpointId(endpointId)
{
    m_connection->setHandler(this);
}

EdgeSession::~EdgeSession() = default; // the connection makes no callback when deleted

std::unique_ptr<EdgeConnection> EdgeSession::takeConnection()
{
    m_closing = true;
    m_connection->setHandler(nullptr);
    return std::move(m_connection);
}

void EdgeSession::connectionUpgrading(EdgeConnection &, QByteArrayView target)
{
    m_listener.edgeUpgrading(*this, target);
}

void EdgeSession::connectionMessage(EdgeConnection &, std::span<char> message, bool text)
{
    if (m_closing)
        return;
    if (text) {
        closeWith(CloseUnsupportedData,
                  QStringLiteral("text frames are not allowed on /Thingworx/WS"));
        return;
    }
    m_listener.edgeMessage(*this, message);
}

void EdgeSession::connectionActive(EdgeConnection &)
{
    m_listener.edgeActive(*this);
}

EdgeSession::Admission EdgeSession::admit(const alwayson::Header &header)
{
    Admission admission = Admission::Admitted;
    if (m_auth == Auth::Awaiting) {
        if (header.code != quint8(alwayson::Code::Auth))
            return Admission::Refused;
        m_auth = Auth::Pending;
        m_edgeEndpointId = header.endpointId;
        admission = Admission::FirstAuth;
    }
    m_lastSessionId = header.sessionId;
    return admission;
}

bool EdgeSession::answered(quint8 requestCode, quint8 code, QByteArrayView bindBody)
{
    const bool success = code == quint8(alwayson::Code::Success);
    if (requestCode == quint8(alwayson::Code::Auth)) {
        if (!success) {
            closeWith(ClosePolicyViolation, QStringLiteral("authentication failed"));
            return false;
        }
        const bool first = m_auth != Auth::Authenticated;
        m_auth = Auth::Authenticated;
        return first;
    }
    if (!success || bindBody.isEmpty())
        return false;
    const auto body = alwayson::parseBindBody(bindBody);
    for (const QByteArrayView name : body.body.names) {
        if (requestCode == quint8(alwayson::Code::Bind))
            m_boundThings.insert(name.toByteArray());
        else
            m_boundThings.remove(name.toByteArray());
    }
    return false;
}

void EdgeSession::send(QByteArrayView message)
{
    if (m_closing)
        return;
    m_connection->sendBinary(message);
}

void EdgeSession::holdBytes(qint64 delta)
{
    m_heldBytes += delta;
    if (m_connection)
        m_connection->setHeldBytes(m_heldBytes);
}

void EdgeSession::closeWith(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    if (isOffence(code))
        reportOffence(QStringLiteral("%1; closed %2").arg(reason).arg(code));
    m_closing = true;
    m_connection->close(code, reason.toUtf8());
}

void EdgeSession::abort()
{
    m_closing = true;
    m_connection->abort();
}

void EdgeSession::reportOffence(const QString &what)
{
    if (m_offenceReported)
        return;
    m_offenceReported = true;
    qCWarning(lcEdge).noquote() << "edge" << m_endpointId << "from" << m_connection->peer() << what;
}

void EdgeSession::connectionClosed(EdgeConnection &connection)
{
    // A close the connection made itself (too large, bad frame, invalid UTF-8, a send
    // buffer over its limit) or the edge's.
    if (connection.overflowed())
        reportOffence(connection.closeReason() + QStringLiteral("; aborted"));
    else if (!m_closing && isOffence(connection.closeCode()))
        reportOffence(QStringLiteral("%1; closed %2")
                          .arg(connection.closeReason().left(80).simplified())
                          .arg(connection.closeCode()));
    m_closing = true;
    m_listener.edgeClosed(*this);
}

} // namespace cx::server

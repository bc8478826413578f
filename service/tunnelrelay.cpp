#include "tunnelrelay.h"

#include "dataplanesettings.h"

#include <QLoggingCategory>
#include <QNetworkRequest>

namespace cx::server {

Q_LOGGING_CATEGORY(lcTunnel, "cx.tunnel")

namespace {

/// FNV-1a then a splitmix64 finaliser: a fixed, well-mixed 64-bit hash (qHash is seeded).
quint64 stableHash(const QByteArray &bytes)
{
    quint64 h = 0xcbf29ce484222325ull;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 0x100000001b3ull;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

} // namespace

TunnelRelay::TunnelRelay(QWebSocket *edge, const QUrl &platformUrl, QString instanceId,
                         const DataPlaneSettings &settings, QObject *parent)
    : QObject(parent)
    , m_edge(edge)
    , m_instanceId(std::move(instanceId))
    , m_queueLimit(settings.maxMessageSize)
    , m_sendLimit(qMax<qint64>(4 * 1024 * 1024, 2 * settings.maxMessageSize))
{
    m_edge->setParent(this);
    m_platform.setParent(this);
    connect(m_edge, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { toPlatform(text.toUtf8(), false); });
    connect(m_edge, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { toPlatform(data, true); });
    connect(m_edge, &QWebSocket::disconnected, this, [this] {
        if (m_platform.state() != QAbstractSocket::UnconnectedState)
            m_platform.close(m_edge->closeCode(), m_edge->closeReason());
        finishIfDone();
    });

    connect(&m_platform, &QWebSocket::connected, this, [this] {
        m_platformOpen = true;
        flushQueued();
    });
    connect(&m_platform, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (edgeKeepsUp())
            m_edge->sendTextMessage(text);
    });
    connect(&m_platform, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        if (edgeKeepsUp())
            m_edge->sendBinaryMessage(data);
    });
    connect(&m_platform, &QWebSocket::disconnected, this, [this] {
        const bool clean = m_platformOpen
            && m_platform.closeCode() != QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        if (clean)
            closeEdge(m_platform.closeCode(), m_platform.closeReason());
        else
            closeEdge(QWebSocketProtocol::CloseCodeBadOperation,
                      QStringLiteral("platform instance lost"));
        finishIfDone();
    });
    connect(
        &m_platform, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
            if (state == QAbstractSocket::UnconnectedState && !m_platformOpen) { // a failed connect
                closeEdge(QWebSocketProtocol::CloseCodeBadOperation,
                          QStringLiteral("platform instance lost"));
                finishIfDone();
            }
        });

    QNetworkRequest request(platformUrl);
    request.setRawHeader(QByteArrayLiteral("appKey"), settings.appKey);
    if (platformUrl.scheme() == u"wss")
        m_platform.setSslConfiguration(settings.platformSsl);
    m_platform.open(request);
}

void TunnelRelay::toPlatform(const QByteArray &message, bool binary)
{
    if (m_platformOpen) {
        if (binary)
            m_platform.sendBinaryMessage(message);
        else
            m_platform.sendTextMessage(QString::fromUtf8(message));
        return;
    }
    m_queuedBytes += message.size();
    if (m_queuedBytes > m_queueLimit) {
        closeEdge(QWebSocketProtocol::CloseCodeTooMuchData,
                  QStringLiteral("tunnel data before the platform side opened"));
        m_platform.abort();
        return;
    }
    m_queued.append({message, binary});
}

bool TunnelRelay::edgeKeepsUp()
{
    if (m_edge->state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_edge->bytesToWrite() <= m_sendLimit)
        return true;
    // Same bound as for device edges: an end that does not read cannot make us grow.
    qCWarning(lcTunnel).noquote() << "tunnel edge from"
                                  << m_edge->peerAddress().toString() + u':'
            + QString::number(m_edge->peerPort())
                                  << "does not read its messages (" << m_edge->bytesToWrite()
                                  << "bytes unsent); aborted";
    m_edge->abort();
    m_platform.close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("edge side lost"));
    return false;
}

void TunnelRelay::flushQueued()
{
    for (const auto &[message, binary] : std::as_const(m_queued))
        toPlatform(message, binary);
    m_queued.clear();
    m_queuedBytes = 0;
}

void TunnelRelay::closeEdge(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_edge->state() == QAbstractSocket::ConnectedState)
        m_edge->close(code, reason);
}

void TunnelRelay::instanceLost()
{
    closeEdge(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("platform instance lost"));
    m_platform.abort();
}

void TunnelRelay::finishIfDone()
{
    if (m_edge->state() == QAbstractSocket::UnconnectedState
        && m_platform.state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

int TunnelRelay::chooseInstance(const QString &tunnelKey, const QStringList &instanceIds)
{
    int best = -1;
    quint64 bestWeight = 0;
    const QByteArray key = tunnelKey.toUtf8();
    for (int i = 0; i < instanceIds.size(); ++i) {
        const quint64 weight = stableHash(instanceIds.at(i).toUtf8() + '\n' + key);
        if (best < 0 || weight > bestWeight) {
            best = i;
            bestWeight = weight;
        }
    }
    return best;
}

} // namespace cx::server

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

TunnelRelay::TunnelRelay(std::unique_ptr<EdgeConnection> edge, const QUrl &platformUrl,
                         QString instanceId, const DataPlaneSettings &settings, QObject *parent)
    : QObject(parent)
    , m_edge(std::move(edge))
    , m_instanceId(std::move(instanceId))
    , m_queueLimit(settings.maxMessageSize)
    , m_sendLimit(qMax<qint64>(4 * 1024 * 1024, 2 * settings.maxMessageSize))
{
    m_edge->setHandler(this);
    m_edge->accept();
    m_platform.setParent(this);
    connect(&m_platform, &QWebSocket::connected, this, [this] {
        m_platformOpen = true;
        flushQueued();
    });
    connect(&m_platform, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (edgeKeepsUp())
            m_edge->sendText(text.toUtf8());
    });
    connect(&m_platform, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        if (edgeKeepsUp())
            m_edge->sendBinary(data);
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

TunnelRelay::~TunnelRelay() = default; // the edge connection makes no callback when deleted

void TunnelRelay::connectionMessage(EdgeConnection &, std::span<char> message, bool text)
{
    toPlatform(QByteArray(message.data(), qsizetype(message.size())), !text);
}

void TunnelRelay::connectionClosed(EdgeConnection &)
{
    // 1005 and 1006 never go on the wire: an edge that left without a code is "going away".
    const quint16 code = m_edge->closeCode() == 1005 || m_edge->closeCode() == 1006
        ? quint16(QWebSocketProtocol::CloseCodeGoingAway)
        : m_edge->closeCode();
    if (m_platform.state() != QAbstractSocket::UnconnectedState)
        m_platform.close(QWebSocketProtocol::CloseCode(code), m_edge->closeReason());
    finishIfDone();
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
    if (!m_edge->isOpen())
        return false;
    if (m_edge->bytesToWrite() <= m_sendLimit)
        return true;
    // Same bound as for device edges: an end that does not read cannot make us grow.
    qCWarning(lcTunnel).noquote() << "tunnel edge from" << m_edge->peer()
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

void TunnelRelay::closeEdge(quint16 code, const QString &reason)
{
    m_edge->close(code, reason.toUtf8());
}

void TunnelRelay::instanceLost()
{
    closeEdge(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("platform instance lost"));
    m_platform.abort();
}

void TunnelRelay::finishIfDone()
{
    if (m_edge->isClosed() && m_platform.state() == QAbstractSocket::UnconnectedState)
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

#include "tunnelrelay.h"

#include "dataplanesettings.h"
#include "tls/tlsfiles.h"

#include <QNetworkRequest>

namespace cx::server {

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
                         const websocket::HttpHeaders &credentials, QString instanceId,
                         const DataPlaneSettings &settings, QObject *parent)
    : QObject(parent)
    , m_edge(std::move(edge))
    , m_instanceId(std::move(instanceId))
    , m_queueLimit(settings.maxMessageSize)
{
    m_edge->setHandler(this);
    m_edge->accept();
    m_platform.setParent(this);
    connect(&m_platform, &QWebSocket::connected, this, [this] {
        m_platformOpen = true;
        flushQueued();
    });
    // What waits to go to the platform counts in the edge's budget: the edge is not read
    // while the platform side does not take its bytes (protocol.md §8 "Bounded").
    connect(&m_platform, &QWebSocket::bytesWritten, this,
            [this] { m_edge->setHeldBytes(m_platform.bytesToWrite()); });
    connect(&m_platform, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (m_edge->isOpen()) // its budget bounds what it holds (EdgeConnection)
            m_edge->sendText(text.toUtf8());
    });
    connect(&m_platform, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        if (m_edge->isOpen())
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

    // protocol.md §8: the platform decides who may use a tunnel, on the client's own
    // credentials; cxserver's app key never goes on a tunnel.
    QNetworkRequest request(platformUrl);
    for (const auto &[name, value] : credentials) {
        const QByteArray before = request.rawHeader(name);
        const QByteArray separator = name == "Cookie" ? "; " : ", ";
        request.setRawHeader(name, before.isEmpty() ? value : before + separator + value);
    }
    if (platformUrl.scheme() == u"wss") {
        m_platform.setSslConfiguration(settings.platformSsl);
        // Host-name validation as for pipes (protocol.md §7): off, only a mismatch is forgiven.
        if (!settings.hostNameValidation)
            connect(&m_platform, &QWebSocket::sslErrors, this,
                    [this](const QList<QSslError> &errors) {
                        if (tls::onlyHostNameMismatch(errors))
                            m_platform.ignoreSslErrors();
                    });
    }
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
        m_edge->setHeldBytes(m_platform.bytesToWrite());
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
    m_edge->setHeldBytes(m_queuedBytes);
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

#include "tunnelpairs.h"

#include "simstats.h"

#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace cx::platformsim {

namespace {

/// A lost peer without a close frame is 1011; a clean one keeps its code.
QWebSocketProtocol::CloseCode codeFor(const QWebSocket &socket)
{
    const auto code = socket.closeCode();
    if (code == QWebSocketProtocol::CloseCodeAbnormalDisconnection
        || code == QWebSocketProtocol::CloseCodeMissingStatusCode)
        return QWebSocketProtocol::CloseCodeBadOperation;
    return code;
}

} // namespace

TunnelPairs::TunnelPairs(QByteArray pipeKey, QByteArray tunnelKey, int pairTimeoutMs,
                         SimStats &stats, QObject *parent)
    : QObject(parent)
    , m_pipeKey(std::move(pipeKey))
    , m_tunnelKey(std::move(tunnelKey))
    , m_pairTimeoutMs(pairTimeoutMs)
    , m_stats(stats)
{ }

bool TunnelPairs::credentialAccepted(const QWebSocket &socket, const QString &query) const
{
    const QByteArray header = socket.request().rawHeader("appKey");
    const QByteArray queryKey = QUrlQuery(query).queryItemValue(u"appKey"_s).toUtf8();
    const QByteArray bearer = socket.request().rawHeader("Authorization");
    if (header == m_pipeKey || queryKey == m_pipeKey || bearer == "Bearer " + m_pipeKey)
        return false; // cxserver's own key never authorizes a tunnel
    return m_tunnelKey.isEmpty() || header == m_tunnelKey || queryKey == m_tunnelKey
        || bearer == "Bearer " + m_tunnelKey;
}

void TunnelPairs::accept(QWebSocket *socket, const QString &path, const QString &query)
{
    if (!credentialAccepted(*socket, query)) {
        ++m_stats.tunnelsRefused;
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"credential refused"_s);
        return;
    }
    const bool deviceEnd = path.startsWith(u"/Thingworx/WSTunnelServer/"_s);
    const QString tid = path.section(u'/', -1);
    const QString mine = (deviceEnd ? u"S:"_s : u"C:"_s) + tid;
    const QString theirs = (deviceEnd ? u"C:"_s : u"S:"_s) + tid;
    if (m_waiting.contains(mine)) {
        ++m_stats.tunnelsRefused;
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"this end waits already"_s);
        return;
    }
    End &end = m_ends[socket];
    end.socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { relay(socket, text.toUtf8(), true); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket](const QByteArray &data) { relay(socket, data, false); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { ended(socket); });
    if (QWebSocket *waiting = m_waiting.take(theirs)) {
        pair(m_ends[waiting], end);
        return;
    }
    end.key = mine;
    m_waiting.insert(mine, socket);
    QTimer::singleShot(m_pairTimeoutMs, socket, [this, socket] {
        const End &waiting = m_ends[socket];
        if (!waiting.peer && !waiting.key.isEmpty()) {
            ++m_stats.tunnelsUnpaired;
            socket->close(QWebSocketProtocol::CloseCodeBadOperation, u"no peer"_s);
        }
    });
}

void TunnelPairs::pair(End &waiting, End &arriving)
{
    waiting.key.clear();
    waiting.peer = arriving.socket;
    arriving.peer = waiting.socket;
    ++m_stats.tunnelsPaired;
    // What the waiting end sent meanwhile goes over now, in order.
    const auto held = std::exchange(waiting.held, {});
    waiting.heldBytes = 0;
    for (const auto &[message, text] : held)
        relay(waiting.socket, message, text);
}

void TunnelPairs::relay(QWebSocket *from, const QByteArray &message, bool text)
{
    End &end = m_ends[from];
    if (!end.peer) {
        end.heldBytes += message.size();
        if (end.heldBytes > HeldLimit) {
            from->close(QWebSocketProtocol::CloseCodeTooMuchData, u"too much before the peer"_s);
            return;
        }
        end.held.append({message, text});
        return;
    }
    m_stats.tunnelBytesRelayed += quint64(message.size());
    if (text)
        end.peer->sendTextMessage(QString::fromUtf8(message));
    else
        end.peer->sendBinaryMessage(message);
}

void TunnelPairs::ended(QWebSocket *socket)
{
    const End end = m_ends.take(socket);
    if (!end.key.isEmpty() && m_waiting.value(end.key) == socket)
        m_waiting.remove(end.key);
    if (end.peer && end.peer->state() != QAbstractSocket::UnconnectedState)
        end.peer->close(codeFor(*socket), socket->closeReason());
}

} // namespace cx::platformsim

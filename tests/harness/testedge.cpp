#include "testedge.h"

#include "alwayson/header.h"
#include "alwayson/messages.h"

#include <QTest>

namespace cx::test {

TestEdge::TestEdge(QObject *parent)
    : QObject(parent)
{
    m_socket.setParent(this);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { m_received.append(message); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
}

bool TestEdge::open(const QUrl &url, int timeoutMs, const std::optional<QSslConfiguration> &ssl)
{
    if (ssl)
        m_socket.setSslConfiguration(*ssl);
    m_socket.open(url);
    return QTest::qWaitFor(
               [&] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; },
               timeoutMs)
        && m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestEdge::send(const QByteArray &message)
{
    m_socket.sendBinaryMessage(message);
}

void TestEdge::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

int TestEdge::authenticate(const QByteArray &appKey, quint32 endpointId, quint32 requestId,
                           int timeoutMs)
{
    send(alwayson::buildAuthRequest(requestId, appKey, endpointId));
    const std::optional<QByteArray> response = waitForResponse(requestId, timeoutMs);
    return response ? alwayson::parseHeader(*response).header.code : -1;
}

void TestEdge::request(quint8 code, quint32 requestId, quint32 endpointId, const QByteArray &body)
{
    send(alwayson::buildMessage(
        alwayson::Header {
            .code = code, .requestId = requestId, .endpointId = endpointId, .sessionId = 0x5e55},
        body));
}

std::optional<QByteArray>
TestEdge::waitForMessage(const std::function<bool(const alwayson::Header &)> &match, int timeoutMs)
{
    std::optional<QByteArray> found;
    const auto look = [&] {
        for (const QByteArray &message : std::as_const(m_received)) {
            const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
            if (parsed.ok() && match(parsed.header)) {
                found = message;
                return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(look, timeoutMs))
        look(); // it may have come with the last event
    return found;
}

std::optional<QByteArray> TestEdge::waitForResponse(quint32 requestId, int timeoutMs)
{
    return waitForMessage(
        [requestId](const alwayson::Header &h) {
            return h.isResponse() && h.requestId == requestId;
        },
        timeoutMs);
}

std::optional<QByteArray> TestEdge::waitForRequest(int timeoutMs)
{
    return waitForMessage([](const alwayson::Header &h) { return !h.isResponse(); }, timeoutMs);
}

int TestEdge::waitForClose(int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_closed; }, timeoutMs))
        return -1;
    return int(m_socket.closeCode());
}

int TestEdge::responsesFor(quint32 requestId) const
{
    int count = 0;
    for (const QByteArray &message : m_received) {
        const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
        count += parsed.ok() && parsed.header.isResponse() && parsed.header.requestId == requestId
            ? 1
            : 0;
    }
    return count;
}

} // namespace cx::test

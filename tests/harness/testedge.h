#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace cx::alwayson {
struct Header;
}

namespace cx::test {

/// An edge device inside the test process, for exact control over what goes on the wire:
/// sends raw AlwaysOn messages, records everything it receives, and waits (bounded) for
/// responses and for its socket's close.
class TestEdge : public QObject
{
    Q_OBJECT
public:
    explicit TestEdge(QObject *parent = nullptr);

    /// Opens the WebSocket; false on failure or timeout.
    bool open(const QUrl &url, int timeoutMs = 5000,
              const std::optional<QSslConfiguration> &ssl = {});
    void send(const QByteArray &message);
    void sendText(const QString &text);
    /// Sends AUTH (app key, this endpointId) with requestId and returns the response code,
    /// or -1 when none came in time.
    int authenticate(const QByteArray &appKey, quint32 endpointId = 7, quint32 requestId = 1,
                     int timeoutMs = 5000);
    /// Sends a request (code, requestId, endpointId, body) as one message.
    void request(quint8 code, quint32 requestId, quint32 endpointId = 7,
                 const QByteArray &body = {});
    /// The first received message whose header matches, waiting for it.
    std::optional<QByteArray>
    waitForMessage(const std::function<bool(const alwayson::Header &)> &match,
                   int timeoutMs = 5000);
    /// The first received response (code >= 0x40) with this requestId, waiting for it.
    std::optional<QByteArray> waitForResponse(quint32 requestId, int timeoutMs = 5000);
    /// The first received request (code < 0x40), waiting for it.
    std::optional<QByteArray> waitForRequest(int timeoutMs = 5000);
    /// Waits until the server closed the socket; its close code, or -1 on timeout.
    int waitForClose(int timeoutMs = 5000);

    QWebSocket &socket() { return m_socket; }
    const QList<QByteArray> &received() const { return m_received; }
    /// How many responses with this requestId arrived (exactly-once checks).
    int responsesFor(quint32 requestId) const;

private:
    QWebSocket m_socket;
    QList<QByteArray> m_received;
    bool m_closed = false;
};

} // namespace cx::test

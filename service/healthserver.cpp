#include "healthserver.h"

#include "http/requesthead.h"
#include "tcplistener.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace cx::server {

Q_LOGGING_CATEGORY(lcHealth, "cx.health")

namespace {

/// What a connection's socket may hold that its reader did not take yet.
constexpr qsizetype SocketReadBuffer = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 503:
        return "Service Unavailable";
    default:
        return {};
    }
}

/// A whole response; \a withBody false for HEAD (the same fields, no body).
QByteArray response(const QByteArray &status, const QByteArray &contentType, const QByteArray &body,
                    bool withBody, bool keepAlive, const QByteArray &extraFields = {})
{
    QByteArray out = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\n" + extraFields
        + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
    if (withBody)
        out += body;
    return out;
}

QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                    bool withBody, bool keepAlive, const QByteArray &extraFields = {})
{
    return response(QByteArray::number(status) + ' ' + reasonPhrase(status), contentType, body,
                    withBody, keepAlive, extraFields);
}

/// Whether the comma-separated list \a value holds \a token (any case).
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    for (const QByteArrayView item : QByteArray(value.toByteArray()).split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

/// One client of the health listener: frames heads within the limits, answers them one at
/// a time, and closes the connection when it is idle too long or breaks a rule.
class HealthConnection : public QObject
{
    Q_OBJECT
public:
    /// Takes \a socket over.
    HealthConnection(QTcpSocket *socket, HealthServer *server)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_maxHead(server->m_limits.maxHeadBytes)
    {
        m_socket->setParent(this);
        // What the socket takes from the kernel is bounded too; a little more than a head, so
        // that the rest of a refused head is usually taken and the close is a FIN, not a
        // reset that could destroy the refusal before the client read it.
        m_socket->setReadBufferSize(qMax(m_maxHead + 1, SocketReadBuffer));
        connect(m_socket, &QTcpSocket::readyRead, this, &HealthConnection::serve);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &HealthConnection::serve);
        connect(m_socket, &QTcpSocket::disconnected, this, &HealthConnection::onDisconnected);
        m_idle.setSingleShot(true);
        m_idle.setInterval(server->m_limits.idleTimeout);
        connect(&m_idle, &QTimer::timeout, this, &HealthConnection::abort);
        m_idle.start();
    }

    /// Closes at once, without a response.
    void abort() { m_socket->abort(); }

private:
    /// Answers the next complete head, as long as nothing is waiting to be sent.
    void serve()
    {
        while (!m_closing && m_socket->bytesToWrite() == 0) {
            if (m_buffer.size() <= m_maxHead)
                m_buffer += m_socket->read(m_maxHead + 1 - m_buffer.size());
            // Only the bytes not looked at before, and the three before them.
            const qsizetype from = qMax<qsizetype>(0, m_scanned - 3);
            const qsizetype found = http::headLength(QByteArrayView(m_buffer).sliced(from));
            if (found == 0 || from + found > m_maxHead) {
                m_scanned = m_buffer.size();
                if (m_buffer.size() > m_maxHead)
                    refuse("431 Request Header Fields Too Large");
                return;
            }
            const QByteArray head = m_buffer.first(from + found);
            m_buffer.remove(0, head.size());
            m_scanned = 0;
            answer(QByteArrayView(head).chopped(4));
        }
    }

    void answer(QByteArrayView head)
    {
        const http::RequestParse parse = http::parseRequestHead(head);
        if (!parse.ok()) {
            refuse(parse.refusal);
            return;
        }
        const http::RequestHead &request = parse.head;
        // No request has a body here: refuse before reading a byte of it.
        if (request.fieldCount("transfer-encoding") > 0) {
            refuse("413 Content Too Large");
            return;
        }
        if (request.fieldCount("content-length") > 0) {
            const QByteArrayView length = request.field("content-length");
            if (request.fieldCount("content-length") != 1 || !isDigits(length)) {
                refuse("400 Bad Request");
                return;
            }
            if (std::any_of(length.begin(), length.end(), [](char c) { return c != '0'; })) {
                refuse("413 Content Too Large");
                return;
            }
        }
        const bool keepAlive
            = request.atLeast11() && !hasToken(request.field("connection"), "close");
        m_socket->write(m_server->respond(request.method, request.path, keepAlive));
        m_server->touched(this);
        m_idle.start();
        if (!keepAlive)
            close();
    }

    /// Sends \a status with Connection: close and closes.
    void refuse(const QByteArray &status)
    {
        qCDebug(lcHealth) << "refused a request:" << status;
        m_socket->write(response(status, "text/plain; charset=utf-8", status + '\n', true, false));
        close();
    }

    /// Closes once the response is sent; the idle timer bounds how long that may take.
    void close()
    {
        m_closing = true;
        m_buffer.clear();
        m_socket->disconnectFromHost();
    }

    void onDisconnected()
    {
        m_idle.stop();
        m_server->closed(this);
        deleteLater();
    }

    HealthServer *m_server;
    QTcpSocket *m_socket;
    const qsizetype m_maxHead;
    QTimer m_idle;
    QByteArray m_buffer; ///< at most m_maxHead + 1 bytes of heads not answered yet
    qsizetype m_scanned = 0; ///< bytes of m_buffer searched for the end of a head
    bool m_closing = false;
};

HealthServer::HealthServer(std::function<HealthSnapshot()> snapshot,
                           std::function<QByteArray()> metrics, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
    , m_metrics(std::move(metrics))
    , m_listener(new TcpListener(
          QStringLiteral("health"), [this](qintptr descriptor) { onNewConnection(descriptor); },
          this))
{ }

// The connections are children: each drops its socket's signals before it deletes it.
HealthServer::~HealthServer() = default;

void HealthServer::setLimits(const HealthLimits &limits)
{
    m_limits = limits;
}

quint16 HealthServer::listen(const QHostAddress &address, quint16 port)
{
    constexpr int Backlog = 128;
    if (!m_listener->listen(address, port, Backlog)) {
        qCWarning(lcHealth) << "cannot listen on" << address.toString() << port << ":"
                            << m_listener->errorString();
        return 0;
    }
    return m_listener->serverPort();
}

void HealthServer::onNewConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCDebug(lcHealth) << "cannot take a new connection:" << socket->errorString();
        delete socket;
        TcpListener::closeDescriptor(descriptor);
        return;
    }
    // At the cap the connection idle the longest makes room: a flood of idle connections
    // cannot lock a load balancer's check out.
    while (m_connections.size() >= qMax(1, m_limits.maxConnections)) {
        HealthConnection *oldest = m_connections.takeFirst();
        qCDebug(lcHealth) << "connection cap reached: closing the one idle the longest";
        oldest->abort();
    }
    m_connections.append(new HealthConnection(socket, this));
}

QByteArray HealthServer::respond(QByteArrayView method, QByteArrayView path, bool keepAlive) const
{
    const bool head = method == "HEAD";
    if (path != "/health" && path != "/metrics")
        return response(404, "text/plain; charset=utf-8", "not found\n", !head, keepAlive);
    if (!head && method != "GET")
        return response(405, "text/plain; charset=utf-8", "only GET and HEAD\n", true, keepAlive,
                        "Allow: GET, HEAD\r\n");
    if (path == "/metrics")
        return response(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics(), !head,
                        keepAlive);
    const HealthSnapshot health = m_snapshot();
    const bool ok = health.running && health.connectedInstances > 0;
    const QJsonObject body {
        {QStringLiteral("status"), ok ? QStringLiteral("up") : QStringLiteral("down")},
        {QStringLiteral("running"), health.running},
        {QStringLiteral("connectedInstances"), health.connectedInstances},
        {QStringLiteral("edges"), health.edges},
    };
    return response(ok ? 200 : 503, "application/json",
                    QJsonDocument(body).toJson(QJsonDocument::Compact), !head, keepAlive);
}

void HealthServer::touched(HealthConnection *connection)
{
    m_connections.removeOne(connection);
    m_connections.append(connection);
}

void HealthServer::closed(HealthConnection *connection)
{
    m_connections.removeOne(connection);
}

} // namespace cx::server

#include "healthserver.moc"

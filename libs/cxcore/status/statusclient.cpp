#include "statusclient.h"

#include "socketlocation.h"

#include <QJsonDocument>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace cx::status {

namespace {
/// A reply line longer than this is not from cxserver.
constexpr qsizetype MaxLine = 16 * 1024 * 1024;
} // namespace

StatusClient::StatusClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, &StatusClient::connected);
    connect(m_socket, &QLocalSocket::disconnected, this, &StatusClient::disconnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &StatusClient::onReadyRead);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError e) {
        if (e == QLocalSocket::PeerClosedError)
            return; // disconnected() tells
        Failure failure = Failure::Broken;
        if (e == QLocalSocket::ServerNotFoundError || e == QLocalSocket::ConnectionRefusedError)
            failure = Failure::NotRunning;
        else if (e == QLocalSocket::SocketAccessError)
            failure = Failure::AccessDenied;
        const QString detail
            = failure == Failure::Broken ? u": "_s + m_socket->errorString() : QString();
        Q_EMIT failed(failure, describe(failure, m_name) + detail);
    });
}

StatusClient::~StatusClient() = default;

void StatusClient::connectToService(const QString &socketName)
{
    m_buffer.clear();
    m_socket->abort();
    const Result<QString> location = socketLocation(socketName, SocketUse::Connect);
    if (!location) {
        m_name = socketName;
        // Told after this returns, as a failure to connect is.
        QMetaObject::invokeMethod(
            this,
            [this, message = location.error().message] { Q_EMIT failed(Failure::Broken, message); },
            Qt::QueuedConnection);
        return;
    }
    m_name = location.value();
    m_socket->connectToServer(m_name);
}

void StatusClient::disconnectFromService()
{
    m_socket->abort();
    m_buffer.clear();
}

bool StatusClient::isConnected() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void StatusClient::send(const QJsonObject &request)
{
    m_socket->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

QString StatusClient::describe(Failure failure, const QString &socketName)
{
    switch (failure) {
    case Failure::NotRunning:
        return u"cxserver is not running (nothing listens on status socket %1)"_s.arg(socketName);
    case Failure::AccessDenied:
        return u"access to status socket %1 denied: run as the service account, a member of "
               "its group, or an administrator"_s.arg(socketName);
    case Failure::Broken:
        break;
    }
    return u"status socket %1 failed"_s.arg(socketName);
}

void StatusClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    // Take the complete lines out first: a slot may disconnect or reconnect this client.
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (qsizetype end; (end = m_buffer.indexOf('\n', start)) >= 0; start = end + 1)
        lines.append(m_buffer.sliced(start, end - start));
    m_buffer.remove(0, start);
    if (m_buffer.size() > MaxLine) {
        m_socket->abort();
        m_buffer.clear();
        Q_EMIT failed(Failure::Broken, describe(Failure::Broken, m_name) + u": reply too long"_s);
        return;
    }
    for (const QByteArray &line : std::as_const(lines)) {
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject()) {
            m_socket->abort();
            m_buffer.clear();
            Q_EMIT failed(Failure::Broken,
                          describe(Failure::Broken, m_name) + u": reply is not a JSON object"_s);
            return;
        }
        Q_EMIT replyReceived(document.object());
    }
}

} // namespace cx::status

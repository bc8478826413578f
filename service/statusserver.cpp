#include "statusserver.h"

#include "status/socketlocation.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cx::server {

Q_LOGGING_CATEGORY(lcStatus, "cx.status")

namespace {
constexpr qsizetype MaxRequestLine = 64 * 1024; ///< a longer line is not a request
/// A client with more replies than this unsent (or four times the latest reply, when that
/// is more) does not read them: it is dropped.
constexpr qint64 MaxUnsentBytes = 1024 * 1024;
/// How long a client refused for a too long line has to take the error before it is cut.
constexpr int RefusalGraceMs = 5000;
constexpr int MinIntervalMs = 100;
constexpr int DefaultIntervalMs = 1000;
} // namespace

StatusServer::StatusServer(std::function<status::StatusSnapshot()> status,
                           std::function<QJsonObject()> reload, QObject *parent)
    : QObject(parent)
    , m_status(std::move(status))
    , m_reload(std::move(reload))
    , m_server(new QLocalServer(this))
{
    // Owner and group only: the service account and the admins in its group (config.md §5).
    m_server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &StatusServer::onNewConnection);
}

StatusServer::~StatusServer() = default;

Result<QString> StatusServer::listen(const QString &socketName)
{
    const Result<QString> location = status::socketLocation(socketName, status::SocketUse::Listen);
    if (!location)
        return location.error();
    const QString &name = location.value();
    // Only a socket nobody answers on is stale; a running cxserver's socket stays.
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(200)) {
        probe.abort();
        return Error(u"status socket %1 is in use by another process"_s.arg(name));
    }
    QLocalServer::removeServer(name);
    if (!m_server->listen(name))
        return Error(u"cannot listen on status socket %1"_s.arg(name), m_server->errorString());
#ifdef Q_OS_UNIX
    // config.md §5: 0660 (Qt leaves the execute bits on).
    QFile::setPermissions(m_server->fullServerName(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                              | QFile::WriteGroup);
#endif
    return m_server->fullServerName();
}

void StatusServer::onNewConnection()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        // Never more than one request line (and the byte that tells it is too long) read.
        client->setReadBufferSize(MaxRequestLine + 1);
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QLocalSocket::readyRead, this, [this, client] { onReadyRead(client); });
    }
}

void StatusServer::onReadyRead(QLocalSocket *client)
{
    while (client->state() == QLocalSocket::ConnectedState && client->canReadLine()) {
        const QByteArray line = client->readLine();
        if (line.size() > MaxRequestLine + 1) {
            refuseLongLine(client);
            return;
        }
        if (!line.trimmed().isEmpty())
            handle(client, line.trimmed());
    }
    if (client->state() == QLocalSocket::ConnectedState
        && client->bytesAvailable() > MaxRequestLine)
        refuseLongLine(client);
}

void StatusServer::refuseLongLine(QLocalSocket *client)
{
    qCInfo(lcStatus) << "closing a status socket client: request line longer than" << MaxRequestLine
                     << "bytes";
    reply(client, {{u"error"_s, u"request line too long"_s}});
    client->disconnectFromServer();
    // A client that does not take the error either is cut after a while.
    QTimer::singleShot(RefusalGraceMs, client, &QLocalSocket::abort);
}

void StatusServer::handle(QLocalSocket *client, const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        reply(client,
              {{u"error"_s,
                document.isNull() ? u"not JSON: "_s + parseError.errorString()
                                  : u"a request is a JSON object such as {\"op\":\"status\"}"_s}});
        return;
    }
    const QJsonObject request = document.object();
    const QString op = request.value(u"op"_s).toString();
    if (op == u"status") {
        reply(client, m_status().toJson());
    } else if (op == u"subscribe") {
        const QJsonValue interval = request.value(u"intervalMs"_s);
        if (!interval.isUndefined()
            && (!interval.isDouble() || interval.toInteger() < MinIntervalMs)) {
            reply(
                client,
                {{u"error"_s, u"intervalMs must be a number of at least %1"_s.arg(MinIntervalMs)}});
            return;
        }
        if (client->findChild<QTimer *>(u"subscription"_s)) {
            reply(client, {{u"error"_s, u"already subscribed on this connection"_s}});
            return;
        }
        auto *timer = new QTimer(client);
        timer->setObjectName(u"subscription"_s);
        timer->setInterval(int(interval.toInteger(DefaultIntervalMs)));
        connect(timer, &QTimer::timeout, client,
                [this, client] { reply(client, m_status().toJson()); });
        timer->start();
        reply(client, m_status().toJson());
    } else if (op == u"reload") {
        qCInfo(lcStatus) << "reload requested on the status socket";
        reply(client, m_reload());
    } else if (op.isEmpty()) {
        reply(client, {{u"error"_s, u"missing \"op\": one of status, subscribe, reload"_s}});
    } else {
        reply(client,
              {{u"error"_s,
                u"unknown op \"%1\": one of status, subscribe, reload"_s.arg(op.left(64))}});
    }
}

void StatusServer::reply(QLocalSocket *client, const QJsonObject &object)
{
    if (client->state() != QLocalSocket::ConnectedState)
        return;
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    client->write(line);
    const qint64 bound = qMax(MaxUnsentBytes, 4 * qint64(line.size()));
    if (client->bytesToWrite() > bound) {
        qCWarning(lcStatus) << "dropping a status socket client that does not read its replies:"
                            << client->bytesToWrite() << "bytes unsent";
        client->abort();
    }
}

} // namespace cx::server

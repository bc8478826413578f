#pragma once

#include "result.h"
#include "status/statussnapshot.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

class QLocalServer;
class QLocalSocket;

namespace cx::server {

/// The status and control socket (config.md §5): a QLocalServer speaking JSON Lines, one
/// request per line and one reply per line: `status`, `subscribe` and `reload`; anything
/// else gets `{"error":...}` and the connection stays usable. Access: owner and group only
/// (0660) on Unix, the service account and administrators on Windows.
class StatusServer : public QObject
{
    Q_OBJECT
public:
    /// status() gives the current snapshot; reload() re-reads the config and returns the
    /// reply object (`{"ok":true,...}` or the errors). Both run on this object's thread.
    StatusServer(std::function<status::StatusSnapshot()> status,
                 std::function<QJsonObject()> reload, QObject *parent = nullptr);
    ~StatusServer() override;

    /// Listens on admin.socket: a bare name (placed by QLocalServer) or a path. A stale
    /// socket file left by a crashed cxserver is removed first.
    Result<QString> listen(const QString &name);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *client);
    void handle(QLocalSocket *client, const QByteArray &line);
    static void reply(QLocalSocket *client, const QJsonObject &object);

    std::function<status::StatusSnapshot()> m_status;
    std::function<QJsonObject()> m_reload;
    QLocalServer *m_server;
};

} // namespace cx::server

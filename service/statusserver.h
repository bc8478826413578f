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
/// (0660) on Unix, the service account and administrators on Windows. Bounded per client:
/// a request line of at most 64 KiB, and at most 1 MiB of replies unsent (a subscriber that
/// does not read is dropped).
class StatusServer : public QObject
{
    Q_OBJECT
public:
    /// status() gives the current snapshot; reload() re-reads the config and returns the
    /// reply object (`{"ok":true,...}` or the errors). Both run on this object's thread.
    StatusServer(std::function<status::StatusSnapshot()> status,
                 std::function<QJsonObject()> reload, QObject *parent = nullptr);
    ~StatusServer() override;

    /// Listens on admin.socket: a bare name (placed by status::socketLocation()) or a path.
    /// A stale socket file left by a crashed cxserver is removed first. The full name it
    /// listens on, or why it cannot.
    Result<QString> listen(const QString &socketName);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *client);
    void handle(QLocalSocket *client, const QByteArray &line);
    /// Answers a line over 64 KiB with an error and closes.
    static void refuseLongLine(QLocalSocket *client);
    /// Sends one reply line; a client that lets its unsent replies grow past a bound
    /// (1 MiB, or four replies when those are larger) is dropped, with one log line.
    static void reply(QLocalSocket *client, const QJsonObject &object);

    std::function<status::StatusSnapshot()> m_status;
    std::function<QJsonObject()> m_reload;
    QLocalServer *m_server;
};

} // namespace cx::server

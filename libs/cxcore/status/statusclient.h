#pragma once

#include "cxcore_global.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class QLocalSocket;

namespace cx::status {

/// A client of cxserver's status and control socket (config.md §5): JSON Lines over a
/// QLocalSocket, one request per line, one reply per line. Used by cxctl, the configurator
/// and the tests. Asynchronous; lives on the thread that created it.
class CXCORE_EXPORT StatusClient : public QObject
{
    Q_OBJECT
public:
    /// Why a connection could not be had or was lost.
    enum class Failure {
        NotRunning, ///< no socket of that name, or nobody listening on it
        AccessDenied, ///< the socket exists but this user may not open it
        Broken, ///< the connection failed or the service sent something that is not JSON
    };
    Q_ENUM(Failure)

    explicit StatusClient(QObject *parent = nullptr);
    ~StatusClient() override;

    /// Connects to the socket named as admin.socket names it (a bare name or a path), where
    /// socketLocation() puts it; failed() when that location is not safe to use.
    void connectToService(const QString &socketName);
    void disconnectFromService();
    bool isConnected() const;
    /// Sends one request object as a line. Only while connected.
    void send(const QJsonObject &request);

    /// One sentence for a user, e.g. "cxserver is not running (no status socket NAME)".
    static QString describe(Failure failure, const QString &socketName);

Q_SIGNALS:
    void connected();
    /// One reply line, parsed.
    void replyReceived(const QJsonObject &reply);
    void failed(cx::status::StatusClient::Failure failure, const QString &message);
    void disconnected();

private:
    void onReadyRead();

    QLocalSocket *m_socket;
    QString m_name;
    QByteArray m_buffer;
};

} // namespace cx::status

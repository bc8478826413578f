#pragma once

#include "status/statusclient.h"

#include <QObject>
#include <QTimer>

namespace cx::ctl {

/// Exit codes of cxctl: 0 done, 1 usage error or a rejected reload, 2 the service could not
/// be reached (not running, access denied) or answered something unexpected.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUnreachable = 2 };

/// One one-shot cxctl command (status, reload) run against one status socket; finished()
/// carries the exit code. `watch` is WatchCommand.
class CtlCommand : public QObject
{
    Q_OBJECT
public:
    enum class Kind {
        Status, ///< one status, as a table or (json) the raw object
        Reload, ///< asks the service to re-read its configuration
    };

    CtlCommand(Kind kind, QString socketName, bool json, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onConnected();
    void onReply(const QJsonObject &reply);
    void onFailed(status::StatusClient::Failure failure, const QString &message);
    void showStatus(const QJsonObject &reply);
    void fail(int exitCode, const QString &message);

    Kind m_kind;
    QString m_socketName;
    bool m_json;
    status::StatusClient m_client;
    QTimer m_timeout; ///< gives up after this
    bool m_done = false;
};

} // namespace cx::ctl

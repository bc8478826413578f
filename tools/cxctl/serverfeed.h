#pragma once

#include "status/statusclient.h"
#include "status/statussnapshot.h"

#include <QObject>
#include <QTimer>

namespace cx::ctl {

/// One subscription (`{"op":"subscribe"}`, config.md §5) to one cxserver's status socket:
/// snapshot() at every interval. When the socket cannot be reached, closes, answers
/// something that is not a status or stays silent for a while, lost() says why and the feed
/// reconnects after a backoff that doubles from 0.5 s up to 5 s (back to 0.5 s once a
/// snapshot came).
class ServerFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int FirstRetryMs = 500;
    static constexpr int MaxRetryMs = 5000;

    ServerFeed(QString socketName, int intervalMs, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void snapshot(const cx::status::StatusSnapshot &snapshot);
    void lost(const QString &reason);

private:
    void onReply(const QJsonObject &reply);
    void onLost(const QString &reason);

    QString m_socketName;
    int m_intervalMs;
    status::StatusClient m_client;
    QTimer m_retry;
    QTimer m_silence; ///< no snapshot for this long counts as lost
    int m_backoffMs = FirstRetryMs;
};

} // namespace cx::ctl

#pragma once

#include "status/clusterwatch.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace cx::ctl {

class ServerFeed;

/// `cxctl watch`: one ServerFeed per cxserver into a ClusterWatch, drawn every interval:
/// redrawn in place on a terminal, else one plain block per interval. Runs until the
/// process is interrupted; losing a cxserver is shown, never fatal.
class WatchCommand : public QObject
{
    Q_OBJECT
public:
    WatchCommand(const QStringList &sockets, int intervalMs, QObject *parent = nullptr);

    void start();

private:
    void draw();

    int m_intervalMs;
    status::ClusterWatch m_watch;
    QList<ServerFeed *> m_feeds;
    QTimer m_drawTimer;
    bool m_terminal;
};

} // namespace cx::ctl

#include "watchcommand.h"

#include "output.h"
#include "serverfeed.h"
#include "terminalframe.h"
#include "watchrenderer.h"

using namespace Qt::StringLiterals;

namespace cx::ctl {

WatchCommand::WatchCommand(const QStringList &sockets, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_watch(sockets)
    , m_terminal(stdoutIsTerminal())
{
    for (qsizetype n = 0; n < sockets.size(); ++n) {
        auto *feed = new ServerFeed(sockets.at(n), intervalMs, this);
        connect(feed, &ServerFeed::snapshot, this,
                [this, n](const status::StatusSnapshot &snapshot) {
                    m_watch.addSnapshot(n, snapshot, QDateTime::currentDateTime());
                });
        connect(feed, &ServerFeed::lost, this, [this, n](const QString &reason) {
            m_watch.markDown(n, reason, QDateTime::currentDateTime());
        });
        m_feeds.append(feed);
    }
    m_drawTimer.setInterval(intervalMs);
    connect(&m_drawTimer, &QTimer::timeout, this, &WatchCommand::draw);
}

void WatchCommand::start()
{
    for (ServerFeed *feed : std::as_const(m_feeds))
        feed->start();
    m_drawTimer.start();
}

void WatchCommand::draw()
{
    const QString text = renderWatch(m_watch, QDateTime::currentDateTime(), m_intervalMs);
    print(stdout, m_terminal ? terminalFrame(text, terminalSize()) : u"\n"_s + text);
}

} // namespace cx::ctl

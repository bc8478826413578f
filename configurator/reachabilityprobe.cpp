#include "reachabilityprobe.h"

#include <QTcpSocket>
#include <QUrl>

namespace cx::configurator {

ReachabilityProbe::ReachabilityProbe(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        for (int i = 0; i < m_targets.size(); ++i) {
            if (m_targets[i].result.isEmpty())
                settle(i, false, tr("no answer (timed out)"));
        }
    });
}

ReachabilityProbe::~ReachabilityProbe()
{
    // The sockets are children: cut them off before m_targets goes.
    for (Target &target : m_targets) {
        if (target.socket)
            target.socket->disconnect(this);
    }
}

void ReachabilityProbe::start(const QStringList &urls, int timeoutMs)
{
    for (Target &target : m_targets) {
        if (target.socket)
            target.socket->deleteLater();
    }
    m_targets.clear();
    m_running = true;
    for (const QString &text : urls) {
        Target target;
        target.url = text;
        m_targets.append(target);
    }
    for (int i = 0; i < m_targets.size(); ++i) {
        const QUrl url(m_targets[i].url);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
            settle(i, false, tr("not a ws:// or wss:// URL"));
            continue;
        }
        auto *socket = new QTcpSocket(this);
        m_targets[i].socket = socket;
        connect(socket, &QTcpSocket::connected, this,
                [this, i] { settle(i, true, tr("reachable")); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [this, i, socket] { settle(i, false, socket->errorString()); });
        socket->connectToHost(url.host(), quint16(url.port(url.scheme() == u"wss" ? 443 : 80)));
    }
    if (m_targets.isEmpty()) {
        m_running = false;
        Q_EMIT finished(false, {tr("Enter at least one platform URL.")});
        return;
    }
    m_timeout.start(timeoutMs);
    finishIfDone();
}

void ReachabilityProbe::settle(int index, bool ok, const QString &result)
{
    Target &target = m_targets[index];
    if (!target.result.isEmpty())
        return;
    target.ok = ok;
    target.result = result;
    if (target.socket) {
        target.socket->disconnect(this);
        target.socket->abort();
        target.socket->deleteLater();
        target.socket = nullptr;
    }
    finishIfDone();
}

void ReachabilityProbe::finishIfDone()
{
    if (!m_running)
        return;
    QStringList lines;
    bool all = true;
    for (const Target &target : std::as_const(m_targets)) {
        if (target.result.isEmpty())
            return;
        all = all && target.ok;
        lines.append(target.url + QStringLiteral(": ") + target.result);
    }
    m_running = false;
    m_timeout.stop();
    Q_EMIT finished(all, lines);
}

} // namespace cx::configurator

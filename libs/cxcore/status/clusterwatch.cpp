#include "clusterwatch.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cx::status {

WatchTotals ServerView::totals() const
{
    WatchTotals t;
    if (last) {
        t.edgesConnected = last->edgesConnected;
        t.edgesAuthenticated = last->edgesAuthenticated;
    }
    for (const InstanceView &i : instances) {
        if (i.isGone())
            continue;
        t.routed += i.status.routed;
        t.errors += i.status.errors;
        t.routedPerSecond += i.routedPerSecond;
        t.errorsPerSecond += i.errorsPerSecond;
    }
    return t;
}

ClusterWatch::ClusterWatch(const QStringList &sockets, int maxEvents, qint64 forgetGoneMs)
    : m_maxEvents(maxEvents)
    , m_forgetGoneMs(forgetGoneMs)
{
    for (const QString &socket : sockets) {
        ServerView server;
        server.socket = socket;
        m_servers.append(server);
    }
}

void ClusterWatch::addSnapshot(qsizetype index, const StatusSnapshot &snapshot,
                               const QDateTime &now)
{
    ServerView &server = m_servers[index];
    const bool first = !server.last.has_value();
    const bool restarted = !first && snapshot.uptimeSeconds < server.last->uptimeSeconds;
    if (first) {
        addEvent(now,
                 u"%1 up: cxserver %2, %3 instance(s)"_s.arg(server.socket, snapshot.version)
                     .arg(snapshot.instances.size()));
    } else if (!server.up) {
        addEvent(now,
                 u"%1 up again%2"_s.arg(server.socket, restarted ? u" (restarted)"_s : QString()));
    }
    // Rates go on from the previous snapshot only when nothing was lost in between.
    const bool continuous = server.up && !restarted;
    updateInstances(server, snapshot, now, continuous);
    server.up = true;
    server.downSince = {};
    server.downReason.clear();
    server.last = snapshot;
    server.lastAt = now;
}

void ClusterWatch::updateInstances(ServerView &server, const StatusSnapshot &snapshot,
                                   const QDateTime &now, bool continuous)
{
    const bool first = !server.last.has_value();
    const qint64 elapsedMs = server.lastAt.isValid() ? server.lastAt.msecsTo(now) : 0;
    const auto find = [](const QList<InstanceView> &list, const QString &id) {
        return std::find_if(list.cbegin(), list.cend(),
                            [&](const InstanceView &v) { return v.status.id == id; });
    };
    QList<InstanceView> next;
    for (const InstanceStatus &row : snapshot.instances) {
        const auto known = find(server.instances, row.id);
        InstanceView view;
        if (known == server.instances.cend()) {
            view.stateSince = first ? QDateTime() : now;
            if (!first)
                addEvent(now,
                         u"%1: instance %2 added (%3)"_s.arg(server.socket, row.id, row.state));
        } else {
            view = *known;
            const InstanceStatus &before = known->status;
            const bool wasGone = view.isGone();
            if (wasGone) {
                addEvent(now, u"%1: instance %2 back (%3)"_s.arg(server.socket, row.id, row.state));
                view.goneSince = {};
                view.stateSince = now;
            } else if (before.state != row.state) {
                QString text = u"%1: instance %2 %3 -> %4"_s.arg(server.socket, row.id,
                                                                 before.state, row.state);
                if (row.state == u"down" && !row.lastError.isEmpty())
                    text += u": "_s + row.lastError;
                addEvent(now, text);
                view.stateSince = now;
            }
            view.ratesKnown = continuous && !wasGone && elapsedMs > 0 && row.routed >= before.routed
                && row.errors >= before.errors;
            if (view.ratesKnown) {
                view.routedPerSecond = double(row.routed - before.routed) * 1000 / elapsedMs;
                view.errorsPerSecond = double(row.errors - before.errors) * 1000 / elapsedMs;
            }
        }
        if (!view.ratesKnown) {
            view.routedPerSecond = 0;
            view.errorsPerSecond = 0;
        }
        view.status = row;
        next.append(view);
    }
    // Those the reply no longer lists stay, down since they left it, for a while.
    for (const InstanceView &old : std::as_const(server.instances)) {
        if (find(next, old.status.id) != next.cend())
            continue;
        InstanceView gone = old;
        if (!gone.isGone()) {
            gone.goneSince = now;
            gone.ratesKnown = false;
            gone.routedPerSecond = 0;
            gone.errorsPerSecond = 0;
            addEvent(now, u"%1: instance %2 removed"_s.arg(server.socket, gone.status.id));
        }
        if (gone.goneSince.msecsTo(now) < m_forgetGoneMs)
            next.append(gone);
    }
    server.instances = next;
}

void ClusterWatch::markDown(qsizetype index, const QString &reason, const QDateTime &now)
{
    ServerView &server = m_servers[index];
    server.downReason = reason;
    if (!server.up && server.downSince.isValid())
        return; // still down: one event per change
    server.up = false;
    server.downSince = now;
    addEvent(now, u"%1 down: %2"_s.arg(server.socket, reason));
}

WatchTotals ClusterWatch::totals() const
{
    WatchTotals sum;
    for (const ServerView &server : m_servers) {
        if (!server.up)
            continue;
        const WatchTotals t = server.totals();
        sum.routed += t.routed;
        sum.errors += t.errors;
        sum.routedPerSecond += t.routedPerSecond;
        sum.errorsPerSecond += t.errorsPerSecond;
        sum.edgesConnected += t.edgesConnected;
        sum.edgesAuthenticated += t.edgesAuthenticated;
    }
    return sum;
}

void ClusterWatch::addEvent(const QDateTime &at, const QString &text)
{
    m_events.append(WatchEvent {at, text});
    while (m_events.size() > m_maxEvents)
        m_events.removeFirst();
}

} // namespace cx::status

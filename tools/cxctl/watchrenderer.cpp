#include "watchrenderer.h"

#include "statustable.h"
#include "texttable.h"

using namespace Qt::StringLiterals;

namespace cx::ctl {

using status::ClusterWatch;
using status::InstanceView;
using status::ServerView;
using status::WatchEvent;
using status::WatchTotals;

namespace {

/// A last error longer than this is cut (the full text is in `cxctl status`).
constexpr qsizetype MaxErrorText = 60;

QString clock(const QDateTime &at)
{
    return at.toString(u"HH:mm:ss"_s);
}

QString rate(bool known, double perSecond)
{
    return known ? QString::number(perSecond, 'f', 1) : u"-"_s;
}

QString totalsText(const WatchTotals &t)
{
    return u"edges %1 connected, %2 authenticated | routed %3 (%4/s) | errors %5 (%6/s)"_s
        .arg(t.edgesConnected)
        .arg(t.edgesAuthenticated)
        .arg(t.routed)
        .arg(rate(true, t.routedPerSecond))
        .arg(t.errors)
        .arg(rate(true, t.errorsPerSecond));
}

/// "12:03:04 connection refused", the time in local time.
QString lastErrorText(const status::InstanceStatus &i)
{
    if (i.lastError.isEmpty())
        return u"-"_s;
    const QDateTime at = QDateTime::fromString(i.lastErrorAt, Qt::ISODateWithMs);
    QString text = (at.isValid() ? clock(at.toLocalTime()) : i.lastErrorAt) + u' ' + i.lastError;
    if (text.size() > MaxErrorText)
        text = text.first(MaxErrorText - 1) + u'…';
    return text;
}

QString stateText(const InstanceView &v)
{
    if (v.isGone())
        return u"down since %1 (removed)"_s.arg(clock(v.goneSince));
    if (v.status.state != u"connected" && v.stateSince.isValid())
        return u"%1 since %2"_s.arg(v.status.state, clock(v.stateSince));
    return v.status.state;
}

QString instanceTable(const ServerView &server)
{
    if (server.instances.isEmpty())
        return u"no platform instance known\n"_s;
    QList<QStringList> rows {{u"INSTANCE"_s, u"ADDRESS"_s, u"STATE"_s, u"PIPES"_s, u"IN-FLIGHT"_s,
                              u"ROUTED"_s, u"ROUTED/S"_s, u"ERRORS"_s, u"ERRORS/S"_s,
                              u"LAST ERROR"_s}};
    for (const InstanceView &v : server.instances) {
        const status::InstanceStatus &i = v.status;
        const bool listed = !v.isGone();
        rows.append({i.id, formatAddress(i), stateText(v),
                     listed ? u"%1/%2"_s.arg(i.pipesConnected).arg(i.pipeCount) : u"-"_s,
                     listed ? QString::number(i.inFlight) : u"-"_s, QString::number(i.routed),
                     rate(v.ratesKnown, v.routedPerSecond), QString::number(i.errors),
                     rate(v.ratesKnown, v.errorsPerSecond), lastErrorText(i)});
    }
    return alignColumns(rows, [](qsizetype column) { return column >= 3 && column <= 8; });
}

QString section(qsizetype number, const ServerView &server)
{
    const QString title = u"[%1] %2: "_s.arg(number).arg(server.socket);
    if (!server.up && !server.downSince.isValid())
        return title + u"connecting\n"_s;
    if (!server.up) {
        QString text = title + u"down since %1"_s.arg(clock(server.downSince));
        if (server.lastAt.isValid())
            text += u" (last answer %1)"_s.arg(clock(server.lastAt));
        return text + u": %1; retrying\n"_s.arg(server.downReason);
    }
    const status::StatusSnapshot &s = *server.last;
    return title
        + u"up | cxserver %1, up %2 | discovery %3: %4 | routing %5\n"_s.arg(
            s.version, formatUptime(s.uptimeSeconds), s.discoveryPlugin, s.discoveryState,
            s.routingPlugin)
        + u"    "_s + totalsText(server.totals()) + u'\n' + instanceTable(server);
}

} // namespace

QString renderWatch(const ClusterWatch &watch, const QDateTime &now, int intervalMs)
{
    const QList<ServerView> &servers = watch.servers();
    qsizetype up = 0;
    qsizetype down = 0;
    for (const ServerView &s : servers) {
        up += s.up ? 1 : 0;
        down += !s.up && s.downSince.isValid() ? 1 : 0;
    }
    QString out
        = u"%1  cxctl watch: %2 cxserver(s), %3 up, %4 down%5  (every %6 ms, Ctrl-C to "
          "stop)\n"_s.arg(now.toString(u"yyyy-MM-dd HH:mm:ss"_s))
              .arg(servers.size())
              .arg(up)
              .arg(down)
              .arg(up + down < servers.size() ? u", %1 connecting"_s.arg(servers.size() - up - down)
                                              : QString())
              .arg(intervalMs);
    out += u"cluster: "_s + totalsText(watch.totals()) + u'\n';
    for (qsizetype n = 0; n < servers.size(); ++n)
        out += u'\n' + section(n + 1, servers.at(n));
    out += u"\nEVENTS\n"_s;
    if (watch.events().isEmpty())
        out += u"(none yet)\n"_s;
    for (const WatchEvent &event : watch.events())
        out += clock(event.at) + u"  "_s + event.text + u'\n';
    return out;
}

} // namespace cx::ctl

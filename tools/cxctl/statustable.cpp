#include "statustable.h"

#include "texttable.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace cx::ctl {

QString formatUptime(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1h %2m %3s"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    if (m > 0)
        return u"%1m %2s"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
    return u"%1s"_s.arg(s);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    if (bytes < 1024 * 1024)
        return u"%1 KiB"_s.arg(double(bytes) / 1024, 0, 'f', 1);
    return u"%1 MiB"_s.arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

QString formatAddress(const status::InstanceStatus &instance)
{
    return (instance.tls ? u"wss://"_s : u"ws://"_s) + instance.address + u':'
        + QString::number(instance.port);
}

QString renderStatusTable(const status::StatusSnapshot &status)
{
    QString out = u"cxserver %1, up %2 | discovery %3: %4 | routing %5 | edges: %6 connected, "
                  "%7 authenticated\n\n"_s
                      .arg(status.version, formatUptime(status.uptimeSeconds),
                           status.discoveryPlugin, status.discoveryState, status.routingPlugin)
                      .arg(status.edgesConnected)
                      .arg(status.edgesAuthenticated);
    if (status.instances.isEmpty())
        return out + u"no platform instance known\n"_s;

    QList<QStringList> rows {{u"INSTANCE"_s, u"ADDRESS"_s, u"STATE"_s, u"WRITABLE"_s, u"PIPES"_s,
                              u"PENDING"_s, u"IN-FLIGHT"_s, u"ROUTED"_s, u"ERRORS"_s}};
    for (const status::InstanceStatus &i : status.instances) {
        rows.append({i.id, formatAddress(i), i.state, i.writable ? u"yes"_s : u"no"_s,
                     u"%1/%2"_s.arg(i.pipesConnected).arg(i.pipeCount), formatBytes(i.pendingBytes),
                     QString::number(i.inFlight), QString::number(i.routed),
                     QString::number(i.errors)});
    }
    // Text columns left-aligned, numbers right-aligned.
    out += alignColumns(rows, [](qsizetype column) { return column >= 4; });
    // The last failure of each instance that had one, below the table.
    for (const status::InstanceStatus &i : status.instances) {
        if (!i.lastError.isEmpty())
            out += u"last error of %1 (%2): %3\n"_s.arg(i.id, i.lastErrorAt, i.lastError);
    }
    return out;
}

} // namespace cx::ctl

#pragma once

#include "managedprocess.h"

#include <QList>
#include <QTemporaryDir>
#include <QUrl>

namespace cx::test {

/// A real HAProxy (Debian's `haproxy` package) in front of several cxservers, for
/// integration tests: a generated config with `mode http`, `timeout tunnel` for the edge
/// WebSockets, round robin over the cxservers' edge ports and `option httpchk GET /health`
/// on their health ports with a fast check interval (a dead cxserver is out within about a
/// second; connection failures are redispatched at once). Listens on 127.0.0.1 on a free
/// port, runs in the foreground (`-db`) and is stopped by PID.
///
/// startShipped() runs the shipped installer/haproxy/haproxy.cfg instead, rewritten for
/// 127.0.0.1 by tools/dev/haproxy-local.sh exactly as the demo runs it: its frontend's path
/// rules, the leastconn backend `cxservers` (/Thingworx/WS, /Thingworx/VWS) and the backend
/// `cxserver-tunnels` hashing the tunnel paths by tunnel id, both with the given servers and
/// the shipped (slower: 2 s) health checks.
class HAProxyProcess : public ManagedProcess
{
    Q_OBJECT
public:
    struct Backend
    {
        quint16 edgePort = 0;
        quint16 healthPort = 0;
    };

    explicit HAProxyProcess(QString name = QStringLiteral("haproxy"), QObject *parent = nullptr);

    /// Writes the config and starts; false when HAProxy is missing, rejects the config or
    /// does not accept connections in time.
    bool start(const QList<Backend> &backends, int timeoutMs = 10000);
    /// Starts the shipped configuration with \a backends as the servers of every backend;
    /// false when HAProxy is missing, rejects it or does not accept connections in time.
    bool startShipped(const QList<Backend> &backends, int timeoutMs = 10000);

    quint16 port() const { return m_port; }
    /// ws://127.0.0.1:PORT/Thingworx/WS (or another path)
    QUrl edgeUrl(const QString &path = QStringLiteral("/Thingworx/WS")) const;
    /// The name of backend server \a index in HAProxy's log lines: "cx0", "cx1", ... in the
    /// generated config, "cx1", "cx2", ... in the shipped one (haproxy-local.sh).
    QString serverName(int index) const;
    /// Waits for HAProxy to report server \a index UP (or DOWN) after the previous wait (in
    /// the shipped config: in its backend `cxservers`).
    bool waitForServer(int index, bool up, int timeoutMs = 10000);

private:
    bool run(const QString &config, int timeoutMs);

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_shipped = false;
};

} // namespace cx::test

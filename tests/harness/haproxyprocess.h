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

    quint16 port() const { return m_port; }
    /// ws://127.0.0.1:PORT/Thingworx/WS (or another path)
    QUrl edgeUrl(const QString &path = QStringLiteral("/Thingworx/WS")) const;
    /// The name of backend server \a index in HAProxy's log lines ("cx0", "cx1", ...).
    static QString serverName(int index);
    /// Waits for HAProxy to report server \a index UP (or DOWN) after the previous wait.
    bool waitForServer(int index, bool up, int timeoutMs = 10000);

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
};

} // namespace cx::test

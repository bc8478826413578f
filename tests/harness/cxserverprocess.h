#pragma once

#include "managedprocess.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>
#include <functional>

namespace cx::test {

/// A real cxserver for integration tests: writes its cxserver.conf (the given HOCON body
/// inside `cx-server { … }`, plus test defaults: plain edges on 127.0.0.1 port 0, health
/// on a free port, the status socket in its own folder, one worker), starts it and waits
/// for its ready line.
class CxServerProcess : public ManagedProcess
{
    Q_OBJECT
public:
    explicit CxServerProcess(QString name = QStringLiteral("cxserver"), QObject *parent = nullptr);

    /// The settings that turn TLS on for edges with the PKCS#12 \a keystore.
    static QString edgeTlsSettings(const QString &keystore, const QString &password);

    /// Writes the config and starts; false when it did not become ready in time.
    bool start(const QString &settings, int timeoutMs = 15000);
    /// Runs cxserver through \a command (e.g. {"prlimit", "--nofile=128:128", "--"}).
    void setLauncher(QStringList command) { m_launcher = std::move(command); }

    quint16 edgePort() const { return m_edgePort; }
    quint16 healthPort() const { return m_healthPort; }
    /// ws://127.0.0.1:PORT/Thingworx/WS (or another path)
    QUrl edgeUrl(const QString &path = QStringLiteral("/Thingworx/WS")) const;
    QString configPath() const;
    /// GET /health: the HTTP status (0 when unreachable) and its JSON body.
    int health(QJsonObject *body = nullptr);
    /// GET path on the health port: the HTTP status (0 when unreachable) and the body.
    int httpGet(const QString &path, QByteArray *body = nullptr);
    /// GET /metrics until \a done holds for its text or \a timeoutMs pass: the workers
    /// publish their figures every 50 ms, so a scrape may lag what a test just did. The last
    /// text read (empty when unreachable).
    QByteArray metricsWhen(const std::function<bool(const QByteArray &)> &done,
                           int timeoutMs = 5000);
    /// The admin.socket path the test defaults give it.
    QString statusSocket() const;
    /// Waits until /health reports this many connected platform instances.
    bool waitForInstances(int count, int timeoutMs = 10000);
    /// The folder holding the config; tests may put keystores there.
    QString directory() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QStringList m_launcher;
    quint16 m_edgePort = 0;
    quint16 m_healthPort = 0;
};

} // namespace cx::test

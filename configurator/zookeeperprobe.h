#pragma once

#include "config/serverconfig.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace cx::plugin {
class DiscoveryBackend;
}

namespace cx::configurator {

/// The wizard's ZooKeeper "Test" button: loads cxserver's own ZooKeeper discovery plugin,
/// connects with the given settings and reports the platform instances it lists.
class ZooKeeperProbe : public QObject
{
    Q_OBJECT
public:
    explicit ZooKeeperProbe(QObject *parent = nullptr);
    ~ZooKeeperProbe() override;

    /// The folder the discovery plugins are loaded from: <folder of the executable>/plugins/
    /// discovery, or $CXSERVER_PLUGIN_PATH/discovery when that variable is set.
    static QString pluginDirectory();
    /// Overrides pluginDirectory() (tests).
    static void setPluginDirectory(const QString &directory);

    /// Starts a probe; a running one is abandoned. finished() follows within timeoutMs.
    void start(const QString &connectionString, const QString &basePath, const QString &serviceName,
               int timeoutMs = 10000);
    bool isRunning() const { return m_backend != nullptr; }

Q_SIGNALS:
    /// ok: the ensemble answered; instances: "id — ws://address:port" for each one found.
    void finished(bool ok, const QString &message, const QStringList &instances);

private:
    void finish(bool ok, const QString &message);
    QStringList describeInstances() const;

    std::unique_ptr<config::ServerConfig> m_config;
    plugin::DiscoveryBackend *m_backend = nullptr;
    QTimer m_timeout;
    QTimer m_grace;
};

} // namespace cx::configurator

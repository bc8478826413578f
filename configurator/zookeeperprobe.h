#pragma once

#include "config/serverconfig.h"
#include "result.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace cx::plugin {
class DiscoveryBackend;
}

namespace cx::configurator {

/// What the ZooKeeper page's Test button connects with (config.md §2 discovery keys).
struct ZooKeeperTarget
{
    QString connectionString;
    QString basePath;
    QString serviceName;
    QString saslMechanism; ///< empty: no SASL; "GSSAPI" or "DIGEST-MD5"
    QString jaasFile; ///< discovery.sasl-jaas-file
    QString krb5ConfFile; ///< discovery.sasl.krb5-conf.file; empty: Kerberos' default
    bool tls = false; ///< discovery.tls.enabled
    QString trustStoreFile; ///< PEM; empty: the system CAs
    QString keyStoreFile; ///< PKCS#12 client certificate; empty: none
    QString keyStorePassword;
};

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
    void start(const ZooKeeperTarget &target, int timeoutMs = 10000);
    bool isRunning() const { return m_backend != nullptr; }

Q_SIGNALS:
    /// ok: the ensemble answered; instances: "id — ws://address:port" for each one found.
    void finished(bool ok, const QString &message, const QStringList &instances);

private:
    void finish(bool ok, const QString &message);
    /// The settings of \a target as cxserver would read them; an error for the user.
    Result<void> configure(const ZooKeeperTarget &target, int timeoutMs);
    QStringList describeInstances() const;

    std::unique_ptr<config::ServerConfig> m_config;
    plugin::DiscoveryBackend *m_backend = nullptr;
    QTimer m_timeout;
    QTimer m_grace;
};

} // namespace cx::configurator

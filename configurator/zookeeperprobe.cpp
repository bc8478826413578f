#include "zookeeperprobe.h"

#include "plugin/discovery.h"
#include "plugin/pluginloader.h"

#include <QCoreApplication>
#include <QDir>

namespace cx::configurator {

namespace {
QString &pluginDirectoryOverride()
{
    static QString directory;
    return directory;
}
} // namespace

ZooKeeperProbe::ZooKeeperProbe(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_grace.setSingleShot(true);
    m_grace.setInterval(1500);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false,
               tr("No answer from ZooKeeper: check the connection string, the network "
                  "and the firewall."));
    });
    connect(&m_grace, &QTimer::timeout, this, [this] {
        finish(true,
               tr("Connected to ZooKeeper; no platform instance is registered under "
                  "this path and service name."));
    });
}

ZooKeeperProbe::~ZooKeeperProbe()
{
    // The backend is a child: delete it while the timers its signals reach still exist.
    if (m_backend) {
        m_backend->disconnect(this);
        delete m_backend;
    }
}

QString ZooKeeperProbe::pluginDirectory()
{
    if (!pluginDirectoryOverride().isEmpty())
        return pluginDirectoryOverride();
    const QString fromEnvironment = qEnvironmentVariable("CXSERVER_PLUGIN_PATH");
    const QString base = fromEnvironment.isEmpty()
        ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("plugins"))
        : fromEnvironment;
    return QDir(base).filePath(QStringLiteral("discovery"));
}

void ZooKeeperProbe::setPluginDirectory(const QString &directory)
{
    pluginDirectoryOverride() = directory;
}

void ZooKeeperProbe::start(const QString &connectionString, const QString &basePath,
                           const QString &serviceName, int timeoutMs)
{
    if (m_backend) {
        m_backend->deleteLater();
        m_backend = nullptr;
    }
    m_grace.stop();
    if (connectionString.trimmed().isEmpty()) {
        Q_EMIT finished(false, tr("Enter the ZooKeeper connection string first."), {});
        return;
    }
    Result<plugin::DiscoveryFactory *> factory = plugin::loadFactory<plugin::DiscoveryFactory>(
        pluginDirectory(), QStringLiteral("zookeeper"));
    if (!factory) {
        Q_EMIT finished(
            false,
            tr("Cannot load the ZooKeeper discovery plugin: %1").arg(factory.error().message), {});
        return;
    }
    m_config = std::make_unique<config::ServerConfig>();
    m_config->serviceDiscoveryEnabled = true;
    m_config->discoveryPlugin = QStringLiteral("zookeeper");
    m_config->zooKeeperConnectionString = connectionString.trimmed();
    m_config->discoveryBasePath = basePath;
    m_config->serviceName = serviceName;
    m_config->sessionTimeout = std::chrono::milliseconds(qMin(timeoutMs, 10000));
    plugin::PluginContext context;
    context.config = m_config.get();
    QString error;
    m_backend = factory.value()->create(context, this, &error);
    if (!m_backend) {
        Q_EMIT finished(false, error, {});
        return;
    }
    connect(m_backend, &plugin::DiscoveryBackend::instancesChanged, this, [this] {
        const qsizetype count = m_backend->instances().size();
        finish(true, tr("Connected to ZooKeeper; platform instances found: %1.").arg(count));
    });
    connect(m_backend, &plugin::DiscoveryBackend::stateChanged, this,
            [this](plugin::DiscoveryBackend::State state) {
                if (state == plugin::DiscoveryBackend::State::Connected && !m_grace.isActive())
                    m_grace.start();
            });
    m_timeout.start(timeoutMs);
    m_backend->start();
}

QStringList ZooKeeperProbe::describeInstances() const
{
    QStringList lines;
    if (!m_backend)
        return lines;
    const plugin::Membership instances = m_backend->instances();
    for (const plugin::PlatformInstance &instance : instances)
        lines.append(instance.id + QStringLiteral(" — ") + instance.url().toString());
    return lines;
}

void ZooKeeperProbe::finish(bool ok, const QString &message)
{
    m_timeout.stop();
    m_grace.stop();
    const QStringList instances = describeInstances();
    if (m_backend) {
        m_backend->disconnect(this);
        m_backend->deleteLater();
        m_backend = nullptr;
    }
    Q_EMIT finished(ok, message, instances);
}

} // namespace cx::configurator

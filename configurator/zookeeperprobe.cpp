#include "zookeeperprobe.h"

#include "config/jaasfile.h"
#include "config/zookeepersasl.h"
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

Result<void> ZooKeeperProbe::configure(const ZooKeeperTarget &target, int timeoutMs)
{
    m_config = std::make_unique<config::ServerConfig>();
    m_config->serviceDiscoveryEnabled = true;
    m_config->discoveryPlugin = QStringLiteral("zookeeper");
    m_config->zooKeeperConnectionString = target.connectionString.trimmed();
    m_config->discoveryBasePath = target.basePath;
    m_config->serviceName = target.serviceName;
    m_config->sessionTimeout = std::chrono::milliseconds(qMin(timeoutMs, 10000));
    if (!target.saslMechanism.isEmpty()) {
        // The JAAS file read as cxserver reads it; its errors name FILE:LINE:COL.
        const Result<config::JaasFile> jaas = config::JaasFile::read(target.jaasFile);
        if (!jaas)
            return jaas.error();
        const Result<config::ZooKeeperSaslLogin> login
            = config::ZooKeeperSaslLogin::fromJaas(*jaas, target.jaasFile, target.saslMechanism);
        if (!login)
            return login.error();
        m_config->saslEnabled = true;
        m_config->saslMechanism = target.saslMechanism;
        m_config->saslServiceName = QStringLiteral("zookeeper");
        m_config->saslJaasFile = target.jaasFile;
        m_config->saslKrb5ConfFile = target.krb5ConfFile;
        m_config->saslUsername = login->username;
        m_config->saslPassword = config::Secret(login->password);
        m_config->saslPrincipal = login->principal;
        m_config->saslKeyTab = login->keyTab;
    }
    m_config->zooKeeperTls = target.tls;
    m_config->zooKeeperTrustStoreFile = target.trustStoreFile;
    m_config->zooKeeperKeyStoreFile = target.keyStoreFile;
    m_config->zooKeeperKeyStorePassword = config::Secret(target.keyStorePassword);
    return {};
}

void ZooKeeperProbe::start(const ZooKeeperTarget &target, int timeoutMs)
{
    if (m_backend) {
        m_backend->deleteLater();
        m_backend = nullptr;
    }
    m_grace.stop();
    if (target.connectionString.trimmed().isEmpty()) {
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
    if (const Result<void> configured = configure(target, timeoutMs); !configured) {
        Q_EMIT finished(false, configured.error().message, {});
        return;
    }
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
    // Refused credentials or TLS: what cxserver would stop with, said at once.
    connect(m_backend, &plugin::DiscoveryBackend::failed, this,
            [this](const QString &reason) { finish(false, reason); });
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

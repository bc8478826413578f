#include "zookeeperdiscoveryfactory.h"

#include "config/serverconfig.h"
#include "zookeeperdiscovery.h"

namespace cx::zookeeperdiscovery {

plugin::DiscoveryBackend *ZooKeeperDiscoveryFactory::create(const plugin::PluginContext &context,
                                                            QObject *parent, QString *error)
{
    const config::ServerConfig *config = context.config;
    if (!config) {
        *error = QStringLiteral("ZooKeeper discovery needs the configuration");
        return nullptr;
    }
    if (config->zooKeeperConnectionString.isEmpty()) {
        *error = QStringLiteral("ZooKeeper discovery needs discovery.connectionString");
        return nullptr;
    }
    if (config->saslEnabled) {
        // The ZooKeeper C client this plugin is built with has no SASL support.
        *error = QStringLiteral("discovery.sasl-enabled needs a ZooKeeper C client built with "
                                "SASL; this one is not");
        return nullptr;
    }
    QString basePath = config->discoveryBasePath;
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    if (!basePath.startsWith(u'/'))
        basePath.prepend(u'/');
    if (basePath == u"/")
        basePath.clear();

    ZooKeeperDiscovery::Settings settings;
    settings.connectionString = config->zooKeeperConnectionString.toUtf8();
    settings.servicePath = (basePath + u'/' + config->serviceName).toUtf8();
    settings.sessionTimeoutMs = int(config->sessionTimeout.count());
    if (!config->zooKeeperAuthScheme.isEmpty()) {
        settings.authScheme = config->zooKeeperAuthScheme.toUtf8();
        settings.authCredentials = config->zooKeeperAuthCredentials.reveal().toUtf8();
    }
    settings.tls = config->serviceDiscoveryTls;
    settings.allowedNetworks = config->allowedNetworks;
    settings.maxInstances = config->maxInstances;
    return new ZooKeeperDiscovery(std::move(settings), parent);
}

} // namespace cx::zookeeperdiscovery

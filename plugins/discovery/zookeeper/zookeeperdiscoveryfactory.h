#pragma once

#include "plugin/discovery.h"

#include <QObject>

namespace cx::zookeeperdiscovery {

/// Plugin object of the `zookeeper` discovery plugin.
class ZooKeeperDiscoveryFactory final : public QObject, public plugin::DiscoveryFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxDiscoveryFactory_iid FILE "zookeeper.json")
    Q_INTERFACES(cx::plugin::DiscoveryFactory)
public:
    /// A ZooKeeperDiscovery for the config's `discovery.*` and `service-discovery.*` keys;
    /// nullptr and an error when the connection string is missing or SASL is asked for.
    plugin::DiscoveryBackend *create(const plugin::PluginContext &context, QObject *parent,
                                     QString *error) override;
};

} // namespace cx::zookeeperdiscovery

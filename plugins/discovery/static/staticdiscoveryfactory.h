#pragma once

#include "plugin/discovery.h"

#include <QObject>

namespace cx::staticdiscovery {

/// Plugin object of the `static` discovery plugin.
class StaticDiscoveryFactory final : public QObject, public plugin::DiscoveryFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxDiscoveryFactory_iid FILE "static.json")
    Q_INTERFACES(cx::plugin::DiscoveryFactory)
public:
    /// A StaticDiscovery over the config's `transport.websockets.platforms`; nullptr and an
    /// error naming the URL when one of them is not a platform URL.
    plugin::DiscoveryBackend *create(const plugin::PluginContext &context, QObject *parent,
                                     QString *error) override;
};

} // namespace cx::staticdiscovery

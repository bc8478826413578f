#pragma once

#include "plugin/routing.h"

#include <QObject>

namespace cx::roundrobin {

/// Plugin object of the `round-robin` routing plugin.
class RoundRobinFactory final : public QObject, public plugin::RoutingFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxRoutingFactory_iid FILE "round-robin.json")
    Q_INTERFACES(cx::plugin::RoutingFactory)
public:
    /// A RoundRobin for the context's worker; it needs no configuration and never fails.
    plugin::RoutingBackend *create(const plugin::PluginContext &context, QObject *parent,
                                   QString *error) override;
};

} // namespace cx::roundrobin

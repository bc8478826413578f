#pragma once

#include "plugin/routing.h"

#include <QObject>

namespace cx::leastpending {

/// Plugin object of the `least-pending` routing plugin.
class LeastPendingFactory final : public QObject, public plugin::RoutingFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxRoutingFactory_iid FILE "least-pending.json")
    Q_INTERFACES(cx::plugin::RoutingFactory)
public:
    /// A LeastPending for the context's worker; it needs no configuration and never fails.
    plugin::RoutingBackend *create(const plugin::PluginContext &context, QObject *parent,
                                   QString *error) override;
};

} // namespace cx::leastpending

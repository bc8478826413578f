#include "roundrobinfactory.h"

#include "roundrobin.h"

namespace cx::roundrobin {

plugin::RoutingBackend *RoundRobinFactory::create(const plugin::PluginContext &context,
                                                  QObject *parent, QString *error)
{
    Q_UNUSED(error)
    return new RoundRobin(context.workerIndex, parent);
}

} // namespace cx::roundrobin

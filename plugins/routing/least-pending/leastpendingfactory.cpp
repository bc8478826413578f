#include "leastpendingfactory.h"

#include "leastpending.h"

namespace cx::leastpending {

plugin::RoutingBackend *LeastPendingFactory::create(const plugin::PluginContext &context,
                                                    QObject *parent, QString *error)
{
    Q_UNUSED(error)
    return new LeastPending(context.workerIndex, parent);
}

} // namespace cx::leastpending

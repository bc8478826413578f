#include "staticdiscoveryfactory.h"

#include "config/serverconfig.h"
#include "staticdiscovery.h"

#include <utility>

namespace cx::staticdiscovery {

plugin::DiscoveryBackend *StaticDiscoveryFactory::create(const plugin::PluginContext &context,
                                                         QObject *parent, QString *error)
{
    if (!context.config) {
        *error = QStringLiteral("static discovery needs the configuration");
        return nullptr;
    }
    Result<plugin::Membership> instances
        = StaticDiscovery::instancesFromUrls(context.config->platforms);
    if (!instances) {
        *error = instances.error().message;
        return nullptr;
    }
    return new StaticDiscovery(std::move(instances).value(), parent);
}

} // namespace cx::staticdiscovery

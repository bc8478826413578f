#include "discovery.h"
#include "routing.h"

namespace cx::plugin {

DiscoveryFactory::~DiscoveryFactory() = default;
RoutingFactory::~RoutingFactory() = default;
RoutingCandidates::~RoutingCandidates() = default;

QString DiscoveryBackend::stateName(State state)
{
    switch (state) {
    case State::Static:
        return QStringLiteral("static");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Disconnected:
        return QStringLiteral("disconnected");
    }
    return {};
}

} // namespace cx::plugin

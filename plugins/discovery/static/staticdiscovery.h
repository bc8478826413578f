#pragma once

#include "plugin/discovery.h"
#include "result.h"

#include <QList>
#include <QUrl>

namespace cx::staticdiscovery {

/// The `static` discovery backend: the platform instances listed in
/// `transport.websockets.platforms`. The membership is fixed for the life of the backend
/// (a config reload creates a new one), so state() is always State::Static and
/// stateChanged() is never emitted.
class StaticDiscovery final : public plugin::DiscoveryBackend
{
    Q_OBJECT
public:
    explicit StaticDiscovery(plugin::Membership instances, QObject *parent = nullptr);

    /// Reports the membership with one instancesChanged(), queued: it is delivered by the
    /// event loop after start() returns, so a caller may connect before or after start().
    void start() override;
    plugin::Membership instances() const override;
    State state() const override;

    /// Converts the configured `ws[s]://host[:port][/Thingworx/WS]` URLs
    /// (ServerConfig::platforms) to instances: id is the URL as QUrl writes it, address its
    /// host, port the explicit one or 80 (ws) / 443 (wss), tls for wss. An error names the
    /// first URL that is not such a URL, or that designates an instance already listed.
    static Result<plugin::Membership> instancesFromUrls(const QList<QUrl> &urls);

private:
    plugin::Membership m_instances;
};

} // namespace cx::staticdiscovery

#include "reloadplan.h"

#include "config/configschema.h"
#include "config/jsonrender.h"

namespace cx::server {

namespace {

/// The value of key in root rendered as JSON, or its default when the file leaves it unset.
QByteArray effectiveValue(const config::Value &root, const config::schema::KeySpec &key)
{
    QStringList path {QString(config::schema::RootKey)};
    path += key.path.split(u'.');
    const config::Value *value = root.find(path);
    return config::renderJson(value && !value->isNull() ? *value : key.defaultValue);
}

bool readByDiscovery(const QString &path)
{
    return path.startsWith(u"discovery.")
        || path.startsWith(u"transport.websockets.service-discovery.")
        || path == u"transport.websockets.platforms" || path == u"platform.transport";
}

} // namespace

bool needsRestart(const QString &keyPath)
{
    static const QStringList keys {
        QStringLiteral("protocol.port"),
        QStringLiteral("protocol.host"),
        QStringLiteral("protocol.ssl.enabled"),
        QStringLiteral("health.port"),
        QStringLiteral("health.host"),
        QStringLiteral("admin.socket"),
        QStringLiteral("worker-threads"),
        QStringLiteral("plugin-path"),
        QStringLiteral("transport.websockets.connections.pipe-count"),
    };
    return keys.contains(keyPath);
}

ReloadPlan planReload(const config::LoadedServerConfig &running,
                      const config::LoadedServerConfig &next)
{
    ReloadPlan plan;
    for (const config::schema::KeySpec &key : config::schema::keys()) {
        if (effectiveValue(running.root, key) == effectiveValue(next.root, key))
            continue;
        if (needsRestart(key.path)) {
            plan.restartNeeded.append(key.fullPath());
            continue;
        }
        plan.applied.append(key.fullPath());
        plan.routingChanged = plan.routingChanged || key.path == u"routing.plugin";
        plan.discoveryChanged = plan.discoveryChanged || readByDiscovery(key.path);
        plan.loggingChanged = plan.loggingChanged || key.path.startsWith(u"logging.");
    }
    // The derived default of discovery.plugin can change without the key itself changing.
    if (running.config.discoveryPlugin != next.config.discoveryPlugin)
        plan.discoveryChanged = true;
    return plan;
}

} // namespace cx::server

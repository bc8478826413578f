#pragma once

#include "config/serverconfig.h"
#include "dataplanesettings.h"
#include "plugin/plugincontext.h"

#include <QHostAddress>
#include <QString>
#include <memory>

namespace cx::server {

/// Everything the running service takes from the configuration (config.md §2), resolved
/// once at start: TLS files read, plugin ids chosen.
struct ServiceOptions
{
    DataPlaneSettings dataPlane;
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 8443;
    quint16 healthPort = 9009; ///< 0 = no health listener
    QHostAddress healthAddress = QHostAddress::LocalHost; ///< health.host
    QString pluginPath;
    QString discoveryPlugin;
    QString routingPlugin;
    QString adminSocket; ///< admin.socket; empty: no status socket
    qint64 drainTimeoutMs = 10000; ///< shutdown.drain-timeout
    qint64 healthGraceMs = 5000; ///< shutdown.health-grace
    QString logFilterRules; ///< logging.level and logging.rules as Qt filter rules
    /// The configuration these options came from; pluginContext.config points into it.
    std::shared_ptr<const config::LoadedServerConfig> source;
    plugin::PluginContext pluginContext;
};

} // namespace cx::server

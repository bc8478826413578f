#pragma once

#include "dataplanesettings.h"
#include "plugin/plugincontext.h"

#include <QHostAddress>
#include <QString>

namespace cx::server {

/// Everything the running service takes from the configuration (config.md §2), resolved
/// once at start: TLS files read, plugin ids chosen.
struct ServiceOptions
{
    DataPlaneSettings dataPlane;
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 8443;
    quint16 healthPort = 9009; ///< 0 = no health listener
    QString pluginPath;
    QString discoveryPlugin;
    QString routingPlugin;
    plugin::PluginContext pluginContext;
};

} // namespace cx::server

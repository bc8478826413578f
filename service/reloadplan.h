#pragma once

#include "config/serverconfig.h"

#include <QStringList>

namespace cx::server {

/// What a reload (SIGHUP or the status socket's `reload`) changes, key by key: the
/// difference between the running configuration and the one just read (both valid).
struct ReloadPlan
{
    QStringList applied; ///< keys that changed and take effect now (full paths)
    QStringList restartNeeded; ///< keys that changed but keep their old value until a restart
    bool routingChanged = false; ///< routing.plugin
    bool discoveryChanged = false; ///< any key the discovery plugin reads
    bool loggingChanged = false; ///< logging.level or logging.rules

    bool changesNothing() const { return applied.isEmpty() && restartNeeded.isEmpty(); }
};

/// Compares every schema key's effective value (the file's, else the default) in both.
ReloadPlan planReload(const config::LoadedServerConfig &running,
                      const config::LoadedServerConfig &next);

/// Keys whose new value needs a restart: the listeners, the edge TLS keystore, the thread
/// and pipe layout, the plugin folder.
bool needsRestart(const QString &keyPath);

} // namespace cx::server

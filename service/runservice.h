#pragma once

#include "config/serverconfig.h"
#include "secrets/keysource.h"

#include <QString>

/// Runs the service in the foreground until SIGTERM/SIGINT (cli.md `cxserver --config FILE`).
/// Needs a QCoreApplication. Returns the process exit code (0 normal stop, 1 bad
/// configuration or plugin, 2 a resource such as a port or keystore could not be had).
/// SIGHUP re-reads configPath with the same key sources.
int runService(cx::config::LoadedServerConfig loaded, const QString &configPath,
               const cx::secrets::KeySourceOptions &keys);

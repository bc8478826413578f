#pragma once

#include <QString>

namespace cx::config {
struct ServerConfig;
}

/// Runs the service in the foreground until SIGTERM/SIGINT (cli.md `cxserver --config FILE`).
/// Needs a QCoreApplication. Returns the process exit code (0 normal stop, 1 bad
/// configuration or plugin, 2 a resource such as a port or keystore could not be had).
int runService(const cx::config::ServerConfig &config, const QString &configPath);

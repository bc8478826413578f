#pragma once

#include "config/serverconfig.h"

#include <QString>
#include <optional>

namespace cx::server {

/// Process exit codes (cli.md).
enum ExitCode : int {
    ExitSuccess = 0,
    ExitBadConfiguration = 1, ///< an invalid configuration, or bad usage
    ExitNoResource = 2, ///< a needed resource could not be had: an unreadable config file...
};

/// Reads and validates the configuration file at path, printing every finding to stderr as
/// `FILE:LINE:COL: error: message` (or `warning:`). A file that cannot be read at all is
/// ExitNoResource; any error is ExitBadConfiguration. On success, the configuration.
struct ConfigLoad
{
    std::optional<config::LoadedServerConfig> loaded;
    int exitCode = ExitSuccess;
};
ConfigLoad loadConfigFile(const QString &path);

/// `--check-config`: the findings on stderr, "FILE: configuration OK" on stdout when valid.
int checkConfig(const QString &path);

/// `--dump-config`: the findings on stderr; when valid, the JSON document on stdout.
int dumpConfig(const QString &path);

/// `config set FILE KEY VALUE`: KEY with or without "cx-server."; VALUE is a string for a
/// string key (quoted into the file; `null` unsets it), else a HOCON literal of the key's
/// type. It must pass the key's own validation; the file is then rewritten atomically with
/// every other byte, its permissions and its owner kept.
int setConfigValue(const QString &path, const QString &key, const QString &value);

} // namespace cx::server

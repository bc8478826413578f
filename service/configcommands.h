#pragma once

#include "config/serverconfig.h"
#include "secrets/keysource.h"

#include <QString>
#include <optional>

namespace cx::server {

/// Process exit codes (cli.md).
enum ExitCode : int {
    ExitSuccess = 0,
    ExitBadConfiguration = 1, ///< an invalid configuration, or bad usage
    ExitNoResource = 2, ///< a needed resource could not be had: an unreadable config file...
};

/// Reads and validates the configuration file at path, decrypting its encrypted secrets
/// with the key from keys (config.md §3), printing every finding to stderr as
/// `FILE:LINE:COL: error: message` (or `warning:`). A file that cannot be read at all is
/// ExitNoResource; any error is ExitBadConfiguration. On success, the configuration.
struct ConfigLoad
{
    std::optional<config::LoadedServerConfig> loaded;
    int exitCode = ExitSuccess;
    int encryptedSecrets = 0; ///< secrets stored as ENC() in the file
    QString keySource = {}; ///< where their key came from
};
ConfigLoad loadConfigFile(const QString &path, const secrets::KeySourceOptions &keys);

/// `--check-config`: the findings on stderr, "FILE: configuration OK" on stdout when valid,
/// then "secrets: N encrypted, key from SOURCE" when the file has encrypted secrets.
int checkConfig(const QString &path, const secrets::KeySourceOptions &keys);

/// `--dump-config`: the findings on stderr; when valid, the JSON document on stdout.
int dumpConfig(const QString &path, const secrets::KeySourceOptions &keys);

/// `config set FILE KEY VALUE`: KEY with or without "cx-server."; VALUE is a string for a
/// string key (quoted into the file; `null` unsets it), else a HOCON literal of the key's
/// type. It must pass the key's own validation; the file is then rewritten atomically with
/// every other byte, its permissions and its owner kept.
int setConfigValue(const QString &path, const QString &key, const QString &value);

/// `config encrypt FILE`: encrypts, in place, every plaintext secret FILE sets, with the
/// key from keys; every other byte, the permissions and the owner are kept.
int encryptConfig(const QString &path, const secrets::KeySourceOptions &keys);

/// `config decrypt FILE`: writes every encrypted secret of FILE back as a quoted string.
int decryptConfig(const QString &path, const secrets::KeySourceOptions &keys);

/// `config rotate-key FILE --new-key-file NEW`: re-encrypts every encrypted secret of FILE
/// from the key from keys (the old key) to the key in newKeyFile.
int rotateConfigKey(const QString &path, const secrets::KeySourceOptions &keys,
                    const QString &newKeyFile);

/// `config new-key --key-file KEY` (a new file, mode 0400) or `config new-key --keychain
/// FILE` (the OS keychain entry of FILE): a fresh data key; never overwrites one.
int newKey(const secrets::KeySourceOptions &keys);

} // namespace cx::server

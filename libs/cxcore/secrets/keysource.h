#pragma once

#include "cxcore_global.h"
#include "result.h"
#include "secrets/datakey.h"

#include <QString>

namespace cx::secrets {

/// What the command line says about the data key (cli.md). The sources are tried in this
/// order, the first that applies wins: keyFile; keychain; the environment variable
/// CXSERVER_KEY_FILE; the systemd credential $CREDENTIALS_DIRECTORY/cxserver.key.
struct KeySourceOptions
{
    QString keyFile; ///< --key-file KEY; empty when not given
    bool keychain = false; ///< --keychain
    QString configPath; ///< the config file; names its OS keychain entry
};

/// A data key and, for messages, where it came from: "key file /etc/cxserver/cxserver.key".
struct LoadedKey
{
    DataKey key;
    QString source;
};

/// The data key from the first source that applies (KeySourceOptions). Errors: no source
/// applies, or the one that applies cannot be read, is readable by group or others, or
/// does not hold a key. Needs a running QCoreApplication for the keychain.
CXCORE_EXPORT Result<LoadedKey> loadKey(const KeySourceOptions &options);

/// Reads a key file: one line, the base64 of 32 bytes. On Unix a file that group or others
/// may read or write (mode & 077) is refused, as ssh refuses such a private key.
/// checkMode false skips that check (a systemd credential, guarded by its directory).
CXCORE_EXPORT Result<DataKey> readKeyFile(const QString &path, bool checkMode = true);

/// Writes a fresh key to a new file with mode 0400 (owner read only); refuses to overwrite
/// an existing file.
CXCORE_EXPORT Result<void> createKeyFile(const QString &path);

/// The OS keychain entry of a config file: service "cxserver", the file's absolute path.
CXCORE_EXPORT QString keychainEntry(const QString &configPath);

/// Stores a fresh key in the OS keychain entry of configPath; refuses to overwrite an
/// existing entry. Runs QtKeychain's asynchronous job in a local event loop.
CXCORE_EXPORT Result<void> createKeychainKey(const QString &configPath);

} // namespace cx::secrets

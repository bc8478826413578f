#pragma once

#include "result.h"
#include "secrets/datakey.h"

#include <QByteArray>
#include <QString>

namespace cx::configurator {

/// Where the data key of an encrypted config comes from (config.md §3).
struct KeyChoice
{
    enum class Kind { KeyFile, Keychain };
    Kind kind = Kind::KeyFile;
    QString keyFile; ///< Kind::KeyFile: the key file
    bool createIfMissing = true; ///< make a fresh key (mode 0400) when keyFile does not exist
};

/// The data key for configPath from choice, creating it when asked and missing.
Result<secrets::DataKey> obtainKey(const KeyChoice &choice, const QString &configPath);

/// text with every plaintext secret value encrypted as ENC(v1:...) under key.
Result<QByteArray> encryptSecrets(const QByteArray &text, const QString &configPath,
                                  const secrets::DataKey &key);

} // namespace cx::configurator

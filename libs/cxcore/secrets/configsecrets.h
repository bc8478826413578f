#pragma once

#include "config/serverconfig.h"
#include "cxcore_global.h"
#include "result.h"
#include "secrets/datakey.h"
#include "secrets/keysource.h"

#include <QByteArray>
#include <QString>

namespace cx::secrets {

/// Encrypted configuration files (config.md §3): reading them, and encrypting, decrypting
/// and re-keying their secret values in place.
namespace configsecrets {

/// A configuration read with its secrets decrypted.
struct LoadedConfigFile
{
    config::LoadedServerConfig loaded;
    int encrypted = 0; ///< how many secret values were stored as ENC()
    QString keySource; ///< where the key came from; empty when none was needed
};

/// Parses path, decrypts every ENC() value of a secret key with the key from options (which
/// is looked for only when the file has such a value), then loadServerConfig(). An ENC()
/// value in a key that is not a secret, a missing key source, a wrong key and a damaged
/// value are errors positioned at the value and naming its key; a value that does not
/// decrypt is never used as plaintext. A file that cannot be parsed gives its parse errors.
CXCORE_EXPORT LoadedConfigFile readServerConfigFile(const QString &path,
                                                    const KeySourceOptions &options);

/// The outcome of rewriting a config file's secrets.
struct Rewrite
{
    QByteArray text; ///< the file with every other byte kept
    int changed = 0; ///< how many values were rewritten
};

/// Encrypts, in text (the content of fileName), every secret value that this file itself
/// sets to a plaintext string, number or boolean; values already encrypted, null, or coming
/// from an include or the environment are left alone.
CXCORE_EXPORT Result<Rewrite> encryptText(const QByteArray &text, const QString &fileName,
                                          const DataKey &key);

/// Replaces, in text, every ENC() secret value that this file sets by its plaintext as a
/// quoted string. Fails without a change on the first value that does not decrypt.
CXCORE_EXPORT Result<Rewrite> decryptText(const QByteArray &text, const QString &fileName,
                                          const DataKey &key);

/// Re-encrypts, in text, every ENC() secret value that this file sets from oldKey to newKey.
CXCORE_EXPORT Result<Rewrite> rotateText(const QByteArray &text, const QString &fileName,
                                         const DataKey &oldKey, const DataKey &newKey);

} // namespace configsecrets
} // namespace cx::secrets

#pragma once

#include "config/jaasfile.h"
#include "cxcore_global.h"
#include "result.h"
#include "secrets/configsecrets.h"
#include "secrets/datakey.h"

#include <QByteArray>
#include <QString>

namespace cx::secrets {

/// The one secret of a JAAS file (discovery.sasl-jaas-file, config.md §2-§3): the password
/// of the Client section's DigestLoginModule. It may be stored as ENC(...) like the
/// secrets of cxserver.conf, with the same data key; `cxserver config encrypt`, `decrypt`
/// and `rotate-key` rewrite it in place, every other byte kept.
namespace jaassecrets {

/// The key path an encrypted JAAS password is bound to (the cipher's associated data): a
/// value copied into another place does not decrypt.
CXCORE_EXPORT QString passwordKeyPath();

/// The password option to rewrite, or nullptr when the file has none (no Client section,
/// no DigestLoginModule, no password).
CXCORE_EXPORT const config::JaasFile::Option *passwordOption(const config::JaasFile &jaas);

/// Encrypts the password when it is plaintext (changed 0 when it is ENC() or absent).
CXCORE_EXPORT Result<configsecrets::Rewrite>
encryptText(const QByteArray &text, const QString &fileName, const DataKey &key);
/// Replaces an ENC() password by its plaintext, quoted.
CXCORE_EXPORT Result<configsecrets::Rewrite>
decryptText(const QByteArray &text, const QString &fileName, const DataKey &key);
/// Re-encrypts an ENC() password from oldKey to newKey.
CXCORE_EXPORT Result<configsecrets::Rewrite> rotateText(const QByteArray &text,
                                                        const QString &fileName,
                                                        const DataKey &oldKey,
                                                        const DataKey &newKey);

} // namespace jaassecrets
} // namespace cx::secrets

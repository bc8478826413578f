#pragma once

#include "cxcore_global.h"
#include "result.h"
#include "secrets/datakey.h"

#include <QString>

namespace cx::secrets {

/// One encrypted secret value (config.md §3): `ENC(v1:<base64>)`, the base64 (standard
/// alphabet, padded) of nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes); AES-256-GCM of
/// the value's UTF-8 under the data key, with a fresh random nonce for every value. The
/// associated data is "v1:" followed by the value's full config key, so a value copied to
/// another key, or relabelled with another version, does not decrypt.
namespace valuecipher {

/// True when text is meant as an encrypted value: it starts with "ENC(". Such a text is
/// either decrypted or an error; it is never used as plaintext.
CXCORE_EXPORT bool isEncrypted(QStringView text);

/// The ENC(v1:...) form of plaintext for the config key keyPath
/// ("cx-server.transport.websockets.app-key").
CXCORE_EXPORT Result<QString> encrypt(const DataKey &key, const QString &keyPath,
                                      QStringView plaintext);

/// The plaintext of an ENC() value at keyPath. Each error names keyPath and says what is
/// wrong (no closing parenthesis, an unknown version, bad base64, too short, or a failed
/// authentication: wrong key, altered value or a value moved from another key); none quotes
/// the value.
CXCORE_EXPORT Result<QString> decrypt(const DataKey &key, const QString &keyPath,
                                      QStringView value);

} // namespace valuecipher
} // namespace cx::secrets

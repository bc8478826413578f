#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QByteArray>
#include <array>

namespace cx::secrets {

/// The 256-bit data key that encrypts the secret values of a configuration (config.md §3).
/// Move-only; its bytes are wiped when it goes away. Never written into a config file or a
/// log: only into a key file, a systemd credential or the OS keychain, as base64 text.
class CXCORE_EXPORT DataKey
{
public:
    static constexpr qsizetype Size = 32;

    /// A fresh key from OpenSSL's CSPRNG.
    static Result<DataKey> generate();

    /// A key from its stored form: the standard base64 of exactly 32 bytes, optionally
    /// surrounded by whitespace (a trailing newline). The error never quotes the text.
    static Result<DataKey> fromBase64(const QByteArray &text);

    DataKey(DataKey &&other) noexcept;
    DataKey &operator=(DataKey &&other) noexcept;
    DataKey(const DataKey &) = delete;
    DataKey &operator=(const DataKey &) = delete;
    ~DataKey();

    /// The stored form: base64 and a newline. The caller wipes it after use (wipe()).
    QByteArray toBase64() const;

    const unsigned char *data() const { return m_bytes.data(); }

private:
    DataKey() = default;

    std::array<unsigned char, Size> m_bytes {};
};

/// Overwrites bytes with zeros in a way the compiler keeps (OPENSSL_cleanse).
CXCORE_EXPORT void wipe(QByteArray &bytes);

} // namespace cx::secrets

#include "datakey.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace cx::secrets {

Result<DataKey> DataKey::generate()
{
    DataKey key;
    if (RAND_bytes(key.m_bytes.data(), int(Size)) != 1)
        return Error {u"the system random number generator failed; no key was made"_s};
    return key;
}

Result<DataKey> DataKey::fromBase64(const QByteArray &text)
{
    QByteArray trimmed = text.trimmed();
    QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    wipe(trimmed);
    const bool valid = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok
        && decoded.decoded.size() == Size;
    DataKey key;
    if (valid)
        std::copy(decoded.decoded.cbegin(), decoded.decoded.cend(), key.m_bytes.begin());
    wipe(decoded.decoded);
    if (!valid)
        return Error {u"is not a cxserver data key (expected the base64 of 32 bytes, as "
                      "'cxserver config new-key' writes)"_s};
    return key;
}

DataKey::DataKey(DataKey &&other) noexcept
    : m_bytes(other.m_bytes)
{
    OPENSSL_cleanse(other.m_bytes.data(), Size);
}

DataKey &DataKey::operator=(DataKey &&other) noexcept
{
    if (this != &other) {
        m_bytes = other.m_bytes;
        OPENSSL_cleanse(other.m_bytes.data(), Size);
    }
    return *this;
}

DataKey::~DataKey()
{
    OPENSSL_cleanse(m_bytes.data(), Size);
}

QByteArray DataKey::toBase64() const
{
    QByteArray raw(reinterpret_cast<const char *>(m_bytes.data()), Size);
    QByteArray text = raw.toBase64() + '\n';
    wipe(raw);
    return text;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

} // namespace cx::secrets

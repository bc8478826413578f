#include "valuecipher.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace cx::secrets::valuecipher {

namespace {

constexpr QLatin1StringView Prefix("ENC(");
constexpr QLatin1StringView Version("v1");
constexpr int NonceSize = 12;
constexpr int TagSize = 16;

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

QByteArray associatedData(const QString &keyPath)
{
    return QString(Version + u':' + keyPath).toUtf8();
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

/// Runs one AES-256-GCM operation: encrypts input (then appends the tag to output) or
/// decrypts it (checking tag). False when OpenSSL fails or the tag does not match.
bool runGcm(bool encrypting, const DataKey &key, const QByteArray &nonce, const QByteArray &aad,
            const QByteArray &input, QByteArray &output, QByteArray &tag)
{
    const CipherContext context(EVP_CIPHER_CTX_new());
    if (!context)
        return false;
    const int init = encrypting
        ? EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.data(), bytes(nonce))
        : EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.data(), bytes(nonce));
    if (init != 1)
        return false;
    const auto update = encrypting ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    int length = 0;
    if (update(context.get(), nullptr, &length, bytes(aad), int(aad.size())) != 1)
        return false;
    output.resize(input.size());
    if (update(context.get(), bytes(output), &length, bytes(input), int(input.size())) != 1)
        return false;
    if (!encrypting
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1)
        return false;
    int finalLength = 0;
    const int finished = encrypting
        ? EVP_EncryptFinal_ex(context.get(), bytes(output) + length, &finalLength)
        : EVP_DecryptFinal_ex(context.get(), bytes(output) + length, &finalLength);
    if (finished != 1)
        return false;
    return !encrypting
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data()) == 1;
}

} // namespace

bool isEncrypted(QStringView text)
{
    return text.startsWith(Prefix);
}

Result<QString> encrypt(const DataKey &key, const QString &keyPath, QStringView plaintext)
{
    QByteArray nonce(NonceSize, Qt::Uninitialized);
    if (RAND_bytes(bytes(nonce), NonceSize) != 1)
        return Error {keyPath + u": cannot encrypt: the system random number generator failed"};
    QByteArray input = plaintext.toUtf8();
    QByteArray ciphertext;
    QByteArray tag(TagSize, '\0');
    const bool done = runGcm(true, key, nonce, associatedData(keyPath), input, ciphertext, tag);
    wipe(input);
    if (!done)
        return Error {keyPath + u": cannot encrypt: OpenSSL AES-256-GCM failed"};
    const QByteArray payload = nonce + ciphertext + tag;
    return QString(Prefix + Version + u':' + QLatin1StringView(payload.toBase64()) + u')');
}

Result<QString> decrypt(const DataKey &key, const QString &keyPath, QStringView value)
{
    const QString subject = keyPath + u": the encrypted value ";
    if (!isEncrypted(value))
        return Error {subject + u"does not start with ENC("};
    if (!value.endsWith(u')'))
        return Error {subject + u"is truncated: it has no closing parenthesis"};
    const QStringView body = value.sliced(Prefix.size(), value.size() - Prefix.size() - 1);
    const qsizetype colon = body.indexOf(u':');
    if (colon < 0)
        return Error {subject + u"has no format version; expected ENC(v1:...)"};
    if (body.first(colon) != Version)
        return Error {subject + u"has the unknown format version \"" + body.first(colon).left(16)
                      + u"\"; this cxserver reads v1"};
    const QByteArray::FromBase64Result payload = QByteArray::fromBase64Encoding(
        body.sliced(colon + 1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (payload.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return Error {subject + u"is not valid base64"};
    if (payload.decoded.size() < NonceSize + TagSize)
        return Error {subject + u"is truncated: " + QString::number(payload.decoded.size())
                      + u" bytes, less than a nonce and a tag"};
    const QByteArray nonce = payload.decoded.first(NonceSize);
    QByteArray tag = payload.decoded.last(TagSize);
    const QByteArray ciphertext
        = payload.decoded.sliced(NonceSize, payload.decoded.size() - NonceSize - TagSize);
    QByteArray plaintext;
    if (!runGcm(false, key, nonce, associatedData(keyPath), ciphertext, plaintext, tag)) {
        wipe(plaintext);
        return Error {keyPath
                      + u": cannot decrypt: wrong key, or the value was altered or moved "
                        "from another key"};
    }
    QString text = QString::fromUtf8(plaintext);
    wipe(plaintext);
    return text;
}

} // namespace cx::secrets::valuecipher

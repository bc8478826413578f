#include "jaassecrets.h"

#include "config/zookeepersasl.h"
#include "secrets/valuecipher.h"

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace cx::secrets::jaassecrets {

namespace {

/// The new text of the password (quoted as written into the file), or nothing to keep it.
using Change = std::function<Result<std::optional<QString>>(const QString &value)>;

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return u'"' + escaped + u'"';
}

Result<configsecrets::Rewrite> rewrite(const QByteArray &text, const QString &fileName,
                                       const Change &change)
{
    const Result<config::JaasFile> jaas = config::JaasFile::parse(text, fileName);
    if (!jaas)
        return jaas.error();
    configsecrets::Rewrite result {text, 0};
    const config::JaasFile::Option *password = passwordOption(*jaas);
    if (!password)
        return result;
    const Result<std::optional<QString>> replacement = change(password->value);
    if (!replacement)
        return Error(password->origin.describe() + u": "_s + replacement.error().message);
    if (*replacement) {
        result.text.replace(password->offset, password->length, replacement->value().toUtf8());
        result.changed = 1;
    }
    return result;
}

} // namespace

QString passwordKeyPath()
{
    return u"cx-server.discovery.sasl-jaas-file/Client/password"_s;
}

const config::JaasFile::Option *passwordOption(const config::JaasFile &jaas)
{
    const config::JaasFile::Module *digest
        = config::clientLoginModule(jaas, u"DigestLoginModule"_s);
    return digest ? digest->option(u"password"_s) : nullptr;
}

Result<configsecrets::Rewrite> encryptText(const QByteArray &text, const QString &fileName,
                                           const DataKey &key)
{
    return rewrite(text, fileName, [&key](const QString &value) -> Result<std::optional<QString>> {
        if (valuecipher::isEncrypted(value))
            return std::optional<QString>();
        const Result<QString> encrypted = valuecipher::encrypt(key, passwordKeyPath(), value);
        if (!encrypted)
            return encrypted.error();
        return std::optional<QString>(quoted(*encrypted));
    });
}

Result<configsecrets::Rewrite> decryptText(const QByteArray &text, const QString &fileName,
                                           const DataKey &key)
{
    return rewrite(text, fileName, [&key](const QString &value) -> Result<std::optional<QString>> {
        if (!valuecipher::isEncrypted(value))
            return std::optional<QString>();
        const Result<QString> plaintext = valuecipher::decrypt(key, passwordKeyPath(), value);
        if (!plaintext)
            return plaintext.error();
        return std::optional<QString>(quoted(*plaintext));
    });
}

Result<configsecrets::Rewrite> rotateText(const QByteArray &text, const QString &fileName,
                                          const DataKey &oldKey, const DataKey &newKey)
{
    return rewrite(text, fileName,
                   [&oldKey, &newKey](const QString &value) -> Result<std::optional<QString>> {
                       if (!valuecipher::isEncrypted(value))
                           return std::optional<QString>();
                       const Result<QString> plaintext
                           = valuecipher::decrypt(oldKey, passwordKeyPath(), value);
                       if (!plaintext)
                           return plaintext.error();
                       const Result<QString> encrypted
                           = valuecipher::encrypt(newKey, passwordKeyPath(), *plaintext);
                       if (!encrypted)
                           return encrypted.error();
                       return std::optional<QString>(quoted(*encrypted));
                   });
}

} // namespace cx::secrets::jaassecrets

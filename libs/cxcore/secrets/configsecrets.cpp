#include "configsecrets.h"

#include "config/configeditor.h"
#include "config/configschema.h"
#include "config/hoconparser.h"
#include "config/jsonrender.h"
#include "secrets/jaassecrets.h"
#include "secrets/valuecipher.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace cx::secrets::configsecrets {

namespace {

using config::Diagnostic;
using config::Diagnostics;
using config::Value;

Diagnostic errorAt(const config::Origin &origin, const QString &message)
{
    return Diagnostic {Diagnostic::Severity::Error, origin, message};
}

/// Every encrypted string in a resolved document: with its full path, whether its key is
/// a secret.
struct EncryptedValue
{
    QString path;
    Value value;
    bool secret = false;
};

void collectEncrypted(const Value &value, const QString &path, QList<EncryptedValue> &found)
{
    switch (value.type()) {
    case Value::Type::String:
        if (valuecipher::isEncrypted(value.text())) {
            const config::schema::KeySpec *spec = config::schema::findKey(path);
            found.append({path, value, spec && spec->secret});
        }
        break;
    case Value::Type::List:
        for (const Value &item : value.items())
            collectEncrypted(item, path, found);
        break;
    case Value::Type::Object:
        for (auto it = value.members().cbegin(); it != value.members().cend(); ++it)
            collectEncrypted(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), found);
        break;
    default:
        break;
    }
}

/// root with the value at path replaced (path an existing member chain).
Value replaced(const Value &root, QStringView path, const Value &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString head = (dot < 0 ? path : path.first(dot)).toString();
    QMap<QString, Value> members = root.members();
    members[head] = dot < 0 ? value : replaced(members.value(head), path.sliced(dot + 1), value);
    return Value::object(members, root.origin());
}

/// Applies change to each secret value that fileName itself sets; change returns the new
/// HOCON literal, or nothing to keep the value.
using Change = std::function<Result<std::optional<QString>>(const QString &path, const Value &)>;

Result<Rewrite> rewrite(const QByteArray &text, const QString &fileName, const Change &change)
{
    const config::ParseResult parsed = config::parseHoconText(text, fileName);
    if (!parsed.root || config::hasErrors(parsed.diagnostics)) {
        const QString why = parsed.diagnostics.isEmpty() ? u"cannot be parsed"_s
                                                         : parsed.diagnostics.first().format();
        return Error {why};
    }
    Rewrite result {text, 0};
    for (const config::schema::KeySpec &spec : config::schema::keys()) {
        if (!spec.secret)
            continue;
        const Value *value = parsed.root->find(config::splitPath(spec.fullPath()));
        if (!value || value->origin().file != fileName || value->origin().line <= 0)
            continue;
        const Result<std::optional<QString>> literal = change(spec.fullPath(), *value);
        if (!literal)
            return literal.error();
        if (!*literal)
            continue;
        const Result<QByteArray> edited
            = config::editor::setValue(result.text, spec.fullPath(), **literal);
        if (!edited)
            return Error {spec.fullPath() + u": cannot rewrite the value: "
                          + edited.error().message};
        result.text = *edited;
        ++result.changed;
    }
    return result;
}

bool isScalar(const Value &value)
{
    return value.type() == Value::Type::String || value.type() == Value::Type::Number
        || value.type() == Value::Type::Boolean;
}

Result<std::optional<QString>> encryptedLiteral(const DataKey &key, const QString &path,
                                                const QString &plaintext)
{
    const Result<QString> encrypted = valuecipher::encrypt(key, path, plaintext);
    if (!encrypted)
        return encrypted.error();
    return std::optional<QString>(config::quoteJsonString(*encrypted));
}

/// The plaintext of an ENC() value; nothing when value is not encrypted.
Result<std::optional<QString>> plaintextOf(const DataKey &key, const QString &path,
                                           const Value &value)
{
    if (value.type() != Value::Type::String || !valuecipher::isEncrypted(value.text()))
        return std::optional<QString>();
    const Result<QString> plaintext = valuecipher::decrypt(key, path, value.text());
    if (!plaintext)
        return plaintext.error();
    return std::optional<QString>(*plaintext);
}

} // namespace

LoadedConfigFile readServerConfigFile(const QString &path, const KeySourceOptions &options)
{
    LoadedConfigFile result;
    config::ParseResult parsed = config::parseHoconFile(path);
    if (!parsed.root) {
        result.loaded.diagnostics = parsed.diagnostics;
        return result;
    }
    QList<EncryptedValue> found;
    collectEncrypted(*parsed.root, QString(), found);

    // The parse findings first, then the others by position, as readServerConfigFile().
    Diagnostics diagnostics = parsed.diagnostics;
    Value root = *parsed.root;
    std::optional<Result<LoadedKey>> key;
    for (const EncryptedValue &encrypted : std::as_const(found)) {
        if (!encrypted.secret) {
            diagnostics.append(errorAt(encrypted.value.origin(),
                                       encrypted.path
                                           + u": an encrypted value in a key that is not a "
                                             "secret; only secrets may be ENC()"));
            continue;
        }
        ++result.encrypted;
        if (!key)
            key = loadKey(options);
        if (!key->ok()) {
            diagnostics.append(errorAt(encrypted.value.origin(),
                                       encrypted.path + u" is encrypted and its key cannot be had: "
                                           + key->error().message));
            continue;
        }
        const Result<QString> plaintext
            = valuecipher::decrypt((*key)->key, encrypted.path, encrypted.value.text());
        if (!plaintext) {
            diagnostics.append(errorAt(encrypted.value.origin(), plaintext.error().message));
            continue;
        }
        root = replaced(root, encrypted.path, Value::string(*plaintext, encrypted.value.origin()));
    }
    result.loaded = config::loadServerConfig(root, path);
    diagnostics += result.loaded.diagnostics;

    // The JAAS file's DIGEST-MD5 password, when stored as ENC() (jaassecrets.h).
    config::Secret &jaasPassword = result.loaded.config.saslPassword;
    if (jaasPassword.isSet() && valuecipher::isEncrypted(jaasPassword.reveal())) {
        ++result.encrypted;
        if (!key)
            key = loadKey(options);
        const Value *jaasKey
            = root.find({config::schema::RootKey, u"discovery"_s, u"sasl-jaas-file"_s});
        const config::Origin origin = jaasKey ? jaasKey->origin() : config::Origin {path, 0, 0};
        const QString where = config::schema::RootKey + u".discovery.sasl-jaas-file: "_s
            + result.loaded.config.saslJaasFile + u": "_s;
        const Result<QString> plaintext = key->ok()
            ? valuecipher::decrypt((*key)->key, jaassecrets::passwordKeyPath(),
                                   jaasPassword.reveal())
            : Result<QString>(Error(u"the password is encrypted and its key cannot be had: "_s
                                    + key->error().message));
        if (plaintext)
            jaasPassword = config::Secret(*plaintext);
        else
            diagnostics.append(errorAt(origin, where + plaintext.error().message));
    }
    if (key && key->ok())
        result.keySource = (*key)->source;
    std::stable_sort(diagnostics.begin() + parsed.diagnostics.size(), diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.origin.file, a.origin.line, a.origin.column)
                             < std::tie(b.origin.file, b.origin.line, b.origin.column);
                     });
    result.loaded.diagnostics = diagnostics;
    return result;
}

Result<Rewrite> encryptText(const QByteArray &text, const QString &fileName, const DataKey &key)
{
    return rewrite(
        text, fileName,
        [&key](const QString &path, const Value &value) -> Result<std::optional<QString>> {
            if (!isScalar(value) || valuecipher::isEncrypted(value.text()))
                return std::optional<QString>();
            return encryptedLiteral(key, path, value.text());
        });
}

Result<Rewrite> decryptText(const QByteArray &text, const QString &fileName, const DataKey &key)
{
    return rewrite(
        text, fileName,
        [&key](const QString &path, const Value &value) -> Result<std::optional<QString>> {
            const Result<std::optional<QString>> plaintext = plaintextOf(key, path, value);
            if (!plaintext || !*plaintext)
                return plaintext;
            return std::optional<QString>(config::quoteJsonString(**plaintext));
        });
}

Result<Rewrite> rotateText(const QByteArray &text, const QString &fileName, const DataKey &oldKey,
                           const DataKey &newKey)
{
    return rewrite(text, fileName,
                   [&oldKey, &newKey](const QString &path,
                                      const Value &value) -> Result<std::optional<QString>> {
                       const Result<std::optional<QString>> plaintext
                           = plaintextOf(oldKey, path, value);
                       if (!plaintext || !*plaintext)
                           return plaintext;
                       return encryptedLiteral(newKey, path, **plaintext);
                   });
}

} // namespace cx::secrets::configsecrets

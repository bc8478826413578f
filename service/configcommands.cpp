#include "configcommands.h"

#include "config/configdocument.h"
#include "config/configdump.h"
#include "config/configfilewriter.h"
#include "config/configschema.h"
#include "config/jaasfile.h"
#include "secrets/configsecrets.h"
#include "secrets/jaassecrets.h"
#include "tlscontext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace cx::server {

namespace {

void printTo(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

/// A user-facing message in the system locale's language (translations/cxserver_*.ts).
QString translated(const char *text)
{
    return QCoreApplication::translate("cxserver", text);
}

void printError(const QString &message)
{
    printTo(stderr, u"cxserver: "_s + message);
}

using SecretsChange = std::function<Result<secrets::configsecrets::Rewrite>(
    const QByteArray &text, const QString &fileName, const secrets::DataKey &key)>;

/// Rewrites the secrets of the file at path with change and reports "FILE: N secrets VERB"
/// on stdout; nothing is written when nothing changes.
int rewriteFile(const QString &path, const QByteArray &text, const secrets::LoadedKey &key,
                const char *doneOne, const char *doneMany, const SecretsChange &change)
{
    const Result<secrets::configsecrets::Rewrite> rewritten = change(text, path, key.key);
    if (!rewritten) {
        printError(path + u": " + rewritten.error().message);
        return ExitBadConfiguration;
    }
    if (rewritten->changed > 0) {
        if (const Result<void> written = config::writeConfigFile(path, rewritten->text); !written) {
            printError(written.error().message);
            return ExitNoResource;
        }
    }
    printTo(stdout,
            translated(rewritten->changed == 1 ? doneOne : doneMany)
                .arg(path, QString::number(rewritten->changed), key.source));
    return ExitSuccess;
}

/// Rewrites the secrets of the config file at path with change, under the key from keys,
/// then those of the JAAS file it names for SASL (its DIGEST-MD5 password) with jaasChange.
int rewriteSecrets(const QString &path, const secrets::KeySourceOptions &keys, const char *doneOne,
                   const char *doneMany, const SecretsChange &change,
                   const SecretsChange &jaasChange)
{
    const Result<config::ConfigDocument> content = config::ConfigDocument::open(path);
    if (!content) {
        printError(content.error().message);
        return ExitNoResource;
    }
    const Result<secrets::LoadedKey> key = secrets::loadKey(keys);
    if (!key) {
        printError(key.error().message);
        return ExitBadConfiguration;
    }
    const int configDone = rewriteFile(path, content->text(), *key, doneOne, doneMany, change);
    if (configDone != ExitSuccess)
        return configDone;
    const config::LoadedServerConfig loaded = config::readServerConfigFile(path);
    const QString jaasPath = loaded.config.saslJaasFile;
    if (!loaded.config.saslEnabled || jaasPath.isEmpty())
        return ExitSuccess;
    const Result<QByteArray> jaas = config::JaasFile::readText(jaasPath);
    if (!jaas) {
        printError(jaas.error().message);
        return ExitNoResource;
    }
    return rewriteFile(jaasPath, *jaas, *key, doneOne, doneMany, jaasChange);
}

void printFindings(const config::Diagnostics &diagnostics)
{
    for (const config::Diagnostic &d : diagnostics)
        printTo(stderr, d.format());
}

/// What OpenSSL says of the edge TLS policy (TlsContext::checkPolicy) when edge TLS is on,
/// positioned at the value of the key the finding names; nothing when the policy is valid.
std::optional<config::Diagnostic> tlsPolicyFinding(const config::LoadedServerConfig &loaded,
                                                   const QString &path)
{
    const config::ServerConfig &config = loaded.config;
    if (!config.sslEnabled)
        return std::nullopt;
    const QString message = TlsContext::checkPolicy(
        {config.tlsMinVersion, config.tlsCiphers, config.tlsCipherSuites});
    if (message.isEmpty())
        return std::nullopt;
    config::Diagnostic finding {config::Diagnostic::Severity::Error, {path}, message};
    const QString key = message.section(u':', 0, 0); // checkPolicy names the key first
    const QString fullKey = config::schema::RootKey + u'.' + key;
    const config::Value *value = loaded.root.find(fullKey.split(u'.'));
    if (value && value->origin().line > 0)
        finding.origin = value->origin();
    return finding;
}

} // namespace

ConfigLoad loadConfigFile(const QString &path, const secrets::KeySourceOptions &keys)
{
    if (const Result<config::ConfigDocument> content = config::ConfigDocument::open(path);
        !content) {
        printError(content.error().message);
        return {std::nullopt, ExitNoResource};
    }
    secrets::configsecrets::LoadedConfigFile file
        = secrets::configsecrets::readServerConfigFile(path, keys);
    printFindings(file.loaded.diagnostics);
    if (!file.loaded.ok())
        return {std::nullopt, ExitBadConfiguration};
    return {std::move(file.loaded), ExitSuccess, file.encrypted, file.keySource};
}

int checkConfig(const QString &path, const secrets::KeySourceOptions &keys)
{
    const ConfigLoad load = loadConfigFile(path, keys);
    if (!load.loaded)
        return load.exitCode;
    if (const auto finding = tlsPolicyFinding(*load.loaded, path)) {
        printTo(stderr, finding->format());
        return ExitBadConfiguration;
    }
    const qsizetype warnings = load.loaded->diagnostics.size();
    if (warnings == 0)
        printTo(stdout, QCoreApplication::translate("cxserver", "%1: configuration OK").arg(path));
    else if (warnings == 1)
        printTo(stdout,
                QCoreApplication::translate("cxserver", "%1: configuration OK (%2 warning)")
                    .arg(path, QString::number(warnings)));
    else
        printTo(stdout,
                QCoreApplication::translate("cxserver", "%1: configuration OK (%2 warnings)")
                    .arg(path, QString::number(warnings)));
    if (load.encryptedSecrets > 0)
        printTo(stdout,
                QCoreApplication::translate("cxserver", "secrets: %1 encrypted, key from %2")
                    .arg(QString::number(load.encryptedSecrets), load.keySource));
    return ExitSuccess;
}

int dumpConfig(const QString &path, const secrets::KeySourceOptions &keys)
{
    const ConfigLoad load = loadConfigFile(path, keys);
    if (!load.loaded)
        return load.exitCode;
    const QByteArray json = config::dumpServerConfig(*load.loaded) + '\n';
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return ExitSuccess;
}

int setConfigValue(const QString &path, const QString &key, const QString &value)
{
    const config::schema::KeySpec *spec = config::schema::findKey(key);
    if (!spec) {
        QString relative = key;
        if (relative.startsWith(config::schema::RootKey + u'.'))
            relative.remove(0, config::schema::RootKey.size() + 1);
        const QString suggestion = config::schema::suggestKey(relative);
        printError(suggestion.isEmpty()
                       ? QCoreApplication::translate("cxserver", "unknown key %1").arg(key)
                       : QCoreApplication::translate("cxserver", "unknown key %1; did you mean %2?")
                             .arg(key, config::schema::RootKey + u'.' + suggestion));
        return ExitBadConfiguration;
    }
    // A wrong value is a usage error whatever the file holds: checked before it is read.
    const Result<QString> literal = config::literalForKey(*spec, value);
    if (!literal) {
        printError(literal.error().message);
        return ExitBadConfiguration;
    }
    Result<config::ConfigDocument> document = config::ConfigDocument::open(path);
    if (!document) {
        printError(document.error().message);
        return ExitNoResource;
    }
    if (const Result<void> set = document->setLiteral(spec->fullPath(), *literal); !set) {
        printError(QCoreApplication::translate("cxserver", "cannot change %1 in %2: %3")
                       .arg(spec->fullPath(), path, set.error().message));
        return ExitBadConfiguration;
    }
    if (const Result<void> written = document->save(); !written) {
        printError(written.error().message);
        return ExitNoResource;
    }
    return ExitSuccess;
}

int encryptConfig(const QString &path, const secrets::KeySourceOptions &keys)
{
    return rewriteSecrets(path, keys,
                          QT_TRANSLATE_NOOP("cxserver", "%1: %2 secret encrypted (key from %3)"),
                          QT_TRANSLATE_NOOP("cxserver", "%1: %2 secrets encrypted (key from %3)"),
                          &secrets::configsecrets::encryptText, &secrets::jaassecrets::encryptText);
}

int decryptConfig(const QString &path, const secrets::KeySourceOptions &keys)
{
    return rewriteSecrets(path, keys,
                          QT_TRANSLATE_NOOP("cxserver", "%1: %2 secret decrypted (key from %3)"),
                          QT_TRANSLATE_NOOP("cxserver", "%1: %2 secrets decrypted (key from %3)"),
                          &secrets::configsecrets::decryptText, &secrets::jaassecrets::decryptText);
}

int rotateConfigKey(const QString &path, const secrets::KeySourceOptions &keys,
                    const QString &newKeyFile)
{
    const Result<secrets::DataKey> newKey = secrets::readKeyFile(newKeyFile);
    if (!newKey) {
        printError(newKey.error().message);
        return ExitBadConfiguration;
    }
    const auto rotate = [&newKey](const auto &rotateText) -> SecretsChange {
        return [&newKey, rotateText](const QByteArray &text, const QString &fileName,
                                     const secrets::DataKey &key) {
            return rotateText(text, fileName, key, *newKey);
        };
    };
    return rewriteSecrets(
        path, keys, QT_TRANSLATE_NOOP("cxserver", "%1: %2 secret re-encrypted (key from %3)"),
        QT_TRANSLATE_NOOP("cxserver", "%1: %2 secrets re-encrypted (key from %3)"),
        rotate(&secrets::configsecrets::rotateText), rotate(&secrets::jaassecrets::rotateText));
}

int newKey(const secrets::KeySourceOptions &keys)
{
    const Result<void> made = keys.keyFile.isEmpty() ? secrets::createKeychainKey(keys.configPath)
                                                     : secrets::createKeyFile(keys.keyFile);
    if (!made) {
        printError(made.error().message);
        return ExitBadConfiguration;
    }
    return ExitSuccess;
}

} // namespace cx::server

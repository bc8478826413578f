#include "configsaver.h"

#include "secrets/configsecrets.h"
#include "secrets/keysource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace cx::configurator {

namespace {
/// The keychain's own error (e.g. no D-Bus session) with what the user can do instead.
Error keychainUnavailable(const Error &error)
{
    return Error(QCoreApplication::translate(
                     "cx::configurator::ConfigSaver",
                     "The OS keychain cannot be used (%1). Choose a key file instead, or run the "
                     "configurator in a desktop session with a keyring such as GNOME Keyring.")
                     .arg(error.message));
}
} // namespace

Result<secrets::DataKey> obtainKey(const KeyChoice &choice, const QString &configPath)
{
    if (choice.kind == KeyChoice::Kind::KeyFile) {
        if (choice.keyFile.isEmpty())
            return Error(
                QCoreApplication::translate("cx::configurator::ConfigSaver", "Choose a key file."));
        if (!QFileInfo::exists(choice.keyFile) && choice.createIfMissing) {
            Result<void> created = secrets::createKeyFile(choice.keyFile);
            if (!created)
                return created.error();
        }
        return secrets::readKeyFile(choice.keyFile);
    }
    secrets::KeySourceOptions options;
    options.keychain = true;
    options.configPath = QFileInfo(configPath).absoluteFilePath();
    Result<secrets::LoadedKey> loaded = secrets::loadKey(options);
    if (!loaded && choice.createIfMissing) {
        Result<void> created = secrets::createKeychainKey(options.configPath);
        if (!created)
            return keychainUnavailable(created.error());
        loaded = secrets::loadKey(options);
    }
    if (!loaded)
        return keychainUnavailable(loaded.error());
    return std::move(loaded.value().key);
}

Result<QByteArray> encryptSecrets(const QByteArray &text, const QString &configPath,
                                  const secrets::DataKey &key)
{
    Result<secrets::configsecrets::Rewrite> rewritten
        = secrets::configsecrets::encryptText(text, configPath, key);
    if (!rewritten)
        return rewritten.error();
    return rewritten->text;
}

} // namespace cx::configurator

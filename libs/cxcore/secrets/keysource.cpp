#include "keysource.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <qt6keychain/keychain.h>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::secrets {

namespace {

constexpr QLatin1StringView KeychainService("cxserver");
constexpr qint64 MaxKeyFileSize = 4096;

/// Runs a QtKeychain job to its end in a local event loop (the CLI and the service start
/// before their main loop runs).
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Result<DataKey> readKeychainKey(const QString &configPath)
{
    QKeychain::ReadPasswordJob job(KeychainService);
    job.setKey(keychainEntry(configPath));
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return Error {u"the OS keychain has no key for "_s + keychainEntry(configPath)
                      + u" (service cxserver); make one with 'cxserver config new-key "
                        "--keychain "
                      + configPath + u'\''};
    if (job.error() != QKeychain::NoError)
        return Error {u"cannot read the OS keychain: "_s + job.errorString()};
    QByteArray text = job.textData().toLatin1();
    Result<DataKey> key = DataKey::fromBase64(text);
    wipe(text);
    if (!key)
        return Error {u"the OS keychain entry "_s + keychainEntry(configPath) + u' '
                      + key.error().message};
    return key;
}

Result<LoadedKey> fromFile(const QString &path, const QString &source, bool checkMode)
{
    Result<DataKey> key = readKeyFile(path, checkMode);
    if (!key)
        return key.error();
    return LoadedKey {std::move(key).value(), source + u' ' + path};
}

} // namespace

Result<LoadedKey> loadKey(const KeySourceOptions &options)
{
    if (!options.keyFile.isEmpty())
        return fromFile(options.keyFile, u"key file"_s, true);
    if (options.keychain) {
        Result<DataKey> key = readKeychainKey(options.configPath);
        if (!key)
            return key.error();
        return LoadedKey {std::move(key).value(),
                          u"OS keychain entry "_s + keychainEntry(options.configPath)};
    }
    if (const QString path = qEnvironmentVariable("CXSERVER_KEY_FILE"); !path.isEmpty())
        return fromFile(path, u"CXSERVER_KEY_FILE"_s, true);
    if (const QString directory = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
        !directory.isEmpty() && QFileInfo::exists(directory + u"/cxserver.key"))
        return fromFile(QDir(directory).filePath(u"cxserver.key"_s), u"systemd credential"_s,
                        false);
    return Error {u"no key source: give --key-file KEY or --keychain, set CXSERVER_KEY_FILE, or "
                  "provide the systemd credential cxserver.key"_s};
}

Result<DataKey> readKeyFile(const QString &path, bool checkMode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {u"cannot read the key file "_s + path + u": " + file.errorString()};
#ifdef Q_OS_UNIX
    struct stat status;
    if (checkMode && ::fstat(file.handle(), &status) == 0 && (status.st_mode & 077) != 0)
        return Error {u"the key file "_s + path + u" may be read by group or others (mode 0"
                      + QString::number(status.st_mode & 0777, 8)
                      + u"); refusing to use it; run: chmod 400 " + path};
#else
    Q_UNUSED(checkMode);
#endif
    QByteArray text = file.read(MaxKeyFileSize);
    Result<DataKey> key = DataKey::fromBase64(text);
    wipe(text);
    if (!key)
        return Error {u"the key file "_s + path + u' ' + key.error().message};
    return key;
}

Result<void> createKeyFile(const QString &path)
{
    Result<DataKey> key = DataKey::generate();
    if (!key)
        return key.error();
    QByteArray text = key->toBase64();
    QString failure;
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR);
    if (fd < 0) {
        failure = errno == EEXIST ? u"it exists; refusing to overwrite a key"_s
                                  : QString::fromLocal8Bit(std::strerror(errno));
    } else {
        const bool written = ::write(fd, text.constData(), size_t(text.size())) == text.size();
        if (::close(fd) != 0 || !written) {
            failure = QString::fromLocal8Bit(std::strerror(errno));
            QFile::remove(path);
        }
    }
#else
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner))
        failure = QFileInfo::exists(path) ? u"it exists; refusing to overwrite a key"_s
                                          : file.errorString();
    else if (file.write(text) != text.size() || !file.flush())
        failure = file.errorString();
#endif
    wipe(text);
    if (!failure.isEmpty())
        return Error {u"cannot write the key file "_s + path + u": " + failure};
    return {};
}

QString keychainEntry(const QString &configPath)
{
    return QFileInfo(configPath).absoluteFilePath();
}

Result<void> createKeychainKey(const QString &configPath)
{
    QKeychain::ReadPasswordJob existing(KeychainService);
    existing.setKey(keychainEntry(configPath));
    runJob(existing);
    if (existing.error() == QKeychain::NoError)
        return Error {u"the OS keychain already has a key for "_s + keychainEntry(configPath)
                      + u"; refusing to overwrite it"};
    if (existing.error() != QKeychain::EntryNotFound)
        return Error {u"cannot read the OS keychain: "_s + existing.errorString()};

    Result<DataKey> key = DataKey::generate();
    if (!key)
        return key.error();
    QByteArray text = key->toBase64().trimmed();
    QKeychain::WritePasswordJob job(KeychainService);
    job.setKey(keychainEntry(configPath));
    job.setTextData(QString::fromLatin1(text));
    wipe(text);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return Error {u"cannot write the OS keychain: "_s + job.errorString()};
    return {};
}

} // namespace cx::secrets

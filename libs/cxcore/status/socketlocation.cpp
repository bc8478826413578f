#include "socketlocation.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::status {

SocketEnvironment SocketEnvironment::current()
{
    SocketEnvironment environment;
    environment.runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    environment.tempDir = QDir::tempPath();
#ifdef Q_OS_UNIX
    environment.uid = ::geteuid();
#endif
    return environment;
}

#ifdef Q_OS_UNIX

namespace {

/// The private folder \a path, made when \a use allows and it is missing; an error when
/// it is there but another user could put a socket into it.
Result<void> privateFolder(const QString &path, SocketUse use, uint uid)
{
    const QByteArray native = QFile::encodeName(path);
    if (use == SocketUse::Listen && ::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return Error(u"cannot create the status socket folder %1"_s.arg(path),
                     QString::fromLocal8Bit(std::strerror(errno)));
    struct stat info
    {
    };
    if (::lstat(native.constData(), &info) != 0) {
        if (errno == ENOENT && use == SocketUse::Connect)
            return {}; // nothing listens there: the client says so when it connects
        return Error(u"cannot inspect the status socket folder %1"_s.arg(path),
                     QString::fromLocal8Bit(std::strerror(errno)));
    }
    const auto unsafe = [&path](const QString &why) {
        return Error(u"the status socket folder %1 is not safe to use: %2; remove it, or set "
                     "admin.socket to a socket path"_s.arg(path, why));
    };
    if (!S_ISDIR(info.st_mode))
        return unsafe(u"it is not a folder"_s);
    if (info.st_uid != uid)
        return unsafe(u"it belongs to user id %1, not %2"_s.arg(info.st_uid).arg(uid));
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return unsafe(u"others may write to it (mode %1)"_s.arg(uint(info.st_mode & 07777), 4, 8,
                                                                QChar(u'0')));
    return {};
}

} // namespace

Result<QString> socketLocation(const QString &name, SocketUse use,
                               const SocketEnvironment &environment)
{
    if (name.contains(u'/'))
        return name;
    if (QDir::isAbsolutePath(environment.runtimeDir))
        return QDir(environment.runtimeDir).filePath(name);
    const QString folder
        = QDir(environment.tempDir).filePath(u"cxserver-%1"_s.arg(environment.uid));
    const Result<void> safe = privateFolder(folder, use, environment.uid);
    if (!safe)
        return safe.error();
    return QDir(folder).filePath(name);
}

#else

Result<QString> socketLocation(const QString &name, SocketUse, const SocketEnvironment &)
{
    return name; // QLocalServer makes a bare name the pipe \\.\pipe\NAME
}

#endif

} // namespace cx::status

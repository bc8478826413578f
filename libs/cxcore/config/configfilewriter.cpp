#include "configfilewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

#ifdef Q_OS_UNIX
/// Gives the open temporary file \a fd the owner, group and mode it must have at \a path.
Result<void> settleOwnership(int fd, const QString &path, const QString &newFileGroup)
{
    struct stat old;
    if (::stat(QFile::encodeName(path).constData(), &old) == 0) {
        struct stat fresh;
        if (::fstat(fd, &fresh) != 0)
            return Error(u"cannot write "_s + path + u": "
                         + QString::fromLocal8Bit(strerror(errno)));
        if ((old.st_uid != fresh.st_uid || old.st_gid != fresh.st_gid)
            && ::fchown(fd, old.st_uid, old.st_gid) != 0)
            return Error(u"cannot keep the owner and group of "_s + path
                         + u" (save it as its owner or as root); nothing was written");
        if (::fchmod(fd, old.st_mode & 07777) != 0)
            return Error(u"cannot keep the mode of "_s + path + u"; nothing was written");
        return {};
    }
    if (::fchmod(fd, 0640) != 0)
        return Error(u"cannot set the mode of "_s + path + u" to 0640");
    // Best effort: only root or a member of the group may give it.
    if (const struct group *group = ::getgrnam(QFile::encodeName(newFileGroup).constData()))
        (void)::fchown(fd, uid_t(-1), group->gr_gid);
    return {};
}
#endif

} // namespace

Result<void> writeConfigFile(const QString &path, QByteArrayView bytes, const QString &newFileGroup)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(u"cannot write "_s + path + u": " + file.errorString());
#ifdef Q_OS_UNIX
    if (Result<void> settled = settleOwnership(file.handle(), path, newFileGroup); !settled) {
        file.cancelWriting();
        return settled;
    }
#else
    Q_UNUSED(newFileGroup)
#endif
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return Error(u"cannot write "_s + path + u": " + file.errorString());
    return {};
}

Result<void> copyConfigFile(const QString &source, const QString &destination,
                            const QString &newFileGroup)
{
    // Only a regular file of bounded size: a keystore is a few KiB, and a device or a huge
    // file chosen by mistake must not be read whole.
    const QFileInfo info(source);
    if (!info.isFile())
        return Error(source + u" is not a regular file"_s);
    if (info.size() > MaxCopiedFileBytes)
        return Error(
            source
            + u" is larger than %1 bytes; a keystore is far smaller"_s.arg(MaxCopiedFileBytes));
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return Error(u"cannot read "_s + source + u": " + in.errorString());
    const QByteArray bytes = in.read(MaxCopiedFileBytes + 1);
    if (bytes.size() > MaxCopiedFileBytes) // grew since it was looked at
        return Error(source + u" is larger than %1 bytes"_s.arg(MaxCopiedFileBytes));
    return writeConfigFile(destination, bytes, newFileGroup);
}

} // namespace cx::config

#include "serviceaccess.h"

#include "configschema.h"
#include "hoconparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::config {

QStringList filesReadByService(const QString &configPath, const QByteArray &text)
{
    QStringList files {configPath};
    const ParseResult parsed = parseHoconText(text, configPath);
    if (!parsed.root)
        return files;
    for (const schema::KeySpec &key : schema::keys()) {
        if (!key.namesFile())
            continue;
        const Value *value = parsed.root->find(splitPath(key.fullPath()));
        if (!value || value->type() != Value::Type::String || value->text().isEmpty())
            continue;
        if (QDir::isAbsolutePath(value->text()) && !files.contains(value->text()))
            files.append(value->text());
    }
    return files;
}

#ifdef Q_OS_UNIX
namespace {

QString ownerText(const struct stat &info)
{
    const struct passwd *user = ::getpwuid(info.st_uid);
    const struct group *group = ::getgrgid(info.st_gid);
    return (user ? QString::fromLocal8Bit(user->pw_name) : QString::number(info.st_uid)) + u':'
        + (group ? QString::fromLocal8Bit(group->gr_name) : QString::number(info.st_gid));
}

/// Whether the account (uid, gid) gets \a bits (as for the group: S_IRGRP or S_IXGRP) on a
/// file with \a info.
bool allowed(const struct stat &info, uid_t uid, gid_t gid, mode_t groupBit)
{
    const mode_t ownerBit = groupBit << 3;
    const mode_t otherBit = groupBit >> 3;
    if (info.st_uid == uid)
        return info.st_mode & ownerBit;
    if (info.st_gid == gid)
        return info.st_mode & groupBit;
    return info.st_mode & otherBit;
}

} // namespace
#endif

QString serviceCannotRead(const QString &path, const QString &group)
{
#ifdef Q_OS_UNIX
    const struct group *service = ::getgrnam(QFile::encodeName(group).constData());
    if (!service)
        return {};
    const gid_t gid = service->gr_gid;
    // The package's user has the group's name; without it, only the group counts.
    const struct passwd *user = ::getpwnam(QFile::encodeName(group).constData());
    const uid_t uid = user ? user->pw_uid : uid_t(-1);
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    if (!allowed(info, uid, gid, S_IRGRP))
        return u"%1 is %2 %3: the group %4 may not read it"_s.arg(
            path, QString::number(info.st_mode & 07777, 8).rightJustified(4, u'0'), ownerText(info),
            group);
    const QString folder = QFileInfo(path).absolutePath();
    struct stat folderInfo;
    if (::stat(QFile::encodeName(folder).constData(), &folderInfo) == 0
        && !allowed(folderInfo, uid, gid, S_IXGRP))
        return u"%1 is in %2, which is %3 %4: the group %5 may not enter it"_s.arg(
            path, folder, QString::number(folderInfo.st_mode & 07777, 8).rightJustified(4, u'0'),
            ownerText(folderInfo), group);
    return {};
#else
    Q_UNUSED(path)
    Q_UNUSED(group)
    return {};
#endif
}

} // namespace cx::config

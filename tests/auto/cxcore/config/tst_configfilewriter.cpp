// How cxserver's files are written (config::writeConfigFile): a save never changes who may
// read the file, so the service is never locked out of its own configuration; and how a
// writer finds out that the service could not read a file it points at (serviceaccess.h).

#include "config/configfilewriter.h"
#include "config/serviceaccess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cx;
using namespace Qt::StringLiterals;

namespace {

struct stat statOf(const QString &path)
{
    struct stat info
    {
    };
    ::stat(QFile::encodeName(path).constData(), &info);
    return info;
}

/// A group other than the process's own, that root may give: "daemon" exists on Debian.
gid_t otherGroup()
{
    const struct group *group = ::getgrnam("daemon");
    return group ? group->gr_gid : gid_t(-1);
}

} // namespace

class tst_ConfigFileWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void existingFileKeepsOwnerGroupAndMode();
    void newFileIs0640WithTheServiceGroup();
    void copyFollowsTheSameRules();
    void copyRefusesDevicesAndHugeFiles();
    void unwritableFolderIsAnError();
    void serviceCannotReadNamesWhy();
    void filesReadByServiceAreTheConfigAndItsFiles();
};

void tst_ConfigFileWriter::existingFileKeepsOwnerGroupAndMode()
{
    // The case: root:staff 0640 became root:root 0600 after a save.
    if (::geteuid() != 0 || otherGroup() == gid_t(-1))
        QSKIP("needs root and the group daemon: changing a file's group is root's");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cxserver.conf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("old\n");
    file.close();
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 0, otherGroup()), 0);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    const ino_t before = statOf(path).st_ino;

    QVERIFY(config::writeConfigFile(path, "new\n").ok());
    const struct stat after = statOf(path);
    QCOMPARE(after.st_mode & 07777, mode_t(0640));
    QCOMPARE(after.st_gid, otherGroup());
    QCOMPARE(after.st_uid, uid_t(0));
    QVERIFY(after.st_ino != before); // replaced by a rename: never half written
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new\n"));
}

void tst_ConfigFileWriter::newFileIs0640WithTheServiceGroup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"fresh.conf"_s);
    // The group given is taken where the writer may give it (root here in CI); "daemon"
    // stands for cxserver, which only the package creates.
    QVERIFY(config::writeConfigFile(path, "x\n", u"daemon"_s).ok());
    const struct stat info = statOf(path);
    QCOMPARE(info.st_mode & 07777, mode_t(0640));
    if (::geteuid() == 0 && otherGroup() != gid_t(-1))
        QCOMPARE(info.st_gid, otherGroup());
    else
        QCOMPARE(info.st_gid, ::getegid());
    // A group that does not exist leaves the writer's own.
    const QString other = dir.filePath(u"other.conf"_s);
    QVERIFY(config::writeConfigFile(other, "x\n", u"no-such-group-cx"_s).ok());
    QCOMPARE(statOf(other).st_gid, ::getegid());
    QCOMPARE(statOf(other).st_mode & 07777, mode_t(0640));
}

void tst_ConfigFileWriter::copyFollowsTheSameRules()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"chosen.p12"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keystore bytes");
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(source).constData(), 0600), 0);
    const QString destination = dir.filePath(u"cxserver.p12"_s);
    QVERIFY(config::copyConfigFile(source, destination, u"daemon"_s).ok());
    QCOMPARE(statOf(destination).st_mode & 07777, mode_t(0640)); // not the source's 0600
    QFile copy(destination);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArray("keystore bytes"));
    QVERIFY(!config::copyConfigFile(dir.filePath(u"missing.p12"_s), destination).ok());
}

void tst_ConfigFileWriter::copyRefusesDevicesAndHugeFiles()
{
    // A device or a huge file picked by mistake is refused, not read whole: the copy's
    // memory stays bounded (the keystore import reads through here).
    QTemporaryDir dir;
    const QString destination = dir.filePath(u"cxserver.p12"_s);
    const auto fromZero = config::copyConfigFile(u"/dev/zero"_s, destination);
    QVERIFY(!fromZero.ok());
    QVERIFY2(fromZero.error().message.contains(u"not a regular file"_s),
             qPrintable(fromZero.error().message));
    const QString huge = dir.filePath(u"huge.p12"_s);
    QFile file(huge);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(config::MaxCopiedFileBytes + 1)); // sparse: no disk used
    file.close();
    const auto fromHuge = config::copyConfigFile(huge, destination);
    QVERIFY(!fromHuge.ok());
    QVERIFY(fromHuge.error().message.contains(u"larger than"_s));
    QVERIFY(!QFile::exists(destination));
}

void tst_ConfigFileWriter::unwritableFolderIsAnError()
{
    const auto written = config::writeConfigFile(u"/nonexistent-cx/dir/x.conf"_s, "x");
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.startsWith(u"cannot write /nonexistent-cx/dir/x.conf"_s),
             qPrintable(written.error().message));
}

void tst_ConfigFileWriter::serviceCannotReadNamesWhy()
{
    // "nogroup" stands for the service's group: no user of that name, and not the group of
    // the files made here, so only their "others" bits speak for it (or, as root, its own).
    const QString group = u"nogroup"_s;
    const struct group *service = ::getgrnam("nogroup");
    if (!service || ::getpwnam("nogroup") || ::getegid() == service->gr_gid)
        QSKIP("needs a group nogroup without a user of that name, not the test's own");
    const gid_t serviceGid = service->gr_gid;
    QTemporaryDir dir;
    const auto enterable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), enterable));
    const QString path = dir.filePath(u"edge.p12"_s);
    QVERIFY(config::writeConfigFile(path, "keystore", QString()).ok());

    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString why = config::serviceCannotRead(path, group);
    QVERIFY2(why.startsWith(path + u" is 0600 ")
                 && why.endsWith(u"the group nogroup may not read it"),
             qPrintable(why));
    QVERIFY(QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QCOMPARE(config::serviceCannotRead(path, group), QString());
    // A folder it may not enter hides a readable file.
    QVERIFY(QFile::setPermissions(
        dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QVERIFY2(config::serviceCannotRead(path, group).contains(u"may not enter it"),
             qPrintable(config::serviceCannotRead(path, group)));
    QVERIFY(QFile::setPermissions(dir.path(), enterable));
    QCOMPARE(config::serviceCannotRead(path, group), QString());
    if (::geteuid() == 0) { // as the package lays it out: root:<group> 0640
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 0, serviceGid), 0);
        QVERIFY(QFile::setPermissions(
            path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        QCOMPARE(config::serviceCannotRead(path, group), QString());
    }
    // Nothing to say where there is no such account, or no such file.
    QCOMPARE(config::serviceCannotRead(path, u"no-such-group-cx"_s), QString());
    QCOMPARE(config::serviceCannotRead(dir.filePath(u"missing"_s), group), QString());
}

void tst_ConfigFileWriter::filesReadByServiceAreTheConfigAndItsFiles()
{
    const QByteArray text
        = "cx-server {\n"
          "  protocol.http-server.ssl.key-store.file = \"/etc/cxserver/edge.p12\"\n"
          "  protocol.http-client.ssl.trust-store.file = \"relative.p12\"\n"
          "  discovery.sasl-jaas-file = \"/etc/cxserver/jaas.conf\"\n"
          "  admin.socket = \"/run/cxserver/cxserver.sock\"\n"
          "}\n";
    QCOMPARE(config::filesReadByService(u"/etc/cxserver/cxserver.conf"_s, text),
             (QStringList {u"/etc/cxserver/cxserver.conf"_s, u"/etc/cxserver/jaas.conf"_s,
                           u"/etc/cxserver/edge.p12"_s}));
    QCOMPARE(config::filesReadByService(u"/x.conf"_s, "cx-server { broken"),
             QStringList {u"/x.conf"_s});
}

QTEST_GUILESS_MAIN(tst_ConfigFileWriter)
#include "tst_configfilewriter.moc"

// socketLocation(): where a bare admin.socket name lives, as cxserver, cxctl and the
// configurator see it (config.md §5), and the folders it refuses.

#include "status/socketlocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using cx::Result;
using namespace cx::status;

class tst_SocketLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathStaysAsItIs();
    void runtimeDirWhenSet();
    void relativeRuntimeDirIgnored();
    void privateFolderCreated();
    void clientCreatesNothing();
    void ownFolderAccepted();
    void unsafeFolderRefused_data();
    void unsafeFolderRefused();
    void currentEnvironment();

private:
    SocketEnvironment environment(const QTemporaryDir &temp, const QString &runtimeDir = {}) const
    {
        return SocketEnvironment {
            .runtimeDir = runtimeDir, .tempDir = temp.path(), .uid = uint(::geteuid())};
    }
    static QString folder(const QTemporaryDir &temp)
    {
        return temp.filePath(u"cxserver-%1"_s.arg(::geteuid()));
    }
};

void tst_SocketLocation::pathStaysAsItIs()
{
    QTemporaryDir temp;
    for (const SocketUse use : {SocketUse::Listen, SocketUse::Connect}) {
        const Result<QString> location
            = socketLocation(u"/run/cxserver/cxserver.sock"_s, use, environment(temp));
        QVERIFY(location);
        QCOMPARE(location.value(), u"/run/cxserver/cxserver.sock"_s);
        QCOMPARE(socketLocation(u"run/x.sock"_s, use, environment(temp)).value(), u"run/x.sock"_s);
    }
    QVERIFY(!QFileInfo::exists(folder(temp)));
}

void tst_SocketLocation::runtimeDirWhenSet()
{
    QTemporaryDir temp;
    QTemporaryDir runtime;
    for (const SocketUse use : {SocketUse::Listen, SocketUse::Connect}) {
        const Result<QString> location
            = socketLocation(u"cxserver"_s, use, environment(temp, runtime.path()));
        QVERIFY(location);
        QCOMPARE(location.value(), runtime.filePath(u"cxserver"_s));
    }
    QVERIFY(!QFileInfo::exists(folder(temp)));
}

void tst_SocketLocation::relativeRuntimeDirIgnored()
{
    QTemporaryDir temp;
    const Result<QString> location
        = socketLocation(u"cxserver"_s, SocketUse::Listen, environment(temp, u"run/user"_s));
    QVERIFY(location);
    QCOMPARE(location.value(), QDir(folder(temp)).filePath(u"cxserver"_s));
}

void tst_SocketLocation::privateFolderCreated()
{
    QTemporaryDir temp;
    const Result<QString> location
        = socketLocation(u"cxserver"_s, SocketUse::Listen, environment(temp));
    QVERIFY2(location, qPrintable(location ? QString() : location.error().message));
    QCOMPARE(location.value(), QDir(folder(temp)).filePath(u"cxserver"_s));
    struct stat info
    {
    };
    QCOMPARE(::lstat(QFile::encodeName(folder(temp)).constData(), &info), 0);
    QVERIFY(S_ISDIR(info.st_mode));
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(info.st_uid, ::geteuid());
    // The client agrees.
    QCOMPARE(socketLocation(u"cxserver"_s, SocketUse::Connect, environment(temp)).value(),
             location.value());
}

void tst_SocketLocation::clientCreatesNothing()
{
    QTemporaryDir temp;
    const Result<QString> location
        = socketLocation(u"cxserver"_s, SocketUse::Connect, environment(temp));
    QVERIFY(location);
    QCOMPARE(location.value(), QDir(folder(temp)).filePath(u"cxserver"_s));
    QVERIFY(!QFileInfo::exists(folder(temp)));
}

void tst_SocketLocation::ownFolderAccepted()
{
    QTemporaryDir temp;
    QVERIFY(QDir().mkdir(folder(temp)));
    QCOMPARE(::chmod(QFile::encodeName(folder(temp)).constData(), 0755), 0);
    QVERIFY(socketLocation(u"cxserver"_s, SocketUse::Listen, environment(temp)));
}

void tst_SocketLocation::unsafeFolderRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("why");
    QTest::addRow("mode 0777") << u"0777"_s << u"others may write to it (mode 0777)"_s;
    QTest::addRow("group-writable") << u"0770"_s << u"others may write to it (mode 0770)"_s;
    QTest::addRow("another user's") << u"foreign"_s << u"belongs to user id"_s;
    QTest::addRow("symbolic link") << u"link"_s << u"not a folder"_s;
    QTest::addRow("a file") << u"file"_s << u"not a folder"_s;
}

void tst_SocketLocation::unsafeFolderRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, why);
    QTemporaryDir temp;
    const QString path = folder(temp);
    const QByteArray native = QFile::encodeName(path);
    SocketEnvironment env = environment(temp);
    if (kind == u"link") {
        QVERIFY(QDir().mkdir(temp.filePath(u"elsewhere"_s)));
        QVERIFY(QFile::link(temp.filePath(u"elsewhere"_s), path));
    } else if (kind == u"file") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else {
        QVERIFY(QDir().mkdir(path));
        if (kind == u"foreign") {
            // Made by "someone else": as root, really; otherwise this process poses as
            // another user.
            if (::geteuid() == 0)
                QCOMPARE(::chown(native.constData(), 65534, 65534), 0);
            else
                env.uid = ::geteuid() + 1;
            QCOMPARE(::chmod(native.constData(), 0700), 0);
        } else {
            QCOMPARE(::chmod(native.constData(), kind.toUInt(nullptr, 8)), 0);
        }
    }
    for (const SocketUse use : {SocketUse::Listen, SocketUse::Connect}) {
        const Result<QString> location = socketLocation(u"cxserver"_s, use, env);
        QVERIFY(!location);
        const QString message = location.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(why), qPrintable(message));
        QVERIFY2(message.contains(u"admin.socket"_s), qPrintable(message));
    }
}

void tst_SocketLocation::currentEnvironment()
{
    qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
    SocketEnvironment env = SocketEnvironment::current();
    QCOMPARE(env.runtimeDir, u"/run/user/4242"_s);
    QCOMPARE(env.uid, uint(::geteuid()));
    QCOMPARE(env.tempDir, QDir::tempPath());
    qunsetenv("XDG_RUNTIME_DIR");
    env = SocketEnvironment::current();
    QVERIFY(env.runtimeDir.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SocketLocation)
#include "tst_socketlocation.moc"

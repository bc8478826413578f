// Key sources of the data key (cli.md): key file formats and permissions, new key files,
// the order --key-file, --keychain, CXSERVER_KEY_FILE, systemd credential.

#include "secrets/keysource.h"
#include "secrets/valuecipher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace cx::secrets;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KeyText = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content,
                  QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    file.close();
    file.setPermissions(permissions);
    return path;
}

/// Unsets the key-source variables for one test and restores them after.
class CleanEnvironment
{
public:
    CleanEnvironment()
        : m_keyFile(qgetenv("CXSERVER_KEY_FILE"))
        , m_credentials(qgetenv("CREDENTIALS_DIRECTORY"))
    {
        qunsetenv("CXSERVER_KEY_FILE");
        qunsetenv("CREDENTIALS_DIRECTORY");
    }
    ~CleanEnvironment()
    {
        restore("CXSERVER_KEY_FILE", m_keyFile);
        restore("CREDENTIALS_DIRECTORY", m_credentials);
    }

private:
    static void restore(const char *name, const QByteArray &value)
    {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value);
    }

    QByteArray m_keyFile;
    QByteArray m_credentials;
};

/// The same key as KeyText: what a value encrypted under it decrypts to.
bool isKeyText(const DataKey &key)
{
    const DataKey expected = std::move(DataKey::fromBase64(KeyText)).value();
    const QString encrypted = *valuecipher::encrypt(expected, u"k"_s, u"probe"_s);
    const cx::Result<QString> decrypted = valuecipher::decrypt(key, u"k"_s, encrypted);
    return decrypted.ok() && *decrypted == u"probe";
}

} // namespace

class tst_KeySource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFileFormats_data();
    void keyFileFormats();
    void keyFilePermissions_data();
    void keyFilePermissions();
    void createKeyFile();
    void sourceOrder();
    void noSource();
};

void tst_KeySource::keyFileFormats_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("valid");
    QTest::addRow("base64") << KeyText << true;
    QTest::addRow("base64 and newline") << KeyText + '\n' << true;
    QTest::addRow("base64 and CRLF") << KeyText + "\r\n" << true;
    QTest::addRow("raw 32 bytes") << QByteArray("0123456789abcdef0123456789abcdef") << false;
    QTest::addRow("16 bytes") << QByteArray("MDEyMzQ1Njc4OWFiY2RlZg==") << false;
    QTest::addRow("not base64") << QByteArray("this is not a key at all, no no no!!") << false;
    QTest::addRow("empty") << QByteArray() << false;
}

void tst_KeySource::keyFileFormats()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, valid);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"key"_s, content);
    QVERIFY(!path.isEmpty());
    const cx::Result<DataKey> key = readKeyFile(path);
    QCOMPARE(key.ok(), valid);
    if (valid) {
        QVERIFY(isKeyText(*key));
    } else {
        QVERIFY2(key.error().message.contains(path), qPrintable(key.error().message));
        QVERIFY(key.error().message.contains(u"not a cxserver data key"));
    }
}

void tst_KeySource::keyFilePermissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("0400") << 0400 << true;
    QTest::addRow("0600") << 0600 << true;
    QTest::addRow("0440") << 0440 << false;
    QTest::addRow("0644") << 0644 << false;
    QTest::addRow("0604") << 0604 << false;
    QTest::addRow("0620") << 0620 << false;
}

void tst_KeySource::keyFilePermissions()
{
    QFETCH(int, mode);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"key"_s, KeyText);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    const cx::Result<DataKey> key = readKeyFile(path);
    QCOMPARE(key.ok(), accepted);
    if (!accepted) {
        QVERIFY2(key.error().message.contains(u"may be read by group or others (mode 0"_s
                                              + QString::number(mode, 8) + u')'),
                 qPrintable(key.error().message));
        QVERIFY(key.error().message.contains(u"chmod 400 " + path));
    }
    QVERIFY(readKeyFile(path, false).ok()); // a systemd credential: its directory guards it
}

void tst_KeySource::createKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.key"_s);
    QVERIFY(cx::secrets::createKeyFile(path).ok());
    struct stat status;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
    QCOMPARE(int(status.st_mode & 07777), 0400);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QCOMPARE(content.size(), 45); // 44 base64 characters and a newline
    QVERIFY(readKeyFile(path).ok());

    const cx::Result<void> again = cx::secrets::createKeyFile(path);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(u"refusing to overwrite"));
    QFile reread(path);
    QVERIFY(reread.open(QIODevice::ReadOnly));
    QCOMPARE(reread.readAll(), content);

    const QString other = dir.filePath(u"other.key"_s);
    QVERIFY(cx::secrets::createKeyFile(other).ok());
    QFile second(other);
    QVERIFY(second.open(QIODevice::ReadOnly));
    QVERIFY(second.readAll() != content);
}

void tst_KeySource::sourceOrder()
{
    const CleanEnvironment clean;
    QTemporaryDir dir;
    const QString given = writeFile(dir, u"given.key"_s, KeyText);
    QVERIFY(cx::secrets::createKeyFile(dir.filePath(u"env.key"_s)).ok());
    QVERIFY(QDir(dir.path()).mkdir(u"credentials"_s));
    QVERIFY(cx::secrets::createKeyFile(dir.filePath(u"credentials/cxserver.key"_s)).ok());

    qputenv("CXSERVER_KEY_FILE", QFile::encodeName(dir.filePath(u"env.key"_s)));
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(dir.filePath(u"credentials"_s)));
    cx::Result<LoadedKey> key = loadKey({given, false, u"x.conf"_s});
    QVERIFY(key.ok());
    QCOMPARE(key->source, u"key file "_s + given);
    QVERIFY(isKeyText(key->key));

    key = loadKey({QString(), false, u"x.conf"_s});
    QVERIFY(key.ok());
    QCOMPARE(key->source, u"CXSERVER_KEY_FILE "_s + dir.filePath(u"env.key"_s));

    qunsetenv("CXSERVER_KEY_FILE");
    key = loadKey({QString(), false, u"x.conf"_s});
    QVERIFY(key.ok());
    QCOMPARE(key->source, u"systemd credential "_s + dir.filePath(u"credentials/cxserver.key"_s));
}

void tst_KeySource::noSource()
{
    const CleanEnvironment clean;
    QTemporaryDir dir;
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(dir.path())); // without cxserver.key
    const cx::Result<LoadedKey> key = loadKey({QString(), false, u"x.conf"_s});
    QVERIFY(!key.ok());
    QVERIFY(key.error().message.startsWith(u"no key source"));
}

QTEST_GUILESS_MAIN(tst_KeySource)
#include "tst_keysource.moc"

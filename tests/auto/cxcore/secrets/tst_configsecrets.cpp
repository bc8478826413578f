// Encrypted configuration files (config.md §3): in-place encrypt, decrypt and re-key, and
// reading a file whose secrets are encrypted.

#include "config/configschema.h"
#include "config/hoconparser.h"
#include "secrets/configsecrets.h"
#include "secrets/jaassecrets.h"
#include "secrets/valuecipher.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::secrets;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Plain = "# secrets below\n"
                         "cx-server {\n"
                         "    transport.websockets {\n"
                         "        app-key = \"s3cr3t-app-key\"   // the app key\n"
                         "        platforms = [ \"ws://localhost:8080/Thingworx/WS\" ]\n"
                         "    }\n"
                         "    discovery.auth { scheme = digest, credentials = \"zk:pässwörd\" }\n"
                         "    protocol.http-client.ssl.trust-store {\n"
                         "        file = \"trust.p12\"\n"
                         "        password = \"\"\n"
                         "    }\n"
                         "    protocol.ssl.enabled = false\n"
                         "}\n";

const QStringList Secrets {u"s3cr3t-app-key"_s, u"zk:pässwörd"_s};

DataKey freshKey()
{
    return std::move(DataKey::generate()).value();
}

/// The same key in readErrors_data() and readErrors().
DataKey fixedKey()
{
    return std::move(DataKey::fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")).value();
}

/// A file in dir holding text, and a key file (mode 0400) for key.
struct Files
{
    QString config;
    QString key;
};

Files writeFiles(const QTemporaryDir &dir, const QByteArray &text, const DataKey &key)
{
    Files files {dir.filePath(u"cxserver.conf"_s), dir.filePath(u"cxserver.key"_s)};
    QFile config(files.config);
    QFile keyFile(files.key);
    if (!config.open(QIODevice::WriteOnly) || config.write(text) != text.size()
        || !keyFile.open(QIODevice::WriteOnly) || keyFile.write(key.toBase64()) <= 0)
        return {};
    keyFile.setPermissions(QFile::ReadOwner);
    return files;
}

QString messages(const cx::config::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const cx::config::Diagnostic &d : diagnostics)
        lines.append(d.format());
    return lines.join(u'\n');
}

} // namespace

class tst_ConfigSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encryptDecryptRoundTrip();
    void encryptIsIdempotent();
    void rotate();
    void decryptWithWrongKeyChangesNothing();
    void readEncrypted();
    void readErrors_data();
    void readErrors();
    void plainFileNeedsNoKey();
    void jaasPasswordRoundTrip();
    void readDecryptsTheJaasPassword();
};

void tst_ConfigSecrets::encryptDecryptRoundTrip()
{
    const DataKey key = freshKey();
    const cx::Result<configsecrets::Rewrite> encrypted
        = configsecrets::encryptText(Plain, u"c.conf"_s, key);
    QVERIFY(encrypted.ok());
    QCOMPARE(encrypted->changed, 3); // the empty trust-store password too
    for (const QString &secret : Secrets)
        QVERIFY(!QString::fromUtf8(encrypted->text).contains(secret));
    QVERIFY(encrypted->text.startsWith("# secrets below\ncx-server {\n"));
    QVERIFY(encrypted->text.contains("\"   // the app key\n"));
    QVERIFY(encrypted->text.contains("        file = \"trust.p12\"\n"));
    QCOMPARE(encrypted->text.count("\"ENC(v1:"), 3);

    const cx::Result<configsecrets::Rewrite> decrypted
        = configsecrets::decryptText(encrypted->text, u"c.conf"_s, key);
    QVERIFY(decrypted.ok());
    QCOMPARE(decrypted->changed, 3);
    // Unquoted secrets come back quoted; every quoted one byte for byte.
    QCOMPARE(decrypted->text, Plain);
}

void tst_ConfigSecrets::encryptIsIdempotent()
{
    const DataKey key = freshKey();
    const QByteArray once = configsecrets::encryptText(Plain, u"c.conf"_s, key)->text;
    const cx::Result<configsecrets::Rewrite> twice
        = configsecrets::encryptText(once, u"c.conf"_s, key);
    QVERIFY(twice.ok());
    QCOMPARE(twice->changed, 0);
    QCOMPARE(twice->text, once);
}

void tst_ConfigSecrets::rotate()
{
    const DataKey oldKey = freshKey();
    const DataKey newKey = freshKey();
    const QByteArray encrypted = configsecrets::encryptText(Plain, u"c.conf"_s, oldKey)->text;
    const cx::Result<configsecrets::Rewrite> rotated
        = configsecrets::rotateText(encrypted, u"c.conf"_s, oldKey, newKey);
    QVERIFY(rotated.ok());
    QCOMPARE(rotated->changed, 3);
    QVERIFY(!configsecrets::decryptText(rotated->text, u"c.conf"_s, oldKey).ok());
    QCOMPARE(configsecrets::decryptText(rotated->text, u"c.conf"_s, newKey)->text, Plain);
}

void tst_ConfigSecrets::decryptWithWrongKeyChangesNothing()
{
    const QByteArray encrypted = configsecrets::encryptText(Plain, u"c.conf"_s, freshKey())->text;
    const cx::Result<configsecrets::Rewrite> decrypted
        = configsecrets::decryptText(encrypted, u"c.conf"_s, freshKey());
    QVERIFY(!decrypted.ok());
    QVERIFY2(decrypted.error().message.startsWith(u"cx-server."_s),
             qPrintable(decrypted.error().message));
    QVERIFY(decrypted.error().message.contains(u"cannot decrypt"));
}

void tst_ConfigSecrets::readEncrypted()
{
    QTemporaryDir dir;
    const DataKey key = freshKey();
    const Files files
        = writeFiles(dir, configsecrets::encryptText(Plain, u"c.conf"_s, key)->text, key);
    // encryptText bound the values to their keys, not to the file name: any name reads them.
    const configsecrets::LoadedConfigFile file
        = configsecrets::readServerConfigFile(files.config, {files.key, false, files.config});
    QVERIFY2(file.loaded.ok(), qPrintable(messages(file.loaded.diagnostics)));
    QCOMPARE(file.encrypted, 3);
    QCOMPARE(file.keySource, u"key file "_s + files.key);
    QCOMPARE(file.loaded.config.appKey.reveal(), u"s3cr3t-app-key"_s);
    QCOMPARE(file.loaded.config.zooKeeperAuthCredentials.reveal(), u"zk:pässwörd"_s);
    QVERIFY(file.loaded.config.trustStorePassword.isSet());
    QCOMPARE(file.loaded.config.trustStorePassword.reveal(), QString());
}

void tst_ConfigSecrets::readErrors_data()
{
    const QByteArray encrypted = configsecrets::encryptText(Plain, u"c.conf"_s, fixedKey())->text;
    const qsizetype start = encrypted.indexOf("\"ENC(v1:") + 1;
    const qsizetype end = encrypted.indexOf('"', start);
    const QByteArray appKeyValue = encrypted.sliced(start, end - start);
    auto withAppKey = [&](const QByteArray &value) {
        QByteArray text = encrypted;
        return text.replace(start, end - start, value);
    };
    QByteArray tampered = appKeyValue;
    tampered[10] = tampered.at(10) == 'A' ? 'B' : 'A';
    QByteArray moved = encrypted;
    moved.replace("app-key = \"ENC", "app-key = \"x\", unused = \"ENC");
    moved.replace("digest", QByteArray("\"" + appKeyValue + "\", old-scheme = digest"));

    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QString>("expected");
    const QString appKey = u":4:19: error: cx-server.transport.websockets.app-key"_s;
    QTest::addRow("missing key source") << encrypted << false
                                        << appKey
            + u" is encrypted and its key cannot be had: "
              "no key source";
    QTest::addRow("tampered") << withAppKey(tampered) << true << appKey + u": cannot decrypt";
    QTest::addRow("truncated") << withAppKey(appKeyValue.first(30)) << true
                               << appKey + u": the encrypted value is truncated";
    QTest::addRow("unknown version") << withAppKey("ENC(v2:" + appKeyValue.sliced(7)) << true
                                     << appKey
            + u": the encrypted value has the unknown "
              "format version \"v2\"";
    QTest::addRow("bad base64") << withAppKey("ENC(v1:%%%)") << true
                                << appKey + u": the encrypted value is not valid base64";
    QTest::addRow("not a secret key")
        << moved << true
        << u":7:31: error: cx-server.discovery.auth.scheme: an encrypted value in "
           "a key that is not a secret"_s;
}

void tst_ConfigSecrets::readErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, withKey);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const Files files = writeFiles(dir, text, fixedKey());
    const configsecrets::LoadedConfigFile file = configsecrets::readServerConfigFile(
        files.config, {withKey ? files.key : QString(), false, files.config});
    QVERIFY(!file.loaded.ok());
    const QString found = messages(file.loaded.diagnostics);
    QVERIFY2(found.contains(files.config + expected), qPrintable(found));
    for (const QString &secret : Secrets)
        QVERIFY(!found.contains(secret));
}

void tst_ConfigSecrets::plainFileNeedsNoKey()
{
    QTemporaryDir dir;
    const Files files = writeFiles(dir, Plain, freshKey());
    const configsecrets::LoadedConfigFile file
        = configsecrets::readServerConfigFile(files.config, {QString(), false, files.config});
    QVERIFY2(file.loaded.ok(), qPrintable(messages(file.loaded.diagnostics)));
    QCOMPARE(file.encrypted, 0);
    QVERIFY(file.keySource.isEmpty());
}

namespace {

const QByteArray Jaas = "/* ZooKeeper login */\n"
                        "Client {\n"
                        "  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                        "  username=\"cxserver\"\n"
                        "  password=\"p\\\"w \\\\ d\"; // the one secret\n"
                        "};\n";

} // namespace

void tst_ConfigSecrets::jaasPasswordRoundTrip()
{
    const DataKey key = freshKey();
    const auto encrypted = jaassecrets::encryptText(Jaas, u"jaas.conf"_s, key);
    QVERIFY(encrypted.ok());
    QCOMPARE(encrypted->changed, 1);
    QVERIFY(!encrypted->text.contains("p\\\"w"));
    QVERIFY(encrypted->text.startsWith(
        QByteArray(Jaas.left(Jaas.indexOf("password=") + 9) + "\"ENC(v1:")));
    QVERIFY(encrypted->text.endsWith(")\"; // the one secret\n};\n"));
    QCOMPARE(jaassecrets::encryptText(encrypted->text, u"jaas.conf"_s, key)->changed, 0);

    const DataKey other = freshKey();
    const auto rotated = jaassecrets::rotateText(encrypted->text, u"jaas.conf"_s, key, other);
    QVERIFY(rotated.ok());
    QCOMPARE(rotated->changed, 1);
    QVERIFY(!jaassecrets::decryptText(rotated->text, u"jaas.conf"_s, key).ok());
    const auto decrypted = jaassecrets::decryptText(rotated->text, u"jaas.conf"_s, other);
    QVERIFY(decrypted.ok());
    QCOMPARE(decrypted->text, Jaas); // every byte back, the escapes included

    // A Kerberos file has no password: nothing to do.
    const QByteArray kerberos = "Client { Krb5LoginModule required useKeyTab=true; };";
    QCOMPARE(jaassecrets::encryptText(kerberos, u"k.conf"_s, key)->text, kerberos);
}

void tst_ConfigSecrets::readDecryptsTheJaasPassword()
{
    QTemporaryDir dir;
    const DataKey key = freshKey();
    const QString jaasPath = dir.filePath(u"jaas.conf"_s);
    QFile jaas(jaasPath);
    QVERIFY(jaas.open(QIODevice::WriteOnly));
    jaas.write(jaassecrets::encryptText(Jaas, jaasPath, key)->text);
    jaas.close();
    const QByteArray config = "cx-server {\n"
                              "  transport.websockets.app-key = \"k\"\n"
                              "  transport.websockets.service-discovery.enabled = true\n"
                              "  discovery.connectionString = \"127.0.0.1:2181\"\n"
                              "  discovery.sasl-enabled = true\n"
                              "  discovery.sasl.mechanism = \"DIGEST-MD5\"\n"
                              "  discovery.sasl-jaas-file = \""
        + QFile::encodeName(jaasPath) + "\"\n  protocol.ssl.enabled = false\n}\n";
    const Files files = writeFiles(dir, config, key);
    configsecrets::LoadedConfigFile file
        = configsecrets::readServerConfigFile(files.config, {files.key, false, files.config});
    QVERIFY2(file.loaded.ok(), qPrintable(messages(file.loaded.diagnostics)));
    QCOMPARE(file.encrypted, 1);
    QCOMPARE(file.loaded.config.saslPassword.reveal(), u"p\"w \\ d"_s);

    // Another key: an error at the key naming the JAAS file, never the value.
    const Files wrong = writeFiles(dir, config, freshKey());
    file = configsecrets::readServerConfigFile(wrong.config, {wrong.key, false, wrong.config});
    QVERIFY(!file.loaded.ok());
    const QString message = messages(file.loaded.diagnostics);
    QVERIFY2(message.contains(u"cxserver.conf:7:"_s)
                 && message.contains(u"cx-server.discovery.sasl-jaas-file: "_s + jaasPath),
             qPrintable(message));
    QVERIFY(!message.contains(u"ENC("_s));
}

QTEST_GUILESS_MAIN(tst_ConfigSecrets)
#include "tst_configsecrets.moc"

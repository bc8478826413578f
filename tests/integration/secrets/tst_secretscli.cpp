// Encrypted configuration through the real cxserver binary (cli.md, config.md §3):
// config new-key / encrypt / decrypt / rotate-key, reading encrypted files with every key
// source, and every error.

#include "command.h"
#include "cxservercli.h"
#include "managedprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace cx::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray PlainFile = "# an encrypted cxserver.conf: comments and layout survive\n"
                             "cx-server {\n"
                             "    transport.websockets {\n"
                             "        app-key = \"Zq9-s3cr3t-0123\"   # trailing comment\n"
                             "        platforms = [ \"ws://localhost:8080/Thingworx/WS\" ]\n"
                             "    }\n"
                             "    discovery.auth {\n"
                             "        scheme = digest\n"
                             "        credentials = \"zkuser:zk-passw0rd\"\n"
                             "    }\n"
                             "    protocol.ssl.enabled = false\n"
                             "}\n";

const QStringList Secrets {u"Zq9-s3cr3t-0123"_s, u"zkuser:zk-passw0rd"_s};
const QString AppKey = u"cx-server.transport.websockets.app-key"_s;

int modeOf(const QString &path)
{
    struct stat status;
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777)
                                                                     : -1;
}

/// The first substring of length 6 of a secret that text contains; empty when none.
QString leakedPart(const QByteArray &text)
{
    const QString content = QString::fromUtf8(text);
    for (const QString &secret : Secrets) {
        for (qsizetype i = 0; i + 6 <= secret.size(); ++i) {
            if (content.contains(secret.sliced(i, 6)))
                return secret.sliced(i, 6);
        }
    }
    return QString();
}

} // namespace

class tst_SecretsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newKey();
    void encryptCheckDumpDecrypt();
    void rotateKey();
    void jaasPasswordIsCovered();
    void errors_data();
    void errors();
    void keyFileReadableByOthers();
    void environmentKeyFile();
    void systemdCredential();
    void keychain();

private:
    /// Writes PlainFile (or text) as cxserver.conf in the test's folder; returns its path.
    QString writeConfig(const QByteArray &text = PlainFile);
    /// A fresh key file made by `config new-key`.
    QString newKeyFile(const QString &name = u"cxserver.key"_s);
    /// Writes PlainFile and encrypts it under a fresh key file; returns both paths.
    std::pair<QString, QString> encryptedConfig();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_SecretsCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_SecretsCli::writeConfig(const QByteArray &text)
{
    const QString path = m_dir->filePath(u"cxserver.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString tst_SecretsCli::newKeyFile(const QString &name)
{
    const QString path = m_dir->filePath(name);
    const CommandResult made = runCxserver({u"config"_s, u"new-key"_s, u"--key-file"_s, path});
    if (made.exitCode != 0)
        qFatal("config new-key failed: %s", made.describe().constData());
    return path;
}

std::pair<QString, QString> tst_SecretsCli::encryptedConfig()
{
    const QString config = writeConfig();
    const QString key = newKeyFile();
    const CommandResult encrypted
        = runCxserver({u"config"_s, u"encrypt"_s, config, u"--key-file"_s, key});
    if (encrypted.exitCode != 0)
        qFatal("config encrypt failed: %s", encrypted.describe().constData());
    return {config, key};
}

void tst_SecretsCli::newKey()
{
    const QString path = m_dir->filePath(u"cxserver.key"_s);
    const CommandResult made = runCxserver({u"config"_s, u"new-key"_s, u"--key-file"_s, path});
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    QCOMPARE(modeOf(path), 0400);
    const QByteArray key = readFile(path);
    QCOMPARE(key.size(), 45);
    QCOMPARE(QByteArray::fromBase64(key.trimmed()).size(), 32);
    QVERIFY(!made.out.contains(key.trimmed()) && !made.err.contains(key.trimmed()));

    const CommandResult again = runCxserver({u"config"_s, u"new-key"_s, u"--key-file"_s, path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("refusing to overwrite"), again.describe().constData());
    QCOMPARE(readFile(path), key);

    const CommandResult usage = runCxserver({u"config"_s, u"new-key"_s});
    QCOMPARE(usage.exitCode, 1);
}

void tst_SecretsCli::encryptCheckDumpDecrypt()
{
    const QString config = writeConfig();
    QVERIFY(QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QString key = newKeyFile();

    const CommandResult encrypted
        = runCxserver({u"config"_s, u"encrypt"_s, config, u"--key-file"_s, key});
    QVERIFY2(encrypted.exitCode == 0, encrypted.describe().constData());
    QVERIFY2(encrypted.out.contains("2 secrets encrypted"), encrypted.describe().constData());
    const QByteArray text = readFile(config);
    QCOMPARE(text.count("\"ENC(v1:"), 2);
    QVERIFY2(leakedPart(text).isEmpty(), qPrintable(leakedPart(text)));
    QCOMPARE(modeOf(config), 0640);
    // Every line without a secret is untouched.
    const QList<QByteArray> before = PlainFile.split('\n');
    const QList<QByteArray> after = text.split('\n');
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (i != 3 && i != 8)
            QCOMPARE(after.at(i), before.at(i));
    }
    QVERIFY(after.at(3).endsWith("\"   # trailing comment"));

    const CommandResult checked
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, key});
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    QCOMPARE(checked.out,
             QString(config + u": configuration OK\nsecrets: 2 encrypted, key from key file " + key
                     + u'\n')
                 .toUtf8());

    const CommandResult dumped
        = runCxserver({u"--config"_s, config, u"--dump-config"_s, u"--key-file"_s, key});
    QVERIFY2(dumped.exitCode == 0, dumped.describe().constData());
    const QJsonObject json = QJsonDocument::fromJson(dumped.out).object();
    const QJsonObject root = json.value(u"cx-server").toObject();
    QCOMPARE(root.value(u"transport").toObject().value(u"websockets").toObject().value(u"app-key"),
             u"***"_s);
    QCOMPARE(root.value(u"discovery").toObject().value(u"auth").toObject().value(u"credentials"),
             u"***"_s);
    QVERIFY(leakedPart(dumped.out + dumped.err + checked.err).isEmpty());

    const CommandResult decrypted
        = runCxserver({u"config"_s, u"decrypt"_s, config, u"--key-file"_s, key});
    QVERIFY2(decrypted.exitCode == 0, decrypted.describe().constData());
    QCOMPARE(readFile(config), PlainFile);
    QCOMPARE(modeOf(config), 0640);
}

void tst_SecretsCli::rotateKey()
{
    const auto [config, oldKey] = encryptedConfig();
    const QString newKey = newKeyFile(u"new.key"_s);
    const QByteArray before = readFile(config);
    const CommandResult rotated
        = runCxserver({u"config"_s, u"rotate-key"_s, config, u"--key-file"_s, oldKey,
                       u"--new-key-file"_s, newKey});
    QVERIFY2(rotated.exitCode == 0, rotated.describe().constData());
    QVERIFY(readFile(config) != before);
    QVERIFY(leakedPart(readFile(config)).isEmpty());

    const CommandResult withOld
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, oldKey});
    QCOMPARE(withOld.exitCode, 1);
    QVERIFY2(withOld.err.contains(QByteArray(AppKey.toUtf8() + ": cannot decrypt")),
             withOld.describe().constData());
    const CommandResult withNew
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, newKey});
    QVERIFY2(withNew.exitCode == 0, withNew.describe().constData());

    const CommandResult noNewKey
        = runCxserver({u"config"_s, u"rotate-key"_s, config, u"--key-file"_s, newKey});
    QCOMPARE(noNewKey.exitCode, 1);
    QVERIFY(noNewKey.err.contains("--new-key-file"));
}

void tst_SecretsCli::jaasPasswordIsCovered()
{
    const QString jaasPath = m_dir->filePath(u"zookeeper-jaas.conf"_s);
    const QByteArray jaas = "Client {\n"
                            "  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                            "  username=\"cxserver\" password=\"Jaas-passw0rd-9\";\n"
                            "};\n";
    QFile jaasFile(jaasPath);
    QVERIFY(jaasFile.open(QIODevice::WriteOnly) && jaasFile.write(jaas) == jaas.size());
    jaasFile.close();
    QVERIFY(
        QFile::setPermissions(jaasPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QString config
        = writeConfig("cx-server {\n"
                      "  transport.websockets.app-key = \"Zq9-s3cr3t-0123\"\n"
                      "  transport.websockets.service-discovery.enabled = true\n"
                      "  discovery.connectionString = \"127.0.0.1:2181\"\n"
                      "  discovery.sasl-enabled = true\n"
                      "  discovery.sasl.mechanism = \"DIGEST-MD5\"\n"
                      "  discovery.sasl-jaas-file = \""
                      + QFile::encodeName(jaasPath) + "\"\n  protocol.ssl.enabled = false\n}\n");
    const QString key = newKeyFile();

    const CommandResult encrypted
        = runCxserver({u"config"_s, u"encrypt"_s, config, u"--key-file"_s, key});
    QVERIFY2(encrypted.exitCode == 0, encrypted.describe().constData());
    QVERIFY2(
        encrypted.out.contains(QByteArray(QFile::encodeName(jaasPath) + ": 1 secret encrypted")),
        encrypted.describe().constData());
    const QByteArray encryptedJaas = readFile(jaasPath);
    QVERIFY(!encryptedJaas.contains("Jaas-passw0rd-9"));
    QVERIFY(encryptedJaas.contains("password=\"ENC(v1:"));
    QCOMPARE(modeOf(jaasPath), 0640);

    const CommandResult checked
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, key});
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    QVERIFY2(checked.out.contains("secrets: 2 encrypted"), checked.describe().constData());
    QVERIFY(!checked.out.contains("Jaas-passw0rd-9") && !checked.err.contains("Jaas-passw0rd-9"));

    const CommandResult decrypted
        = runCxserver({u"config"_s, u"decrypt"_s, config, u"--key-file"_s, key});
    QVERIFY2(decrypted.exitCode == 0, decrypted.describe().constData());
    QCOMPARE(readFile(jaasPath), jaas);
}

void tst_SecretsCli::errors_data()
{
    QTest::addColumn<QByteArray>("from"); // replaced in the encrypted file...
    QTest::addColumn<QByteArray>("to"); // ...by this
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("missing key source") << QByteArray() << QByteArray() << false
                                        << QByteArray(" is encrypted and its key cannot be had: "
                                                      "no key source");
    QTest::addRow("wrong key") << QByteArray() << QByteArray("wrong") << true
                               << QByteArray(": cannot decrypt: wrong key");
    QTest::addRow("tampered") << QByteArray("ENC(v1:") << QByteArray("ENC(v1:AAAA") << true
                              << QByteArray(": cannot decrypt");
    QTest::addRow("truncated") << QByteArray(")\"   #") << QByteArray("\"   #") << true
                               << QByteArray(": the encrypted value is truncated");
    QTest::addRow("unknown version") << QByteArray("ENC(v1:") << QByteArray("ENC(v2:") << true
                                     << QByteArray(": the encrypted value has the unknown format "
                                                   "version \"v2\"");
    QTest::addRow("bad base64") << QByteArray("ENC(v1:") << QByteArray("ENC(v1:*") << true
                                << QByteArray(": the encrypted value is not valid base64");
}

void tst_SecretsCli::errors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(bool, withKey);
    QFETCH(QByteArray, expected);
    auto [config, key] = encryptedConfig();
    if (to == "wrong")
        key = newKeyFile(u"other.key"_s);
    else if (!from.isEmpty())
        writeConfig(readFile(config).replace(readFile(config).indexOf(from), from.size(), to));
    const QByteArray damaged = readFile(config);

    for (const QString &mode : {u"--check-config"_s, u"--dump-config"_s, QString()}) {
        QStringList args {u"--config"_s, config};
        if (!mode.isEmpty())
            args.append(mode);
        if (withKey)
            args += {u"--key-file"_s, key};
        const CommandResult result = runCxserver(args);
        QVERIFY2(result.exitCode == 1, result.describe().constData());
        QVERIFY2(result.err.contains(
                     QByteArray(config.toUtf8() + ":4:19: error: " + AppKey.toUtf8() + expected)),
                 result.describe().constData());
        QVERIFY(result.out.isEmpty());
        QVERIFY(leakedPart(result.err).isEmpty());
    }
    if (withKey && to != "wrong") {
        const CommandResult decrypted
            = runCxserver({u"config"_s, u"decrypt"_s, config, u"--key-file"_s, key});
        QCOMPARE(decrypted.exitCode, 1);
        QVERIFY2(decrypted.err.contains(QByteArray(AppKey.toUtf8() + expected)),
                 decrypted.describe().constData());
        QCOMPARE(readFile(config), damaged);
    }
}

void tst_SecretsCli::keyFileReadableByOthers()
{
    const auto [config, key] = encryptedConfig();
    QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const CommandResult checked
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, key});
    QCOMPARE(checked.exitCode, 1);
    QVERIFY2(checked.err.contains(QByteArray(AppKey.toUtf8()
                                             + " is encrypted and its key cannot be had: "
                                               "the key file "
                                             + key.toUtf8()
                                             + " may be read by group or others (mode 0444)")),
             checked.describe().constData());
    const CommandResult decrypted
        = runCxserver({u"config"_s, u"decrypt"_s, config, u"--key-file"_s, key});
    QCOMPARE(decrypted.exitCode, 1);
    QVERIFY2(decrypted.err.contains("chmod 400"), decrypted.describe().constData());
}

void tst_SecretsCli::environmentKeyFile()
{
    const auto [config, key] = encryptedConfig();
    const CommandResult checked = runCxserver({u"--config"_s, config, u"--check-config"_s},
                                              cliOptions({{u"CXSERVER_KEY_FILE"_s, key}}));
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    QVERIFY2(checked.out.contains(QByteArray("key from CXSERVER_KEY_FILE " + key.toUtf8())),
             checked.describe().constData());

    // --key-file comes first.
    const QString other = newKeyFile(u"other.key"_s);
    const CommandResult overridden
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--key-file"_s, other},
                      cliOptions({{u"CXSERVER_KEY_FILE"_s, key}}));
    QCOMPARE(overridden.exitCode, 1);
}

void tst_SecretsCli::systemdCredential()
{
    const auto [config, key] = encryptedConfig();
    const QString credentials = m_dir->filePath(u"credentials"_s);
    QVERIFY(QDir().mkpath(credentials));
    QVERIFY(QFile::copy(key, credentials + u"/cxserver.key"));
    const CommandResult checked
        = runCxserver({u"--config"_s, config, u"--check-config"_s},
                      cliOptions({{u"CREDENTIALS_DIRECTORY"_s, credentials}}));
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    QVERIFY2(checked.out.contains(QByteArray("key from systemd credential " + credentials.toUtf8()
                                             + "/cxserver.key")),
             checked.describe().constData());

    // CXSERVER_KEY_FILE comes before the credential.
    const QString other = newKeyFile(u"other.key"_s);
    const CommandResult overridden = runCxserver(
        {u"--config"_s, config, u"--check-config"_s},
        cliOptions({{u"CREDENTIALS_DIRECTORY"_s, credentials}, {u"CXSERVER_KEY_FILE"_s, other}}));
    QCOMPARE(overridden.exitCode, 1);
}

void tst_SecretsCli::keychain()
{
    // A real Secret Service: a private D-Bus session bus and gnome-keyring-daemon on it,
    // unlocked with a throwaway password, its keyrings in the test's folder. Both end when
    // the bus is stopped.
    const QString dbusDaemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    const QString keyringDaemon = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
    if (dbusDaemon.isEmpty() || keyringDaemon.isEmpty())
        QSKIP("needs dbus-daemon and gnome-keyring-daemon (Debian: dbus, gnome-keyring)");
    ManagedProcess bus(u"dbus-daemon"_s);
    QVERIFY(bus.start(dbusDaemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s}));
    const QRegularExpressionMatch address = bus.waitForLine(QRegularExpression(u"^(unix:.*)$"_s));
    QVERIFY2(address.hasMatch(), bus.log().constData());

    RunOptions o = cliOptions({{u"DBUS_SESSION_BUS_ADDRESS"_s, address.captured(1)},
                               {u"HOME"_s, m_dir->path()},
                               {u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s)},
                               {u"XDG_RUNTIME_DIR"_s, m_dir->path()}});
    RunOptions unlock = o;
    unlock.input = "throwaway-test-password";
    const CommandResult keyring = runCommand(
        keyringDaemon, {u"--daemonize"_s, u"--unlock"_s, u"--components=secrets"_s}, unlock);
    QVERIFY2(keyring.exitCode == 0, keyring.describe().constData());

    const QString config = writeConfig();
    const CommandResult noEntry
        = runCxserver({u"config"_s, u"encrypt"_s, config, u"--keychain"_s}, o);
    QCOMPARE(noEntry.exitCode, 1);
    QVERIFY2(noEntry.err.contains(QByteArray("the OS keychain has no key for " + config.toUtf8())),
             noEntry.describe().constData());

    const CommandResult made = runCxserver({u"config"_s, u"new-key"_s, u"--keychain"_s, config}, o);
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    const CommandResult again
        = runCxserver({u"config"_s, u"new-key"_s, u"--keychain"_s, config}, o);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("refusing to overwrite"), again.describe().constData());

    const CommandResult encrypted
        = runCxserver({u"config"_s, u"encrypt"_s, config, u"--keychain"_s}, o);
    QVERIFY2(encrypted.exitCode == 0, encrypted.describe().constData());
    QVERIFY(leakedPart(readFile(config)).isEmpty());
    const CommandResult checked
        = runCxserver({u"--config"_s, config, u"--check-config"_s, u"--keychain"_s}, o);
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    QVERIFY2(checked.out.contains(
                 QByteArray("secrets: 2 encrypted, key from OS keychain entry " + config.toUtf8())),
             checked.describe().constData());
    const CommandResult decrypted
        = runCxserver({u"config"_s, u"decrypt"_s, config, u"--keychain"_s}, o);
    QVERIFY2(decrypted.exitCode == 0, decrypted.describe().constData());
    QCOMPARE(readFile(config), PlainFile);
    QCOMPARE(bus.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_SecretsCli)
#include "tst_secretscli.moc"

// The cxserver command line (cli.md), run as a real process.

#include "command.h"
#include "config/configschema.h"
#include "config/hoconparser.h"
#include "cxservercli.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::test;
using namespace Qt::StringLiterals;

namespace {

/// The value at a dotted path of a JSON document's "cx-server" object.
QJsonValue at(const QJsonDocument &json, const QString &path)
{
    QJsonValue v = json.object().value(u"cx-server");
    for (const QString &key : path.split(u'.'))
        v = v.toObject().value(key);
    return v;
}

/// True when every line of before appears in after, in the same order.
bool keepsLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> kept = before.split('\n');
    const QList<QByteArray> now = after.split('\n');
    qsizetype j = 0;
    for (const QByteArray &line : kept) {
        while (j < now.size() && now.at(j) != line)
            ++j;
        if (j == now.size())
            return false;
        ++j;
    }
    return true;
}

const QByteArray EditableFile = "# cxserver test file: comments and layout must survive\n"
                                "cx-server {\n"
                                "    // the platform\n"
                                "    transport.websockets {\n"
                                "        app-key = \"old-key\"   # trailing comment\n"
                                "        platforms = [ \"ws://localhost:8080/Thingworx/WS\" ]\n"
                                "        connections {\n"
                                "            pipe-count = 5 # five pipes\n"
                                "        }\n"
                                "    }\n"
                                "\n"
                                "    protocol.ssl.enabled = false\n"
                                "}\n";

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void samples_data();
    void samples();
    void haSampleListsEveryKey();
    void syntaxError();
    void typeError();
    void unknownKey();
    void hostileConfigRefused();
    void dumpConfig();
    void dumpConfigRefusesErrors();
    void configSet_data();
    void configSet();
    void configSetRejects_data();
    void configSetRejects();
    void configSetMissingFile();
    void version();
    void help();
    void missingFile();
    void noConfig();
    void environmentVariable();

private:
    /// Writes text to NAME in a fresh temporary folder; returns its path.
    QString writeFile(const QByteArray &text, const QString &name = u"cxserver.conf"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Cli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_Cli::writeFile(const QByteArray &text, const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_Cli::samples_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QStringList>("placeholders");
    QTest::addRow("single platform") << sourcePath(u"installer/conf/cxserver-sample.conf"_s)
                                     << QStringList {u"transport.websockets.app-key"_s};
    QTest::addRow("HA cluster") << sourcePath(u"installer/conf/cxserver-ha-sample.conf"_s)
                                << QStringList {u"transport.websockets.app-key"_s,
                                                u"discovery.connectionString"_s,
                                                u"protocol.http-server.ssl.key-store.password"_s};
}

void tst_Cli::samples()
{
    QFETCH(QString, sample);
    QFETCH(QStringList, placeholders);

    // Valid as shipped, and every value an operator must replace is named (a warning).
    const CommandResult r = runCxserver({u"--config"_s, sample, u"--check-config"_s});
    QVERIFY2(r.exitCode == 0 && !r.crashed, r.describe().constData());
    const QStringList lines = QString::fromUtf8(r.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), placeholders.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QVERIFY2(lines.at(i).contains(u": warning: cx-server."_s + placeholders.at(i) + u": "),
                 qPrintable(lines.at(i)));
        QVERIFY(lines.at(i).endsWith(u"is a placeholder of the shipped sample; replace it with "
                                     "your own"_s));
    }
    QCOMPARE(r.out,
             sample.toLocal8Bit() + ": configuration OK (" + QByteArray::number(placeholders.size())
                 + (placeholders.size() == 1 ? " warning)\n" : " warnings)\n"));
}

void tst_Cli::haSampleListsEveryKey()
{
    const cx::config::ParseResult parsed
        = cx::config::parseHoconFile(sourcePath(u"installer/conf/cxserver-ha-sample.conf"_s));
    QVERIFY(parsed.root);
    for (const cx::config::schema::KeySpec &key : cx::config::schema::keys()) {
        const QStringList path = QStringList {u"cx-server"_s} + key.path.split(u'.');
        QVERIFY2(parsed.root->find(path), qPrintable(key.path));
    }
}

void tst_Cli::syntaxError()
{
    const QString path = writeFile("cx-server {\n  protocol.port = 8443\n  health.port = ]\n}\n");
    const CommandResult r = runCxserver({u"--config"_s, path, u"--check-config"_s});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.startsWith(QByteArray(path.toLocal8Bit() + ":3:17: error: ")),
             r.describe().constData());
    QCOMPARE(r.out, QByteArray());
}

void tst_Cli::typeError()
{
    const QString path
        = writeFile("cx-server {\n"
                    "  transport.websockets.app-key = \"k\"\n"
                    "  transport.websockets.platforms = [\"ws://p:8080/Thingworx/WS\"]\n"
                    "  protocol.ssl.enabled = false\n"
                    "  transport.websockets.connections.pipe-count = \"five\"\n"
                    "}\n");
    const CommandResult r = runCxserver({u"--config"_s, path, u"--check-config"_s});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QCOMPARE(r.err,
             path.toLocal8Bit()
                 + ":5:49: error: cx-server.transport.websockets.connections.pipe-count: \"five\" "
                   "is not a number; expected an integer from 1 to 256\n");
}

void tst_Cli::unknownKey()
{
    const QString path
        = writeFile("cx-server {\n"
                    "  transport.websockets.app-key = \"k\"\n"
                    "  transport.websockets.platforms = [\"ws://p:8080/Thingworx/WS\"]\n"
                    "  protocol.ssl.enabled = false\n"
                    "  protocol.prot = 9000\n"
                    "}\n");
    const CommandResult r = runCxserver({u"--config"_s, path, u"--check-config"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.err,
             path.toLocal8Bit()
                 + ":5:19: warning: unknown key cx-server.protocol.prot; did you mean "
                   "cx-server.protocol.port?\n");
    QCOMPARE(r.out, path.toLocal8Bit() + ": configuration OK (1 warning)\n");
}

/// Documents that crashed or hung --check-config (hoconlimits.h) get a FILE:LINE:COL error.
void tst_Cli::hostileConfigRefused()
{
    QByteArray fanOut = "cx-server {\n  a0 = {x = 1, y = 2}\n";
    for (int i = 1; i <= 60; ++i) {
        const QByteArray below = "${cx-server.a" + QByteArray::number(i - 1) + '}';
        fanOut += "  a" + QByteArray::number(i) + " = {p = " + below + ", q = " + below + "}\n";
    }
    fanOut += "}\n";
    const QList<std::pair<QByteArray, QByteArray>> hostile {
        {"cx-server" + QByteArray(".a").repeated(100000) + " = 1\n",
         ":1:1: error: values are nested more than"},
        {fanOut, ":16:36: error: substitutions expand to more than"},
    };
    for (const auto &[text, error] : hostile) {
        const QString path = writeFile(text);
        const CommandResult r = runCxserver({u"--config"_s, path, u"--check-config"_s});
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(r.err.startsWith(QByteArray(path.toLocal8Bit() + error)),
                 r.describe().constData());
    }
}

void tst_Cli::dumpConfig()
{
    const QString path
        = writeFile("cx-server {\n"
                    "  transport.websockets.app-key = \"S3CR3T-app-key\"\n"
                    "  transport.websockets.platforms = [\"ws://p:8080/Thingworx/WS\"]\n"
                    "  transport.websockets.connections.pipe-count = \"6\"\n"
                    "  protocol.http-server.ssl.key-store.file = ks.p12\n"
                    "  protocol.http-server.ssl.key-store.password = \"S3CR3T-password\"\n"
                    "}\n"
                    "other = 1.50\n");
    const CommandResult r = runCxserver({u"--config"_s, path, u"--dump-config"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.err, QByteArray());
    QVERIFY(!r.out.contains("S3CR3T"));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.object().value(u"other").toDouble(), 1.5);
    QCOMPARE(at(json, u"transport.websockets.app-key"_s), QJsonValue(u"***"_s));
    QCOMPARE(at(json, u"protocol.http-server.ssl.key-store.password"_s), QJsonValue(u"***"_s));
    QVERIFY(at(json, u"protocol.http-client.ssl.trust-store.password"_s).isNull());
    // Values keep their HOCON type; every default is there.
    QCOMPARE(at(json, u"transport.websockets.connections.pipe-count"_s), QJsonValue(u"6"_s));
    QCOMPARE(at(json, u"transport.websockets.connections.highWaterMark"_s), QJsonValue(u"64k"_s));
    QCOMPARE(at(json, u"protocol.port"_s), QJsonValue(8443));
    QCOMPARE(at(json, u"discovery.plugin"_s), QJsonValue(u"static"_s));
    QVERIFY(at(json, u"discovery.connectionString"_s).isNull());
    for (const cx::config::schema::KeySpec &key : cx::config::schema::keys())
        QVERIFY2(!at(json, key.path).isUndefined(), qPrintable(key.path));
}

void tst_Cli::dumpConfigRefusesErrors()
{
    const QString path = writeFile("cx-server { protocol.port = 70000 }\n");
    const CommandResult r = runCxserver({u"--config"_s, path, u"--dump-config"_s});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(r.err.contains("cx-server.protocol.port: 70000 is out of range"),
             r.describe().constData());
}

void tst_Cli::configSet_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("changedLine"); ///< the new text of the key's line, if it has one
    QTest::addColumn<QJsonValue>("dumped"); ///< the key's value in --dump-config afterwards

    QTest::addRow("int") << u"transport.websockets.connections.pipe-count"_s << u"7"_s
                         << QByteArray("            pipe-count = 7 # five pipes") << QJsonValue(7);
    QTest::addRow("prefixed string key")
        << u"cx-server.transport.websockets.app-key"_s << u"new \"key\""_s
        << QByteArray("        app-key = \"new \\\"key\\\"\"   # trailing comment")
        << QJsonValue(u"***"_s);
    QTest::addRow("list") << u"transport.websockets.platforms"_s
                          << u"[\"ws://a:1/Thingworx/WS\", \"wss://b:2/Thingworx/WS\"]"_s
                          << QByteArray("        platforms = "
                                        "[\"ws://a:1/Thingworx/WS\",\"wss://b:2/Thingworx/WS\"]")
                          << QJsonValue(QJsonArray {u"ws://a:1/Thingworx/WS"_s,
                                                    u"wss://b:2/Thingworx/WS"_s});
    QTest::addRow("bool") << u"protocol.ssl.enabled"_s << u"off"_s
                          << QByteArray("    protocol.ssl.enabled = off") << QJsonValue(u"off"_s);
    QTest::addRow("absent duration") << u"transport.websockets.connections.pingRate"_s << u"45s"_s
                                     << QByteArray() << QJsonValue(u"45s"_s);
    QTest::addRow("absent size with a space")
        << u"transport.websockets.connections.highWaterMark"_s << u"1.5 MiB"_s << QByteArray()
        << QJsonValue(u"1.5 MiB"_s);
    QTest::addRow("negative-looking value after --")
        << u"admin.socket"_s << u"-h"_s << QByteArray() << QJsonValue(u"-h"_s);
    QTest::addRow("null string") << u"discovery.basePath"_s << u"null"_s << QByteArray()
                                 << QJsonValue(u"/services"_s);
}

void tst_Cli::configSet()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, changedLine);
    QFETCH(QJsonValue, dumped);

    const QString path = writeFile(EditableFile);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QFile::Permissions permissions = QFile::permissions(path);

    const CommandResult r = runCxserver({u"config"_s, u"set"_s, path, key, u"--"_s, value});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.err, QByteArray());
    const QByteArray after = readFile(path);
    QCOMPARE(QFile::permissions(path), permissions);

    // Every other byte is kept: the old text with one line changed, or with lines added.
    if (changedLine.isEmpty()) {
        QVERIFY2(keepsLines(EditableFile, after), after.constData());
    } else {
        QList<QByteArray> before = EditableFile.split('\n');
        const QList<QByteArray> now = after.split('\n');
        QCOMPARE(now.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            if (before.at(i) != now.at(i))
                before[i] = changedLine;
        }
        QCOMPARE(after, before.join('\n'));
    }

    const CommandResult dump = runCxserver({u"--config"_s, path, u"--dump-config"_s});
    QVERIFY2(dump.exitCode == 0, dump.describe().constData());
    const QJsonDocument json = QJsonDocument::fromJson(dump.out);
    QCOMPARE(at(json, cx::config::schema::findKey(key)->path), dumped);
}

void tst_Cli::configSetRejects_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("message");

    QTest::addRow("out of range") << u"transport.websockets.connections.pipe-count"_s << u"0"_s
                                  << QByteArray("cxserver: cx-server.transport.websockets."
                                                "connections.pipe-count: 0 is out of range; "
                                                "expected an integer from 1 to 256\n");
    QTest::addRow("not a number") << u"transport.websockets.connections.pipe-count"_s << u"abc"_s
                                  << QByteArray("cxserver: cx-server.transport.websockets."
                                                "connections.pipe-count: \"abc\" is not a number; "
                                                "expected an integer from 1 to 256\n");
    QTest::addRow("not a boolean") << u"protocol.ssl.enabled"_s << u"maybe"_s
                                   << QByteArray("cxserver: cx-server.protocol.ssl.enabled: "
                                                 "\"maybe\" is not a boolean; expected true or "
                                                 "false\n");
    QTest::addRow("two values") << u"health.port"_s << u"5, x = 1"_s
                                << QByteArray("cxserver: cx-server.health.port: \"5, x = 1\" is "
                                              "not a single HOCON value; expected an integer "
                                              "from 0 to 65535\n");
    QTest::addRow("not a choice") << u"platform.transport"_s << u"tcp"_s
                                  << QByteArray("cxserver: cx-server.platform.transport: \"tcp\" "
                                                "is not allowed; expected one of \"websockets\", "
                                                "\"websockets_active_active\"\n");
    QTest::addRow("bad URL") << u"transport.websockets.platforms"_s << u"[\"http://x:1/\"]"_s
                             << QByteArray("cxserver: cx-server.transport.websockets.platforms: "
                                           "element 1, \"http://x:1/\", is not a ws:// or "
                                           "wss:// URL; expected a list of URLs such as "
                                           "\"ws://host:8080/Thingworx/WS\" or "
                                           "\"wss://host:8443/Thingworx/WS\"\n");
    QTest::addRow("required") << u"transport.websockets.app-key"_s << u"null"_s
                              << QByteArray("cxserver: cx-server.transport.websockets.app-key is "
                                            "required; null would leave it unset\n");
    QTest::addRow("empty secret") << u"transport.websockets.app-key"_s << QString()
                                  << QByteArray("cxserver: cx-server.transport.websockets.app-key: "
                                                "the value (a secret, not shown) is empty; "
                                                "expected a non-empty string, or null\n");
    QTest::addRow("unknown key") << u"protocol.prot"_s << u"1"_s
                                 << QByteArray("cxserver: unknown key protocol.prot; did you mean "
                                               "cx-server.protocol.port?\n");
}

void tst_Cli::configSetRejects()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, message);

    const QString path = writeFile(EditableFile);
    const CommandResult r = runCxserver({u"config"_s, u"set"_s, path, key, value});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QCOMPARE(r.err, message);
    QCOMPARE(readFile(path), EditableFile);
}

void tst_Cli::configSetMissingFile()
{
    const CommandResult r = runCxserver(
        {u"config"_s, u"set"_s, m_dir->filePath(u"none.conf"_s), u"protocol.port"_s, u"1"_s});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.err.contains("cannot read"), r.describe().constData());
}

void tst_Cli::version()
{
    const CommandResult r = runCxserver({u"--version"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.out.startsWith("cxserver "), r.describe().constData());
}

void tst_Cli::help()
{
    const CommandResult r = runCxserver({u"--help"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.out.contains("config set FILE KEY VALUE"), r.describe().constData());
    QVERIFY2(r.out.contains("CXSERVER_CONFIG"), r.describe().constData());
}

void tst_Cli::missingFile()
{
    const QString path = m_dir->filePath(u"missing.conf"_s);
    const CommandResult r = runCxserver({u"--config"_s, path, u"--check-config"_s});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QCOMPARE(r.err,
             "cxserver: cannot read " + path.toLocal8Bit() + ": No such file or directory\n");
}

void tst_Cli::noConfig()
{
    const CommandResult r = runCxserver({u"--check-config"_s});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.startsWith("cxserver: no configuration file"), r.describe().constData());
}

void tst_Cli::environmentVariable()
{
    const QString sample = sourcePath(u"installer/conf/cxserver-sample.conf"_s);
    const CommandResult r
        = runCxserver({u"--check-config"_s}, cliOptions({{u"CXSERVER_CONFIG"_s, sample}}));
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, sample.toLocal8Bit() + ": configuration OK (1 warning)\n"); // its app key

    // --config wins over the environment.
    const QString bad = writeFile("cx-server { protocol.port = -1 }\n");
    const CommandResult explicitConfig = runCxserver({u"--config"_s, bad, u"--check-config"_s},
                                                     cliOptions({{u"CXSERVER_CONFIG"_s, sample}}));
    QVERIFY2(explicitConfig.exitCode == 1, explicitConfig.describe().constData());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

// The JAAS login configuration reader (discovery.sasl-jaas-file) and the ZooKeeper SASL
// login taken from its Client section (config.md §2).

#include "config/jaasfile.h"
#include "config/serverconfig.h"
#include "config/zookeepersasl.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace cx;
using namespace cx::config;
using namespace Qt::StringLiterals;

namespace {

QString firstError(const LoadedServerConfig &loaded)
{
    for (const Diagnostic &diagnostic : loaded.diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            return diagnostic.format();
    }
    return {};
}

} // namespace

class tst_JaasFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSectionsModulesAndOptions();
    void refusals_data();
    void refusals();
    void loginForEachMechanism_data();
    void loginForEachMechanism();
    void boundedInput();
    void serverConfigReadsTheLogin();
};

void tst_JaasFile::parsesSectionsModulesAndOptions()
{
    const QByteArray text = "/* ZooKeeper */\n"
                            "Client {\n"
                            "  com.sun.security.auth.module.Krb5LoginModule Required\n"
                            "  useKeyTab=true keyTab=\"/etc/a b.keytab\" // trailing comment\n"
                            "  principal=\"cx/host@EXAMPLE.COM\";\n"
                            "  other.Module optional quoted=\"a\\\"b\\\\c\";\n"
                            "};\n"
                            "Server{x.Y sufficient;};\n";
    const Result<JaasFile> jaas = JaasFile::parse(text, u"jaas.conf"_s);
    QVERIFY2(jaas.ok(), qPrintable(jaas ? QString() : jaas.error().message));
    QCOMPARE(jaas->sections.size(), 2);
    const JaasFile::Section *client = jaas->section(u"Client"_s);
    QVERIFY(client);
    QCOMPARE(client->origin.line, 2);
    QCOMPARE(client->modules.size(), 2);
    const JaasFile::Module &krb5 = client->modules.first();
    QCOMPARE(krb5.className, u"com.sun.security.auth.module.Krb5LoginModule"_s);
    QCOMPARE(krb5.flag, u"required"_s);
    QCOMPARE(krb5.option(u"keyTab"_s)->value, u"/etc/a b.keytab"_s);
    QCOMPARE(krb5.option(u"keyTab"_s)->origin.line, 4);
    QCOMPARE(krb5.option(u"keyTab"_s)->origin.column, 25);
    QCOMPARE(krb5.option(u"principal"_s)->value, u"cx/host@EXAMPLE.COM"_s);
    QCOMPARE(client->modules.at(1).option(u"quoted"_s)->value, u"a\"b\\c"_s);
    QVERIFY(!krb5.option(u"storeKey"_s));
    QCOMPARE(jaas->section(u"Server"_s)->modules.first().flag, u"sufficient"_s);
    QVERIFY(!jaas->section(u"Missing"_s));
}

void tst_JaasFile::refusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("no brace") << QByteArray("Client x.Y required;")
                              << u"jaas.conf:1:8: expected \"{\""_s;
    QTest::addRow("bad flag") << QByteArray("Client {\n  x.Y always;\n};")
                              << u"jaas.conf:2:7: expected a control flag"_s;
    QTest::addRow("no value") << QByteArray("Client { x.Y required a= ; };")
                              << u"jaas.conf:1:26: expected a value for the option \"a\""_s;
    QTest::addRow("no semicolon after section")
        << QByteArray("Client { x.Y required; }") << u"jaas.conf:1:25: expected \";\""_s;
    QTest::addRow("unterminated string") << QByteArray("Client { x.Y required a=\"abc\n\"; };")
                                         << u"jaas.conf:1:25: unterminated string"_s;
    QTest::addRow("unterminated comment")
        << QByteArray("Client { /* x.Y required; };") << u"jaas.conf:1:10: unterminated comment"_s;
    QTest::addRow("end inside section")
        << QByteArray("Client { x.Y required;") << u"found the end of the file"_s;
}

void tst_JaasFile::refusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Result<JaasFile> jaas = JaasFile::parse(text, u"jaas.conf"_s);
    QVERIFY(!jaas.ok());
    QVERIFY2(jaas.error().message.contains(error), qPrintable(jaas.error().message));
}

void tst_JaasFile::loginForEachMechanism_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QString>("error"); // empty: accepted
    const QByteArray digest = "Client { org.apache.zookeeper.server.auth.DigestLoginModule "
                              "required username=\"cx\" password=\"pw\"; };";
    const QByteArray kerberos = "Client { com.sun.security.auth.module.Krb5LoginModule required "
                                "useKeyTab=true keyTab=\"/k.keytab\" principal=\"cx@R\"; };";
    QTest::addRow("digest") << digest << u"DIGEST-MD5"_s << QString();
    QTest::addRow("kerberos") << kerberos << u"GSSAPI"_s << QString();
    QTest::addRow("digest file, kerberos wanted")
        << digest << u"GSSAPI"_s
        << u"jaas.conf:1:1: the Client section has no Krb5LoginModule, which GSSAPI needs"_s;
    QTest::addRow("no password")
        << QByteArray("Client { DigestLoginModule required username=cx; };") << u"DIGEST-MD5"_s
        << u"jaas.conf:1:10: DigestLoginModule has no password, which DIGEST-MD5 needs"_s;
    QTest::addRow("ticket cache")
        << QByteArray("Client { Krb5LoginModule required useTicketCache=true; };") << u"GSSAPI"_s
        << u"jaas.conf:1:10: cxserver logs in to Kerberos from a keytab"_s;
    QTest::addRow("no Client section") << QByteArray("Server { DigestLoginModule required; };")
                                       << u"DIGEST-MD5"_s << u"jaas.conf: no Client section"_s;
}

void tst_JaasFile::loginForEachMechanism()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mechanism);
    QFETCH(QString, error);
    const Result<JaasFile> jaas = JaasFile::parse(text, u"jaas.conf"_s);
    QVERIFY(jaas.ok());
    const Result<ZooKeeperSaslLogin> login
        = ZooKeeperSaslLogin::fromJaas(*jaas, u"jaas.conf"_s, mechanism);
    if (!error.isEmpty()) {
        QVERIFY(!login.ok());
        QVERIFY2(login.error().message.startsWith(error), qPrintable(login.error().message));
        QVERIFY(!login.error().message.contains(u"pw"_s));
        return;
    }
    QVERIFY(login.ok());
    if (mechanism == u"GSSAPI"_s) {
        QCOMPARE(login->principal, u"cx@R"_s);
        QCOMPARE(login->keyTab, u"/k.keytab"_s);
    } else {
        QCOMPARE(login->username, u"cx"_s);
        QCOMPARE(login->password, u"pw"_s);
    }
}

void tst_JaasFile::boundedInput()
{
    QByteArray huge = "Client { x.Y required a=\"";
    huge.append(QByteArray(8192, 'a')).append("\"; };");
    Result<JaasFile> jaas = JaasFile::parse(huge, u"jaas.conf"_s);
    QVERIFY(!jaas.ok());
    QVERIFY2(jaas.error().message.contains(u"longer than 4096 bytes"_s),
             qPrintable(jaas.error().message));

    QByteArray many = "Client { x.Y required";
    for (int i = 0; i <= JaasFile::MaxOptionsPerModule; ++i)
        many.append(" o" + QByteArray::number(i) + "=1");
    many.append("; };");
    jaas = JaasFile::parse(many, u"jaas.conf"_s);
    QVERIFY(!jaas.ok());
    QVERIFY(jaas.error().message.contains(u"more than 64 options"_s));

    // A file over the limit is refused before it is read; a FIFO is never opened.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.conf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(JaasFile::MaxBytes + 1));
    file.close();
    jaas = JaasFile::read(path);
    QVERIFY(!jaas.ok());
    QVERIFY(jaas.error().message.contains(u"larger than 65536 bytes"_s));
    const QString fifo = dir.filePath(u"fifo"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    jaas = JaasFile::read(fifo);
    QVERIFY(!jaas.ok());
    QCOMPARE(jaas.error().message, fifo + u": not a file"_s);
}

void tst_JaasFile::serverConfigReadsTheLogin()
{
    QTemporaryDir dir;
    const QString jaasPath = dir.filePath(u"jaas.conf"_s);
    QFile jaasFile(jaasPath);
    QVERIFY(jaasFile.open(QIODevice::WriteOnly));
    jaasFile.write("Client {\n  DigestLoginModule required username=\"cx\" password=\"pw\";\n};\n");
    jaasFile.close();
    const auto load = [&](const QString &sasl) {
        const QString text = u"cx-server {\n"
                             "  transport.websockets.app-key = \"k\"\n"
                             "  protocol.ssl.enabled = false\n"
                             "  transport.websockets.service-discovery.enabled = true\n"
                             "  discovery.connectionString = \"127.0.0.1:2181\"\n"_s
            + sasl + u"}\n"_s;
        const QString path = dir.filePath(u"cxserver.conf"_s);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(text.toUtf8());
        file.close();
        return readServerConfigFile(path);
    };
    LoadedServerConfig loaded = load(u"  discovery.sasl-enabled = true\n"
                                     "  discovery.sasl.mechanism = \"DIGEST-MD5\"\n"
                                     "  discovery.sasl-jaas-file = \""_s
                                     + jaasPath + u"\"\n"_s);
    QVERIFY2(loaded.ok(), qPrintable(firstError(loaded)));
    QCOMPARE(loaded.config.saslUsername, u"cx"_s);
    QCOMPARE(loaded.config.saslPassword.reveal(), u"pw"_s);
    QCOMPARE(loaded.config.saslServiceName, u"zookeeper"_s);

    // GSSAPI by default: the same file lacks Krb5LoginModule; the error names the key and
    // the place in the JAAS file.
    loaded = load(u"  discovery.sasl-enabled = true\n  discovery.sasl-jaas-file = \""_s + jaasPath
                  + u"\"\n"_s);
    QVERIFY(!loaded.ok());
    QString message = firstError(loaded);
    QVERIFY2(message.contains(u"cxserver.conf:7:30:"_s)
                 && message.contains(u"error: cx-server.discovery.sasl-jaas-file: "_s + jaasPath
                                     + u":1:1: the Client section has no Krb5LoginModule"_s),
             qPrintable(message));

    loaded = load(u"  discovery.sasl-enabled = true\n"_s);
    QVERIFY(!loaded.ok());
    message = firstError(loaded);
    QVERIFY2(message.contains(u"cx-server.discovery.sasl-jaas-file is not set"_s),
             qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_JaasFile)
#include "tst_jaasfile.moc"

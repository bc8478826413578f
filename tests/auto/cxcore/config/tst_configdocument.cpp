// The one model of a cxserver.conf being changed (config::ConfigDocument) and the one way
// from an operator's text to a value (config::literalForKey), shared by `cxserver config
// set` and the configurator.

#include "config/configdocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cx;
using namespace Qt::StringLiterals;

class tst_ConfigDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literalForKey_data();
    void literalForKey();
    void secretNeverShown();
    void setLiteralKeepsComments();
    void openSaveAndDiagnostics();
};

void tst_ConfigDocument::literalForKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("literal"); // empty: refused
    QTest::addRow("port") << u"protocol.port"_s << u"9443"_s << u"9443"_s;
    QTest::addRow("port out of range") << u"protocol.port"_s << u"70000"_s << QString();
    QTest::addRow("port not a number") << u"protocol.port"_s << u"eighty"_s << QString();
    QTest::addRow("duration unquoted") << u"shutdown.drain-timeout"_s << u"45s"_s << u"45s"_s;
    QTest::addRow("size unquoted")
        << u"transport.websockets.connections.highWaterMark"_s << u"64k"_s << u"64k"_s;
    QTest::addRow("boolean") << u"protocol.ssl.enabled"_s << u"true"_s << u"true"_s;
    QTest::addRow("string as typed, quoted")
        << u"admin.socket"_s << u"/run/x y.sock"_s << u"\"/run/x y.sock\""_s;
    QTest::addRow("string null unsets") << u"admin.socket"_s << u"null"_s << u"null"_s;
    QTest::addRow("required null refused")
        << u"transport.websockets.app-key"_s << u"null"_s << QString();
    QTest::addRow("list") << u"transport.websockets.platforms"_s
                          << u"[\"ws://a:80/Thingworx/WS\"]"_s << u"[\"ws://a:80/Thingworx/WS\"]"_s;
    QTest::addRow("list format checked")
        << u"transport.websockets.platforms"_s << u"[\"http://a\"]"_s << QString();
}

void tst_ConfigDocument::literalForKey()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, literal);
    const config::schema::KeySpec *spec = config::schema::findKey(key);
    QVERIFY(spec);
    const Result<QString> got = config::literalForKey(*spec, text);
    if (literal.isEmpty()) {
        QVERIFY(!got);
        QVERIFY2(got.error().message.startsWith(spec->fullPath()), qPrintable(got.error().message));
    } else {
        QVERIFY2(got, got ? "" : qPrintable(got.error().message));
        QCOMPARE(*got, literal);
    }
}

void tst_ConfigDocument::secretNeverShown()
{
    // A secret's text is never echoed, even when it is refused.
    const config::schema::KeySpec fake {
        .path = u"x"_s, .type = config::schema::KeyType::Int, .secret = true};
    const Result<QString> got = config::literalForKey(fake, u"s3cr3t-value"_s);
    QVERIFY(!got);
    QVERIFY(!got.error().message.contains(u"s3cr3t-value"));
    QVERIFY(got.error().message.contains(u"a secret, not shown"));
}

void tst_ConfigDocument::setLiteralKeepsComments()
{
    const QByteArray text = "# operator's notes\n"
                            "cx-server {\n"
                            "  protocol.port = 8443 # the edge port\n"
                            "}\n";
    config::ConfigDocument document(u"cxserver.conf"_s, text);
    const auto set = [&document](const QString &key, const QString &value) -> Result<void> {
        const config::schema::KeySpec *spec = config::schema::findKey(key);
        if (!spec)
            return Error(u"unknown key "_s + key);
        const Result<QString> literal = config::literalForKey(*spec, value);
        return literal ? document.setLiteral(key, *literal) : Result<void>(literal.error());
    };
    QVERIFY(set(u"cx-server.protocol.port"_s, u"9443"_s));
    QCOMPARE(document.text(),
             QByteArray("# operator's notes\n"
                        "cx-server {\n"
                        "  protocol.port = 9443 # the edge port\n"
                        "}\n"));
    const QByteArray before = document.text();
    QVERIFY(!set(u"protocol.port"_s, u"eighty"_s));
    QVERIFY(!set(u"protocol.prot"_s, u"1"_s));
    QCOMPARE(document.text(), before);
}

void tst_ConfigDocument::openSaveAndDiagnostics()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cxserver.conf"_s);
    QVERIFY(!config::ConfigDocument::open(path));
    QVERIFY(!config::ConfigDocument::open(dir.path())); // a folder
    { // Larger than a configuration can be: refused before a byte is read.
        const QString huge = dir.filePath(u"huge.conf"_s);
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(config::ConfigDocument::MaxBytes + 1)); // sparse: no disk used
        file.close();
        const Result<config::ConfigDocument> refused = config::ConfigDocument::open(huge);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"larger than 16 MiB"),
                 qPrintable(refused.error().message));
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("cx-server {\n  protocol.port = \"eighty\"\n}\n");
    }
    Result<config::ConfigDocument> document = config::ConfigDocument::open(path);
    QVERIFY(document);
    const config::Diagnostics found = document->diagnostics();
    QVERIFY(config::hasErrors(found));
    bool atPort = false;
    for (const config::Diagnostic &d : found)
        atPort = atPort || (d.format().startsWith(path + u":2:") && d.message.contains(u"port"));
    QVERIFY2(atPort, qPrintable(found.isEmpty() ? QString() : found.first().format()));

    QVERIFY(document->setLiteral(u"protocol.port"_s, u"9443"_s));
    const QString copy = dir.filePath(u"copy.conf"_s);
    QVERIFY(document->save(copy));
    QCOMPARE(document->path(), copy);
    QFile saved(copy);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), document->text());
    QCOMPARE(QFile::permissions(copy) & 0x0077, QFileDevice::ReadGroup); // the one writer's 0640
}

QTEST_GUILESS_MAIN(tst_ConfigDocument)
#include "tst_configdocument.moc"

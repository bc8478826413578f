// editor::setValue(): in-place edits of a HOCON file (config.md §1 "Editing") keep every byte
// but the replaced value (or the inserted line), and the edited file reads back with the new
// value and everything else unchanged.

#include "config/configeditor.h"
#include "config/hoconparser.h"
#include "config/jsonrender.h"
#include "config/value.h"

#include <QTest>

using namespace cx::config;

namespace {

Value withValueAt(const Value &object, const QStringList &path, const Value &value)
{
    QMap<QString, Value> members = object.isObject() ? object.members() : QMap<QString, Value>();
    const QString &key = path.constFirst();
    members.insert(key,
                   path.size() == 1 ? value : withValueAt(members.value(key), path.mid(1), value));
    return Value::object(members);
}

/// The bytes the two texts share at their start and at their end (not overlapping).
std::pair<qsizetype, qsizetype> commonEnds(const QByteArray &a, const QByteArray &b)
{
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    return {prefix, suffix};
}

} // namespace

class tst_ConfigEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaceValue_data();
    void replaceValue();
    void insertKey_data();
    void insertKey();
    void errors_data();
    void errors();
    void realisticFile();

private:
    static void checkReadsBack(const QByteArray &original, const QByteArray &edited,
                               const QString &path, const QString &value);
};

/// The edited text holds the new value at path, and otherwise what the original held.
void tst_ConfigEditor::checkReadsBack(const QByteArray &original, const QByteArray &edited,
                                      const QString &path, const QString &value)
{
    const ParseResult before = parseHoconText(original, QString());
    const ParseResult after = parseHoconText(edited, QString());
    const ParseResult newValue = parseHoconText("v = " + value.toUtf8(), QString());
    QVERIFY(before.root);
    QVERIFY2(after.root, qPrintable(after.diagnostics.value(0).format()));
    QVERIFY(newValue.root);
    const Value expected = withValueAt(*before.root, splitPath(path),
                                       newValue.root->members().value(QStringLiteral("v")));
    QCOMPARE(renderJson(*after.root), renderJson(expected));
}

void tst_ConfigEditor::replaceValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("old"); ///< the bytes replaced
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("top level") << QByteArray("a = 1\nb = 2\n") << QStringLiteral("a")
                               << QStringLiteral("5") << QByteArray("1")
                               << QByteArray("a = 5\nb = 2\n");
    QTest::addRow("nested braces")
        << QByteArray(
               "# header\n\ncx-server {\n    # the key\n    transport {\n        websockets {\n"
               "            app-key = null   # required\n            pipe-count = 5\n"
               "        }\n    }\n}\n")
        << QStringLiteral("cx-server.transport.websockets.app-key") << QStringLiteral("\"s3cr3t\"")
        << QByteArray("null")
        << QByteArray(
               "# header\n\ncx-server {\n    # the key\n    transport {\n        websockets {\n"
               "            app-key = \"s3cr3t\"   # required\n            pipe-count = 5\n"
               "        }\n    }\n}\n");
    QTest::addRow("dotted key")
        << QByteArray("cx-server.transport.websockets.app-key = \"old\" // c\nother = 1\n")
        << QStringLiteral("cx-server.transport.websockets.app-key") << QStringLiteral("\"new\"")
        << QByteArray("\"old\"")
        << QByteArray("cx-server.transport.websockets.app-key = \"new\" // c\nother = 1\n");
    QTest::addRow("braces and dots")
        << QByteArray("cx-server {\n  transport.websockets.app-key: old\n}\n")
        << QStringLiteral("cx-server.transport.websockets.app-key") << QStringLiteral("new")
        << QByteArray("old") << QByteArray("cx-server {\n  transport.websockets.app-key: new\n}\n");
    QTest::addRow("last assignment wins")
        << QByteArray("a = 1\nb { c = 2 }\na = 3 # this one\n") << QStringLiteral("a")
        << QStringLiteral("4") << QByteArray("3")
        << QByteArray("a = 1\nb { c = 2 }\na = 4 # this one\n");
    QTest::addRow("dotted after braces")
        << QByteArray("a { b = 1 }\na.b = 2\n") << QStringLiteral("a.b") << QStringLiteral("3")
        << QByteArray("2") << QByteArray("a { b = 1 }\na.b = 3\n");
    QTest::addRow("braces after dotted")
        << QByteArray("a.b = 1\na { b = 2 }\n") << QStringLiteral("a.b") << QStringLiteral("3")
        << QByteArray("2") << QByteArray("a.b = 1\na { b = 3 }\n");
    QTest::addRow("quoted key") << QByteArray("\"app-key\" = x\n") << QStringLiteral("app-key")
                                << QStringLiteral("y") << QByteArray("x")
                                << QByteArray("\"app-key\" = y\n");
    QTest::addRow("quoted key with dot")
        << QByteArray("a { \"b.c\" = 1, b { c = 2 } }\n") << QStringLiteral("a.\"b.c\"")
        << QStringLiteral("7") << QByteArray("1") << QByteArray("a { \"b.c\" = 7, b { c = 2 } }\n");
    QTest::addRow("other quoting kept")
        << QByteArray("a = \"q\"\nb = unq\nc = \"\"\"t\"\"\"\nd = 1\n") << QStringLiteral("d")
        << QStringLiteral("2") << QByteArray("1")
        << QByteArray("a = \"q\"\nb = unq\nc = \"\"\"t\"\"\"\nd = 2\n");
    QTest::addRow("concatenation replaced whole")
        << QByteArray("a = foo bar  baz # c\n") << QStringLiteral("a") << QStringLiteral("\"x\"")
        << QByteArray("foo bar  baz") << QByteArray("a = \"x\" # c\n");
    QTest::addRow("substitution replaced")
        << QByteArray("a = ${b}\nb = 1\n") << QStringLiteral("a") << QStringLiteral("2")
        << QByteArray("${b}") << QByteArray("a = 2\nb = 1\n");
    QTest::addRow("list") << QByteArray("platforms = [ \"ws://a\" ]\n")
                          << QStringLiteral("platforms")
                          << QStringLiteral("[\"ws://b\", \"ws://c\"]")
                          << QByteArray("[ \"ws://a\" ]")
                          << QByteArray("platforms = [\"ws://b\", \"ws://c\"]\n");
    QTest::addRow("multi-line list")
        << QByteArray("p = [\n  1\n  2\n] # end\nq = 1\n") << QStringLiteral("p")
        << QStringLiteral("[]") << QByteArray("[\n  1\n  2\n]")
        << QByteArray("p = [] # end\nq = 1\n");
    QTest::addRow("object literal replaced by a scalar")
        << QByteArray("a { x = 1 }\n") << QStringLiteral("a") << QStringLiteral("5")
        << QByteArray("{ x = 1 }") << QByteArray("a = 5\n");
    QTest::addRow("append replaced by an assignment")
        << QByteArray("a = [1]\na += 2\n") << QStringLiteral("a") << QStringLiteral("[3]")
        << QByteArray("+= 2") << QByteArray("a = [1]\na = [3]\n");
    QTest::addRow("crlf") << QByteArray("a {\r\n    b = 1\r\n}\r\n") << QStringLiteral("a.b")
                          << QStringLiteral("2") << QByteArray("1")
                          << QByteArray("a {\r\n    b = 2\r\n}\r\n");
    QTest::addRow("colon and no spaces")
        << QByteArray("a:1,b:2") << QStringLiteral("b") << QStringLiteral("true") << QByteArray("2")
        << QByteArray("a:1,b:true");
    QTest::addRow("unicode") << QByteArray("name = \"caf\xc3\xa9\" # \xe2\x82\xac\n")
                             << QStringLiteral("name") << QStringLiteral("\"th\u00e9\"")
                             << QByteArray("\"caf\xc3\xa9\"")
                             << QByteArray("name = \"th\xc3\xa9\" # \xe2\x82\xac\n");
    QTest::addRow("braced root") << QByteArray("{\n  a = 1\n}\n") << QStringLiteral("a")
                                 << QStringLiteral("2") << QByteArray("1")
                                 << QByteArray("{\n  a = 2\n}\n");
}

void tst_ConfigEditor::replaceValue()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QByteArray, old);
    QFETCH(QByteArray, expected);

    const cx::Result<QByteArray> edited = editor::setValue(text, path, value);
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(*edited, expected);
    // every byte before and after the old value is the same
    const auto [prefix, suffix] = commonEnds(text, *edited);
    const qsizetype at = text.lastIndexOf(old, text.size() - suffix);
    QVERIFY(at >= 0 && at <= prefix);
    QCOMPARE(edited->left(at), text.left(at));
    QCOMPARE(edited->mid(edited->size() - (text.size() - at - old.size())),
             text.mid(at + old.size()));
    checkReadsBack(text, *edited, path, value);
}

void tst_ConfigEditor::insertKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray nested = "cx-server {\n  transport {\n    websockets {\n      app-key = x\n"
                              "    }\n  }\n}\n";
    QTest::addRow("sibling indentation")
        << nested << QStringLiteral("cx-server.transport.websockets.pipe-count")
        << QStringLiteral("5")
        << QByteArray("cx-server {\n  transport {\n    websockets {\n"
                      "      app-key = x\n      pipe-count = 5\n    }\n  }\n}\n");
    QTest::addRow("deepest existing object")
        << nested << QStringLiteral("cx-server.transport.websockets.connections.timeout-ms")
        << QStringLiteral("100")
        << QByteArray("cx-server {\n  transport {\n    websockets {\n      app-key = x\n"
                      "      connections.timeout-ms = 100\n    }\n  }\n}\n");
    QTest::addRow("outer object")
        << nested << QStringLiteral("cx-server.protocol.port") << QStringLiteral("8443")
        << QByteArray("cx-server {\n  transport {\n    websockets {\n      app-key = x\n"
                      "    }\n  }\n  protocol.port = 8443\n}\n");
    QTest::addRow("top level") << QByteArray("a = 1\n") << QStringLiteral("b.c")
                               << QStringLiteral("2") << QByteArray("a = 1\nb.c = 2\n");
    QTest::addRow("no final newline") << QByteArray("a = 1 # c") << QStringLiteral("b")
                                      << QStringLiteral("2") << QByteArray("a = 1 # c\nb = 2\n");
    QTest::addRow("empty file") << QByteArray() << QStringLiteral("a.\"b.c\".d")
                                << QStringLiteral("1") << QByteArray("a.\"b.c\".d = 1\n");
    QTest::addRow("braced root") << QByteArray("# c\n{\n  a = 1\n}\n") << QStringLiteral("b")
                                 << QStringLiteral("2")
                                 << QByteArray("# c\n{\n  a = 1\n  b = 2\n}\n");
    QTest::addRow("empty object") << QByteArray("a {}\n") << QStringLiteral("a.b")
                                  << QStringLiteral("1") << QByteArray("a { b = 1 }\n");
    QTest::addRow("empty object with space") << QByteArray("a { }\n") << QStringLiteral("a.b")
                                             << QStringLiteral("1") << QByteArray("a { b = 1 }\n");
    QTest::addRow("empty multi-line object")
        << QByteArray("  a {\n  }\n") << QStringLiteral("a.b") << QStringLiteral("1")
        << QByteArray("  a {\n      b = 1\n  }\n");
    QTest::addRow("one-line object") << QByteArray("a { b = 1 }\n") << QStringLiteral("a.c")
                                     << QStringLiteral("2") << QByteArray("a { b = 1, c = 2 }\n");
    QTest::addRow("one-line object with comma")
        << QByteArray("a { b = 1, }\n") << QStringLiteral("a.c") << QStringLiteral("2")
        << QByteArray("a { b = 1, c = 2 }\n");
    QTest::addRow("brace after last field")
        << QByteArray("a {\n  b = 1 }\n") << QStringLiteral("a.c") << QStringLiteral("2")
        << QByteArray("a {\n  b = 1\n  c = 2 }\n");
    QTest::addRow("tabs") << QByteArray("a {\n\tb = 1\n}\n") << QStringLiteral("a.c")
                          << QStringLiteral("2") << QByteArray("a {\n\tb = 1\n\tc = 2\n}\n");
    QTest::addRow("crlf") << QByteArray("a {\r\n    b = 1\r\n}\r\nc = 1") << QStringLiteral("a.d")
                          << QStringLiteral("2")
                          << QByteArray("a {\r\n    b = 1\r\n    d = 2\r\n}\r\nc = 1");
    QTest::addRow("crlf at top level") << QByteArray("a = 1\r\n") << QStringLiteral("b")
                                       << QStringLiteral("2") << QByteArray("a = 1\r\nb = 2\r\n");
    QTest::addRow("comments and blank lines")
        << QByteArray("a {\n  # one\n  b = 1\n\n  // two\n}\n") << QStringLiteral("a.c")
        << QStringLiteral("3") << QByteArray("a {\n  # one\n  b = 1\n\n  // two\n  c = 3\n}\n");
    QTest::addRow("later object of the same key")
        << QByteArray("a {\n  b = 1\n}\nx = 1\na {\n  c = 1\n}\n") << QStringLiteral("a.d")
        << QStringLiteral("2") << QByteArray("a {\n  b = 1\n}\nx = 1\na {\n  c = 1\n  d = 2\n}\n");
    QTest::addRow("after a value that may hide the object")
        << QByteArray("a {\n  b = 1\n}\na = ${x}\nx {}\n") << QStringLiteral("a.c")
        << QStringLiteral("2") << QByteArray("a {\n  b = 1\n}\na = ${x}\nx {}\na.c = 2\n");
    QTest::addRow("after a later field below the key")
        << QByteArray("a = 1\na.b = 2\n") << QStringLiteral("a") << QStringLiteral("7")
        << QByteArray("a = 1\na.b = 2\na = 7\n");
    QTest::addRow("object over a scalar")
        << QByteArray("a = 5\na { }\n") << QStringLiteral("a.b") << QStringLiteral("1")
        << QByteArray("a = 5\na { b = 1 }\n");
    QTest::addRow("object made by a dotted key after a scalar")
        << QByteArray("a = 5\na.b.c = 1\n") << QStringLiteral("a.b.d") << QStringLiteral("2")
        << QByteArray("a = 5\na.b.c = 1\na.b.d = 2\n");
    QTest::addRow("key needing quotes")
        << QByteArray("a {\n  x = 1\n}\n") << QStringLiteral("a.\"b c\"") << QStringLiteral("1")
        << QByteArray("a {\n  x = 1\n  \"b c\" = 1\n}\n");
}

void tst_ConfigEditor::insertKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);

    const cx::Result<QByteArray> edited = editor::setValue(text, path, value);
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(*edited, expected);
    // the original bytes are all there, around one inserted run
    const auto [prefix, suffix] = commonEnds(text, *edited);
    QCOMPARE(prefix + suffix, text.size());
    checkReadsBack(text, *edited, path, value);
}

void tst_ConfigEditor::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    QTest::addRow("crosses a scalar")
        << QByteArray("a = 5\n") << QStringLiteral("a.b") << QStringLiteral("1")
        << QStringLiteral("cannot set a.b: a is not an object");
    QTest::addRow("crosses a list")
        << QByteArray("a { b { c = 1 } }\na.b = [1]\n") << QStringLiteral("a.b.c")
        << QStringLiteral("1") << QStringLiteral("a.b is not an object");
    QTest::addRow("syntax error")
        << QByteArray("a = 1\nb = [1,,2]\n") << QStringLiteral("a") << QStringLiteral("2")
        << QStringLiteral("the configuration file has a syntax error at line 2, column 8: ");
    QTest::addRow("invalid utf-8")
        << QByteArray("a = \"\xff\"\n") << QStringLiteral("a") << QStringLiteral("2")
        << QStringLiteral("line 1, column 6: invalid UTF-8");
    QTest::addRow("value with comment")
        << QByteArray("a = 1\n") << QStringLiteral("a") << QStringLiteral("2 # two")
        << QStringLiteral("single HOCON value");
    QTest::addRow("two fields as value")
        << QByteArray("a = 1\n") << QStringLiteral("a") << QStringLiteral("2\nb = 3")
        << QStringLiteral("single HOCON value");
    QTest::addRow("empty value") << QByteArray("a = 1\n") << QStringLiteral("a") << QString()
                                 << QStringLiteral("the new value has a syntax error");
    QTest::addRow("broken value") << QByteArray("a = 1\n") << QStringLiteral("a")
                                  << QStringLiteral("[1,")
                                  << QStringLiteral("the new value has a syntax error");
    QTest::addRow("bad path") << QByteArray("a = 1\n") << QStringLiteral("a..b")
                              << QStringLiteral("1")
                              << QStringLiteral("invalid configuration key: a..b");
    QTest::addRow("empty path") << QByteArray("a = 1\n") << QString() << QStringLiteral("1")
                                << QStringLiteral("invalid configuration key");
}

void tst_ConfigEditor::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const cx::Result<QByteArray> edited = editor::setValue(text, path, value);
    QVERIFY(!edited.ok());
    QVERIFY2(edited.error().message.contains(message), qPrintable(edited.error().message));
}

/// A sample-like file with CRLF line endings, comments and blank lines: several edits in a
/// row, each changing only its own value.
void tst_ConfigEditor::realisticFile()
{
    const QByteArray original
        = "# cxserver.conf\r\n"
          "\r\n"
          "cx-server {\r\n"
          "    platform.transport = \"websockets\"   # or websockets_active_active\r\n"
          "\r\n"
          "    transport.websockets {\r\n"
          "        app-key = null\r\n"
          "        platforms = [\r\n"
          "            \"ws://localhost:8080/Thingworx/WS\"\r\n"
          "        ]\r\n"
          "        connections {\r\n"
          "            pingRate = 30s\r\n"
          "            highWaterMark = 64k // bytes\r\n"
          "        }\r\n"
          "    }\r\n"
          "\r\n"
          "    // edge listener\r\n"
          "    protocol { port = 8443, host = \"0.0.0.0\" }\r\n"
          "}\r\n";
    QByteArray text = original;
    const QList<std::pair<QString, QString>> edits = {
        {QStringLiteral("cx-server.transport.websockets.app-key"), QStringLiteral("\"6f1c\"")},
        {QStringLiteral("cx-server.protocol.port"), QStringLiteral("9443")},
        {QStringLiteral("cx-server.transport.websockets.connections.highWaterMark"),
         QStringLiteral("128k")},
        {QStringLiteral("cx-server.transport.websockets.connections.lowWaterMark"),
         QStringLiteral("32k")},
        {QStringLiteral("cx-server.health.port"), QStringLiteral("0")},
    };
    for (const auto &[path, value] : edits) {
        const cx::Result<QByteArray> edited = editor::setValue(text, path, value);
        QVERIFY2(edited.ok(), qPrintable(path));
        checkReadsBack(text, *edited, path, value);
        text = *edited;
    }
    QCOMPARE(
        text,
        QByteArray("# cxserver.conf\r\n"
                   "\r\n"
                   "cx-server {\r\n"
                   "    platform.transport = \"websockets\"   # or websockets_active_active\r\n"
                   "\r\n"
                   "    transport.websockets {\r\n"
                   "        app-key = \"6f1c\"\r\n"
                   "        platforms = [\r\n"
                   "            \"ws://localhost:8080/Thingworx/WS\"\r\n"
                   "        ]\r\n"
                   "        connections {\r\n"
                   "            pingRate = 30s\r\n"
                   "            highWaterMark = 128k // bytes\r\n"
                   "            lowWaterMark = 32k\r\n"
                   "        }\r\n"
                   "    }\r\n"
                   "\r\n"
                   "    // edge listener\r\n"
                   "    protocol { port = 9443, host = \"0.0.0.0\" }\r\n"
                   "    health.port = 0\r\n"
                   "}\r\n"));
}

QTEST_GUILESS_MAIN(tst_ConfigEditor)

#include "tst_configeditor.moc"

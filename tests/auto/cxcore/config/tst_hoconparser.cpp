// The HOCON reader (config.md §1): every construct, the errors with their FILE:LINE:COL,
// resolution, includes, the environment fallback, limits, and robustness against garbage.
// Values are checked through renderJson(), which sorts keys as Typesafe Config does.

#include "config/hoconparser.h"
#include "config/jsonrender.h"
#include "config/value.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::config;

namespace {

/// The resolved document as compact JSON, or "ERROR <diagnostic>".
QByteArray resolved(const QByteArray &hocon)
{
    const ParseResult result = parseHoconText(hocon, QStringLiteral("test.conf"));
    if (result.root)
        return renderJson(*result.root);
    return "ERROR " + result.diagnostics.value(0).format().toUtf8();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class tst_HoconParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void resolution_data();
    void resolution();
    void errors_data();
    void errors();
    void invalidUtf8_data();
    void invalidUtf8();
    void environment();
    void includes();
    void includeErrors_data();
    void includeErrors();
    void includeCycle();
    void fileErrors();
    void deepNesting();
    void origins();
    void numbersKeepSourceText();
    void splitPath_data();
    void splitPath();
    void randomMutationsNeverCrash();
};

void tst_HoconParser::values_data()
{
    QTest::addColumn<QByteArray>("hocon");
    QTest::addColumn<QByteArray>("json");

    QTest::addRow("empty") << QByteArray() << QByteArray("{}");
    QTest::addRow("only comments") << QByteArray("# a\n// b\n\n") << QByteArray("{}");
    QTest::addRow("hash comment") << QByteArray("a = 1 # one\n# b = 2") << QByteArray(R"({"a":1})");
    QTest::addRow("slash comment")
        << QByteArray("a = x//y\nb = /usr/bin") << QByteArray(R"({"a":"x","b":"/usr/bin"})");
    QTest::addRow("comment chars in quotes")
        << QByteArray(R"(a = "# x", b = "// y")") << QByteArray(R"({"a":"# x","b":"// y"})");
    QTest::addRow("equals colon brace") << QByteArray("a = 1\nb : 2\nc { d = 3 }\ne : { f = 4 }")
                                        << QByteArray(R"({"a":1,"b":2,"c":{"d":3},"e":{"f":4}})");
    QTest::addRow("newlines before separator and value")
        << QByteArray("a\n= 1\nb =\n  2\nc\n{ d = 3 }")
        << QByteArray(R"({"a":1,"b":2,"c":{"d":3}})");
    QTest::addRow("root braces") << QByteArray("{ a = 1 }\n# end") << QByteArray(R"({"a":1})");
    QTest::addRow("commas and newlines") << QByteArray("a = 1, b = 2,\nc = 3\n\n, d = 4,")
                                         << QByteArray(R"({"a":1,"b":2,"c":3,"d":4})");
    QTest::addRow("trailing commas")
        << QByteArray("o { a = 1, }\nl = [1, 2,]") << QByteArray(R"({"l":[1,2],"o":{"a":1}})");
    QTest::addRow("escapes") << QByteArray(R"(s = "q\" b\\ s\/ \b\f\n\r\t")")
                             << QByteArray(R"({"s":"q\" b\\ s/ \b\f\n\r\t"})");
    QTest::addRow("unicode escapes") << QByteArray(R"(s = "\u0041\u00e9\ud83d\ude00")")
                                     << QByteArray("{\"s\":\"A\xc3\xa9\xf0\x9f\x98\x80\"}");
    QTest::addRow("utf-8 text") << QByteArray("k\xc3\xa9 = \xe4\xb8\xad")
                                << QByteArray("{\"k\xc3\xa9\":\"\xe4\xb8\xad\"}");
    QTest::addRow("byte order mark") << QByteArray("\xef\xbb\xbf"
                                                   "a = 1")
                                     << QByteArray(R"({"a":1})");
    QTest::addRow("unicode whitespace")
        << QByteArray("a\xc2\xa0=\xe2\x80\x83x\xc2\xa0y") << QByteArray("{\"a\":\"x\xc2\xa0y\"}");
    QTest::addRow("unquoted") << QByteArray("a = hello-world_1.2/x, b = 10.0.0.1, c = (v)")
                              << QByteArray(
                                     R"j({"a":"hello-world_1.2/x","b":"10.0.0.1","c":"(v)"})j");
    QTest::addRow("unquoted words keep whitespace")
        << QByteArray("a = one  two\tthree   ") << QByteArray(R"({"a":"one  two\tthree"})");
    QTest::addRow("triple quoted") << QByteArray("a = \"\"\"x \"q\" \\n\ny\"\"\"\"")
                                   << QByteArray(R"({"a":"x \"q\" \\n\ny\""})");
    QTest::addRow("empty strings")
        << QByteArray(R"(a = "", b = """""")") << QByteArray(R"({"a":"","b":""})");
    QTest::addRow("numbers")
        << QByteArray("a = 1, b = -2, c = 3.50, d = 1e3, e = -0.5E-2, f = 9223372036854775807")
        << QByteArray(R"({"a":1,"b":-2,"c":3.50,"d":1e3,"e":-0.5E-2,"f":9223372036854775807})");
    QTest::addRow("numbers that are strings")
        << QByteArray("a = 99999999999999999999, b = 1.2.3, c = 1e, d = -, e = 1-2")
        << QByteArray(R"({"a":"99999999999999999999","b":"1.2.3","c":"1e","d":"-","e":"1-2"})");
    QTest::addRow("numbers rendered as json") << QByteArray("a = 007, b = 1., c = -.5, d = 1.e5")
                                              << QByteArray(R"({"a":7,"b":1,"c":-0.5,"d":1e5})");
    QTest::addRow("sizes and durations are strings")
        << QByteArray("a = 64k, b = 30s, c = 500ms, d = 10 MB")
        << QByteArray(R"({"a":"64k","b":"30s","c":"500ms","d":"10 MB"})");
    QTest::addRow("booleans and null")
        << QByteArray("a = true, b = false, c = null, d = truex, e = \"true\", f = yes")
        << QByteArray(R"({"a":true,"b":false,"c":null,"d":"truex","e":"true","f":"yes"})");
    QTest::addRow("lists") << QByteArray("a = [], b = [1, [2, []], {c = 3}], d = [\n  x\n  y z\n]")
                           << QByteArray(R"({"a":[],"b":[1,[2,[]],{"c":3}],"d":["x","y z"]})");
    QTest::addRow("objects merge") << QByteArray("a { x = 1, y { p = 1 } }\na { y { q = 2 } }")
                                   << QByteArray(R"({"a":{"x":1,"y":{"p":1,"q":2}}})");
    QTest::addRow("later value wins") << QByteArray("a = 1\na = 2") << QByteArray(R"({"a":2})");
    QTest::addRow("non-object replaces")
        << QByteArray("a { x = 1 }\na = 5") << QByteArray(R"({"a":5})");
    QTest::addRow("object over non-object hides it")
        << QByteArray("a { x = 1 }\na = null\na { y = 2 }") << QByteArray(R"({"a":{"y":2}})");
    QTest::addRow("dotted keys") << QByteArray("a.b.c = 1\na { b { d = 2 } }\na.e = 3")
                                 << QByteArray(R"({"a":{"b":{"c":1,"d":2},"e":3}})");
    QTest::addRow("number keys split")
        << QByteArray("1.5 = a, 10 = b") << QByteArray(R"({"1":{"5":"a"},"10":"b"})");
    QTest::addRow("quoted keys")
        << QByteArray(R"("a.b" = 1, "a".c = 2, x."y.z".w = 3, "" = 4, "in clude" = 5)")
        << QByteArray(R"({"":4,"a":{"c":2},"a.b":1,"in clude":5,"x":{"y.z":{"w":3}}})");
    QTest::addRow("whitespace in keys") << QByteArray("a b = 1\n\"c\" d.e  f = 2\ng   = 3")
                                        << QByteArray(R"({"a b":1,"c d":{"e  f":2},"g":3})");
    QTest::addRow("keyword keys") << QByteArray("true.null = 1, \"include\" = 2")
                                  << QByteArray(R"({"include":2,"true":{"null":1}})");
    QTest::addRow("plus equals") << QByteArray("a = [1]\na += 2\nb += x\nc { d += 1 }\nc.d += 2")
                                 << QByteArray(R"({"a":[1,2],"b":["x"],"c":{"d":[1,2]}})");
    QTest::addRow("string concatenation")
        << QByteArray(R"(a = "x" y "z", b = 1 2, c = 64k, d = true x)")
        << QByteArray(R"({"a":"x y z","b":"1 2","c":"64k","d":"true x"})");
    QTest::addRow("list concatenation")
        << QByteArray("a = [1] [2] [3, 4]") << QByteArray(R"({"a":[1,2,3,4]})");
    QTest::addRow("object concatenation")
        << QByteArray("a = {x = 1, y = 1} {y = 2}") << QByteArray(R"({"a":{"x":1,"y":2}})");
    QTest::addRow("control characters rendered")
        << QByteArray(R"(a = "\u0001\u007f")") << QByteArray(R"({"a":"\u0001\u007f"})");
}

void tst_HoconParser::values()
{
    QFETCH(QByteArray, hocon);
    QFETCH(QByteArray, json);
    QCOMPARE(resolved(hocon), json);
}

void tst_HoconParser::resolution_data()
{
    QTest::addColumn<QByteArray>("hocon");
    QTest::addColumn<QByteArray>("json");

    QTest::addRow("simple") << QByteArray("a = 1, b = ${a}") << QByteArray(R"({"a":1,"b":1})");
    QTest::addRow("forward reference")
        << QByteArray("b = ${a}, a = 1") << QByteArray(R"({"a":1,"b":1})");
    QTest::addRow("path") << QByteArray("a { b { c = x } }, d = ${a.b.c}, e = ${a.b}")
                          << QByteArray(R"({"a":{"b":{"c":"x"}},"d":"x","e":{"c":"x"}})");
    QTest::addRow("quoted path") << QByteArray(R"("a.b" = 1, c = ${"a.b"}, d = ${ a.b }, a.b = 2)")
                                 << QByteArray(R"({"a":{"b":2},"a.b":1,"c":1,"d":2})");
    QTest::addRow("uses final value")
        << QByteArray("a = 1, b = ${a}, a = 2") << QByteArray(R"({"a":2,"b":2})");
    QTest::addRow("chain") << QByteArray("a = ${b}, b = ${c}, c = end")
                           << QByteArray(R"({"a":"end","b":"end","c":"end"})");
    QTest::addRow("self-referential string")
        << QByteArray("path = /bin\npath = ${path}\":/usr/bin\"\npath = ${path}\":/x\"")
        << QByteArray(R"({"path":"/bin:/usr/bin:/x"})");
    QTest::addRow("self-referential list")
        << QByteArray("a = [1]\na = ${a} [2]\na = [0] ${a}") << QByteArray(R"({"a":[0,1,2]})");
    QTest::addRow("self-referential object")
        << QByteArray("o { x = 1 }\no = ${o} { y = 2 }") << QByteArray(R"({"o":{"x":1,"y":2}})");
    QTest::addRow("self reference in nested key")
        << QByteArray("a { b = [x] }\na { b = ${a.b} [y] }")
        << QByteArray(R"({"a":{"b":["x","y"]}})");
    QTest::addRow("self reference sees value before it")
        << QByteArray("a = 1\na = ${a}${a}\nb = ${a}") << QByteArray(R"({"a":"11","b":"11"})");
    QTest::addRow("self reference to an earlier field")
        << QByteArray("a.b = 1\na.b = ${a}") << QByteArray(R"({"a":{"b":{"b":1}}})");
    QTest::addRow("optional undefined removes field")
        << QByteArray("a = ${?nope}, b = 1") << QByteArray(R"({"b":1})");
    QTest::addRow("optional undefined keeps earlier value")
        << QByteArray("a = 1\na = ${?nope}") << QByteArray(R"({"a":1})");
    QTest::addRow("optional undefined in string")
        << QByteArray("a = x ${?nope} y") << QByteArray(R"({"a":"x  y"})");
    QTest::addRow("optional undefined in list")
        << QByteArray("a = [1, ${?nope}, 2]") << QByteArray(R"({"a":[1,2]})");
    QTest::addRow("optional self reference")
        << QByteArray("a = ${?a} x") << QByteArray(R"({"a":" x"})");
    QTest::addRow("optional cycle is undefined") << QByteArray("a = ${?a}") << QByteArray(R"({})");
    QTest::addRow("optional through non-object")
        << QByteArray("a = 5, b = ${?a.c}") << QByteArray(R"({"a":5})");
    QTest::addRow("whitespace between substitutions")
        << QByteArray("a = 1, b = ${a} ${a}, c = ${a}${a}")
        << QByteArray(R"({"a":1,"b":"1 1","c":"11"})");
    QTest::addRow("object substitutions merge")
        << QByteArray("x { a = 1 }, y { b = 2 }, z = ${x} ${y} { c = 3 }")
        << QByteArray(R"({"x":{"a":1},"y":{"b":2},"z":{"a":1,"b":2,"c":3}})");
    QTest::addRow("list substitutions concatenate")
        << QByteArray("x = [1], y = ${x} ${x} [2]") << QByteArray(R"({"x":[1],"y":[1,1,2]})");
    QTest::addRow("number keeps type")
        << QByteArray("a = 1.50, b = ${a}") << QByteArray(R"({"a":1.50,"b":1.50})");
    QTest::addRow("delayed merge")
        << QByteArray("d { c = 5 }\na { q = 1 }\na = ${d}\na { r = 2 }\nb = ${a.c}")
        << QByteArray(R"({"a":{"c":5,"q":1,"r":2},"b":5,"d":{"c":5}})");
    QTest::addRow("lookup through delayed merge")
        << QByteArray("a { b = ${a.c}, c = 1 }\na = ${z}\nz { c = 2 }")
        << QByteArray(R"({"a":{"b":2,"c":2},"z":{"c":2}})");
    QTest::addRow("substitution replaced by plain value")
        << QByteArray("a = ${nope}\na = 5") << QByteArray(R"({"a":5})");
    QTest::addRow("plus equals under an object set over a scalar")
        << QByteArray("c = 1\nc.c.b += t") << QByteArray(R"({"c":{"c":{"b":["t"]}}})");
    // as Typesafe Config: while x is an object with substitutions over a scalar, a lookup
    // sees only the keys of x that need no resolution
    QTest::addRow("lookup into an object with substitutions over a scalar")
        << QByteArray("x = 2.50\nx { q = ${?y} }\nc = ${?x.q}\nd = ${?x}\ny = 1")
        << QByteArray(R"({"d":{"q":1},"x":{"q":1},"y":1})");
    QTest::addRow("hidden values are resolved too")
        << QByteArray("x = [${?nope}]\nx.y = ${?x} [1]") << QByteArray(R"({"x":{"y":[1]}})");
    QTest::addRow("plus equals on substituted list")
        << QByteArray("x = [1]\na = ${x}\na += 2") << QByteArray(R"({"a":[1,2],"x":[1]})");
}

void tst_HoconParser::resolution()
{
    QFETCH(QByteArray, hocon);
    QFETCH(QByteArray, json);
    QCOMPARE(resolved(hocon), json);
}

void tst_HoconParser::errors_data()
{
    QTest::addColumn<QByteArray>("hocon");
    QTest::addColumn<QString>("position");
    QTest::addColumn<QString>("message");

    const auto row
        = [](const char *name, const QByteArray &hocon, const char *position, const char *message) {
              QTest::addRow("%s", name)
                  << hocon << QString::fromUtf8(position) << QString::fromUtf8(message);
          };
    row("unterminated string", "a = 1\nb = \"abc", "test.conf:2:5", "unterminated quoted string");
    row("byte order mark takes no column",
        "\xef\xbb\xbf"
        "a = \"x",
        "test.conf:1:5", "unterminated quoted string");
    row("unterminated triple", "a = \"\"\"abc\n\"\"", "test.conf:1:5",
        "unterminated triple-quoted");
    row("newline in string", "a = \"ab\ncd\"", "test.conf:1:8", "newline in a quoted string");
    row("tab in string", "a = \"a\tb\"", "test.conf:1:7", "U+0009");
    row("bad escape", "a = \"x\\qy\"", "test.conf:1:7", "invalid escape");
    row("short unicode escape", "a = \"\\u12\"", "test.conf:1:6", "four hexadecimal digits");
    row("reserved character", "a = x@y", "test.conf:1:6", "reserved character '@'");
    row("reserved at value start", "a = ^", "test.conf:1:5", "reserved character '^'");
    row("plus in number", "a = 1+2", "test.conf:1:6", "reserved character '+'");
    row("lone plus", "a = x +y", "test.conf:1:7", "'+' is only allowed in '+='");
    row("dollar without brace", "a = $x", "test.conf:1:5", "'$' must be followed by '{'");
    row("unclosed substitution", "a = ${x", "test.conf:1:5", "not closed by '}'");
    row("newline in substitution", "a = ${x\n}", "test.conf:1:8", "newline is not allowed");
    row("empty substitution", "a = ${}", "test.conf:1:5", "expected a path");
    row("bad substitution path", "a = ${x..y}", "test.conf:1:5", "doubled '.'");
    row("value on the next line", "a = \nb = 1", "test.conf:2:3", "got '='");
    row("missing value at end", "a =", "test.conf:1:4", "expected a value, got end of file");
    row("key without separator", "a b\nc = 1", "test.conf:2:1",
        "expected '=', ':' or '{' after the key \"a b\"");
    row("second field on the same line", "a = 1 b = 2", "test.conf:1:9", "got '='");
    row("bad key", "a..b = 1", "test.conf:1:1", "doubled '.'");
    row("leading dot", " .a = 1", "test.conf:1:2", "leading, trailing or doubled '.'");
    row("trailing dot", "a. = 1", "test.conf:1:1", "leading, trailing or doubled '.'");
    row("key is a separator", "= 1", "test.conf:1:1", "expected a key, got '='");
    row("key is a substitution", "${a} = 1", "test.conf:1:1", "expected a key, got a substitution");
    row("missing close brace", "a {\n  b = 1\n", "test.conf:3:1", "line 1, column 3 is not closed");
    row("unbalanced close brace", "a = 1\n}", "test.conf:2:1", "'}' without a matching '{'");
    row("two fields without separator", "a { b = 1 c = 2 }", "test.conf:1:13",
        "or '}' after a field");
    row("trailing tokens after root", "{ a = 1 } b", "test.conf:1:11",
        "unexpected 'b' after the root object");
    row("list root", "[1]", "test.conf:1:1", "must be an object, not a list");
    row("double comma in list", "a = [1,,2]", "test.conf:1:8", "expected a value or ']' after ','");
    row("leading comma in list", "a = [,1]", "test.conf:1:6", "expected a value or ']' after '['");
    row("unclosed list", "a = [1, 2", "test.conf:1:10", "in a list, got end of file");
    row("missing comma in list", "a = [1 : 2]", "test.conf:1:8", "expected ',', a newline or ']'");
    row("double comma in object", "a = 1,, b = 2", "test.conf:1:7", "expected a key, got ','");
    row("string and list", "a = x [1]", "test.conf:1:7",
        "cannot concatenate the string \"x\" with a list");
    row("list and string", "a = [1] x", "test.conf:1:9",
        "cannot concatenate a list with the string \"x\"");
    row("string and object", "a = x { b = 1 }", "test.conf:1:7", "with an object");
    row("list and object", "a = [1] { b = 1 }", "test.conf:1:9",
        "cannot concatenate a list with an object");
    row("undefined substitution", "a = 1\nb = ${nope.x}", "test.conf:2:5",
        "could not resolve substitution ${nope.x}");
    row("cycle", "a = ${b}\nb = ${a}", "test.conf:2:5", "${a} is part of a cycle");
    row("self cycle", "x = 1\na = ${a}", "test.conf:2:5", "${a} is part of a cycle");
    row("concatenated self cycle", "a = ${a}\"x\"", "test.conf:1:5", "part of a cycle");
    row("resolved string and list", "x = s\na = ${x} [1]", "test.conf:2:10", "cannot concatenate");
    row("optional cycle through another substitution", "a = ${?b}\nb = ${?a}", "test.conf:2:5",
        "${?a} is part of a cycle with ${?b}");
    row("lookup through an object with substitutions over a scalar",
        "x = 5\nx { q = ${o} }\no { a = 1 }\nc = ${x.q.a}", "test.conf:2:3",
        "cannot look up x.q: x was set to a value that is not an object");
    row("plus equals inside a list", "a = [ { b += 1 } ]", "test.conf:1:11",
        "'+=' cannot be used inside a list");
    row("plus equals inside plus equals", "a += { b += 1 }", "test.conf:1:10",
        "'+=' cannot be used inside a list");
    row("hidden value with an error", "x = [${nope}]\nx.y = ${?x} [1]", "test.conf:1:6",
        "could not resolve substitution ${nope}");
    row("error in later merge value", "a = ${nope}\na = ${b}\nb = 1", "test.conf:1:5", "${nope}");
    row("include without name", "include foo", "test.conf:1:9", "expected a quoted file name");
    row("include url", "include url(\"http://x\")", "test.conf:1:1", "not supported");
    row("include trailing text", "include file(\"x\")y", "test.conf:1:18", "unexpected 'y'");
    row("include unclosed", "include file(\"x\"", "test.conf:1:17", "expected ')'");
    row("include missing properties", "include required(\"x.properties\")", "test.conf:1:1",
        "included file not found");
}

void tst_HoconParser::errors()
{
    QFETCH(QByteArray, hocon);
    QFETCH(QString, position);
    QFETCH(QString, message);
    const ParseResult result = parseHoconText(hocon, QStringLiteral("test.conf"));
    QVERIFY(!result.root);
    QCOMPARE(result.diagnostics.size(), 1);
    const QString formatted = result.diagnostics.constFirst().format();
    QVERIFY2(formatted.startsWith(position + QStringLiteral(": error: ")), qPrintable(formatted));
    QVERIFY2(formatted.contains(message), qPrintable(formatted));
    QVERIFY(hasErrors(result.diagnostics));
}

void tst_HoconParser::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("hocon");
    QTest::addColumn<QString>("position");

    QTest::addRow("in quoted string") << QByteArray("a = \"x\xffy\"") << QStringLiteral("1:7");
    QTest::addRow("in unquoted value") << QByteArray("a = 1\nb = x\xc3") << QStringLiteral("2:6");
    QTest::addRow("in key") << QByteArray("k\x80 = 1") << QStringLiteral("1:2");
    QTest::addRow("in comment") << QByteArray("# \xc3\x28\na = 1") << QStringLiteral("1:3");
    QTest::addRow("overlong") << QByteArray("a = \xc0\xaf") << QStringLiteral("1:5");
    QTest::addRow("surrogate") << QByteArray("a = \"\xed\xa0\x80\"") << QStringLiteral("1:6");
    QTest::addRow("above U+10FFFF") << QByteArray("a = \xf4\x90\x80\x80") << QStringLiteral("1:5");
    QTest::addRow("truncated at end") << QByteArray("a = \xe2\x82") << QStringLiteral("1:5");
    QTest::addRow("in triple quotes")
        << QByteArray("a = \"\"\"\n\xfe\"\"\"") << QStringLiteral("2:1");
    QTest::addRow("in whitespace") << QByteArray("a =\xa0 1") << QStringLiteral("1:4");
}

void tst_HoconParser::invalidUtf8()
{
    QFETCH(QByteArray, hocon);
    QFETCH(QString, position);
    const ParseResult result = parseHoconText(hocon, QStringLiteral("bad.conf"));
    QVERIFY(!result.root);
    QCOMPARE(result.diagnostics.constFirst().format(),
             QStringLiteral("bad.conf:%1: error: invalid UTF-8 byte sequence").arg(position));
}

void tst_HoconParser::environment()
{
    qputenv("CX_HOCON_TEST_VALUE", "from-env");
    qputenv("CX_HOCON_TEST_DEFINED", "from-env");
    qunsetenv("CX_HOCON_TEST_UNSET");
    QCOMPARE(resolved("a = ${CX_HOCON_TEST_VALUE}\n"
                      "b = ${?CX_HOCON_TEST_VALUE}/x\n"
                      "c = ${?CX_HOCON_TEST_UNSET}\n"
                      "CX_HOCON_TEST_DEFINED = from-config\n"
                      "d = ${CX_HOCON_TEST_DEFINED}\n"
                      "e = [${?CX_HOCON_TEST_VALUE}]\n"
                      "f { g = ${?CX_HOCON_TEST_VALUE} }\n"),
             QByteArray(R"({"CX_HOCON_TEST_DEFINED":"from-config","a":"from-env","b":"from-env/x",)"
                        R"("d":"from-config","e":["from-env"],"f":{"g":"from-env"}})"));
    // only a one-key path names a variable, and environment values are always strings
    qputenv("CX_HOCON_TEST_NUMBER", "42");
    QCOMPARE(resolved("a = ${?x.CX_HOCON_TEST_VALUE}, b = ${CX_HOCON_TEST_NUMBER}"),
             QByteArray(R"({"b":"42"})"));
    QCOMPARE(resolved("a = ${CX_HOCON_TEST_UNSET}"),
             QByteArray("ERROR test.conf:1:5: error: could not resolve substitution "
                        "${CX_HOCON_TEST_UNSET}: the configuration does not set it and there is no "
                        "such environment variable"));
    // a self reference without an earlier value is a cycle, not the variable (as Typesafe)
    QVERIFY(resolved("CX_HOCON_TEST_VALUE = ${CX_HOCON_TEST_VALUE}x").startsWith("ERROR "));
    qunsetenv("CX_HOCON_TEST_VALUE");
    qunsetenv("CX_HOCON_TEST_DEFINED");
    qunsetenv("CX_HOCON_TEST_NUMBER");
}

void tst_HoconParser::includes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("conf/sub")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/main.conf")),
                      "include \"sub/base.conf\"\n"
                      "base.b = main\n"
                      "section { include \"sub/relative.conf\" }\n"
                      "include file(\"sub/file.conf\")\n"
                      "include required(\"sub/required.conf\")\n"
                      "include \"sub/missing.conf\"\n"
                      "include file(\"sub/missing.conf\")\n"
                      "include \"sub/both\"\n"
                      "top = 1\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/base.conf")),
                      "base { a = base, b = base }\ninclude \"nested.conf\"\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/nested.conf")), "nested = yes"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/relative.conf")),
                      "x = 1\ny = ${x}\nz = ${top}\nlist += a\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/file.conf")), "file = yes"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/required.conf")), "required = yes"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/both.conf")), "both = conf, c = 1"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/sub/both.json")),
                      R"({"both": "json", "j": 2})"));

    const ParseResult result = parseHoconFile(dir.filePath(QStringLiteral("conf/main.conf")));
    QVERIFY2(result.root, qPrintable(result.diagnostics.value(0).format()));
    QCOMPARE(
        renderJson(*result.root),
        QByteArray(R"({"base":{"a":"base","b":"main"},"both":"conf","c":1,"file":"yes","j":2,)"
                   R"("nested":"yes","required":"yes","section":{"list":["a"],"x":1,"y":1,"z":1},)"
                   R"("top":1})"));

    // origins name the included file as the including one was named, plus the include path
    const QString relativeBase
        = QDir::current().relativeFilePath(dir.filePath(QStringLiteral("conf")));
    const ParseResult relative = parseHoconFile(relativeBase + QStringLiteral("/main.conf"));
    QVERIFY(relative.root);
    const Value *nested = relative.root->find({QStringLiteral("nested")});
    QVERIFY(nested);
    QCOMPARE(nested->origin().file, relativeBase + QStringLiteral("/sub/nested.conf"));
    QCOMPARE(nested->origin().line, 1);
    QCOMPARE(nested->origin().column, 10);

    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/p.properties")), "a=1"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/props.conf")), "include \"p.properties\""));
    const ParseResult properties = parseHoconFile(dir.filePath(QStringLiteral("conf/props.conf")));
    QVERIFY(!properties.root);
    QVERIFY(properties.diagnostics.value(0).message.contains(u"not supported"));
}

void tst_HoconParser::includeErrors_data()
{
    QTest::addColumn<QByteArray>("main");
    QTest::addColumn<QByteArray>("included");
    QTest::addColumn<QString>("expected");

    QTest::addRow("required missing")
        << QByteArray("a = 1\ninclude required(\"nope.conf\")") << QByteArray()
        << QStringLiteral("main.conf:2:1: error: included file not found");
    QTest::addRow("syntax error in included file")
        << QByteArray("include \"inc.conf\"") << QByteArray("a = 1\nb = [1,,]")
        << QStringLiteral("inc.conf:2:8: error: expected a value or ']' after ','");
    QTest::addRow("undefined substitution in included file")
        << QByteArray("x { include \"inc.conf\" }") << QByteArray("a = ${nope}")
        << QStringLiteral("inc.conf:1:5: error: could not resolve substitution ${nope}");
    QTest::addRow("substitutions in an include inside a list")
        << QByteArray("a = [ { include \"inc.conf\" } ]") << QByteArray("b = ${c}, c = 1")
        << QStringLiteral(
               "main.conf:1:9: error: a file with substitutions cannot be included inside a list");
}

void tst_HoconParser::includeErrors()
{
    QFETCH(QByteArray, main);
    QFETCH(QByteArray, included);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.conf")), main));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("inc.conf")), included));
    const ParseResult result = parseHoconFile(dir.filePath(QStringLiteral("main.conf")));
    QVERIFY(!result.root);
    const QString formatted = result.diagnostics.value(0).format();
    QVERIFY2(formatted.startsWith(dir.path() + u'/' + expected), qPrintable(formatted));
}

void tst_HoconParser::includeCycle()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.conf")), "a = 1\ninclude \"b.conf\"\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("b.conf")), "b = 1\n  include \"a.conf\"\n"));
    const ParseResult result = parseHoconFile(dir.filePath(QStringLiteral("a.conf")));
    QVERIFY(!result.root);
    QCOMPARE(
        result.diagnostics.value(0).format(),
        QStringLiteral("%1/b.conf:2:3: error: include cycle: %1/a.conf -> %1/b.conf -> %1/a.conf")
            .arg(dir.path()));

    QVERIFY(writeFile(dir.filePath(QStringLiteral("self.conf")), "include \"self.conf\""));
    QVERIFY(!parseHoconFile(dir.filePath(QStringLiteral("self.conf"))).root);
}

void tst_HoconParser::fileErrors()
{
    const ParseResult result = parseHoconFile(QStringLiteral("/nonexistent/cx.conf"));
    QVERIFY(!result.root);
    QVERIFY2(result.diagnostics.value(0).format().startsWith(
                 QStringLiteral("/nonexistent/cx.conf: error: cannot read the file")),
             qPrintable(result.diagnostics.value(0).format()));
}

void tst_HoconParser::deepNesting()
{
    const int limit = 512;
    const QByteArray deepest = "a = " + QByteArray(limit - 1, '[') + QByteArray(limit - 1, ']');
    QVERIFY(parseHoconText(deepest, QStringLiteral("deep.conf")).root);
    const QByteArray objects = "a " + QByteArray("{ a ").repeated(limit - 1) + "= 1"
        + QByteArray(" }").repeated(limit - 1);
    QVERIFY(parseHoconText(objects, QStringLiteral("deep.conf")).root);

    const QByteArray tooDeep = "a = " + QByteArray(limit, '[') + QByteArray(limit, ']');
    const ParseResult result = parseHoconText(tooDeep, QStringLiteral("deep.conf"));
    QVERIFY(!result.root);
    QCOMPARE(result.diagnostics.value(0).format(),
             QStringLiteral("deep.conf:1:516: error: values are nested more than 512 levels deep "
                            "(objects, lists, the keys of a dotted path and includes count)"));
    QVERIFY(!parseHoconText("a = " + QByteArray(1000000, '{'), QString()).root);
    QVERIFY(!parseHoconText("a = " + QByteArray(1000000, '['), QString()).root);

    // a long chain of substitutions is an error, not a stack overflow
    QByteArray chain;
    for (int i = 0; i < 5000; ++i)
        chain += "a" + QByteArray::number(i) + " = ${a" + QByteArray::number(i + 1) + "}\n";
    chain += "a5000 = end\n";
    QVERIFY(!parseHoconText(chain, QString()).root);
    // substitutions that double at each step are an error, not a hang
    QByteArray doubling = "a0 = [1, 2, 3]\n";
    for (int i = 1; i < 40; ++i) {
        doubling += 'a' + QByteArray::number(i) + " = ${a" + QByteArray::number(i - 1) + "} ${a"
            + QByteArray::number(i - 1) + "}\n";
    }
    QVERIFY(!parseHoconText(doubling, QString()).root);
    // the same with one key that doubles itself: each line resolves every line before it
    // (found while fuzzing: twenty lines took 14 s and 700 MB before the limit was lowered)
    const QByteArray selfDoubling = "a = 1\n" + QByteArray("a = ${a} ${a}\n").repeated(24);
    const ParseResult expanded = parseHoconText(selfDoubling, QStringLiteral("double.conf"));
    QVERIFY(!expanded.root);
    QVERIFY2(expanded.diagnostics.value(0).message.contains(u"expand to more than"),
             qPrintable(expanded.diagnostics.value(0).format()));
}

void tst_HoconParser::origins()
{
    const ParseResult result = parseHoconText("a {\n  b = 1\n  c = [x, \"y\"]\n}\nd.e = ${a.b}\n",
                                              QStringLiteral("o.conf"));
    QVERIFY(result.root);
    const auto originOf = [&result](const QStringList &path) {
        const Value *value = result.root->find(path);
        return value ? QStringLiteral("%1:%2:%3")
                           .arg(value->origin().file)
                           .arg(value->origin().line)
                           .arg(value->origin().column)
                     : QString();
    };
    QCOMPARE(originOf({QStringLiteral("a")}), QStringLiteral("o.conf:1:3"));
    QCOMPARE(originOf({QStringLiteral("a"), QStringLiteral("b")}), QStringLiteral("o.conf:2:7"));
    QCOMPARE(originOf({QStringLiteral("a"), QStringLiteral("c")}), QStringLiteral("o.conf:3:7"));
    QCOMPARE(result.root->find({QStringLiteral("a"), QStringLiteral("c")})
                 ->items()
                 .at(1)
                 .origin()
                 .column,
             11);
    // a substituted value is reported where the substitution is written
    QCOMPARE(originOf({QStringLiteral("d"), QStringLiteral("e")}), QStringLiteral("o.conf:5:7"));
}

void tst_HoconParser::numbersKeepSourceText()
{
    const ParseResult result = parseHoconText("a = 1.50, b = 1e3, c = \"5\", d = true", QString());
    QVERIFY(result.root);
    const Value &root = *result.root;
    QCOMPARE(root.find({QStringLiteral("a")})->type(), Value::Type::Number);
    QCOMPARE(root.find({QStringLiteral("a")})->text(), QStringLiteral("1.50"));
    QCOMPARE(root.find({QStringLiteral("b")})->text(), QStringLiteral("1e3"));
    QCOMPARE(root.find({QStringLiteral("c")})->type(), Value::Type::String);
    QCOMPARE(root.find({QStringLiteral("d")})->type(), Value::Type::Boolean);
    QVERIFY(root.find({QStringLiteral("d")})->toBool());
}

void tst_HoconParser::splitPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("keys");

    QTest::addRow("one") << QStringLiteral("a") << QStringList {QStringLiteral("a")};
    QTest::addRow("dotted") << QStringLiteral("cx-server.transport.websockets.app-key")
                            << QStringList {
                                   QStringLiteral("cx-server"), QStringLiteral("transport"),
                                   QStringLiteral("websockets"), QStringLiteral("app-key")};
    QTest::addRow("quoted") << QStringLiteral("a.\"b.c\".d")
                            << QStringList {QStringLiteral("a"), QStringLiteral("b.c"),
                                            QStringLiteral("d")};
    QTest::addRow("empty quoted") << QStringLiteral("a.\"\"")
                                  << QStringList {QStringLiteral("a"), QString()};
    QTest::addRow("numbers") << QStringLiteral(
        "a.10.5") << QStringList {QStringLiteral("a"), QStringLiteral("10"), QStringLiteral("5")};
    QTest::addRow("spaces") << QStringLiteral(" a b.c ")
                            << QStringList {QStringLiteral("a b"), QStringLiteral("c")};
    QTest::addRow("empty") << QString() << QStringList();
    QTest::addRow("double dot") << QStringLiteral("a..b") << QStringList();
    QTest::addRow("trailing dot") << QStringLiteral("a.") << QStringList();
    QTest::addRow("separator") << QStringLiteral("a=b") << QStringList();
    QTest::addRow("unterminated quote") << QStringLiteral("a.\"b") << QStringList();
}

void tst_HoconParser::splitPath()
{
    QFETCH(QString, path);
    QFETCH(QStringList, keys);
    QCOMPARE(cx::config::splitPath(path), keys);
}

/// Thousands of random edits of a document that uses every construct: the reader must answer
/// each with a value or an error, never crash, hang or read out of bounds (run under ASan
/// with CX_SANITIZE=ON).
void tst_HoconParser::randomMutationsNeverCrash()
{
    const QByteArray valid = "# cxserver\n"
                             "cx-server {\n"
                             "  transport.websockets {\n"
                             "    app-key = \"k\\u0041y\" // secret\n"
                             "    platforms = [ \"ws://a:8080/Thingworx/WS\", b.example ]\n"
                             "    connections { pingRate = 30s, highWaterMark = 64k, n = -1.5e3 }\n"
                             "  }\n"
                             "  path = ${?HOME}\"/x\"\n"
                             "  list = [1] [2]\n"
                             "  list += 3\n"
                             "  obj = ${cx-server.transport} { extra = true }\n"
                             "  text = \"\"\"multi\nline\"\"\"\n"
                             "  include \"does-not-exist.conf\"\n"
                             "  \"quoted.key\" : null\n"
                             "}\n";
    QVERIFY(parseHoconText(valid, QString()).root);
    const QByteArray alphabet("{}[]\"$?:=,+#/\\\n\t .0123456789abcxyz-\x80\xc3\xff");
    QRandomGenerator random(20240611);
    for (int i = 0; i < 4000; ++i) {
        QByteArray text = valid;
        const int edits = 1 + random.bounded(4);
        for (int e = 0; e < edits && !text.isEmpty(); ++e) {
            const qsizetype at = random.bounded(text.size());
            switch (random.bounded(4)) {
            case 0:
                text[at] = alphabet.at(random.bounded(alphabet.size()));
                break;
            case 1:
                text.insert(at, alphabet.at(random.bounded(alphabet.size())));
                break;
            case 2:
                text.remove(at, 1 + random.bounded(8));
                break;
            default:
                text.insert(at, text.mid(random.bounded(text.size()), random.bounded(20)));
                break;
            }
        }
        const ParseResult result = parseHoconText(text, QStringLiteral("fuzz.conf"));
        QVERIFY(result.root.has_value() != !result.diagnostics.isEmpty());
        if (!result.root) {
            const Origin &origin = result.diagnostics.constFirst().origin;
            QVERIFY(origin.line >= 1 && origin.column >= 1);
        }
    }
}

QTEST_GUILESS_MAIN(tst_HoconParser)

#include "tst_hoconparser.moc"

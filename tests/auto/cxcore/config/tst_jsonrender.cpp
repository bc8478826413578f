// renderJson(): compact JSON as Typesafe Config's ConfigRenderOptions.concise() renders it
// (what --dump-config prints), for values built directly.

#include "config/jsonrender.h"
#include "config/value.h"

#include <QTest>

using namespace cx::config;

class tst_JsonRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalars_data();
    void scalars();
    void keyOrder();
    void nested();
    void quoteJsonString_data();
    void quoteJsonString();
};

void tst_JsonRender::scalars_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("json");

    QTest::addRow("null") << Value::null() << QByteArray("null");
    QTest::addRow("true") << Value::boolean(true) << QByteArray("true");
    QTest::addRow("false") << Value::boolean(false) << QByteArray("false");
    QTest::addRow("integer") << Value::number(QStringLiteral("8443")) << QByteArray("8443");
    QTest::addRow("source text kept")
        << Value::number(QStringLiteral("1.50")) << QByteArray("1.50");
    QTest::addRow("exponent kept")
        << Value::number(QStringLiteral("-2.5E+3")) << QByteArray("-2.5E+3");
    QTest::addRow("leading zeros") << Value::number(QStringLiteral("-007")) << QByteArray("-7");
    QTest::addRow("zero") << Value::number(QStringLiteral("000")) << QByteArray("0");
    QTest::addRow("bare dot") << Value::number(QStringLiteral("1.")) << QByteArray("1");
    QTest::addRow("no integer part")
        << Value::number(QStringLiteral("-.5e1")) << QByteArray("-0.5e1");
    QTest::addRow("not a number") << Value::number(QStringLiteral("x1")) << QByteArray("\"x1\"");
    QTest::addRow("string") << Value::string(QStringLiteral("a\"b")) << QByteArray(R"("a\"b")");
    QTest::addRow("unicode string")
        << Value::string(QStringLiteral("\u00e9\u4e2d")) << QByteArray("\"\xc3\xa9\xe4\xb8\xad\"");
    QTest::addRow("empty list") << Value::list({}) << QByteArray("[]");
    QTest::addRow("empty object") << Value::object({}) << QByteArray("{}");
}

void tst_JsonRender::scalars()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, json);
    QCOMPARE(renderJson(value), json);
}

void tst_JsonRender::keyOrder()
{
    QMap<QString, Value> members;
    for (const char *key : {"b", "10", "a", "9", "B", "", "-1", "1.5", "007", "100", "_", "\u00e9"})
        members.insert(QString::fromUtf8(key), Value::null());
    // all-digit keys by numeric value first ("007" is 7), then the others by UTF-16 code units
    QCOMPARE(
        renderJson(Value::object(members)),
        QByteArray("{\"007\":null,\"9\":null,\"10\":null,\"100\":null,\"\":null,\"-1\":null,"
                   "\"1.5\":null,\"B\":null,\"_\":null,\"a\":null,\"b\":null,\"\xc3\xa9\":null}"));
}

void tst_JsonRender::nested()
{
    const Value inner = Value::object(
        {{QStringLiteral("k"),
          Value::list({Value::number(QStringLiteral("1")), Value::string(QStringLiteral("x"))})}});
    const Value root
        = Value::object({{QStringLiteral("z"), inner},
                         {QStringLiteral("a"), Value::list({inner, Value::list({})})}});
    QCOMPARE(renderJson(root), QByteArray(R"({"a":[{"k":[1,"x"]},[]],"z":{"k":[1,"x"]}})"));
}

void tst_JsonRender::quoteJsonString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");

    QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral("\"abc\"");
    QTest::addRow("empty") << QString() << QStringLiteral("\"\"");
    QTest::addRow("quote and backslash")
        << QStringLiteral("a\"b\\c") << QStringLiteral(R"("a\"b\\c")");
    QTest::addRow("named escapes")
        << QStringLiteral("\n\b\f\r\t") << QStringLiteral(R"("\n\b\f\r\t")");
    QTest::addRow("other controls") << QStringLiteral("\u0001\u001f\u007f\u009f")
                                    << QStringLiteral(R"("\u0001\u001f\u007f\u009f")");
    QTest::addRow("slash kept") << QStringLiteral("a/b") << QStringLiteral("\"a/b\"");
    QTest::addRow("non-ascii kept")
        << QStringLiteral("\u00a0\u2028") << QStringLiteral("\"\u00a0\u2028\"");
}

void tst_JsonRender::quoteJsonString()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(cx::config::quoteJsonString(text), quoted);
}

QTEST_GUILESS_MAIN(tst_JsonRender)

#include "tst_jsonrender.moc"

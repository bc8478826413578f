// Expected values were obtained from Typesafe Config 1.3.1 (Debian's
// libtypesafe-config-java) with getBoolean, getLong, getInt, getString, getStringList,
// getDuration and getBytes on the same values.

#include "config/conversions.h"

#include <QTest>
#include <limits>

using cx::Result;
using namespace cx::config;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 LongMax = std::numeric_limits<qint64>::max();
constexpr qint64 LongMin = std::numeric_limits<qint64>::min();

Value str(const QString &s)
{
    return Value::string(s);
}

Value num(const QString &text)
{
    return Value::number(text);
}

} // namespace

class tst_Conversions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void booleans_data();
    void booleans();
    void longs_data();
    void longs();
    void ints_data();
    void ints();
    void strings_data();
    void strings();
    void stringLists_data();
    void stringLists();
    void durations_data();
    void durations();
    void bytes_data();
    void bytes();
};

void tst_Conversions::booleans_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("expected");

    QTest::addRow("true") << Value::boolean(true) << true << true;
    QTest::addRow("false") << Value::boolean(false) << true << false;
    for (const QString &s : {u"true"_s, u"yes"_s, u"on"_s})
        QTest::addRow("\"%s\"", qPrintable(s)) << str(s) << true << true;
    for (const QString &s : {u"false"_s, u"no"_s, u"off"_s})
        QTest::addRow("\"%s\"", qPrintable(s)) << str(s) << true << false;
    QTest::addRow("\"Yes\" is case-sensitive") << str(u"Yes"_s) << false << false;
    QTest::addRow("\"1\"") << str(u"1"_s) << false << false;
    QTest::addRow("number") << num(u"1"_s) << false << false;
    QTest::addRow("null") << Value::null() << false << false;
    QTest::addRow("list") << Value::list({}) << false << false;
}

void tst_Conversions::booleans()
{
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(bool, expected);

    const Result<bool> b = toBoolean(value);
    QCOMPARE(b.ok(), ok);
    if (ok)
        QCOMPARE(*b, expected);
}

void tst_Conversions::longs_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    QTest::addRow("5") << num(u"5"_s) << true << qint64(5);
    QTest::addRow("1.5 truncates") << num(u"1.5"_s) << true << qint64(1);
    QTest::addRow("-2.9 truncates toward zero") << num(u"-2.9"_s) << true << qint64(-2);
    QTest::addRow("1e3") << num(u"1e3"_s) << true << qint64(1000);
    QTest::addRow("\"5\"") << str(u"5"_s) << true << qint64(5);
    QTest::addRow("\" 5 \"") << str(u" 5 "_s) << true << qint64(5);
    QTest::addRow("\"+5\"") << str(u"+5"_s) << true << qint64(5);
    QTest::addRow("\"-3\"") << str(u"-3"_s) << true << qint64(-3);
    QTest::addRow("\"1.5\"") << str(u"1.5"_s) << true << qint64(1);
    QTest::addRow("\"1E3\"") << str(u"1E3"_s) << true << qint64(1000);
    QTest::addRow("\".5\"") << str(u".5"_s) << true << qint64(0);
    QTest::addRow("\"5.\"") << str(u"5."_s) << true << qint64(5);
    QTest::addRow("\"1d\" (Java double suffix)") << str(u"1d"_s) << true << qint64(1);
    QTest::addRow("\"1f\"") << str(u"1f"_s) << true << qint64(1);
    QTest::addRow("\"0x1p3\" (Java hex double)") << str(u"0x1p3"_s) << true << qint64(8);
    QTest::addRow("\"NaN\"") << str(u"NaN"_s) << true << qint64(0);
    QTest::addRow("\"Infinity\"") << str(u"Infinity"_s) << true << LongMax;
    QTest::addRow("\"-Infinity\"") << str(u"-Infinity"_s) << true << LongMin;
    QTest::addRow("max") << str(u"9223372036854775807"_s) << true << LongMax;
    QTest::addRow("max + 1 saturates") << str(u"9223372036854775808"_s) << true << LongMax;
    QTest::addRow("min") << str(u"-9223372036854775808"_s) << true << LongMin;
    QTest::addRow("min - 1 saturates") << str(u"-9223372036854775809"_s) << true << LongMin;
    QTest::addRow("1e400") << str(u"1e400"_s) << true << LongMax;
    QTest::addRow("1e-400") << str(u"1e-400"_s) << true << qint64(0);
    QTest::addRow("\"yes\"") << str(u"yes"_s) << false << qint64(0);
    QTest::addRow("\"30s\"") << str(u"30s"_s) << false << qint64(0);
    QTest::addRow("\"0x10\"") << str(u"0x10"_s) << false << qint64(0);
    QTest::addRow("\"1_000\"") << str(u"1_000"_s) << false << qint64(0);
    QTest::addRow("\"\"") << str(QString()) << false << qint64(0);
    QTest::addRow("\" \"") << str(u" "_s) << false << qint64(0);
    QTest::addRow("\"1e\"") << str(u"1e"_s) << false << qint64(0);
    QTest::addRow("\"NaNd\"") << str(u"NaNd"_s) << false << qint64(0);
    QTest::addRow("\"-+5\"") << str(u"-+5"_s) << false << qint64(0);
    QTest::addRow("boolean") << Value::boolean(true) << false << qint64(0);
    QTest::addRow("object") << Value::object({}) << false << qint64(0);
}

void tst_Conversions::longs()
{
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const Result<qint64> n = toLong(value);
    QCOMPARE(n.ok(), ok);
    if (ok)
        QCOMPARE(*n, expected);
}

void tst_Conversions::ints_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("expected");

    QTest::addRow("2147483647") << num(u"2147483647"_s) << true << 2147483647;
    QTest::addRow("-2147483648") << num(u"-2147483648"_s) << true << int(-2147483648LL);
    QTest::addRow("1.9") << num(u"1.9"_s) << true << 1;
    QTest::addRow("2147483648") << num(u"2147483648"_s) << false << 0;
    QTest::addRow("\"-2147483649\"") << str(u"-2147483649"_s) << false << 0;
    QTest::addRow("\"Infinity\"") << str(u"Infinity"_s) << false << 0;
}

void tst_Conversions::ints()
{
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(int, expected);

    const Result<int> n = toInt(value);
    QCOMPARE(n.ok(), ok);
    if (ok)
        QCOMPARE(*n, expected);
    else
        QCOMPARE(n.error().message, u"is outside the 32-bit integer range"_s);
}

void tst_Conversions::strings_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::addRow("string") << str(u"abc"_s) << true << u"abc"_s;
    QTest::addRow("number keeps its text") << num(u"1.50"_s) << true << u"1.50"_s;
    QTest::addRow("boolean") << Value::boolean(false) << true << u"false"_s;
    QTest::addRow("null") << Value::null() << false << QString();
    QTest::addRow("list") << Value::list({str(u"a"_s)}) << false << QString();
    QTest::addRow("object") << Value::object({}) << false << QString();
}

void tst_Conversions::strings()
{
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const Result<QString> s = toString(value);
    QCOMPARE(s.ok(), ok);
    if (ok)
        QCOMPARE(*s, expected);
}

void tst_Conversions::stringLists_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("empty") << Value::list({}) << true << QStringList();
    QTest::addRow("mixed scalars")
        << Value::list({str(u"a"_s), num(u"1.50"_s), Value::boolean(true), str(u"yes"_s)}) << true
        << QStringList {u"a"_s, u"1.50"_s, u"true"_s, u"yes"_s};
    QTest::addRow("numeric-keyed object")
        << Value::object({{u"1"_s, str(u"b"_s)}, {u"0"_s, str(u"a"_s)}, {u"x"_s, str(u"c"_s)}})
        << true << QStringList {u"a"_s, u"b"_s};
    QTest::addRow("null element") << Value::list({str(u"a"_s), Value::null()}) << false
                                  << QStringList();
    QTest::addRow("nested list") << Value::list({str(u"a"_s), Value::list({})}) << false
                                 << QStringList();
    QTest::addRow("object without numeric keys")
        << Value::object({{u"x"_s, str(u"a"_s)}}) << false << QStringList();
    QTest::addRow("object with a negative key")
        << Value::object({{u"-1"_s, str(u"a"_s)}}) << false << QStringList();
    QTest::addRow("string") << str(u"a"_s) << false << QStringList();
}

void tst_Conversions::stringLists()
{
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);

    const Result<QStringList> list = toStringList(value);
    QCOMPARE(list.ok(), ok);
    if (ok)
        QCOMPARE(*list, expected);
}

void tst_Conversions::durations_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<qint64>("nanos");
    QTest::addColumn<QString>("error"); ///< empty: a valid duration

    constexpr qint64 ms = 1'000'000;
    constexpr qint64 s = 1000 * ms;
    const auto good = [](const char *name, const Value &v, qint64 nanos) {
        QTest::addRow("%s", name) << v << nanos << QString();
    };
    const auto bad = [](const char *name, const Value &v, const QString &error) {
        QTest::addRow("%s", name) << v << qint64(0) << error;
    };
    good("number: milliseconds", num(u"5"_s), 5 * ms);
    good("1.5 (number)", num(u"1.5"_s), 1'500'000);
    good("1e3 (number)", num(u"1e3"_s), 1 * s);
    good("\"5\"", str(u"5"_s), 5 * ms);
    good("30s", str(u"30s"_s), 30 * s);
    good("30 s", str(u"30 s"_s), 30 * s);
    good("10 seconds", str(u"10 seconds"_s), 10 * s);
    good("1 second", str(u"1 second"_s), 1 * s);
    good("1.5s", str(u"1.5s"_s), 1500 * ms);
    good("1.5 h", str(u"1.5 h"_s), 5400 * s);
    good("3 millis", str(u"3 millis"_s), 3 * ms);
    good("2 milli", str(u"2 milli"_s), 2 * ms);
    good("7 milliseconds", str(u"7 milliseconds"_s), 7 * ms);
    good("4 nano", str(u"4 nano"_s), 4);
    good("4 nanos", str(u"4 nanos"_s), 4);
    good("4 nanosecond", str(u"4 nanosecond"_s), 4);
    good("2us", str(u"2us"_s), 2000);
    good("2 microseconds", str(u"2 microseconds"_s), 2000);
    good("1 day", str(u"1 day"_s), 86400 * s);
    good("1d", str(u"1d"_s), 86400 * s);
    good("1 minute", str(u"1 minute"_s), 60 * s);
    good("1m is a minute", str(u"1m"_s), 60 * s);
    good("2 hours", str(u"2 hours"_s), 7200 * s);
    good("+5s", str(u"+5s"_s), 5 * s);
    good("-5s", str(u"-5s"_s), -5 * s);
    good("1.5e3ms", str(u"1.5e3ms"_s), 1500 * ms);
    good("1e3s", str(u"1e3s"_s), 1000 * s);
    good("trailing space", str(u"5ms "_s), 5 * ms);
    good("leading spaces", str(u"  5ms"_s), 5 * ms);
    good("0.1s", str(u"0.1s"_s), 100 * ms);
    good("1.1ms", str(u"1.1ms"_s), 1'100'000);
    good("0x1p3s", str(u"0x1p3s"_s), 8 * s);
    good("saturates (long)", str(u"9223372036854775807ms"_s), LongMax);
    good("saturates (double)", str(u"1e300d"_s), LongMax);
    bad("unit only", str(u"us"_s), u"has no number"_s);
    bad("empty", str(QString()), u"has no number"_s);
    bad("boolean", Value::boolean(true), u"has no number"_s);
    bad("uppercase unit", str(u"5 S"_s),
        u"has an unknown time unit \"S\" (use ns, us, ms, s, m, h or d)"_s);
    bad("min", str(u"1 min"_s),
        u"has an unknown time unit \"min\" (use ns, us, ms, s, m, h or d)"_s);
    bad("sec", str(u"5 sec"_s),
        u"has an unknown time unit \"sec\" (use ns, us, ms, s, m, h or d)"_s);
    bad("size", str(u"64k"_s), u"has an unknown time unit \"k\" (use ns, us, ms, s, m, h or d)"_s);
    bad("too long for a long", str(u"9223372036854775808"_s),
        u"has a number that does not fit in 64 bits"_s);
    bad("1-2s", str(u"1-2s"_s), u"has no valid number before its unit"_s);
    bad("1..2s", str(u"1..2s"_s), u"has no valid number before its unit"_s);
    bad("0x10", str(u"0x10"_s), u"has no valid number before its unit"_s);
    bad("list", Value::list({}), u"is a list, not a duration"_s);
    bad("null", Value::null(), u"is null, not a duration"_s);
}

void tst_Conversions::durations()
{
    QFETCH(Value, value);
    QFETCH(qint64, nanos);
    QFETCH(QString, error);

    const Result<std::chrono::nanoseconds> d = toDuration(value);
    if (error.isEmpty()) {
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->count(), nanos);
    } else {
        QVERIFY(!d.ok());
        QCOMPARE(d.error().message, error);
    }
}

void tst_Conversions::bytes_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error"); ///< empty: a valid size

    const auto good = [](const char *text, qint64 bytes) {
        QTest::addRow("\"%s\"", text) << str(QString::fromUtf8(text)) << bytes << QString();
    };
    const auto bad = [](const char *text, const QString &error) {
        QTest::addRow("\"%s\"", text) << str(QString::fromUtf8(text)) << qint64(0) << error;
    };
    QTest::addRow("number") << num(u"5"_s) << qint64(5) << QString();
    QTest::addRow("1.5 (number)") << num(u"1.5"_s) << qint64(1) << QString();
    good("5", 5);
    good("1.5", 1);
    good("1e3", 1000);
    good("-3", -3);
    good("1d", 1);
    good("NaN", 0);
    good("Infinity", LongMax);
    good("9223372036854775808", LongMax);
    good("64k", 65536);
    good("64K", 65536);
    good("64Ki", 65536);
    good("64KiB", 65536);
    good("64kibibytes", 65536);
    good("1 kibibyte", 1024);
    good("64kB", 64000);
    good("64 kilobytes", 64000);
    good("1 kilobyte", 1000);
    good("1.5k", 1536);
    good("1m", 1048576);
    good("1M", 1048576);
    good("1Mi", 1048576);
    good("1MiB", 1048576);
    good("1MB", 1000000);
    good("1 megabytes", 1000000);
    good("1g", 1073741824);
    good("1 Gi", 1073741824);
    good("1 gigabytes", 1000000000);
    good("3 tebibyte", 3298534883328);
    good("1 PB", 1000000000000000);
    good("1E", 1152921504606846976);
    good("7Ei", 8070450532247928832);
    good("7.99Ei", 9211842821808707338);
    good("0.000001ZiB", 1180591620717411);
    good("0.000001Yi", 1208925819614629174);
    good("1 b", 1);
    good("1 B", 1);
    good("10 bytes", 10);
    good("5 byte", 5);
    good("-1k", -1024);
    good("-0.5k", -512);
    good("-8Ei", LongMin);
    good("+1k", 1024);
    good("1 k", 1024);
    good(" 1k ", 1024);
    good("1.k", 1024);
    good(".5k", 512);
    good("1e3k", 1024000);
    good("1e+3k", 1024000);
    good("1E3k", 1024000);
    good("1e0k", 1024);
    good("1e-3k", 1);
    good("0.3kB", 300);
    good("0.9999999999999999999999k", 1023);
    good("1e", 1152921504606846976);
    good("-0", 0);
    const QString unknownUnit = u"has an unknown size unit \"%1\" (use for example B, k or KiB = "
                                "1024, kB = 1000, M or MiB = 1048576, MB = 1000000, G, GiB, GB)"_s;
    bad("64KB", unknownUnit.arg(u"KB"));
    bad("1kb", unknownUnit.arg(u"kb"));
    bad("1 KIB", unknownUnit.arg(u"KIB"));
    bad("2 Byte", unknownUnit.arg(u"Byte"));
    bad("1ek", unknownUnit.arg(u"ek"));
    bad("30s", unknownUnit.arg(u"s"));
    const QString tooLarge = u"is too large for a 64-bit byte count"_s;
    bad("8Ei", tooLarge);
    bad("1e30k", tooLarge);
    bad("1Yi", tooLarge);
    bad("0.001Yi", tooLarge);
    bad("1024 yobibytes", tooLarge);
    bad("1 zettabyte", tooLarge);
    // Typesafe Config throws an ArithmeticException here; a clear error is better.
    bad("1e2000000000k", tooLarge);
    const QString badNumber = u"has no valid number before its unit"_s;
    bad("+0x10", badNumber);
    bad("1.5.k", badNumber);
    bad("0x1p3k", badNumber);
    bad("1,5k", badNumber);
    bad("yes", u"has no number"_s);
    bad("", u"has no number"_s);
    QTest::addRow("boolean") << Value::boolean(true) << qint64(0) << u"has no number"_s;
    QTest::addRow("list") << Value::list({}) << qint64(0) << u"is a list, not a size"_s;
}

void tst_Conversions::bytes()
{
    QFETCH(Value, value);
    QFETCH(qint64, expected);
    QFETCH(QString, error);

    const Result<qint64> n = toBytes(value);
    if (error.isEmpty()) {
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().message));
        QCOMPARE(*n, expected);
    } else {
        QVERIFY(!n.ok());
        QCOMPARE(n.error().message, error);
    }
}

QTEST_GUILESS_MAIN(tst_Conversions)
#include "tst_conversions.moc"

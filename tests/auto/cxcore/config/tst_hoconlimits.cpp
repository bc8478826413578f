// The limits of the HOCON reader (hoconlimits.h): hostile documents that once crashed it, or
// took minutes and gigabytes, are refused with a FILE:LINE:COL error naming the limit. The
// inputs are large enough that without the limits the test would crash, or run into the CTest
// timeout, rather than pass.

#include "config/hoconlimits.h"
#include "config/hoconparser.h"
#include "config/value.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::config;

namespace {

QByteArray repeated(const QByteArray &text, int times)
{
    return text.repeated(times);
}

QByteArray number(int n)
{
    return QByteArray::number(n);
}

/// `a1 = {p = ${a0}, q = ${a0}}`, ...: each line twice the size of the one before.
QByteArray objectFanOut(const QByteArray &prefix, int levels)
{
    QByteArray text = "a0 = {x = 1, y = 2}\n";
    for (int i = 1; i <= levels; ++i) {
        const QByteArray below = "${" + prefix + 'a' + number(i - 1) + '}';
        text += 'a' + number(i) + " = {p = " + below + ", q = " + below + "}\n";
    }
    return text;
}

/// `KEY = ${KEY} ${KEY}` repeated: each line resolves every line before it twice.
QByteArray selfConcatenation(int keyLength, int lines)
{
    const QByteArray key(keyLength, 'k');
    return key + " = x\n" + repeated(key + " = ${" + key + "} ${" + key + "}\n", lines);
}

/// a1 holds a0 `depth` objects deep, a2 holds a1 as deep...: shallow lines, a deep result.
QByteArray nestedBySubstitutions(int depth, int lines)
{
    QByteArray text = "a0 = 1\n";
    for (int i = 1; i <= lines; ++i) {
        text += 'a' + number(i) + " = " + repeated("{x ", depth) + "= ${a" + number(i - 1) + '}'
            + repeated("}", depth) + '\n';
    }
    return text;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

const QString Nested
    = QStringLiteral("values are nested more than %1 levels deep").arg(maxHoconDepth);

} // namespace

class tst_HoconLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refused_data();
    void refused();
    void includesCountTowardsDepth();
    void endlessInput();
    void manyKeysOfOneObject();
    void realConfigurationsStayWithinLimits();
};

void tst_HoconLimits::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("position"); ///< ":LINE:COL", or empty when any position will do
    QTest::addColumn<QString>("message");

    // found by an external probe of --check-config: a recursive destructor overflowed the stack
    QTest::addRow("dotted key of 100000 keys") << "a" + repeated(".a", 99999) + " = 1\n"
                                               << QStringLiteral(":1:1") << Nested;
    QTest::addRow("dotted key below nested objects")
        << repeated("a {", 500) + "b" + repeated(".b", 12) + " = 1" + repeated("}", 500)
        << QStringLiteral(":1:1501") << Nested;
    QTest::addRow("objects nested 100000 deep")
        << "a" + repeated("{a", 100000) + "=1" + repeated("}", 100000) << QStringLiteral(":1:1024")
        << Nested;
    QTest::addRow("lists nested 100000 deep")
        << "a = " + repeated("[", 100000) + repeated("]", 100000) << QStringLiteral(":1:516")
        << Nested;
    QTest::addRow("key of 5000 characters")
        << "a." + QByteArray(5000, 'k') + " = 1" << QStringLiteral(":1:1")
        << QStringLiteral("a key is longer than %1 characters").arg(maxHoconKeyLength);
    QTest::addRow("substitution of a key of 5000 characters")
        << "a = ${" + QByteArray(5000, 'k') + "}" << QStringLiteral(":1:5")
        << QStringLiteral("a key is longer than %1 characters").arg(maxHoconKeyLength);
    QTest::addRow("substitution path of 100000 keys")
        << "a = ${a" + repeated(".a", 99999) + "}" << QStringLiteral(":1:5")
        << QStringLiteral("a substitution path has more than %1 keys").arg(maxHoconResolvedDepth);
    QTest::addRow("fields of deep paths")
        << repeated("a {", 500) + repeated("b = 1\n", 2100) + repeated("}", 500)
        << QStringLiteral(":1747:1")
        << QStringLiteral("the paths of the fields have more than %1 keys in all")
               .arg(maxHoconOutlineKeys);
    // found by the probe: 24 levels took 3.5 s (the tree doubles at each line)
    QTest::addRow("object fan-out") << objectFanOut({}, 60) << QString()
                                    << QStringLiteral("substitutions expand to more than %1 "
                                                      "values and characters")
                                           .arg(maxHoconCopiedSize);
    QTest::addRow("object fan-out under cx-server")
        << "cx-server {\n" + objectFanOut("cx-server.", 60) + "}\n"
        << QString()
        << QStringLiteral("substitutions expand to more than %1 values and characters")
               .arg(maxHoconCopiedSize);
    QTest::addRow("string doubling")
        << "a = x\n" + repeated("a = ${a}${a}\n", 60) << QString()
        << QStringLiteral("substitutions expand to more than %1 values and characters")
               .arg(maxHoconCopiedSize);
    // found by the probe: 18 lines with keys of 5000 characters took 22 s and 2.2 GB
    QTest::addRow("self-concatenation with long keys")
        << selfConcatenation(maxHoconKeyLength, 60) << QString()
        << QStringLiteral("resolving the substitutions takes more than %1 steps")
               .arg(maxHoconResolveSteps);
    QTest::addRow("deep result of shallow substitutions")
        << nestedBySubstitutions(100, 40) << QString()
        << QStringLiteral("values are nested more than %1 levels deep once substitutions are "
                          "resolved")
               .arg(maxHoconResolvedDepth);
}

void tst_HoconLimits::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, position);
    QFETCH(QString, message);

    const ParseResult result = parseHoconText(text, QStringLiteral("hostile.conf"));
    QVERIFY(!result.root);
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &diagnostic = result.diagnostics.constFirst();
    QCOMPARE(diagnostic.severity, Diagnostic::Severity::Error);
    QVERIFY2(diagnostic.origin.line > 0 && diagnostic.origin.column > 0,
             qPrintable(diagnostic.format()));
    const QString formatted = diagnostic.format();
    const QString expected = QStringLiteral("hostile.conf%1: error: %2").arg(position, message);
    if (position.isEmpty())
        QVERIFY2(formatted.contains(QStringLiteral(": error: ") + message), qPrintable(formatted));
    else
        QVERIFY2(formatted.startsWith(expected), qPrintable(formatted));
}

void tst_HoconLimits::includesCountTowardsDepth()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray inner = "b" + repeated("{b", 20) + "=1" + repeated("}", 20);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("inner.conf")), inner));
    const auto outer = [](int depth) -> QByteArray {
        return "a" + repeated("{a", depth) + " { include \"inner.conf\" }" + repeated("}", depth);
    };
    const QString outerPath = dir.filePath(QStringLiteral("outer.conf"));

    QVERIFY(writeFile(outerPath, outer(480)));
    QVERIFY(parseHoconFile(outerPath).root);

    QVERIFY(writeFile(outerPath, outer(500)));
    const ParseResult result = parseHoconFile(outerPath);
    QVERIFY(!result.root);
    QVERIFY2(result.diagnostics.value(0).format().startsWith(
                 dir.filePath(QStringLiteral("inner.conf")) + QStringLiteral(":1:")),
             qPrintable(result.diagnostics.value(0).format()));
    QVERIFY(result.diagnostics.value(0).message.startsWith(Nested));
}

void tst_HoconLimits::endlessInput()
{
    const ParseResult result = parseHoconFile(QStringLiteral("/dev/zero"));
    QVERIFY(!result.root);
    QCOMPARE(result.diagnostics.value(0).format(),
             QStringLiteral("/dev/zero: error: the configuration and the files it includes are "
                            "larger than %1 bytes in all")
                 .arg(maxHoconInputBytes));
}

/// Each key set merges into the object in place: 60000 took five minutes when each
/// merge copied the object.
void tst_HoconLimits::manyKeysOfOneObject()
{
    QByteArray text;
    for (int i = 0; i < 60000; ++i)
        text += "a.k" + number(i) + " = " + number(i) + '\n';
    const ParseResult result = parseHoconText(text, QStringLiteral("keys.conf"));
    QVERIFY2(result.root, qPrintable(result.diagnostics.value(0).format()));
    const Value *last = result.root->find({QStringLiteral("a"), QStringLiteral("k59999")});
    QVERIFY(last);
    QCOMPARE(last->text(), QStringLiteral("59999"));
}

/// What the limits must never refuse: a large document of ordinary substitutions.
void tst_HoconLimits::realConfigurationsStayWithinLimits()
{
    QByteArray large = "defaults { host = example.com, port = 443, tags = [a, b, c] }\n";
    for (int i = 0; i < 2000; ++i)
        large += "site" + number(i) + " = ${defaults} { name = site" + number(i) + " }\n";
    const ParseResult result = parseHoconText(large, QStringLiteral("large.conf"));
    QVERIFY2(result.root, qPrintable(result.diagnostics.value(0).format()));
    QCOMPARE(result.root->members().size(), 2001);
}

QTEST_GUILESS_MAIN(tst_HoconLimits)
#include "tst_hoconlimits.moc"

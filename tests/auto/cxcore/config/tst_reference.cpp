// The reference in docs/reference/ against the code: every key of the configuration schema
// has a row in the key table of config.md section 2, and every section that a comment of
// the sources cites ("protocol.md §4", "config.md §5, §6", "protocol.md §3.4") is a heading
// of that file in docs/reference/. The source tree is found through CX_SOURCE_DIR, set by
// this test's CMakeLists to the project's source directory.

#include "config/configschema.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString sourceDir()
{
    return QStringLiteral(CX_SOURCE_DIR);
}

QString referencePath(const QString &file)
{
    return sourceDir() + u"/docs/reference/"_s + file;
}

/// The text of \a path, or a null string when it cannot be read.
QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// The numbers of the numbered headings of a Markdown text: "## 2. Keys" gives "2",
/// "### 3.4 Limits" gives "3.4".
QSet<QString> sectionNumbers(const QString &markdown)
{
    static const QRegularExpression heading(uR"(^#{1,6}[ \t]+(\d+(?:\.\d+)*)\.?[ \t])"_s,
                                            QRegularExpression::MultilineOption);
    QSet<QString> numbers;
    for (const QRegularExpressionMatch &m : heading.globalMatch(markdown))
        numbers.insert(m.captured(1));
    return numbers;
}

/// The lines of section \a number ("2") of a Markdown text: from its "## 2." heading to the
/// next heading of the same or a higher level.
QStringList sectionLines(const QString &markdown, const QString &number)
{
    static const QRegularExpression anyHeading(uR"(^(#{1,6})[ \t])"_s);
    QStringList lines;
    int level = 0;
    for (const QString &line : markdown.split(u'\n')) {
        const QRegularExpressionMatch m = anyHeading.match(line);
        if (m.hasMatch()) {
            const int thisLevel = int(m.capturedLength(1));
            if (level > 0 && thisLevel <= level)
                break;
            if (level == 0 && sectionNumbers(line).contains(number)) {
                level = thisLevel;
                continue;
            }
        }
        if (level > 0)
            lines.append(line);
    }
    return lines;
}

/// One place in a source file that cites a reference file, with or without sections.
struct Citation
{
    QString where; ///< "service/worker.cpp:260"
    QString file; ///< "protocol.md"
    QStringList sections; ///< {"3", "3.4"}; empty when the file alone is cited
};

/// The citations of reference files in \a text. A citation is the file's name, then
/// optionally "§N" or "§N.M" (the § may start the next comment line), then optionally more
/// numbers after ",", "and" or a dash ("§1, §6, §7", "§1–8"). "§4 rule 6" cites §4.
QList<Citation> citationsIn(const QString &text, const QString &relativePath)
{
    static const QString number = uR"(\d+(?:\.\d+)*)"_s;
    static const QRegularExpression citation(
        uR"(\b(protocol|config|cli|architecture)\.md)"_s
        + uR"(((?:[ \t]*(?:\r?\n[ \t]*(?:/{2,}!?|\*|#)?[ \t]*)?§[ \t]*)"_s + number
        + uR"()(?:[ \t]*(?:,|–|-|and)[ \t]*§?[ \t]*)"_s + number + uR"()*)?)"_s);
    static const QRegularExpression numbers(number);
    QList<Citation> found;
    for (const QRegularExpressionMatch &m : citation.globalMatch(text)) {
        Citation c;
        const qsizetype at = m.capturedStart(2) >= 0 ? m.capturedStart(2) : m.capturedStart(0);
        const qsizetype line = text.left(at + 1).count(u'\n') + 1;
        c.where = relativePath + u':' + QString::number(line);
        c.file = m.captured(1) + u".md"_s;
        for (const QRegularExpressionMatch &n : numbers.globalMatch(m.captured(2)))
            c.sections.append(n.captured(0));
        found.append(c);
    }
    return found;
}

} // namespace

class tst_Reference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceFilesExist_data();
    void referenceFilesExist();
    void everySchemaKeyIsInConfigReference();
    void citationParsing_data();
    void citationParsing();
    void everyCitationResolves();
};

void tst_Reference::referenceFilesExist_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"README.md", "protocol.md", "config.md", "cli.md", "architecture.md"})
        QTest::addRow("%s", file) << QString::fromLatin1(file);
}

void tst_Reference::referenceFilesExist()
{
    QFETCH(QString, file);
    const QString text = readText(referencePath(file));
    QVERIFY2(!text.isNull(), qPrintable(u"cannot read "_s + referencePath(file)));
    QVERIFY2(!text.trimmed().isEmpty(), qPrintable(referencePath(file) + u" is empty"_s));
}

void tst_Reference::everySchemaKeyIsInConfigReference()
{
    const QString text = readText(referencePath(u"config.md"_s));
    QVERIFY2(!text.isNull(), qPrintable(u"cannot read "_s + referencePath(u"config.md"_s)));
    const QStringList section = sectionLines(text, u"2"_s);
    QVERIFY2(!section.isEmpty(), "config.md has no section \"## 2.\"");

    // The first cell of each table row of section 2: `path` or `cx-server.path`.
    static const QRegularExpression firstCell(uR"(^\|\s*`([^`]+)`)"_s);
    QSet<QString> documented;
    for (const QString &line : section) {
        const QRegularExpressionMatch m = firstCell.match(line);
        if (m.hasMatch())
            documented.insert(m.captured(1));
    }

    QStringList missing;
    for (const cx::config::schema::KeySpec &key : cx::config::schema::keys()) {
        if (!documented.contains(key.path) && !documented.contains(key.fullPath()))
            missing.append(key.path);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 key(s) of the schema (libs/cxcore/config/configschema.cpp) have no "
                        "row `| `key` | default | meaning |` in the key table of "
                        "docs/reference/config.md section 2: %2"_s.arg(missing.size())
                            .arg(missing.join(u", "_s))));
}

void tst_Reference::citationParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("cited"); // "file §section" or "file"
    const QString sec = u"§"_s;
    QTest::addRow("one") << u"see protocol.md "_s + sec + u"4 rule 6."_s
                         << QStringList {u"protocol.md 4"_s};
    QTest::addRow("subsection") << u"(protocol.md "_s + sec + u"3.4)"_s
                                << QStringList {u"protocol.md 3.4"_s};
    QTest::addRow("list") << u"protocol.md "_s + sec + u"1, "_s + sec + u"6, "_s + sec
            + u"7:"_s << QStringList {u"protocol.md 1"_s, u"protocol.md 6"_s, u"protocol.md 7"_s};
    QTest::addRow("range") << u"(protocol.md "_s + sec + u"1–8)"_s
                           << QStringList {u"protocol.md 1"_s, u"protocol.md 8"_s};
    QTest::addRow("end of sentence")
        << u"config.md "_s + sec + u"2. Next"_s << QStringList {u"config.md 2"_s};
    QTest::addRow("next comment line")
        << u"read it (config.md\n// "_s + sec + u"2): the"_s << QStringList {u"config.md 2"_s};
    QTest::addRow("key after it") << u"(config.md "_s + sec + u"2 protocol.ssl.*)"_s
                                  << QStringList {u"config.md 2"_s};
    QTest::addRow("rules are not sections")
        << u"(protocol.md "_s + sec + u"4 rules 1, 3, 4)"_s << QStringList {u"protocol.md 4"_s};
    QTest::addRow("file only") << u"(cli.md, architecture.md)"_s
                               << QStringList {u"cli.md"_s, u"architecture.md"_s};
    QTest::addRow("other names") << u"HOCON.md, docs/security.md, serverconfig.md"_s
                                 << QStringList {};
}

void tst_Reference::citationParsing()
{
    QFETCH(QString, text);
    QFETCH(QStringList, cited);
    QStringList got;
    for (const Citation &c : citationsIn(text, u"x"_s)) {
        if (c.sections.isEmpty())
            got.append(c.file);
        for (const QString &s : c.sections)
            got.append(c.file + u' ' + s);
    }
    QCOMPARE(got, cited);
}

void tst_Reference::everyCitationResolves()
{
    QHash<QString, QSet<QString>> sections; // file name -> its section numbers
    for (const char *name : {"protocol.md", "config.md", "cli.md", "architecture.md"}) {
        const QString file = QString::fromLatin1(name);
        const QString text = readText(referencePath(file));
        QVERIFY2(!text.isNull(), qPrintable(u"cannot read "_s + referencePath(file)));
        sections.insert(file, sectionNumbers(text));
    }

    const QDir root(sourceDir());
    QStringList files;
    for (const char *folder : {"service", "libs", "tools", "plugins", "configurator", "tests"}) {
        QDirIterator it(root.filePath(QString::fromLatin1(folder)), {u"*.cpp"_s, u"*.h"_s},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    QDirIterator docs(root.filePath(u"docs/reference"_s), {u"*.md"_s}, QDir::Files);
    while (docs.hasNext())
        files.append(docs.next());
    files.sort();
    QVERIFY2(files.size() > 100,
             qPrintable(u"only %1 source files found under "_s.arg(files.size()) + sourceDir()));

    int citationCount = 0;
    QStringList dangling;
    for (const QString &path : std::as_const(files)) {
        const QString text = readText(path);
        for (const Citation &c : citationsIn(text, root.relativeFilePath(path))) {
            ++citationCount;
            for (const QString &section : c.sections) {
                if (!sections.value(c.file).contains(section))
                    dangling.append(u"%1: %2 §%3 (no heading %3 in docs/reference/%2)"_s.arg(
                        c.where, c.file, section));
            }
        }
    }
    qInfo("%d citations of the reference in %d files", citationCount, int(files.size()));
    QVERIFY2(
        dangling.isEmpty(),
        qPrintable(u"%1 citation(s) name a section that docs/reference/ does not have:\n  "_s.arg(
                       dangling.size())
                   + dangling.join(u"\n  "_s)));
}

QTEST_GUILESS_MAIN(tst_Reference)

#include "tst_reference.moc"

// Runs Typesafe Config 1.3.1 (HoconToJson.java, compiled here against the Debian jar) and
// cxcore's reader (hocon2json) over the corpus and compares what they make of each file.
//
// Accepted files: both must print a JSON object, compared as JSON values (QJsonDocument), so
// that number spellings do not matter: Typesafe renders 1e3 as 1000 and 2.0 as 2, cxcore keeps
// the source text; numbers compare as doubles. Rejected files: both must report an error (the
// messages differ by design). Both programs see the same environment: CX_DIFF_VALUE,
// CX_DIFF_PATH and CX_DIFF_OVERRIDDEN set, CX_DIFF_UNSET removed. They run in corpus/accept,
// because Typesafe resolves file("...") against the working directory.

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_HoconDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();

private:
    static QStringList corpus(const QString &folder);
    QStringList run(const QString &program, const QStringList &arguments, const QStringList &files);
    void addRows(const QString &folder);

    const QDir m_corpus {QStringLiteral(CX_DIFFERENTIAL_DIR "/corpus")};
    QTemporaryDir m_classes;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QHash<QString, QString> m_reference; ///< file → "OK json" or "ERROR message"
    QHash<QString, QString> m_ours;
};

QStringList tst_HoconDifferential::corpus(const QString &folder)
{
    const QDir dir(QStringLiteral(CX_DIFFERENTIAL_DIR "/corpus/") + folder);
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("*.conf")}, QDir::Files, QDir::Name))
        files.append(dir.absoluteFilePath(name));
    return files;
}

/// Runs program over files; returns one line per file.
QStringList tst_HoconDifferential::run(const QString &program, const QStringList &arguments,
                                       const QStringList &files)
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setWorkingDirectory(m_corpus.absoluteFilePath(QStringLiteral("accept")));
    process.start(program, arguments + files);
    if (!process.waitForFinished(40000) || process.exitCode() != 0) {
        qWarning().noquote() << program << "failed:" << process.errorString()
                             << QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

void tst_HoconDifferential::initTestCase()
{
    const QString java = QStringLiteral(CX_JAVA);
    const QString javac = QStringLiteral(CX_JAVAC);
    const QString jar = QStringLiteral(CX_TYPESAFE_CONFIG_JAR);
    if (!QFileInfo(java).isExecutable() || !QFileInfo(javac).isExecutable()
        || !QFileInfo::exists(jar)) {
        QFAIL(qPrintable(QStringLiteral("the differential test needs a JDK and Typesafe Config "
                                        "(Debian: default-jdk-headless libtypesafe-config-java); "
                                        "CMake found java=%1 javac=%2 jar=%3. Install them and "
                                        "re-run CMake.")
                             .arg(java, javac, jar)));
    }
    QVERIFY(m_classes.isValid());

    QProcess compiler;
    compiler.start(javac,
                   {QStringLiteral("-encoding"), QStringLiteral("UTF-8"), QStringLiteral("-cp"),
                    jar, QStringLiteral("-d"), m_classes.path(),
                    QStringLiteral(CX_DIFFERENTIAL_DIR "/HoconToJson.java")});
    QVERIFY2(compiler.waitForFinished(60000) && compiler.exitCode() == 0,
             qPrintable(QStringLiteral("javac failed: %1 %2")
                            .arg(compiler.errorString(),
                                 QString::fromUtf8(compiler.readAllStandardError()))));

    m_environment.insert(QStringLiteral("CX_DIFF_VALUE"), QStringLiteral("from-env"));
    m_environment.insert(QStringLiteral("CX_DIFF_PATH"), QStringLiteral("/opt/cx"));
    m_environment.insert(QStringLiteral("CX_DIFF_OVERRIDDEN"), QStringLiteral("from-env"));
    m_environment.remove(QStringLiteral("CX_DIFF_UNSET"));

    const QStringList files = corpus(QStringLiteral("accept")) + corpus(QStringLiteral("reject"));
    QVERIFY2(corpus(QStringLiteral("accept")).size() >= 30, "the corpus is missing");
    const QStringList reference = run(
        java, {QStringLiteral("-cp"), jar + u':' + m_classes.path(), QStringLiteral("HoconToJson")},
        files);
    const QStringList ours = run(QStringLiteral(CX_HOCON2JSON), {}, files);
    QCOMPARE(reference.size(), files.size());
    QCOMPARE(ours.size(), files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        m_reference.insert(files.at(i), reference.at(i));
        m_ours.insert(files.at(i), ours.at(i));
    }
}

void tst_HoconDifferential::addRows(const QString &folder)
{
    QTest::addColumn<QString>("file");
    for (const QString &file : corpus(folder))
        QTest::addRow("%s", qPrintable(QFileInfo(file).fileName())) << file;
}

void tst_HoconDifferential::accepted_data()
{
    addRows(QStringLiteral("accept"));
}

void tst_HoconDifferential::accepted()
{
    QFETCH(QString, file);
    const QString reference = m_reference.value(file);
    const QString ours = m_ours.value(file);
    const QString both = QStringLiteral("\n  Typesafe: %1\n  cxcore:   %2").arg(reference, ours);
    QVERIFY2(reference.startsWith(u"OK "), qPrintable(both));
    QVERIFY2(ours.startsWith(u"OK "), qPrintable(both));
    QJsonParseError error;
    const QJsonDocument expected = QJsonDocument::fromJson(reference.mid(3).toUtf8(), &error);
    QVERIFY2(expected.isObject(), qPrintable(error.errorString() + both));
    const QJsonDocument actual = QJsonDocument::fromJson(ours.mid(3).toUtf8(), &error);
    QVERIFY2(actual.isObject(), qPrintable(error.errorString() + both));
    QVERIFY2(actual.object() == expected.object(), qPrintable(both));
}

void tst_HoconDifferential::rejected_data()
{
    addRows(QStringLiteral("reject"));
}

void tst_HoconDifferential::rejected()
{
    QFETCH(QString, file);
    const QString both = QStringLiteral("\n  Typesafe: %1\n  cxcore:   %2")
                             .arg(m_reference.value(file), m_ours.value(file));
    QVERIFY2(m_reference.value(file).startsWith(u"ERROR "), qPrintable(both));
    QVERIFY2(m_ours.value(file).startsWith(u"ERROR "), qPrintable(both));
}

QTEST_GUILESS_MAIN(tst_HoconDifferential)

#include "tst_hocondifferential.moc"

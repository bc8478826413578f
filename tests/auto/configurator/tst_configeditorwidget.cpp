// The editor of an existing cxserver.conf: byte-preserving round trips through the form
// and the raw text, validation at the field and the line, encrypted files.

#include "configeditorwidget.h"
#include "cxservercli.h"
#include "secrets/configsecrets.h"
#include "secrets/keysource.h"
#include "secrets/valuecipher.h"
#include "testpaths.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace cx;
using namespace cx::configurator;
using namespace Qt::StringLiterals;
using namespace cx::test;

class tst_ConfigEditorWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void untouchedRoundTrip_data();
    void untouchedRoundTrip();
    void formEditChangesOnlyItsValue();
    void checkBoxEdit();
    void rawEditShowsErrorAtFieldAndLine();
    void encryptedFileKeepsEncryptedValues();
    void encryptedFileNeedsItsKey();
    void wheelOverAnUnfocusedComboBoxChangesNothing();
    void tabLeavesTheText();
    void labelsAndSearch();
    void formValuesCheckedAsConfigSetChecksThem();
    void undoBackToTheFileIsNoChange();

private:
    QString copySample(const QString &name);
    static void typeInto(QLineEdit *edit, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ConfigEditorWidget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_ConfigEditorWidget::copySample(const QString &name)
{
    const QString target = m_dir->filePath(name);
    QFile::copy(sourcePath(QStringLiteral("installer/conf/") + name), target);
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

void tst_ConfigEditorWidget::typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void tst_ConfigEditorWidget::untouchedRoundTrip_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addRow("single") << "cxserver-sample.conf";
    QTest::addRow("ha") << "cxserver-ha-sample.conf";
}

void tst_ConfigEditorWidget::untouchedRoundTrip()
{
    QFETCH(QString, sample);
    const QString path = copySample(sample);
    const QByteArray original = readFile(path);
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    QVERIFY(!editor.isModified());
    QVERIFY(!hasErrors(editor.diagnostics()));
    const QString saved = m_dir->filePath(QStringLiteral("saved.conf"));
    QVERIFY(editor.save(saved).ok());
    QCOMPARE(readFile(saved), original);
}

void tst_ConfigEditorWidget::formEditChangesOnlyItsValue()
{
    const QString path = copySample(QStringLiteral("cxserver-ha-sample.conf"));
    const QByteArray original = readFile(path);
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *port = editor.findChild<QLineEdit *>(QStringLiteral("field:protocol.port"));
    QVERIFY(port);
    QCOMPARE(port->text(), QStringLiteral("8443"));
    typeInto(port, QStringLiteral("9000"));
    QVERIFY(editor.isModified());
    auto *name = editor.findChild<QLineEdit *>(
        QStringLiteral("field:transport.websockets.service-discovery.service-name"));
    typeInto(name, QStringLiteral("thingworx-https"));
    QVERIFY(editor.save().ok());
    QByteArray expected = original;
    expected.replace("protocol.port = 8443", "protocol.port = 9000");
    expected.replace("service-discovery.service-name = \"thingworx-http\"",
                     "service-discovery.service-name = \"thingworx-https\"");
    QCOMPARE(readFile(path), expected);
    // The raw view shows the same bytes.
    QCOMPARE(editor.findChild<QPlainTextEdit *>(QStringLiteral("rawText"))->toPlainText().toUtf8(),
             expected);
}

void tst_ConfigEditorWidget::checkBoxEdit()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    const QByteArray original = readFile(path);
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *ssl = editor.findChild<QCheckBox *>(QStringLiteral("field:protocol.ssl.enabled"));
    QVERIFY(ssl);
    QVERIFY(!ssl->isChecked());
    ssl->click();
    // TLS without a keystore: an error at the keystore field.
    QVERIFY(hasErrors(editor.diagnostics()));
    QVERIFY(editor.text().contains("protocol.ssl.enabled = true"));
    ssl->click();
    QCOMPARE(editor.text(), original);
}

void tst_ConfigEditorWidget::rawEditShowsErrorAtFieldAndLine()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *raw = editor.findChild<QPlainTextEdit *>(QStringLiteral("rawText"));
    const QString text = raw->toPlainText();
    raw->setPlainText(QString(text).replace(QStringLiteral("protocol.port = 8443"),
                                            QStringLiteral("protocol.port = 70000")));
    QTRY_VERIFY(editor.text().contains("protocol.port = 70000"));
    QVERIFY(hasErrors(editor.diagnostics()));
    auto *error = editor.findChild<QLabel *>(QStringLiteral("error:protocol.port"));
    QVERIFY(error->isVisibleTo(&editor));
    QVERIFY2(error->text().contains(u"out of range"), qPrintable(error->text()));
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("field:protocol.port"))->text(),
             QStringLiteral("70000"));
    // The list names the line of the value.
    const int line = int(text.left(text.indexOf(u"protocol.port")).count(u'\n')) + 1;
    auto *list = editor.findChild<QListWidget *>(QStringLiteral("diagnosticList"));
    bool found = false;
    for (int i = 0; i < list->count(); ++i)
        found = found || list->item(i)->text().contains(QStringLiteral(":%1:").arg(line));
    QVERIFY(found);
    // The error's line is marked (beside the sample's placeholder app key, a warning).
    const auto selections = raw->extraSelections();
    QVERIFY(std::any_of(selections.begin(), selections.end(), [&](const auto &selection) {
        return selection.cursor.blockNumber() == line - 1;
    }));
}

void tst_ConfigEditorWidget::encryptedFileKeepsEncryptedValues()
{
    const QString path = copySample(QStringLiteral("cxserver-ha-sample.conf"));
    const QString keyPath = m_dir->filePath(QStringLiteral("cxserver.key"));
    QVERIFY(secrets::createKeyFile(keyPath).ok());
    Result<secrets::DataKey> key = secrets::readKeyFile(keyPath);
    QVERIFY(key.ok());
    Result<secrets::configsecrets::Rewrite> encrypted
        = secrets::configsecrets::encryptText(readFile(path), path, key.value());
    QVERIFY(encrypted.ok());
    QVERIFY(encrypted->changed >= 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(encrypted->text);
    file.close();
    const QByteArray original = encrypted->text;

    ConfigEditorWidget editor;
    secrets::KeySourceOptions options;
    options.keyFile = keyPath;
    editor.setKeySource(options);
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    QVERIFY(editor.isEncrypted());
    QVERIFY(!hasErrors(editor.diagnostics()));
    auto *appKey
        = editor.findChild<QLineEdit *>(QStringLiteral("field:transport.websockets.app-key"));
    QCOMPARE(appKey->echoMode(), QLineEdit::Password);
    QCOMPARE(appKey->text(), QStringLiteral("replace-with-the-platform-app-key"));

    // A plain value: the ENC() values stay byte for byte.
    typeInto(editor.findChild<QLineEdit *>(QStringLiteral("field:protocol.port")),
             QStringLiteral("9443"));
    QByteArray expected = original;
    expected.replace("protocol.port = 8443", "protocol.port = 9443");
    QCOMPARE(editor.text(), expected);

    // A secret: encrypted with the file's key.
    typeInto(appKey, QStringLiteral("new-app-key"));
    QVERIFY(editor.save().ok());
    const QByteArray saved = readFile(path);
    QVERIFY(!saved.contains("new-app-key"));
    Result<secrets::configsecrets::Rewrite> decrypted
        = secrets::configsecrets::decryptText(saved, path, key.value());
    QVERIFY(decrypted.ok());
    QVERIFY(decrypted->text.contains("transport.websockets.app-key = \"new-app-key\""));
    const CommandResult check
        = runCxserver({QStringLiteral("--config"), path, QStringLiteral("--check-config"),
                       QStringLiteral("--key-file"), keyPath});
    QVERIFY2(check.exitCode == 0, check.describe().constData());
}

void tst_ConfigEditorWidget::encryptedFileNeedsItsKey()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    const QString keyPath = m_dir->filePath(QStringLiteral("k.key"));
    QVERIFY(secrets::createKeyFile(keyPath).ok());
    Result<secrets::DataKey> key = secrets::readKeyFile(keyPath);
    QVERIFY(key.ok());
    Result<secrets::configsecrets::Rewrite> encrypted
        = secrets::configsecrets::encryptText(readFile(path), path, key.value());
    QVERIFY(encrypted.ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(encrypted->text);
    file.close();

    qunsetenv("CXSERVER_KEY_FILE");
    qunsetenv("CREDENTIALS_DIRECTORY");
    ConfigEditorWidget editor;
    const Result<void> opened = editor.openFile(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(u"key"), qPrintable(opened.error().message));
    QVERIFY(editor.filePath().isEmpty());
}

void tst_ConfigEditorWidget::wheelOverAnUnfocusedComboBoxChangesNothing()
{
    // A scroll over the form once changed discovery.plugin, and the change was saved.
    const QString path = copySample(QStringLiteral("cxserver-ha-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *combo = editor.findChild<QComboBox *>(QStringLiteral("field:routing.plugin"));
    QVERIFY(combo);
    const int before = combo->currentIndex();
    const auto wheel = [combo] {
        const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
        QWheelEvent event(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(combo, &event);
    };
    QVERIFY(!combo->hasFocus());
    wheel();
    QCOMPARE(combo->currentIndex(), before);
    QVERIFY(!editor.isModified());
    QVERIFY(!combo->hasFocus()); // the wheel gives no focus either
    // Once the operator focuses it, the wheel is theirs (the guard does not block it).
    combo->setFocus();
    QTRY_VERIFY(combo->hasFocus());
    wheel();
    QVERIFY(combo->currentIndex() != before);
}

void tst_ConfigEditorWidget::tabLeavesTheText()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *raw = editor.findChild<QPlainTextEdit *>(QStringLiteral("rawText"));
    auto *tabs = editor.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
    tabs->setCurrentWidget(raw);
    raw->setFocus();
    QTRY_VERIFY(raw->hasFocus());
    const QString text = raw->toPlainText();
    QTest::keyClick(raw, Qt::Key_Tab);
    QCOMPARE(raw->toPlainText(), text); // no tab character inserted
    QVERIFY(!raw->hasFocus()); // focus moved on: Tab does not trap it
    QVERIFY(!editor.isModified());
}

void tst_ConfigEditorWidget::labelsAndSearch()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    // A name first, the key path under it.
    const QString label
        = editor.findChild<QLabel *>(QStringLiteral("label:transport.websockets.app-key"))->text();
    QVERIFY2(label.contains(u"App key") && label.contains(u"transport.websockets.app-key"),
             qPrintable(label));

    const auto shown = [&editor](const QString &key) {
        return editor.findChild<QWidget *>(u"field:"_s + key)->isVisibleTo(&editor);
    };
    auto *search = editor.findChild<QLineEdit *>(QStringLiteral("editorSearchEdit"));
    auto *noMatch = editor.findChild<QLabel *>(QStringLiteral("editorNoMatchLabel"));
    QVERIFY(shown(u"discovery.connectionString"_s));
    // By name, whatever the case.
    QTest::keyClicks(search, QStringLiteral("KEYSTORE"));
    QVERIFY(shown(u"protocol.http-server.ssl.key-store.file"_s));
    QVERIFY(shown(u"protocol.http-server.ssl.key-store.password"_s));
    QVERIFY(!shown(u"discovery.connectionString"_s));
    QVERIFY(!shown(u"transport.websockets.app-key"_s));
    QVERIFY(!noMatch->isVisibleTo(&editor));
    // By words of the key path and of the help, all of them.
    search->setText(QStringLiteral("idleReadTimeout"));
    QVERIFY(shown(u"transport.websockets.connections.idleReadTimeout"_s));
    QVERIFY(!shown(u"protocol.port"_s));
    search->setText(QStringLiteral("ZooKeeper ensemble"));
    QVERIFY(shown(u"discovery.connectionString"_s));
    QVERIFY(!shown(u"discovery.basePath"_s));
    search->setText(QStringLiteral("no-such-setting"));
    QVERIFY(noMatch->isVisibleTo(&editor));
    QVERIFY(!shown(u"protocol.port"_s));
    search->clear();
    QVERIFY(shown(u"protocol.port"_s));
    QVERIFY(shown(u"discovery.connectionString"_s));
    QVERIFY(!noMatch->isVisibleTo(&editor));
    QVERIFY(!editor.isModified()); // searching changes nothing
}

void tst_ConfigEditorWidget::formValuesCheckedAsConfigSetChecksThem()
{
    // One way from typed text to a value, shared with `cxserver config set`
    // (config::literalForKey): a wrong value is said at its field and not written.
    const QString path = copySample(QStringLiteral("cxserver-ha-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    const QByteArray before = editor.text();
    auto *port = editor.findChild<QLineEdit *>(QStringLiteral("field:protocol.port"));
    auto *error = editor.findChild<QLabel *>(QStringLiteral("error:protocol.port"));
    typeInto(port, QStringLiteral("eighty"));
    QVERIFY(error->isVisibleTo(&editor));
    QVERIFY2(error->text().contains(u"cx-server.protocol.port")
                 && error->text().contains(u"expected"),
             qPrintable(error->text()));
    QCOMPARE(editor.text(), before);
    QVERIFY(!editor.isModified());
    typeInto(port, QStringLiteral("70000"));
    QCOMPARE(editor.text(), before); // out of range: refused the same way
    // A duration is written as `config set` writes it: unquoted.
    auto *drain = editor.findChild<QLineEdit *>(QStringLiteral("field:shutdown.drain-timeout"));
    typeInto(drain, QStringLiteral("45s"));
    QVERIFY2(editor.text().contains("shutdown.drain-timeout = 45s"), editor.text().constData());
    typeInto(port, QStringLiteral("9443"));
    QVERIFY(editor.text().contains("protocol.port = 9443"));
    QVERIFY(!error->isVisibleTo(&editor));
}

void tst_ConfigEditorWidget::undoBackToTheFileIsNoChange()
{
    const QString path = copySample(QStringLiteral("cxserver-sample.conf"));
    ConfigEditorWidget editor;
    editor.show();
    QVERIFY(editor.openFile(path).ok());
    auto *raw = editor.findChild<QPlainTextEdit *>(QStringLiteral("rawText"));
    editor.findChild<QTabWidget *>(QStringLiteral("editorTabs"))->setCurrentWidget(raw);
    raw->setFocus();
    QTRY_VERIFY(raw->hasFocus());
    raw->moveCursor(QTextCursor::End);
    QTest::keyClick(raw, Qt::Key_Return);
    QTest::keyClicks(raw, QStringLiteral("# a note"));
    QTRY_VERIFY(editor.isModified()); // once the text is parsed (after a short pause)
    while (raw->document()->isUndoAvailable()) // the line and its newline
        raw->undo();
    QTRY_VERIFY(!editor.isModified());
    QCOMPARE(editor.text(), readFile(path));
    // The same from the form: a value changed and changed back.
    auto *port = editor.findChild<QLineEdit *>(QStringLiteral("field:protocol.port"));
    const QString was = port->text();
    typeInto(port, QStringLiteral("9000"));
    QVERIFY(editor.isModified());
    typeInto(port, was);
    QVERIFY(!editor.isModified());
}

QTEST_MAIN(tst_ConfigEditorWidget)
#include "tst_configeditorwidget.moc"

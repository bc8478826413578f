// The configurator's window: nothing that needs an open configuration works without one
// (Save and Import keystore once wrote a three-line file with the keystore password), and
// its start page leads to each thing it does.

#include "configeditorwidget.h"
#include "mainwindow.h"
#include "messageboxanswer.h"
#include "startpage.h"
#include "statuspage.h"
#include "testpaths.h"
#include "translations.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace cx::configurator;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fileActionsNeedAnOpenConfiguration();
    void startPageOpensTheServiceFileAndRecentOnes();
    void startPageLeadsToTheStatusView();
    void noteWhenNoFontShowsTheLanguage();
    void saveWarnsWhenTheServiceCannotRead();
};

namespace {

QAction *action(const MainWindow &window, const QString &text)
{
    const auto actions = window.menuBar()->findChildren<QAction *>();
    for (QAction *candidate : actions)
        if (candidate->text() == text)
            return candidate;
    return nullptr;
}

} // namespace

void tst_MainWindow::initTestCase()
{
    // The recent files live in the test's own settings, empty at the start.
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QStringLiteral("cxserver"), QStringLiteral("cxconfigurator")).clear();
}

void tst_MainWindow::fileActionsNeedAnOpenConfiguration()
{
    MainWindow window;
    window.show();
    const QStringList needFile {QStringLiteral("&Save"), QStringLiteral("Save &as…"),
                                QStringLiteral("&Import edge keystore…")};
    for (const QString &text : needFile) {
        QAction *found = action(window, text);
        QVERIFY2(found, qPrintable(text));
        QVERIFY2(!found->isEnabled(), qPrintable(text));
    }
    QVERIFY(action(window, QStringLiteral("&Open…"))->isEnabled());
    QVERIFY(action(window, QStringLiteral("&New configuration…"))->isEnabled());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cxserver.conf"));
    QVERIFY(QFile::copy(cx::test::sourcePath(QStringLiteral("installer/conf/cxserver-sample.conf")),
                        path));
    window.openFile(path);
    QCOMPARE(window.editor()->filePath(), path);
    for (const QString &text : needFile)
        QVERIFY2(action(window, text)->isEnabled(), qPrintable(text));
}

void tst_MainWindow::startPageOpensTheServiceFileAndRecentOnes()
{
    QTemporaryDir dir;
    const QString service = dir.filePath(QStringLiteral("etc/cxserver.conf"));
    MainWindow window;
    window.show();
    QVERIFY(window.showsStartPage());
    StartPage *start = window.startPage();
    auto *openService
        = start->findChild<QCommandLinkButton *>(QStringLiteral("startOpenServiceButton"));
    start->setServiceConfigPath(service);
    QVERIFY(!openService->isEnabled()); // not installed here: nothing to open
    QVERIFY(openService->description().contains(u"does not exist"));

    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("etc")));
    QVERIFY(QFile::copy(cx::test::sourcePath(QStringLiteral("installer/conf/cxserver-sample.conf")),
                        service));
    start->refresh();
    QVERIFY(openService->isEnabled());
    QTest::mouseClick(openService, Qt::LeftButton);
    QVERIFY(!window.showsStartPage());
    QCOMPARE(window.editor()->filePath(), service);

    // Back on the start page, the file is the first recent one, and opens from there.
    window.showStartPage();
    auto *recent = start->findChild<QListWidget *>(QStringLiteral("startRecentList"));
    QVERIFY(recent->isVisible());
    QVERIFY(recent->count() >= 1);
    QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), QFileInfo(service).absoluteFilePath());
    MainWindow second;
    second.show();
    auto *secondRecent
        = second.startPage()->findChild<QListWidget *>(QStringLiteral("startRecentList"));
    QCOMPARE(secondRecent->count(), recent->count()); // kept across windows (settings)
    secondRecent->setCurrentRow(0);
    secondRecent->setFocus();
    QTest::keyClick(secondRecent, Qt::Key_Return);
    QVERIFY(!second.showsStartPage());
    QCOMPARE(second.editor()->filePath(), QFileInfo(service).absoluteFilePath());
}

void tst_MainWindow::startPageLeadsToTheStatusView()
{
    MainWindow window;
    window.show();
    QVERIFY(window.showsStartPage());
    QTest::mouseClick(
        window.startPage()->findChild<QCommandLinkButton *>(QStringLiteral("startStatusButton")),
        Qt::LeftButton);
    QVERIFY(!window.showsStartPage());
    QCOMPARE(window.findChild<QTabWidget *>()->currentWidget(), window.statusPage());
}

void tst_MainWindow::noteWhenNoFontShowsTheLanguage()
{
    // Latin script: any font does.
    QVERIFY(missingFontNote(QLocale(QStringLiteral("de"))).isEmpty());
    // Japanese: a note exactly when no installed font has the script (the CI machine has
    // none; a desktop with fonts-noto-cjk has one).
    const bool japaneseFont = !QFontDatabase::families(QFontDatabase::Japanese).isEmpty();
    const QString note = missingFontNote(QLocale(QStringLiteral("ja")));
    QCOMPARE(note.isEmpty(), japaneseFont);
    const bool chineseFont = !QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty();
    QCOMPARE(missingFontNote(QLocale(QStringLiteral("zh_CN"))).isEmpty(), chineseFont);
    if (japaneseFont)
        return;
    QVERIFY2(note.contains(u"Japanese") && note.contains(u"fonts-noto-cjk"), qPrintable(note));
    MainWindow window;
    window.showFontNote(note);
    window.show();
    auto *label = window.findChild<QLabel *>(QStringLiteral("fontNoteLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), note);
}

void tst_MainWindow::saveWarnsWhenTheServiceCannotRead()
{
    // "nogroup" stands for the service's group (see tst_configfilewriter).
    const struct group *service = ::getgrnam("nogroup");
    if (!service || ::getpwnam("nogroup") || ::getegid() == service->gr_gid)
        QSKIP("needs a group nogroup without a user of that name, not the test's own");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner | QFileDevice::ExeOther));
    const QString path = dir.filePath(QStringLiteral("cxserver.conf"));
    QVERIFY(QFile::copy(cx::test::sourcePath(QStringLiteral("installer/conf/cxserver-sample.conf")),
                        path));
    MainWindow window;
    window.setServiceGroup(QStringLiteral("nogroup"));
    window.show();
    window.openFile(path);
    QCOMPARE(window.editor()->filePath(), path);

    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    {
        cx::test::MessageBoxAnswer ok(QMessageBox::Ok);
        action(window, QStringLiteral("&Save"))->trigger();
        QVERIFY(ok.answered());
        QVERIFY2(ok.text().contains(path + u" is 0600") && ok.text().contains(u"chgrp nogroup"),
                 qPrintable(ok.text()));
    }
    // Readable by others (and so by the service): a save says nothing.
    QVERIFY(QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    {
        cx::test::ModalWatch watch;
        action(window, QStringLiteral("&Save"))->trigger();
        QVERIFY2(watch.titles().isEmpty(), qPrintable(watch.titles().join(u", ")));
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

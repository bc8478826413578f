// The configurator's window: nothing that needs an open configuration works without one
// (Save and Import keystore once wrote a three-line file with the keystore password).

#include "configeditorwidget.h"
#include "mainwindow.h"
#include "testpaths.h"

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::configurator;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileActionsNeedAnOpenConfiguration();
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

// The configurator's windows fit the screen they open on: a laptop's 1366×768 at 1×, and a
// 1920×1080 screen at 2× (CTest runs this twice, on offscreen screens of 1366×768, and of
// 1920×1080 with QT_SCALE_FACTOR=2: 960×540 device-independent pixels). At 2× the wizard
// was taller than the screen.

#include "configwizard.h"
#include "mainwindow.h"
#include "pkcs12importdialog.h"

#include <QDir>
#include <QScreen>
#include <QTest>

using namespace cx::configurator;

class tst_ScreenFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mainWindowFits();
    void wizardFits();
    void keystoreDialogFits();

private:
    static void verifyFits(QWidget &window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect available = window.screen()->availableGeometry();
        const QString what = QStringLiteral("%1: %2×%3 at %4,%5 on %6×%7 (least %8×%9)")
                                 .arg(QString::fromLatin1(window.metaObject()->className()))
                                 .arg(window.frameGeometry().width())
                                 .arg(window.frameGeometry().height())
                                 .arg(window.frameGeometry().x())
                                 .arg(window.frameGeometry().y())
                                 .arg(available.width())
                                 .arg(available.height())
                                 .arg(window.minimumSizeHint().width())
                                 .arg(window.minimumSizeHint().height());
        QVERIFY2(available.contains(window.frameGeometry()), qPrintable(what));
        // Nothing is cut: the window is at least as large as its content needs.
        QVERIFY2(window.width() >= window.minimumSizeHint().width()
                     && window.height() >= window.minimumSizeHint().height(),
                 qPrintable(what));
        qInfo("%s", qPrintable(what));
    }
};

void tst_ScreenFit::initTestCase()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    qInfo("screen %d×%d, device pixel ratio %.1f", available.width(), available.height(),
          QGuiApplication::primaryScreen()->devicePixelRatio());
    // The smallest screen the configurator is made for, in device-independent pixels.
    QVERIFY(available.width() <= 1366 && available.height() <= 768);
}

void tst_ScreenFit::mainWindowFits()
{
    MainWindow window;
    verifyFits(window);
}

void tst_ScreenFit::wizardFits()
{
    ConfigWizard wizard;
    verifyFits(wizard);
    // Every page's content fits the room the wizard gives its pages.
    const QSize room = wizard.currentPage()->size();
    const QList<int> ids = wizard.pageIds();
    for (const int id : ids) {
        const QSize least = wizard.page(id)->minimumSizeHint();
        QVERIFY2(least.width() <= room.width() && least.height() <= room.height(),
                 qPrintable(QStringLiteral("page %1 needs %2×%3, has %4×%5")
                                .arg(id)
                                .arg(least.width())
                                .arg(least.height())
                                .arg(room.width())
                                .arg(room.height())));
    }
}

void tst_ScreenFit::keystoreDialogFits()
{
    Pkcs12ImportDialog dialog(QDir::tempPath());
    verifyFits(dialog);
}

QTEST_MAIN(tst_ScreenFit)
#include "tst_screenfit.moc"

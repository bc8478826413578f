// The live status view: against the demo status socket (config.md §5 as the service speaks
// it), its reconnection when the service is not running or goes away, and against a real
// cxserver with a platform simulator.

#include "cxserverprocess.h"
#include "demostatusserver.h"
#include "platformsimprocess.h"
#include "sparklinewidget.h"
#include "statuspage.h"

#include <QDir>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace cx::configurator;
using namespace cx::test;

class tst_StatusPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsInstancesWithRates();
    void notRunningThenStarted();
    void serviceGoesAwayAndComesBack();
    void accessDenied();
    void realService();

private:
    static QTableWidget *table(StatusPage &page)
    {
        return page.findChild<QTableWidget *>(QStringLiteral("instanceTable"));
    }
    static QString banner(StatusPage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("statusBanner"))->text();
    }
};

void tst_StatusPage::showsInstancesWithRates()
{
    DemoStatusServer server;
    QVERIFY(server.listen());
    StatusPage page;
    page.show();
    page.subscription()->connectTo(server.name(), 100);
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::Connected);
    QVERIFY(banner(page).contains(u"Connected"));
    QTRY_COMPARE(table(page)->rowCount(), 3);
    QTRY_VERIFY(server.sent() >= 5);
    QTableWidget *t = table(page);
    QCOMPARE(t->item(0, StatusPage::IdColumn)->text(), QStringLiteral("6d4e0c1a-twx1"));
    QVERIFY(t->item(0, StatusPage::StateColumn)->text().contains(u"connected"));
    QVERIFY(t->item(2, StatusPage::StateColumn)->text().contains(u"down"));
    QCOMPARE(t->item(0, StatusPage::PipesColumn)->text(), QStringLiteral("5/5"));
    QCOMPARE(t->item(2, StatusPage::ErrorsColumn)->text(), QStringLiteral("3"));
    // Colour says the state: green connected, red down.
    QCOMPARE(t->item(0, StatusPage::StateColumn)->foreground().color(), QColor(0x2e, 0x7d, 0x32));
    QCOMPARE(t->item(2, StatusPage::StateColumn)->foreground().color(), QColor(0xc6, 0x28, 0x28));
    auto *sparkline = qobject_cast<SparklineWidget *>(t->cellWidget(0, StatusPage::RateColumn));
    QVERIFY(sparkline);
    QTRY_VERIFY(sparkline->values().size() >= 3);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("statusEdgesLabel"))
                ->text()
                .contains(u"connected"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("statusDiscoveryLabel"))
                ->text()
                .contains(u"zookeeper"));
}

void tst_StatusPage::notRunningThenStarted()
{
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("cxserver.sock"));
    StatusPage page;
    page.show();
    page.subscription()->setRetryInterval(200);
    page.subscription()->connectTo(socket, 100);
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::NotRunning);
    QVERIFY2(banner(page).contains(u"not running"), qPrintable(banner(page)));
    DemoStatusServer server;
    QVERIFY(server.listen(socket));
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::Connected);
    QTRY_COMPARE(table(page)->rowCount(), 3);
}

void tst_StatusPage::serviceGoesAwayAndComesBack()
{
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("cxserver.sock"));
    auto server = std::make_unique<DemoStatusServer>();
    QVERIFY(server->listen(socket));
    StatusPage page;
    page.show();
    page.subscription()->setRetryInterval(200);
    page.subscription()->connectTo(socket, 100);
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::Connected);
    server.reset(); // the service stops
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::NotRunning);
    QVERIFY(banner(page).contains(u"not running"));
    server = std::make_unique<DemoStatusServer>();
    QVERIFY(server->listen(socket));
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::Connected);
    const int before = server->sent();
    QTRY_VERIFY(server->sent() > before + 2);
}

void tst_StatusPage::accessDenied()
{
    if (::geteuid() == 0)
        QSKIP("root may open any socket: access cannot be denied");
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("cxserver.sock"));
    DemoStatusServer server;
    QVERIFY(server.listen(socket));
    QVERIFY(QFile::setPermissions(socket, QFileDevice::Permissions()));
    StatusPage page;
    page.show();
    page.subscription()->connectTo(socket, 100);
    QTRY_COMPARE(page.subscription()->state(), StatusSubscription::State::AccessDenied);
    QVERIFY(banner(page).contains(u"denied"));
}

void tst_StatusPage::realService()
{
    PlatformSimProcess sim(QStringLiteral("platform1"));
    QVERIFY(sim.start("status-key"));
    CxServerProcess server;
    QVERIFY(server.start(QStringLiteral("  transport.websockets.app-key = \"status-key\"\n"
                                        "  transport.websockets.platforms = [\"%1\"]\n")
                             .arg(sim.url())));
    QVERIFY(server.waitForInstances(1));
    StatusPage page;
    page.show();
    page.subscription()->connectTo(server.statusSocket(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(page.subscription()->state(), StatusSubscription::State::Connected,
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(table(page)->rowCount(), 1, 10000);
    QTableWidget *t = table(page);
    QCOMPARE(t->item(0, StatusPage::IdColumn)->text(), sim.url());
    QTRY_VERIFY(t->item(0, StatusPage::StateColumn)->text().contains(u"connected"));
    QTRY_VERIFY(t->item(0, StatusPage::WritableColumn)->text() == u"yes");
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("statusDiscoveryLabel"))
                ->text()
                .contains(u"static"));

    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(page.subscription()->state(), StatusSubscription::State::NotRunning,
                              10000);
    QVERIFY(banner(page).contains(u"not running"));
}

QTEST_MAIN(tst_StatusPage)
#include "tst_statuspage.moc"

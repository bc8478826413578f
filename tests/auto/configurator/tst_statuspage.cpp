// The live cluster view: against demo status sockets (config.md §5 as the service speaks
// it), two cxservers side by side with one going away and an instance leaving, its
// reconnection when the service is not running or goes away, and against a real cxserver
// with a platform simulator.

#include "cxserverprocess.h"
#include "demostatusserver.h"
#include "platformsimprocess.h"
#include "statuspage.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
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
    void twoServersOneGoesAway();
    void departedInstanceShownDown();
    void returnConnectsToTypedSockets();
    void notRunningThenStarted();
    void serviceGoesAwayAndComesBack();
    void accessDenied();
    void realService();

private:
    static QTableWidget *table(StatusPage &page)
    {
        return page.findChild<QTableWidget *>(QStringLiteral("instanceTable"));
    }
    static QTableWidget *servers(StatusPage &page)
    {
        return page.findChild<QTableWidget *>(QStringLiteral("serverTable"));
    }
    static QString banner(StatusPage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("statusBanner"))->text();
    }
    static StatusSubscription *subscription(StatusPage &page)
    {
        return page.subscriptions().first();
    }
    /// The instance table's row of id, or -1.
    static int rowOf(StatusPage &page, const QString &server, const QString &id)
    {
        QTableWidget *t = table(page);
        for (int row = 0; row < t->rowCount(); ++row) {
            if (t->item(row, StatusPage::ServerColumn)->text() == server
                && t->item(row, StatusPage::IdColumn)->text() == id)
                return row;
        }
        return -1;
    }
    static QString cell(StatusPage &page, const QString &server, const QString &id, int column)
    {
        const int row = rowOf(page, server, id);
        return row < 0 ? QString() : table(page)->item(row, column)->text();
    }
    static bool eventSays(StatusPage &page, const QString &text)
    {
        auto *events = page.findChild<QListWidget *>(QStringLiteral("statusEvents"));
        for (int row = 0; row < events->count(); ++row) {
            if (events->item(row)->text().contains(text))
                return true;
        }
        return false;
    }
};

void tst_StatusPage::showsInstancesWithRates()
{
    DemoStatusServer server;
    QVERIFY(server.listen());
    StatusPage page;
    page.show();
    page.connectTo({server.name()}, 100);
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::Connected);
    QVERIFY(banner(page).contains(u"Connected"));
    QTRY_COMPARE(table(page)->rowCount(), 3);
    QTRY_VERIFY(server.sent() >= 5);
    QTableWidget *t = table(page);
    QCOMPARE(t->item(0, StatusPage::IdColumn)->text(), QStringLiteral("6d4e0c1a-twx1"));
    QCOMPARE(t->item(0, StatusPage::AddressColumn)->text(), QStringLiteral("10.0.0.12:8443 (TLS)"));
    QVERIFY(t->item(0, StatusPage::StateColumn)->text().contains(u"connected"));
    QVERIFY(t->item(2, StatusPage::StateColumn)->text().contains(u"down"));
    QCOMPARE(t->item(0, StatusPage::PipesColumn)->text(), QStringLiteral("5/5"));
    QCOMPARE(t->item(2, StatusPage::ErrorsColumn)->text(), QStringLiteral("3"));
    QVERIFY(t->item(2, StatusPage::LastErrorColumn)->text().endsWith(u" connection refused"));
    // Colour says the state: green connected, red down.
    QCOMPARE(t->item(0, StatusPage::StateColumn)->foreground().color(), QColor(0x2e, 0x7d, 0x32));
    QCOMPARE(t->item(2, StatusPage::StateColumn)->foreground().color(), QColor(0xc6, 0x28, 0x28));
    // The rate is a number of requests per second once two snapshots came (the demo's
    // first instance routes about 180 per tick of 100 ms).
    const auto rate = [t] {
        bool numeric = false;
        const double value
            = QLocale().toDouble(t->item(0, StatusPage::RateColumn)->text(), &numeric);
        return numeric ? value : -1.0;
    };
    QTRY_VERIFY(rate() >= 0);
    QVERIFY2(rate() > 100, qPrintable(t->item(0, StatusPage::RateColumn)->text()));
    QTableWidget *s = servers(page);
    QCOMPARE(s->rowCount(), 1);
    QCOMPARE(s->item(0, StatusPage::ServerStateColumn)->text(), QStringLiteral("up"));
    QVERIFY(s->item(0, StatusPage::ServerEdgesColumn)->text().contains(u"connected"));
    QVERIFY(s->item(0, StatusPage::ServerDiscoveryColumn)->text().contains(u"zookeeper"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("statusTotalsLabel"))
                ->text()
                .contains(u"edge devices connected"));
}

void tst_StatusPage::twoServersOneGoesAway()
{
    DemoStatusServer first;
    auto second = std::make_unique<DemoStatusServer>();
    QVERIFY(first.listen());
    QVERIFY(second->listen());
    const QString secondName = second->name();
    StatusPage page;
    page.show();
    page.setRetryInterval(200);
    page.connectTo({first.name(), secondName}, 100);
    QTRY_COMPARE(table(page)->rowCount(), 6);
    QTRY_VERIFY2(banner(page).contains(u"Connected to 2 of 2"), qPrintable(banner(page)));
    QCOMPARE(servers(page)->rowCount(), 2);

    second.reset(); // that cxserver stops
    QTRY_VERIFY(
        servers(page)->item(1, StatusPage::ServerStateColumn)->text().startsWith(u"down since"));
    QVERIFY(servers(page)->item(1, StatusPage::ServerStateColumn)->text().contains(u"not running"));
    QCOMPARE(servers(page)->item(0, StatusPage::ServerStateColumn)->text(), QStringLiteral("up"));
    QVERIFY2(banner(page).contains(u"Connected to 1 of 2"), qPrintable(banner(page)));
    QVERIFY(banner(page).contains(u"not running"));
    QVERIFY(eventSays(page, secondName + u" down"));
    // Its rows stay, greyed, with their last values; the other cxserver's rows stay live.
    const QString id = QStringLiteral("6d4e0c1a-twx1");
    QCOMPARE(table(page)->rowCount(), 6);
    QCOMPARE(
        table(page)->item(rowOf(page, secondName, id), StatusPage::IdColumn)->foreground().color(),
        QColor(0x9e, 0x9e, 0x9e));
    const QString routed = cell(page, first.name(), id, StatusPage::RoutedColumn);
    QTRY_VERIFY(cell(page, first.name(), id, StatusPage::RoutedColumn) != routed);
    const QString frozen = cell(page, secondName, id, StatusPage::RoutedColumn);
    const int sent = first.sent();
    QTRY_VERIFY(first.sent() >= sent + 3);
    QCOMPARE(cell(page, secondName, id, StatusPage::RoutedColumn), frozen);
}

void tst_StatusPage::departedInstanceShownDown()
{
    DemoStatusServer server;
    QVERIFY(server.listen());
    StatusPage page;
    page.show();
    page.connectTo({server.name()}, 100);
    QTRY_COMPARE(table(page)->rowCount(), 3);
    server.setListed(2);
    const QString id = QStringLiteral("c0ffee07-twx3");
    QTRY_VERIFY(cell(page, server.name(), id, StatusPage::StateColumn).contains(u"removed"));
    static const QRegularExpression downSince(QStringLiteral("down since \\d\\d:\\d\\d:\\d\\d"));
    QVERIFY2(cell(page, server.name(), id, StatusPage::StateColumn).contains(downSince),
             qPrintable(cell(page, server.name(), id, StatusPage::StateColumn)));
    QCOMPARE(table(page)->rowCount(), 3);
    QVERIFY(eventSays(page, u"instance " + id + u" removed"));
    server.setListed(3);
    QTRY_VERIFY(!cell(page, server.name(), id, StatusPage::StateColumn).contains(u"removed"));
    QVERIFY(eventSays(page, u"instance " + id + u" back"));
}

void tst_StatusPage::returnConnectsToTypedSockets()
{
    QCOMPARE(StatusPage::parseSockets(QStringLiteral(" a, b;c  a\n")),
             (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    DemoStatusServer first;
    DemoStatusServer second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    StatusPage page;
    page.show();
    auto *edit = page.findChild<QLineEdit *>(QStringLiteral("statusSocketEdit"));
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, first.name() + u", " + second.name());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(page.subscriptions().size(), 2);
    QTRY_COMPARE(table(page)->rowCount(), 6);
}

void tst_StatusPage::notRunningThenStarted()
{
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("cxserver.sock"));
    StatusPage page;
    page.show();
    page.setRetryInterval(200);
    page.connectTo({socket}, 100);
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::NotRunning);
    QVERIFY2(banner(page).contains(u"not running"), qPrintable(banner(page)));
    DemoStatusServer server;
    QVERIFY(server.listen(socket));
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::Connected);
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
    page.setRetryInterval(200);
    page.connectTo({socket}, 100);
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::Connected);
    server.reset(); // the service stops
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::NotRunning);
    QVERIFY(banner(page).contains(u"not running"));
    server = std::make_unique<DemoStatusServer>();
    QVERIFY(server->listen(socket));
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::Connected);
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
    page.connectTo({socket}, 100);
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::AccessDenied);
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
    page.connectTo({server.statusSocket()}, 200);
    QTRY_COMPARE_WITH_TIMEOUT(subscription(page)->state(), StatusSubscription::State::Connected,
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(table(page)->rowCount(), 1, 10000);
    QTableWidget *t = table(page);
    QCOMPARE(t->item(0, StatusPage::IdColumn)->text(), sim.url());
    QTRY_VERIFY(t->item(0, StatusPage::StateColumn)->text().contains(u"connected"));
    QTRY_VERIFY(t->item(0, StatusPage::WritableColumn)->text() == u"yes");
    QVERIFY(servers(page)->item(0, StatusPage::ServerDiscoveryColumn)->text().contains(u"static"));

    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(subscription(page)->state(), StatusSubscription::State::NotRunning,
                              10000);
    QVERIFY(banner(page).contains(u"not running"));
    QVERIFY(
        servers(page)->item(0, StatusPage::ServerStateColumn)->text().startsWith(u"down since"));

    // Another socket in its place: nothing of the previous server's row remains.
    page.connectTo({QStringLiteral("cxserver-never-started")}, 200);
    QTRY_COMPARE(subscription(page)->state(), StatusSubscription::State::NotRunning);
    QCOMPARE(servers(page)->rowCount(), 1);
    QCOMPARE(servers(page)->item(0, StatusPage::ServerVersionColumn)->text(), QString());
    QCOMPARE(table(page)->rowCount(), 0);
}

QTEST_MAIN(tst_StatusPage)
#include "tst_statuspage.moc"

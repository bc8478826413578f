// The contract every routing plugin keeps (protocol.md §4 rules 3-4 and the routing
// interface): -1 without a candidate, a failed pick leaves the cursor alone, and the
// cursor stays in range when the membership changes. Run against each shipped plugin.

#include "plugin/routing.h"
#include "routingplugin.h"
#include "scriptedcandidates.h"

#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::plugin;

namespace {
const QStringList Plugins {QStringLiteral("round-robin"), QStringLiteral("least-pending")};
}

class tst_RoutingContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noCandidate_data();
    void noCandidate();
    void membershipChange_data();
    void membershipChange();
};

void tst_RoutingContract::noCandidate_data()
{
    QTest::addColumn<QString>("plugin");
    QTest::addColumn<QList<bool>>("connected");
    QTest::addColumn<QList<int>>("fullForEndpoint9");

    for (const QString &plugin : Plugins)
        QTest::addRow("%s: no instance", qPrintable(plugin))
            << plugin << QList<bool> {} << QList<int> {};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: none connected", qPrintable(plugin))
            << plugin << QList<bool> {false, false, false} << QList<int> {};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: none writable", qPrintable(plugin))
            << plugin << QList<bool> {true, true, true} << QList<int> {0, 1, 2};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: the writable one not connected", qPrintable(plugin))
            << plugin << QList<bool> {true, false, true} << QList<int> {0, 2};
}

void tst_RoutingContract::noCandidate()
{
    QFETCH(QString, plugin);
    QFETCH(QList<bool>, connected);
    QFETCH(QList<int>, fullForEndpoint9);

    const std::unique_ptr<RoutingBackend> backend = createRouting(plugin, 0);
    QVERIFY(backend);
    backend->membershipChanged(int(connected.size()));
    const ScriptedCandidates candidates(connected, fullForEndpoint9, 9);
    QCOMPARE(backend->pick(candidates, 9), -1);
    QCOMPARE(backend->pick(candidates, 9), -1);
    QCOMPARE(candidates.outOfRange(), 0);

    // A failed pick does not move the cursor.
    const ScriptedCandidates recovered(allConnected(3));
    QCOMPARE(backend->pick(recovered, 9), 0);
}

void tst_RoutingContract::membershipChange_data()
{
    QTest::addColumn<QString>("plugin");
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("picksBefore");
    QTest::addColumn<int>("after");
    QTest::addColumn<QList<int>>("picks");

    // Indices are not stable across a change; the cursor stays where it is when it can.
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: shrink, cursor in range", qPrintable(plugin))
            << plugin << 3 << 1 << 2 << QList<int> {1, 0, 1};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: shrink, cursor past the end wraps", qPrintable(plugin))
            << plugin << 3 << 2 << 2 << QList<int> {0, 1, 0};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: shrink after a full cycle", qPrintable(plugin))
            << plugin << 3 << 3 << 2 << QList<int> {0, 1};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: shrink to one", qPrintable(plugin))
            << plugin << 4 << 3 << 1 << QList<int> {0, 0};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: shrink to none", qPrintable(plugin))
            << plugin << 3 << 2 << 0 << QList<int> {-1, -1};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: grow keeps the cursor", qPrintable(plugin))
            << plugin << 3 << 2 << 5 << QList<int> {2, 3, 4, 0};
    for (const QString &plugin : Plugins)
        QTest::addRow("%s: from none", qPrintable(plugin))
            << plugin << 0 << 1 << 3 << QList<int> {0, 1, 2, 0};
}

void tst_RoutingContract::membershipChange()
{
    QFETCH(QString, plugin);
    QFETCH(int, before);
    QFETCH(int, picksBefore);
    QFETCH(int, after);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend = createRouting(plugin, 0);
    QVERIFY(backend);
    backend->membershipChanged(before);
    const ScriptedCandidates old(allConnected(before));
    for (int i = 0; i < picksBefore; ++i)
        QCOMPARE(backend->pick(old, 1), before ? i % before : -1);

    backend->membershipChanged(after);
    const ScriptedCandidates current(allConnected(after));
    QList<int> actual;
    for (qsizetype i = 0; i < picks.size(); ++i)
        actual << backend->pick(current, 1);
    QCOMPARE(actual, picks);
    QCOMPARE(current.outOfRange(), 0);
}

QTEST_APPLESS_MAIN(tst_RoutingContract)
#include "tst_routingcontract.moc"

#include "plugin/pluginloader.h"
#include "plugin/routing.h"
#include "routingplugin.h"
#include "scriptedcandidates.h"

#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::plugin;

class tst_RoundRobin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cyclicOrder_data();
    void cyclicOrder();
    void skipsNonCandidates_data();
    void skipsNonCandidates();
    void workersKeepTheirOwnCursor();
};

void tst_RoundRobin::cyclicOrder_data()
{
    QTest::addColumn<int>("workerIndex");
    QTest::addColumn<int>("instances");
    QTest::addColumn<QList<int>>("picks");

    QTest::addRow("3 instances") << 0 << 3 << QList<int> {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    QTest::addRow("main thread") << -1 << 3 << QList<int> {0, 1, 2, 0, 1, 2};
    QTest::addRow("1 instance") << 0 << 1 << QList<int> {0, 0, 0};
    // Workers start at their own index so that they do not all begin on instance 0.
    QTest::addRow("worker 1") << 1 << 3 << QList<int> {1, 2, 0, 1, 2, 0};
    QTest::addRow("worker 4 of 3 instances") << 4 << 3 << QList<int> {1, 2, 0, 1};
}

void tst_RoundRobin::cyclicOrder()
{
    QFETCH(int, workerIndex);
    QFETCH(int, instances);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend
        = createRouting(QStringLiteral("round-robin"), workerIndex);
    QVERIFY(backend);
    backend->membershipChanged(instances);
    const ScriptedCandidates candidates(allConnected(instances));
    QList<int> actual;
    for (qsizetype i = 0; i < picks.size(); ++i)
        actual << backend->pick(candidates, quint32(i + 1));
    QCOMPARE(actual, picks);
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_RoundRobin::skipsNonCandidates_data()
{
    QTest::addColumn<QList<bool>>("connected");
    QTest::addColumn<QList<int>>("fullForEndpoint9");
    QTest::addColumn<QList<quint32>>("endpoints");
    QTest::addColumn<QList<int>>("picks");

    QTest::addRow("middle not connected") << QList<bool> {true, false, true} << QList<int> {}
                                          << QList<quint32> {1, 2, 3, 4} << QList<int> {0, 2, 0, 2};
    QTest::addRow("first not connected") << QList<bool> {false, true, true} << QList<int> {}
                                         << QList<quint32> {1, 2, 3, 4} << QList<int> {1, 2, 1, 2};
    QTest::addRow("only the last connected") << QList<bool> {false, false, true} << QList<int> {}
                                             << QList<quint32> {1, 2, 3} << QList<int> {2, 2, 2};
    // The cursor moves past the instance actually chosen, never past a skipped one.
    QTest::addRow("not writable for one endpoint")
        << QList<bool> {true, true, true} << QList<int> {1} << QList<quint32> {9, 9, 5, 5, 9}
        << QList<int> {0, 2, 0, 1, 2};
    QTest::addRow("not writable for that endpoint anywhere but one")
        << QList<bool> {true, true, true} << QList<int> {0, 2} << QList<quint32> {9, 5, 9, 5, 5, 9}
        << QList<int> {1, 2, 1, 2, 0, 1};
}

void tst_RoundRobin::skipsNonCandidates()
{
    QFETCH(QList<bool>, connected);
    QFETCH(QList<int>, fullForEndpoint9);
    QFETCH(QList<quint32>, endpoints);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend = createRouting(QStringLiteral("round-robin"), 0);
    QVERIFY(backend);
    backend->membershipChanged(int(connected.size()));
    const ScriptedCandidates candidates(connected, fullForEndpoint9, 9);
    QList<int> actual;
    for (quint32 endpoint : std::as_const(endpoints))
        actual << backend->pick(candidates, endpoint);
    QCOMPARE(actual, picks);
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_RoundRobin::workersKeepTheirOwnCursor()
{
    const std::unique_ptr<RoutingBackend> first = createRouting(QStringLiteral("round-robin"), 0);
    const std::unique_ptr<RoutingBackend> second = createRouting(QStringLiteral("round-robin"), 0);
    QVERIFY(first && second);
    const ScriptedCandidates candidates(allConnected(3));
    QCOMPARE(first->pick(candidates, 1), 0);
    QCOMPARE(first->pick(candidates, 1), 1);
    QCOMPARE(second->pick(candidates, 1), 0);
    QCOMPARE(first->pick(candidates, 1), 2);
    QCOMPARE(second->pick(candidates, 1), 1);
}

QTEST_GUILESS_MAIN(tst_RoundRobin)
#include "tst_roundrobin.moc"

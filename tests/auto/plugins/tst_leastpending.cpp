#include "plugin/pluginloader.h"
#include "plugin/routing.h"
#include "routingplugin.h"
#include "scriptedcandidates.h"

#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::plugin;

class tst_LeastPending : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fewestInFlightWins_data();
    void fewestInFlightWins();
    void tiesRotate_data();
    void tiesRotate();
    void countedLoadStaysBalanced();
    void skipsNonCandidates_data();
    void skipsNonCandidates();
};

void tst_LeastPending::fewestInFlightWins_data()
{
    QTest::addColumn<QList<int>>("inFlight");
    QTest::addColumn<int>("pick");

    QTest::addRow("middle") << QList<int> {3, 1, 2} << 1;
    QTest::addRow("first") << QList<int> {0, 5, 5} << 0;
    QTest::addRow("last") << QList<int> {5, 5, 0} << 2;
    QTest::addRow("last, all busy") << QList<int> {7, 9, 4} << 2;
    QTest::addRow("one instance") << QList<int> {12} << 0;
}

void tst_LeastPending::fewestInFlightWins()
{
    QFETCH(QList<int>, inFlight);
    QFETCH(int, pick);

    const std::unique_ptr<RoutingBackend> backend
        = createRouting(QStringLiteral("least-pending"), 0);
    QVERIFY(backend);
    backend->membershipChanged(int(inFlight.size()));
    ScriptedCandidates candidates(allConnected(int(inFlight.size())));
    candidates.setInFlight(inFlight);
    // The load decides, not the cursor: the same instance wins while the loads stay.
    QCOMPARE(backend->pick(candidates, 1), pick);
    QCOMPARE(backend->pick(candidates, 2), pick);
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_LeastPending::tiesRotate_data()
{
    QTest::addColumn<int>("workerIndex");
    QTest::addColumn<QList<int>>("inFlight");
    QTest::addColumn<QList<int>>("picks");

    QTest::addRow("all idle") << 0 << QList<int> {0, 0, 0} << QList<int> {0, 1, 2, 0, 1, 2, 0};
    QTest::addRow("all equally busy") << 0 << QList<int> {4, 4, 4} << QList<int> {0, 1, 2, 0};
    QTest::addRow("two tied for least")
        << 0 << QList<int> {1, 0, 3, 0} << QList<int> {1, 3, 1, 3, 1};
    QTest::addRow("main thread") << -1 << QList<int> {2, 2} << QList<int> {0, 1, 0};
    // Workers start at their own index so that they do not all begin on instance 0.
    QTest::addRow("worker 1") << 1 << QList<int> {0, 0, 0} << QList<int> {1, 2, 0, 1};
    QTest::addRow("worker 4 of 3 instances") << 4 << QList<int> {0, 0, 0} << QList<int> {1, 2, 0};
}

void tst_LeastPending::tiesRotate()
{
    QFETCH(int, workerIndex);
    QFETCH(QList<int>, inFlight);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend
        = createRouting(QStringLiteral("least-pending"), workerIndex);
    QVERIFY(backend);
    backend->membershipChanged(int(inFlight.size()));
    ScriptedCandidates candidates(allConnected(int(inFlight.size())));
    candidates.setInFlight(inFlight);
    QList<int> actual;
    for (qsizetype i = 0; i < picks.size(); ++i)
        actual << backend->pick(candidates, quint32(i + 1));
    QCOMPARE(actual, picks);
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_LeastPending::countedLoadStaysBalanced()
{
    // As in the worker: each request picked stays in flight. The least loaded catches up
    // first (ties taken from the cursor on), then the instances take turns.
    const std::unique_ptr<RoutingBackend> backend
        = createRouting(QStringLiteral("least-pending"), 0);
    QVERIFY(backend);
    backend->membershipChanged(3);
    ScriptedCandidates candidates(allConnected(3));
    candidates.setInFlight({2, 0, 1});
    QList<int> actual;
    for (int i = 0; i < 7; ++i) {
        const int picked = backend->pick(candidates, 1);
        actual << picked;
        candidates.addInFlight(picked);
    }
    QCOMPARE(actual, (QList<int> {1, 2, 1, 2, 0, 1, 2}));
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_LeastPending::skipsNonCandidates_data()
{
    QTest::addColumn<QList<bool>>("connected");
    QTest::addColumn<QList<int>>("fullForEndpoint9");
    QTest::addColumn<QList<int>>("inFlight");
    QTest::addColumn<QList<quint32>>("endpoints");
    QTest::addColumn<QList<int>>("picks");

    QTest::addRow("least loaded not connected")
        << QList<bool> {true, false, true} << QList<int> {} << QList<int> {3, 0, 2}
        << QList<quint32> {1, 2} << QList<int> {2, 2};
    QTest::addRow("only the busiest connected")
        << QList<bool> {false, false, true} << QList<int> {} << QList<int> {0, 0, 9}
        << QList<quint32> {1, 2} << QList<int> {2, 2};
    QTest::addRow("ties among the connected rotate")
        << QList<bool> {true, false, true} << QList<int> {} << QList<int> {0, 0, 0}
        << QList<quint32> {1, 2, 3} << QList<int> {0, 2, 0};
    QTest::addRow("least loaded not writable for one endpoint")
        << QList<bool> {true, true, true} << QList<int> {0} << QList<int> {0, 1, 2}
        << QList<quint32> {9, 5, 9} << QList<int> {1, 0, 1};
}

void tst_LeastPending::skipsNonCandidates()
{
    QFETCH(QList<bool>, connected);
    QFETCH(QList<int>, fullForEndpoint9);
    QFETCH(QList<int>, inFlight);
    QFETCH(QList<quint32>, endpoints);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend
        = createRouting(QStringLiteral("least-pending"), 0);
    QVERIFY(backend);
    backend->membershipChanged(int(connected.size()));
    ScriptedCandidates candidates(connected, fullForEndpoint9, 9);
    candidates.setInFlight(inFlight);
    QList<int> actual;
    for (quint32 endpoint : std::as_const(endpoints))
        actual << backend->pick(candidates, endpoint);
    QCOMPARE(actual, picks);
    QCOMPARE(candidates.outOfRange(), 0);
}

QTEST_GUILESS_MAIN(tst_LeastPending)
#include "tst_leastpending.moc"

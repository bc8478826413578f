#include "plugin/pluginloader.h"
#include "plugin/routing.h"

#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::plugin;

namespace {

/// The worker's side of routing, scripted: which instances are connected, and which are
/// not writable for one endpoint (the pipe that would carry its messages is full).
class Candidates final : public RoutingCandidates
{
public:
    explicit Candidates(QList<bool> connected, QList<int> fullForEndpoint = {},
                        quint32 endpoint = 0)
        : m_connected(std::move(connected))
        , m_full(std::move(fullForEndpoint))
        , m_endpoint(endpoint)
    { }

    int count() const override { return int(m_connected.size()); }
    bool isCandidate(int instance, quint32 endpointId) const override
    {
        if (instance < 0 || instance >= count()) {
            ++m_outOfRange;
            return false;
        }
        return m_connected.at(instance) && !(endpointId == m_endpoint && m_full.contains(instance));
    }
    int inFlight(int) const override { return 0; }

    int outOfRange() const { return m_outOfRange; }

private:
    QList<bool> m_connected;
    QList<int> m_full;
    quint32 m_endpoint;
    mutable int m_outOfRange = 0;
};

QList<bool> allConnected(int count)
{
    return QList<bool>(count, true);
}

} // namespace

class tst_RoundRobin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cyclicOrder_data();
    void cyclicOrder();
    void skipsNonCandidates_data();
    void skipsNonCandidates();
    void noCandidate_data();
    void noCandidate();
    void membershipChange_data();
    void membershipChange();
    void workersKeepTheirOwnCursor();

private:
    std::unique_ptr<RoutingBackend> create(int workerIndex);

    RoutingFactory *m_factory = nullptr;
};

void tst_RoundRobin::initTestCase()
{
    const Result<RoutingFactory *> factory = loadFactory<RoutingFactory>(
        QStringLiteral(CX_ROUTING_PLUGIN_DIR), QStringLiteral("round-robin"));
    QVERIFY2(factory, qPrintable(factory ? QString() : factory.error().forLog()));
    m_factory = factory.value();
}

std::unique_ptr<RoutingBackend> tst_RoundRobin::create(int workerIndex)
{
    QString error;
    std::unique_ptr<RoutingBackend> backend(
        m_factory->create(PluginContext {nullptr, workerIndex}, nullptr, &error));
    if (!backend)
        qWarning("create() failed: %s", qPrintable(error));
    return backend;
}

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

    const std::unique_ptr<RoutingBackend> backend = create(workerIndex);
    QVERIFY(backend);
    backend->membershipChanged(instances);
    const Candidates candidates(allConnected(instances));
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

    const std::unique_ptr<RoutingBackend> backend = create(0);
    QVERIFY(backend);
    backend->membershipChanged(int(connected.size()));
    const Candidates candidates(connected, fullForEndpoint9, 9);
    QList<int> actual;
    for (quint32 endpoint : std::as_const(endpoints))
        actual << backend->pick(candidates, endpoint);
    QCOMPARE(actual, picks);
    QCOMPARE(candidates.outOfRange(), 0);
}

void tst_RoundRobin::noCandidate_data()
{
    QTest::addColumn<QList<bool>>("connected");
    QTest::addColumn<QList<int>>("fullForEndpoint9");

    QTest::addRow("no instance") << QList<bool> {} << QList<int> {};
    QTest::addRow("none connected") << QList<bool> {false, false, false} << QList<int> {};
    QTest::addRow("none writable") << QList<bool> {true, true, true} << QList<int> {0, 1, 2};
    QTest::addRow("the writable one not connected")
        << QList<bool> {true, false, true} << QList<int> {0, 2};
}

void tst_RoundRobin::noCandidate()
{
    QFETCH(QList<bool>, connected);
    QFETCH(QList<int>, fullForEndpoint9);

    const std::unique_ptr<RoutingBackend> backend = create(0);
    QVERIFY(backend);
    backend->membershipChanged(int(connected.size()));
    const Candidates candidates(connected, fullForEndpoint9, 9);
    QCOMPARE(backend->pick(candidates, 9), -1);
    QCOMPARE(backend->pick(candidates, 9), -1);
    QCOMPARE(candidates.outOfRange(), 0);

    // A failed pick does not move the cursor.
    const Candidates recovered(allConnected(3));
    QCOMPARE(backend->pick(recovered, 9), 0);
}

void tst_RoundRobin::membershipChange_data()
{
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("picksBefore");
    QTest::addColumn<int>("after");
    QTest::addColumn<QList<int>>("picks");

    // Indices are not stable across a change; the cursor stays where it is when it can.
    QTest::addRow("shrink, cursor in range") << 3 << 1 << 2 << QList<int> {1, 0, 1};
    QTest::addRow("shrink, cursor past the end wraps") << 3 << 2 << 2 << QList<int> {0, 1, 0};
    QTest::addRow("shrink after a full cycle") << 3 << 3 << 2 << QList<int> {0, 1};
    QTest::addRow("shrink to one") << 4 << 3 << 1 << QList<int> {0, 0};
    QTest::addRow("shrink to none") << 3 << 2 << 0 << QList<int> {-1, -1};
    QTest::addRow("grow keeps the cursor") << 3 << 2 << 5 << QList<int> {2, 3, 4, 0};
    QTest::addRow("from none") << 0 << 1 << 3 << QList<int> {0, 1, 2, 0};
}

void tst_RoundRobin::membershipChange()
{
    QFETCH(int, before);
    QFETCH(int, picksBefore);
    QFETCH(int, after);
    QFETCH(QList<int>, picks);

    const std::unique_ptr<RoutingBackend> backend = create(0);
    QVERIFY(backend);
    backend->membershipChanged(before);
    const Candidates old(allConnected(before));
    for (int i = 0; i < picksBefore; ++i)
        QCOMPARE(backend->pick(old, 1), before ? i % before : -1);

    backend->membershipChanged(after);
    const Candidates current(allConnected(after));
    QList<int> actual;
    for (qsizetype i = 0; i < picks.size(); ++i)
        actual << backend->pick(current, 1);
    QCOMPARE(actual, picks);
    QCOMPARE(current.outOfRange(), 0);
}

void tst_RoundRobin::workersKeepTheirOwnCursor()
{
    const std::unique_ptr<RoutingBackend> first = create(0);
    const std::unique_ptr<RoutingBackend> second = create(0);
    QVERIFY(first && second);
    const Candidates candidates(allConnected(3));
    QCOMPARE(first->pick(candidates, 1), 0);
    QCOMPARE(first->pick(candidates, 1), 1);
    QCOMPARE(second->pick(candidates, 1), 0);
    QCOMPARE(first->pick(candidates, 1), 2);
    QCOMPARE(second->pick(candidates, 1), 1);
}

QTEST_GUILESS_MAIN(tst_RoundRobin)
#include "tst_roundrobin.moc"

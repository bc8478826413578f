// The upstream set, a worker's platform instances and their pipes, in-process: real pipes
// on a poller against in-process platforms that answer the pipe AUTH, and a listener that
// hands the pipes' news to the set as the worker does.

#include "dataplanesettings.h"
#include "eventloop/eventpoller.h"
#include "inprocesspeers.h"
#include "pendingrequest.h"
#include "platformpipe.h"
#include "rendezvous.h"
#include "upstreamset.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::server;

namespace {

/// A port nothing listens on: its instance is unreachable.
plugin::PlatformInstance unreachable(const QString &id)
{
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    return {.id = id, .address = QStringLiteral("127.0.0.1"), .port = closed.serverPort()};
}

/// Hands what the pipes say to the set, as a worker does.
class Listener : public PipeListener
{
public:
    void pipeConnected(PlatformPipe &pipe) override { set->pipeConnected(pipe); }
    void pipeLost(PlatformPipe &pipe) override { set->pipeLost(pipe); }
    void pipeFailed(PlatformPipe &pipe, const QString &reason) override
    {
        set->pipeFailed(pipe, reason);
    }
    void pipeMessage(PlatformPipe &, std::span<char>) override { }

    UpstreamSet *set = nullptr;
};

} // namespace

class tst_UpstreamSet : public QObject
{
    Q_OBJECT

private:
    /// A set with \a pipesPerInstance pipes per instance; connectivity changes counted.
    std::unique_ptr<UpstreamSet> makeSet(int pipesPerInstance = 2);
    bool waitForConnected(int instances)
    {
        return QTest::qWaitFor([&] { return m_set->connectedInstances() == instances; },
                               test::InProcessWaitMs);
    }

    std::unique_ptr<QObject> m_pipeParent;
    std::unique_ptr<eventloop::EventPoller> m_poller;
    DataPlaneSettings m_settings;
    Listener m_listener;
    std::unique_ptr<UpstreamSet> m_set;
    int m_connectivityChanges = 0;
    test::InProcessPlatform m_a;
    test::InProcessPlatform m_b;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newInstanceGetsItsPipesAndBecomesACandidate();
    void instancesThatStayKeepTheirLinkAndPipes();
    void removedInstanceDrainsUntilItsLastRequest();
    void connectivityFollowsThePipes();
    void unreachableInstanceIsNoCandidateAndKeepsItsError();
    void tunnelMeetsTheFirstConnectedInstanceInRendezvousOrder();
};

std::unique_ptr<UpstreamSet> tst_UpstreamSet::makeSet(int pipesPerInstance)
{
    auto set = std::make_unique<UpstreamSet>(
        0, pipesPerInstance,
        [this](InstanceLink &link, quint32 serial) {
            return new PlatformPipe(m_listener, *m_poller, m_settings, link.instance.url(), link,
                                    serial, m_pipeParent.get());
        },
        [this] { ++m_connectivityChanges; });
    m_listener.set = set.get();
    return set;
}

void tst_UpstreamSet::initTestCase()
{
    m_settings.appKey = "app-key";
    QVERIFY(m_a.listen());
    QVERIFY(m_b.listen());
}

void tst_UpstreamSet::init()
{
    m_pipeParent = std::make_unique<QObject>();
    m_poller = std::make_unique<eventloop::EventPoller>();
    m_connectivityChanges = 0;
    m_set = makeSet();
}

void tst_UpstreamSet::cleanup()
{
    m_set->closeAll();
    m_pipeParent.reset(); // the pipes, before the set's links they refer to
    m_set.reset();
    m_poller.reset();
    m_a.dropPipes();
    m_b.dropPipes();
}

void tst_UpstreamSet::newInstanceGetsItsPipesAndBecomesACandidate()
{
    m_set->setMembership({m_a.instance(QStringLiteral("a"))});
    QCOMPARE(m_set->count(), 1);
    InstanceLink &link = m_set->link(0);
    QCOMPARE(link.pipes.size(), size_t(2));
    for (PlatformPipe *pipe : link.pipes)
        QCOMPARE(m_set->pipe(pipe->serial()), pipe);
    QVERIFY(!m_set->isCandidate(0, 7)); // not before its AUTH is answered
    QVERIFY(waitForConnected(1));
    QCOMPARE(m_connectivityChanges, 1);
    QVERIFY(QTest::qWaitFor([&] { return link.connected.size() == 2; }, test::InProcessWaitMs));
    QVERIFY(m_set->isCandidate(0, 7));
    QCOMPARE(m_set->inFlight(0), 0);
}

void tst_UpstreamSet::instancesThatStayKeepTheirLinkAndPipes()
{
    m_set->setMembership({m_a.instance(QStringLiteral("a"))});
    InstanceLink *a = &m_set->link(0);
    const std::vector<PlatformPipe *> pipesOfA = a->pipes;
    m_set->setMembership({m_b.instance(QStringLiteral("b")), m_a.instance(QStringLiteral("a"))});
    QCOMPARE(m_set->count(), 2);
    QCOMPARE(&m_set->link(1), a); // the same link, at its new index
    QCOMPARE(a->pipes, pipesOfA);
    QCOMPARE(m_set->link(0).instance.id, QStringLiteral("b"));
    for (PlatformPipe *pipe : m_set->link(0).pipes) {
        QVERIFY(std::find(pipesOfA.begin(), pipesOfA.end(), pipe) == pipesOfA.end());
        QCOMPARE(m_set->pipe(pipe->serial()), pipe); // new serials
    }
    QVERIFY(waitForConnected(2));
}

void tst_UpstreamSet::removedInstanceDrainsUntilItsLastRequest()
{
    m_set->setMembership({m_a.instance(QStringLiteral("a")), m_b.instance(QStringLiteral("b"))});
    QVERIFY(waitForConnected(2));
    InstanceLink &b = m_set->link(1);
    QVERIFY(QTest::qWaitFor([&] { return b.connected.size() == 2; }, test::InProcessWaitMs));
    PlatformPipe *busy = b.pipes[0];
    PlatformPipe *idle = b.pipes[1];
    const quint32 busySerial = busy->serial();
    const quint32 idleSerial = idle->serial();
    PendingRequest request;
    busy->outstanding.append(&request);

    m_set->setMembership({m_a.instance(QStringLiteral("a"))});
    QCOMPARE(m_set->count(), 1);
    QCOMPARE(m_set->link(0).instance.id, QStringLiteral("a"));
    QVERIFY(!m_set->pipe(idleSerial)); // closed at once: it carries nothing
    QCOMPARE(m_set->pipe(busySerial), busy); // still waits for its response
    QVERIFY(busy->isConnected());
    QCOMPARE(m_set->connectedInstances(), 1);

    busy->outstanding.remove(&request);
    m_set->closePipeIfIdle(*busy);
    QVERIFY(!m_set->pipe(busySerial));
    QCOMPARE(busy->state(), PlatformPipe::State::Closed);
}

void tst_UpstreamSet::connectivityFollowsThePipes()
{
    m_set->setMembership({m_a.instance(QStringLiteral("a"))});
    QVERIFY(waitForConnected(1));
    QVERIFY(QTest::qWaitFor([&] { return m_set->link(0).connected.size() == 2; },
                            test::InProcessWaitMs));
    QCOMPARE(m_connectivityChanges, 1);
    m_a.dropPipes();
    QVERIFY(waitForConnected(0));
    QCOMPARE(m_connectivityChanges, 2);
    QVERIFY(!m_set->isCandidate(0, 1));
    QVERIFY(waitForConnected(1)); // the pipes reconnect
    QCOMPARE(m_connectivityChanges, 3);
}

void tst_UpstreamSet::unreachableInstanceIsNoCandidateAndKeepsItsError()
{
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("worker 0 cannot reach instance .*down")));
    m_set->setMembership({unreachable(QStringLiteral("down")), m_a.instance(QStringLiteral("a"))});
    QVERIFY(waitForConnected(1));
    InstanceLink &down = m_set->link(0);
    QVERIFY(QTest::qWaitFor([&] { return !down.lastError.isEmpty(); }, test::InProcessWaitMs));
    QVERIFY(down.failureLogged);
    QVERIFY(down.lastErrorAtMs > 0);
    QVERIFY(!m_set->isCandidate(0, 1));
    QVERIFY(m_set->isCandidate(1, 1));
}

void tst_UpstreamSet::tunnelMeetsTheFirstConnectedInstanceInRendezvousOrder()
{
    const QByteArray target = "/Thingworx/WSTunnelServer/tunnel-42?cid=x";
    QVERIFY(!m_set->tunnelLink(target)); // no instance
    const QStringList ids {QStringLiteral("a"), QStringLiteral("b")};
    const std::vector<int> order
        = rendezvousOrder(tunnelMeetingKey("/Thingworx/WSTunnelServer/tunnel-42", "cid=x"), ids);
    const plugin::Membership both {m_a.instance(ids[0]), m_b.instance(ids[1])};
    m_set->setMembership(both);
    QVERIFY(waitForConnected(2));
    QCOMPARE(m_set->tunnelLink(target)->instance.id, ids[order[0]]);

    // The first in rendezvous order is unreachable: the tunnel meets at the second.
    plugin::Membership oneDown = both;
    oneDown[order[0]] = unreachable(ids[order[0]]);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot reach")));
    m_set->setMembership(oneDown);
    QVERIFY(QTest::qWaitFor([&] { return !m_set->link(order[0]).lastError.isEmpty(); },
                            test::InProcessWaitMs));
    QCOMPARE(m_set->tunnelLink(target)->instance.id, ids[order[1]]);
}

QTEST_GUILESS_MAIN(tst_UpstreamSet)
#include "tst_upstreamset.moc"

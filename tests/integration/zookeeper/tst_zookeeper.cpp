// ZooKeeper discovery (config.md §4) through a real ZooKeeper server, the real cxserver
// binary and real platform simulators registering themselves as Curator does. One
// ZooKeeper serves every test; each test uses its own service name.

#include "alwayson/codes.h"
#include "alwayson/header.h"
#include "cxserverprocess.h"
#include "pki.h"
#include "platformsimprocess.h"
#include "testedge.h"
#include "znodewriter.h"
#include "zookeeperprocess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using namespace cx;
using alwayson::Code;
using test::curatorJson;
using test::CxServerProcess;
using test::PlatformSimProcess;
using test::TestEdge;
using test::ZnodeWriter;
using test::ZooKeeperProcess;

namespace {

const QByteArray AppKey = "test-app-key";
constexpr quint32 EdgeId = 7;
constexpr int RecoveryTimeoutMs = 30000;

/// A TCP relay on 127.0.0.1 in front of ZooKeeper that can cut its clients off while
/// ZooKeeper itself keeps running (and so expires their sessions on time).
class Relay : public QObject
{
public:
    explicit Relay(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, &Relay::accept);
    }
    QString connectionString() const
    {
        return QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort());
    }
    /// Drops every relayed connection and refuses new ones until restore().
    void cut()
    {
        m_cut = true;
        for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
            socket->abort();
    }
    void restore() { m_cut = false; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            if (m_cut) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(client);
            const auto forward = [](QTcpSocket *from, QTcpSocket *to) {
                connect(from, &QTcpSocket::readyRead, to,
                        [from, to] { to->write(from->readAll()); });
                connect(from, &QTcpSocket::disconnected, to, &QTcpSocket::disconnectFromHost);
            };
            forward(client, upstream);
            forward(upstream, client);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target;
    bool m_cut = false;
};

/// A Curator ServiceInstance registration for 127.0.0.1:port.
quint8 codeOf(const std::optional<QByteArray> &message)
{
    return message ? alwayson::parseHeader(*message).header.code : 0;
}

int messagesOf(PlatformSimProcess &sim)
{
    return sim.stats().value(QStringLiteral("messages")).toInt();
}

QRegularExpression logLine(const QString &pattern)
{
    return QRegularExpression(pattern);
}

} // namespace

class tst_ZooKeeper : public QObject
{
    Q_OBJECT

private:
    /// A simulator registered in the shared ZooKeeper under /services/<service>.
    std::unique_ptr<PlatformSimProcess> startSim(const QString &id, const QString &service,
                                                 const QStringList &extra = {});
    /// A cxserver discovering /services/<service> (or another base path via settings) in
    /// the shared ZooKeeper, or through connectionString.
    std::unique_ptr<CxServerProcess> startServer(const QString &service,
                                                 const QString &sessionTimeout,
                                                 const QString &settings = {},
                                                 const QString &connectionString = {});
    std::unique_ptr<TestEdge> connectEdge(CxServerProcess &server);
    /// Two registered simulators (m_sim0, m_sim1) of service, a cxserver that found both
    /// and an authenticated edge (m_server, m_edge); reset after each test.
    bool startPair(const QString &service, const QString &sessionTimeout);

    std::unique_ptr<PlatformSimProcess> m_sim0;
    std::unique_ptr<PlatformSimProcess> m_sim1;
    std::unique_ptr<CxServerProcess> m_server;
    std::unique_ptr<TestEdge> m_edge;
    /// Sends requests one after the other until done() holds, each answered SUCCESS;
    /// false (and a failure) when one is not, or when done() does not hold in time.
    bool requestUntil(TestEdge &edge, const std::function<bool()> &done,
                      int timeoutMs = RecoveryTimeoutMs);

    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    quint32 m_requestId = 1000;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void registeredSimulatorsAreDiscovered();
    void membershipFollowsRegistrationsWithoutFailures();
    void removedInstanceFinishesItsRequests();
    void routingContinuesWhileZooKeeperIsDown();
    void sessionExpiryReconciles();
    void malformedAndDisabledNodesAreSkipped();
    void digestAuthGuardsTheServicePath();
    void tlsUsesSslPortAndWss();
};

void tst_ZooKeeper::initTestCase()
{
    zoo_set_debug_level(ZOO_LOG_LEVEL_WARN); // the writer's client: no chatter in the log
    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
}

void tst_ZooKeeper::cleanupTestCase()
{
    m_zooKeeper.reset();
}

std::unique_ptr<PlatformSimProcess>
tst_ZooKeeper::startSim(const QString &id, const QString &service, const QStringList &extra)
{
    auto sim = std::make_unique<PlatformSimProcess>(id);
    const QStringList arguments
        = QStringList {QStringLiteral("--zookeeper"), m_zooKeeper->connectionString(),
                       QStringLiteral("--service-name"), service}
        + extra;
    if (!sim->start(AppKey, arguments))
        return nullptr;
    if (!sim->waitForLine(logLine(QStringLiteral("^platformsim registered in ZooKeeper")))
             .hasMatch())
        return nullptr;
    return sim;
}

std::unique_ptr<CxServerProcess> tst_ZooKeeper::startServer(const QString &service,
                                                            const QString &sessionTimeout,
                                                            const QString &settings,
                                                            const QString &connectionString)
{
    auto server = std::make_unique<CxServerProcess>();
    const QString config
        = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                         "  transport.websockets.service-discovery.enabled = true\n"
                         "  transport.websockets.service-discovery.tls-enabled = false\n"
                         "  transport.websockets.service-discovery.service-name "
                         "= \"%2\"\n"
                         "  discovery.connectionString = \"%3\"\n"
                         "  discovery.session-timeout = %4\n%5")
              .arg(QString::fromUtf8(AppKey), service,
                   connectionString.isEmpty() ? m_zooKeeper->connectionString() : connectionString,
                   sessionTimeout, settings);
    if (!server->start(config))
        return nullptr;
    return server;
}

void tst_ZooKeeper::cleanup()
{
    m_edge.reset();
    m_server.reset();
    m_sim0.reset();
    m_sim1.reset();
}

bool tst_ZooKeeper::startPair(const QString &service, const QString &sessionTimeout)
{
    m_sim0 = startSim(QStringLiteral("sim0"), service);
    m_sim1 = startSim(QStringLiteral("sim1"), service);
    if (!m_sim0 || !m_sim1)
        return false;
    m_server = startServer(service, sessionTimeout);
    if (!m_server || !m_server->waitForInstances(2))
        return false;
    m_edge = connectEdge(*m_server);
    return m_edge != nullptr;
}

std::unique_ptr<TestEdge> tst_ZooKeeper::connectEdge(CxServerProcess &server)
{
    auto edge = std::make_unique<TestEdge>();
    if (!edge->open(server.edgeUrl()) || edge->authenticate(AppKey, EdgeId) != int(Code::Success))
        return nullptr;
    return edge;
}

bool tst_ZooKeeper::requestUntil(TestEdge &edge, const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            qWarning("the condition did not hold in time");
            return false;
        }
        const quint32 requestId = ++m_requestId;
        edge.request(quint8(Code::Get), requestId, EdgeId);
        const quint8 code = codeOf(edge.waitForResponse(requestId));
        if (code != quint8(Code::Success)) {
            qWarning("request %u answered 0x%02x", requestId, code);
            return false;
        }
    }
    return true;
}

void tst_ZooKeeper::registeredSimulatorsAreDiscovered()
{
    const QString service = QStringLiteral("svc-a");
    auto sim0 = startSim(QStringLiteral("sim0"), service);
    auto sim1 = startSim(QStringLiteral("sim1"), service);
    QVERIFY(sim0 && sim1);
    auto server = startServer(service, QStringLiteral("5s"));
    QVERIFY(server);
    QVERIFY(server->waitForInstances(2));
    QVERIFY(
        server
            ->waitForLine(logLine(QStringLiteral("membership: 2 instance\\(s\\) sim0=127.0.0.1:%1, "
                                                 "sim1=127.0.0.1:%2")
                                      .arg(sim0->port())
                                      .arg(sim1->port())))
            .hasMatch());
}

void tst_ZooKeeper::membershipFollowsRegistrationsWithoutFailures()
{
    const QString service = QStringLiteral("svc-b");
    QVERIFY(startPair(service, QStringLiteral("5s")));
    QVERIFY(requestUntil(*m_edge, [&] { return messagesOf(*m_sim1) > 2; }));

    // Stopped between two requests: its session closes and its znode goes with it.
    QCOMPARE(m_sim0->stop(), 0);
    QVERIFY(m_server->waitForInstances(1));
    bool removed = false;
    QVERIFY(requestUntil(*m_edge, [&] {
        removed = removed
            || m_server
                   ->waitForLine(logLine(QStringLiteral("membership: 1 instance\\(s\\) sim1=")), 0)
                   .hasMatch();
        return removed;
    }));

    auto sim2 = startSim(QStringLiteral("sim2"), service);
    QVERIFY(sim2);
    QVERIFY(requestUntil(*m_edge, [&] { return messagesOf(*sim2) > 2; }));
    QVERIFY(m_server->waitForInstances(2));
}

void tst_ZooKeeper::removedInstanceFinishesItsRequests()
{
    const QString service = QStringLiteral("svc-g");
    // The delay outlasts the removal below (a ZooKeeper write and its watch) with room for a
    // slow machine: an answer before it would leave nothing in flight to drain.
    auto slow = startSim(QStringLiteral("slow"), service,
                         {QStringLiteral("--delay-ms"), QStringLiteral("3000")});
    auto fast = startSim(QStringLiteral("fast"), service);
    QVERIFY(slow && fast);
    auto server = startServer(service, QStringLiteral("5s"));
    QVERIFY(server);
    QVERIFY(server->waitForInstances(2));
    auto edge = connectEdge(*server); // AUTH is not delayed
    QVERIFY(edge);
    // Two requests: round robin gives one to each instance; the slow one holds its own.
    edge->request(quint8(Code::Get), 9001, EdgeId);
    edge->request(quint8(Code::Get), 9002, EdgeId);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return slow->stats()
                .value(QStringLiteral("byCode"))
                .toObject()
                .contains(QStringLiteral("0x01"));
        },
        5000));
    // The slow instance leaves the cluster while its request is in flight.
    ZnodeWriter writer(m_zooKeeper->connectionString());
    QVERIFY(writer.remove(QByteArray("/services/svc-g/slow")));
    QVERIFY(server->waitForLine(logLine(QStringLiteral("drains removed instance \"slow\"")), 10000)
                .hasMatch());
    // No new request goes to it...
    const int slowBefore = messagesOf(*slow);
    QVERIFY(requestUntil(*edge, [&] { return messagesOf(*fast) >= 6; }));
    QCOMPARE(messagesOf(*slow), slowBefore);
    // ...and the one it holds is still answered by it, not failed.
    QCOMPARE(codeOf(edge->waitForResponse(9001, 5000)), quint8(Code::Success));
    QCOMPARE(codeOf(edge->waitForResponse(9002, 5000)), quint8(Code::Success));
    QCOMPARE(edge->responsesFor(9001), 1);
    QCOMPARE(edge->responsesFor(9002), 1);
}

void tst_ZooKeeper::routingContinuesWhileZooKeeperIsDown()
{
    const QString service = QStringLiteral("svc-c");
    QVERIFY(startPair(service, QStringLiteral("6s")));

    m_zooKeeper->stop();
    bool lost = false;
    QVERIFY(requestUntil(*m_edge, [&] {
        lost = lost
            || m_server->waitForLine(logLine(QStringLiteral("lost the connection to ZooKeeper")), 0)
                   .hasMatch();
        return lost;
    }));
    const int before = messagesOf(*m_sim0) + messagesOf(*m_sim1);
    QVERIFY(requestUntil(*m_edge,
                         [&] { return messagesOf(*m_sim0) + messagesOf(*m_sim1) > before + 20; }));
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    bool connected = false;
    QVERIFY(requestUntil(*m_edge, [&] {
        connected = connected
            || m_server->waitForLine(logLine(QStringLiteral("connected to ZooKeeper")), 0)
                   .hasMatch();
        return connected;
    }));
    QVERIFY(m_server->waitForInstances(2));
    QVERIFY(!m_server->log().contains("membership: 0 instance"));
}

void tst_ZooKeeper::sessionExpiryReconciles()
{
    // cxserver reaches ZooKeeper through a relay that cuts it off for longer than its
    // session timeout while ZooKeeper runs on: the session expires for certain (freezing
    // ZooKeeper with SIGSTOP races its session tracker against the reconnection on resume).
    const QString service = QStringLiteral("svc-d");
    auto sim0 = startSim(QStringLiteral("sim0"), service);
    auto sim1 = startSim(QStringLiteral("sim1"), service,
                         {QStringLiteral("--zk-session-timeout"), QStringLiteral("2000")});
    QVERIFY(sim0 && sim1);
    Relay relay(m_zooKeeper->port());
    auto server = startServer(service, QStringLiteral("2s"), {}, relay.connectionString());
    QVERIFY(server);
    QVERIFY(server->waitForInstances(2));
    auto edge = connectEdge(*server);
    QVERIFY(edge);

    // While cxserver is cut off, sim1 goes away for good (its session expires too) and
    // sim2 registers. Routing goes on meanwhile.
    relay.cut();
    sim1->kill();
    QVERIFY(server->waitForInstances(1));
    auto sim2 = startSim(QStringLiteral("sim2"), service);
    QVERIFY(sim2);
    const QDeadlineTimer cutOff(4000); // twice the 2 s session timeouts
    QVERIFY(requestUntil(*edge, [&] { return cutOff.hasExpired(); }));
    QVERIFY(server->log().contains("lost the connection to ZooKeeper"));
    relay.restore();

    QVERIFY(server
                ->waitForLine(logLine(QStringLiteral("the ZooKeeper session expired")),
                              RecoveryTimeoutMs)
                .hasMatch());
    QVERIFY(server
                ->waitForLine(logLine(QStringLiteral("membership: 2 instance\\(s\\) "
                                                     "sim0=127.0.0.1:%1, sim2=127.0.0.1:%2$")
                                          .arg(sim0->port())
                                          .arg(sim2->port())),
                              RecoveryTimeoutMs)
                .hasMatch());
    QVERIFY(server->waitForInstances(2));
    QVERIFY(requestUntil(*edge, [&] { return messagesOf(*sim0) > 2 && messagesOf(*sim2) > 2; }));
}

void tst_ZooKeeper::malformedAndDisabledNodesAreSkipped()
{
    const QString service = QStringLiteral("svc-e");
    auto sim0 = startSim(QStringLiteral("sim0"), service);
    auto idle = std::make_unique<PlatformSimProcess>(QStringLiteral("idle"));
    QVERIFY(sim0 && idle->start(AppKey));
    ZnodeWriter writer(m_zooKeeper->connectionString());
    const QByteArray base = "/services/" + service.toUtf8();
    QVERIFY(writer.create(base + "/bad", "not json"));
    QVERIFY(writer.create(base + "/noport", R"({"address":"127.0.0.1","port":null})"));
    QVERIFY(writer.create(base + "/disabled", curatorJson(idle->port(), false)));

    auto server = startServer(service, QStringLiteral("5s"));
    QVERIFY(server);
    QVERIFY(server->waitForLine(logLine(QStringLiteral("membership: 1 instance\\(s\\) sim0=")))
                .hasMatch());
    QVERIFY(server->waitForInstances(1));

    // Reread after a change, still bad: no second warning. Enabling the disabled one adds it
    // (its watch fires after the bad node's, so the bad node has been reread by then).
    QVERIFY(writer.set(base + "/bad", "{still not json"));
    QVERIFY(writer.set(base + "/disabled", curatorJson(idle->port(), true)));
    QVERIFY(server->waitForLine(logLine(QStringLiteral("membership: 2 instance\\(s\\) disabled=")))
                .hasMatch());
    QVERIFY(server->waitForInstances(2));
    const QByteArray log = server->log();
    QCOMPARE(log.count("skipping the registration /services/svc-e/bad"), 1);
    QCOMPARE(log.count("skipping the registration /services/svc-e/noport"), 1);
    QCOMPARE(log.count("skipping the registration"), 2);
}

void tst_ZooKeeper::digestAuthGuardsTheServicePath()
{
    auto sim0 = std::make_unique<PlatformSimProcess>(QStringLiteral("sim0"));
    QVERIFY(sim0->start(AppKey));
    const QByteArray secret = "s3cret-zk-pass";
    ZnodeWriter writer(m_zooKeeper->connectionString(), "cx:" + secret);
    QVERIFY(writer.create("/secure/svc-f/sim0", curatorJson(sim0->port())));

    const QString authSettings = QStringLiteral("  discovery.basePath = \"/secure\"\n"
                                                "  discovery.auth.scheme = \"digest\"\n"
                                                "  discovery.auth.credentials = \"cx:%1\"\n");
    auto server = startServer(QStringLiteral("svc-f"), QStringLiteral("5s"),
                              authSettings.arg(QString::fromUtf8(secret)));
    QVERIFY(server);
    QVERIFY(server->waitForInstances(1));

    auto wrong = startServer(QStringLiteral("svc-f"), QStringLiteral("5s"),
                             authSettings.arg(QStringLiteral("wrong-pass")));
    QVERIFY(wrong);
    QVERIFY(wrong
                ->waitForLine(logLine(QStringLiteral("ZooKeeper denies reading /secure/svc-f "
                                                     "\\(NOAUTH\\) with the discovery.auth "
                                                     "credentials of scheme digest")))
                .hasMatch());
    QCOMPARE(wrong->health(), 503);
    QVERIFY(!server->log().contains(secret));
    QVERIFY(!wrong->log().contains("wrong-pass"));
}

void tst_ZooKeeper::tlsUsesSslPortAndWss()
{
    QTemporaryDir dir;
    test::Pki pki(dir.path());
    QVERIFY2(pki.makeCa()
                 && pki.makeServer(QStringLiteral("platform"), {QStringLiteral("IP:127.0.0.1")})
                 && pki.makePkcs12(QStringLiteral("platform"), QStringLiteral("pw"))
                 && pki.makeServer(QStringLiteral("nosan"), {QStringLiteral("DNS:platform")})
                 && pki.makePkcs12(QStringLiteral("nosan"), QStringLiteral("pw")),
             qPrintable(pki.error()));
    const QString service = QStringLiteral("svc-g");
    auto sim0 = startSim(QStringLiteral("sim0"), service,
                         {QStringLiteral("--tls-pkcs12"), pki.path(QStringLiteral("platform.p12")),
                          QStringLiteral("--tls-password"), QStringLiteral("pw")});
    QVERIFY(sim0);
    // Registered too, with a certificate of the same CA that does not name its address.
    auto misnamed = startSim(QStringLiteral("misnamed"), service,
                             {QStringLiteral("--tls-pkcs12"), pki.path(QStringLiteral("nosan.p12")),
                              QStringLiteral("--tls-password"), QStringLiteral("pw")});
    QVERIFY(misnamed);
    auto server
        = startServer(service, QStringLiteral("5s"),
                      QStringLiteral("  transport.websockets.service-discovery.tls-enabled = true\n"
                                     "  protocol.http-client.ssl.trust-store.file = \"%1\"\n"
                                     "  logging.rules = [\"cx.pipe=debug\"]\n")
                          .arg(pki.path(QStringLiteral("ca.pem"))));
    QVERIFY(server);
    QVERIFY(server->waitForInstances(1));
    QVERIFY(server->log().contains(
        QStringLiteral("wss://127.0.0.1:%1/Thingworx/WS").arg(sim0->port()).toUtf8()));
    // The misnamed instance gets no pipe, so never the app key.
    QVERIFY(server
                ->waitForLine(QRegularExpression(
                    QStringLiteral("cannot reach instance .*wss://127.0.0.1:%1.*TLS refused")
                        .arg(misnamed->port())))
                .hasMatch());
    const QJsonObject stats = misnamed->stats();
    QVERIFY(!stats.isEmpty());
    QCOMPARE(stats.value(QStringLiteral("authOk")).toInt(-1), 0);
    QCOMPARE(stats.value(QStringLiteral("accepted")).toInt(-1), 0);
    QVERIFY(stats.value(QStringLiteral("lastAppKeyHeader")).toString() != u"matched");
}

QTEST_GUILESS_MAIN(tst_ZooKeeper)
#include "tst_zookeeper.moc"

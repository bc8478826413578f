// Registrations written by the real Apache Curator ServiceDiscovery (Debian's
// libcurator-discovery-java, driven by CuratorDriver.java) through a real ZooKeeper, the
// real cxserver and real platform simulators: the membership follows Curator's
// re-registrations, updateService, DYNAMIC_SEQUENTIAL duplicates and a ZooKeeper restart,
// and discovered addresses are not blindly trusted (config.md §2, §4).

#include "alwayson/codes.h"
#include "alwayson/header.h"
#include "cxserverprocess.h"
#include "managedprocess.h"
#include "platformsimprocess.h"
#include "testedge.h"
#include "zookeeperprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using alwayson::Code;
using test::CxServerProcess;
using test::ManagedProcess;
using test::PlatformSimProcess;
using test::TestEdge;
using test::ZooKeeperProcess;

namespace {

const QByteArray AppKey = "test-app-key";
constexpr quint32 EdgeId = 7;
constexpr int MembershipTimeoutMs = 30000;

/// CuratorDriver.java running against the shared ZooKeeper under /services/<service>.
class CuratorDriver
{
public:
    CuratorDriver(const QString &classes, const QString &connectionString, const QString &service)
        : m_process(QStringLiteral("curator-") + service)
    {
        m_started
            = m_process.start(
                  QStringLiteral(CX_JAVA),
                  {QStringLiteral("-cp"),
                   QStringLiteral(CX_CURATOR_DISCOVERY_JAR ":" CX_SLF4J_NOP_JAR ":") + classes,
                   QStringLiteral("CuratorDriver"), connectionString, QStringLiteral("/services"),
                   service})
            && m_process.waitForLine(QRegularExpression(QStringLiteral("^ready$")), 30000)
                   .hasMatch();
    }
    bool started() const { return m_started; }

    /// Sends one command; true when the driver answered "ok".
    bool command(const QString &line)
    {
        m_process.writeLine(line.toUtf8());
        const QRegularExpressionMatch reply
            = m_process.waitForLine(QRegularExpression(QStringLiteral("^(ok|error) ")), 20000);
        if (!reply.hasMatch() || reply.captured(1) != u"ok") {
            qWarning().noquote() << "curator driver:" << line << "->" << reply.captured(0);
            return false;
        }
        return true;
    }
    bool waitForState(const QString &state, int timeoutMs)
    {
        return m_process
            .waitForLine(QRegularExpression(QStringLiteral("^state ") + state), timeoutMs)
            .hasMatch();
    }
    QByteArray log() const { return m_process.log(); }

private:
    ManagedProcess m_process;
    bool m_started = false;
};

int messagesOf(PlatformSimProcess &sim)
{
    return sim.stats().value(QStringLiteral("messages")).toInt();
}

} // namespace

class tst_CuratorMembership : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CxServerProcess> startServer(const QString &service,
                                                 const QString &settings = {});
    /// The instances /metrics lists ("127.0.0.1:PORT" each, a duplicate listed twice).
    QStringList instancesOf(CxServerProcess &server);
    bool waitForMembership(CxServerProcess &server, QStringList expected);
    /// Requests /metrics says were routed to the instances on port with pipes connected
    /// (pipe AUTHs not counted).
    int routedTo(CxServerProcess &server, quint16 port);
    /// Sends count requests, each answered SUCCESS; false (and a warning) otherwise.
    bool sendRequests(TestEdge &edge, int count);

    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    QTemporaryDir m_classes;
    quint32 m_requestId = 1000;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void membershipFollowsCurator();
    void untrustedAddressesAreNotDialled();
};

void tst_CuratorMembership::initTestCase()
{
    if (!QFileInfo(QStringLiteral(CX_JAVAC)).isExecutable()
        || !QFileInfo::exists(QStringLiteral(CX_CURATOR_DISCOVERY_JAR)))
        QFAIL("the test needs a JDK and Apache Curator (Debian: default-jdk-headless "
              "libcurator-discovery-java); install them and re-run CMake");
    QVERIFY(m_classes.isValid());
    QProcess compiler;
    compiler.start(QStringLiteral(CX_JAVAC),
                   {QStringLiteral("-encoding"), QStringLiteral("UTF-8"), QStringLiteral("-cp"),
                    QStringLiteral(CX_CURATOR_DISCOVERY_JAR), QStringLiteral("-d"),
                    m_classes.path(), QStringLiteral(CX_CURATOR_DRIVER_SOURCE)});
    QVERIFY2(compiler.waitForFinished(120000) && compiler.exitCode() == 0,
             compiler.readAllStandardError().constData());
    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
}

void tst_CuratorMembership::cleanupTestCase()
{
    m_zooKeeper.reset();
}

std::unique_ptr<CxServerProcess> tst_CuratorMembership::startServer(const QString &service,
                                                                    const QString &settings)
{
    auto server = std::make_unique<CxServerProcess>();
    const QString config
        = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                         "  transport.websockets.service-discovery.enabled = true\n"
                         "  transport.websockets.service-discovery.tls-enabled = false\n"
                         "  transport.websockets.service-discovery.service-name = \"%2\"\n"
                         "  discovery.connectionString = \"%3\"\n"
                         "  discovery.session-timeout = 6s\n%4")
              .arg(QString::fromUtf8(AppKey), service, m_zooKeeper->connectionString(), settings);
    if (!server->start(config))
        return nullptr;
    return server;
}

QStringList tst_CuratorMembership::instancesOf(CxServerProcess &server)
{
    QByteArray body;
    if (server.httpGet(QStringLiteral("/metrics"), &body) != 200)
        return {QStringLiteral("(no metrics)")};
    static const QRegularExpression line(
        QStringLiteral("^cxserver_instance_pipes_connected\\{.*address=\"([^\"]*)\",port=\"(\\d+)"
                       "\"\\} ([0-9.]+)$"),
        QRegularExpression::MultilineOption);
    QStringList instances;
    for (const QRegularExpressionMatch &m : line.globalMatch(QString::fromUtf8(body)))
        if (m.captured(3).toDouble() > 0)
            instances.append(m.captured(1) + u':' + m.captured(2));
    instances.sort();
    return instances;
}

int tst_CuratorMembership::routedTo(CxServerProcess &server, quint16 port)
{
    QByteArray body;
    if (server.httpGet(QStringLiteral("/metrics"), &body) != 200)
        return -1;
    // Only the instances on that port with pipes connected: a registration superseded by a
    // newer one of the same id keeps its own line (and count) until its pipes are gone.
    const QString text = QString::fromUtf8(body);
    const auto byInstance = [&](QLatin1StringView metric) {
        const QRegularExpression line(
            QStringLiteral("^%1\\{instance=\"([^\"]*)\",.*port=\"%2\"\\} ([0-9.]+)$")
                .arg(metric)
                .arg(port),
            QRegularExpression::MultilineOption);
        QHash<QString, double> values;
        for (const QRegularExpressionMatch &m : line.globalMatch(text))
            values[m.captured(1)] += m.captured(2).toDouble();
        return values;
    };
    const QHash<QString, double> connected
        = byInstance(QLatin1StringView("cxserver_instance_pipes_connected"));
    const QHash<QString, double> routedByInstance
        = byInstance(QLatin1StringView("cxserver_instance_routed_total"));
    int routed = 0;
    for (auto i = routedByInstance.cbegin(); i != routedByInstance.cend(); ++i)
        if (connected.value(i.key()) > 0)
            routed += int(i.value());
    return routed;
}

bool tst_CuratorMembership::waitForMembership(CxServerProcess &server, QStringList expected)
{
    expected.sort();
    QStringList seen;
    const bool ok = QTest::qWaitFor(
        [&] {
            seen = instancesOf(server);
            return seen == expected;
        },
        MembershipTimeoutMs);
    if (!ok)
        qWarning().noquote() << "instances" << seen << "expected" << expected;
    return ok;
}

bool tst_CuratorMembership::sendRequests(TestEdge &edge, int count)
{
    for (int i = 0; i < count; ++i) {
        const quint32 requestId = ++m_requestId;
        edge.request(quint8(Code::Get), requestId, EdgeId);
        const std::optional<QByteArray> response = edge.waitForResponse(requestId);
        const quint8 code = response ? alwayson::parseHeader(*response).header.code : 0;
        if (code != quint8(Code::Success)) {
            qWarning("request %u answered 0x%02x", requestId, code);
            return false;
        }
    }
    return true;
}

void tst_CuratorMembership::membershipFollowsCurator()
{
    const QString service = QStringLiteral("curator-a");
    PlatformSimProcess simA(QStringLiteral("simA"));
    PlatformSimProcess simB(QStringLiteral("simB"));
    PlatformSimProcess simC(QStringLiteral("simC"));
    PlatformSimProcess simS(QStringLiteral("simS"));
    QVERIFY(simA.start(AppKey) && simB.start(AppKey) && simC.start(AppKey) && simS.start(AppKey));
    const auto at = [](PlatformSimProcess &sim) {
        return QStringLiteral("127.0.0.1:%1").arg(sim.port());
    };
    CuratorDriver curator(m_classes.path(), m_zooKeeper->connectionString(), service);
    QVERIFY2(curator.started(), curator.log().constData());
    QVERIFY(curator.command(QStringLiteral("register a 127.0.0.1 %1").arg(simA.port())));
    QVERIFY(curator.command(QStringLiteral("register b 127.0.0.1 %1").arg(simB.port())));

    auto server = startServer(service);
    QVERIFY(server);
    QVERIFY(waitForMembership(*server, {at(simA), at(simB)}));
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    QVERIFY(sendRequests(edge, 10));
    QVERIFY(messagesOf(simA) > 0 && messagesOf(simB) > 0);

    // registerService again: Curator deletes and re-creates the znode. cxserver reads the
    // new node and watches it: the following updateService (enabled=false) is followed.
    QVERIFY(curator.command(QStringLiteral("reregister a")));
    QVERIFY(curator.command(QStringLiteral("update a enabled=false")));
    QVERIFY(waitForMembership(*server, {at(simB)}));
    const int a = messagesOf(simA);
    int b = messagesOf(simB);
    QVERIFY(sendRequests(edge, 6));
    QCOMPARE(messagesOf(simA), a);
    QCOMPARE(messagesOf(simB) - b, 6);

    // Enabled again on a new port (another simulator).
    QVERIFY(curator.command(QStringLiteral("update a enabled=true port=%1").arg(simC.port())));
    QVERIFY(waitForMembership(*server, {at(simB), at(simC)}));
    QVERIFY(sendRequests(edge, 10));
    // /metrics shows what the workers published on their last tick (every 50 ms).
    QTRY_COMPARE_WITH_TIMEOUT(routedTo(*server, simC.port()), 5, 5000);
    QCOMPARE(messagesOf(simA), a);

    // DYNAMIC_SEQUENTIAL: registering id s twice leaves two znodes; it counts once and
    // gets a third of the requests, not a half.
    QVERIFY(curator.command(QStringLiteral("register s 127.0.0.1 %1 sequential").arg(simS.port())));
    QVERIFY(curator.command(QStringLiteral("reregister s")));
    QVERIFY(server
                ->waitForLine(QRegularExpression(QStringLiteral(
                                  "ignoring the registration /services/curator-a/s\\d+ : a "
                                  "newer registration of instance id \"s\"")),
                              MembershipTimeoutMs)
                .hasMatch());
    QVERIFY(waitForMembership(*server, {at(simB), at(simC), at(simS)}));
    QCOMPARE(routedTo(*server, simS.port()), 0);
    QVERIFY(sendRequests(edge, 30));
    QTRY_COMPARE_WITH_TIMEOUT(routedTo(*server, simS.port()), 10, 5000);

    // ZooKeeper restarts; Curator reconnects and re-registers everything (delete and create
    // again, one more sequential node). The re-created nodes are watched: b's update counts.
    m_zooKeeper->stop();
    QVERIFY(sendRequests(edge, 3)); // routing goes on meanwhile
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    QVERIFY2(curator.waitForState(QStringLiteral("RECONNECTED"), MembershipTimeoutMs),
             curator.log().constData());
    // Curator re-registers a, b and s in that order after the reconnection (not before the
    // state is reported): once s's newer node has superseded its last one, all are done.
    QTRY_VERIFY_WITH_TIMEOUT(server->log().count("a newer registration of instance id \"s\"") >= 2,
                             MembershipTimeoutMs);
    QVERIFY(curator.command(QStringLiteral("update b enabled=false")));
    QVERIFY(waitForMembership(*server, {at(simC), at(simS)}));
    b = messagesOf(simB);
    const int s = routedTo(*server, simS.port());
    QVERIFY(sendRequests(edge, 10));
    QCOMPARE(messagesOf(simB), b);
    QTRY_COMPARE_WITH_TIMEOUT(routedTo(*server, simS.port()) - s, 5, 5000);

    QVERIFY(curator.command(QStringLiteral("unregister a")));
    QVERIFY(waitForMembership(*server, {at(simS)}));
}

void tst_CuratorMembership::untrustedAddressesAreNotDialled()
{
    const QString service = QStringLiteral("curator-b");
    PlatformSimProcess sim(QStringLiteral("sim"));
    QVERIFY(sim.start(AppKey));
    // 127.0.0.2 is loopback, but outside the allowed 127.0.0.1/32: nothing may arrive there.
    QTcpServer outside;
    QVERIFY(outside.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    CuratorDriver curator(m_classes.path(), m_zooKeeper->connectionString(), service);
    QVERIFY2(curator.started(), curator.log().constData());
    QVERIFY(curator.command(QStringLiteral("register inside 127.0.0.1 %1").arg(sim.port())));
    QVERIFY(
        curator.command(QStringLiteral("register outside 127.0.0.2 %1").arg(outside.serverPort())));
    QVERIFY(curator.command(QStringLiteral("register linklocal 169.254.7.7 8080")));
    QVERIFY(curator.command(QStringLiteral("register any 0.0.0.0 %1").arg(sim.port())));

    auto server
        = startServer(service,
                      QStringLiteral("  transport.websockets.service-discovery.allowed-networks "
                                     "= [\"127.0.0.1/32\"]\n"));
    QVERIFY(server);
    QVERIFY(waitForMembership(*server, {QStringLiteral("127.0.0.1:%1").arg(sim.port())}));
    const QByteArray prefix = "not dialling the registration /services/curator-b/";
    QVERIFY(server
                ->waitForLine(QRegularExpression(QStringLiteral("outside : address 127.0.0.2: "
                                                                "it is outside service-"
                                                                "discovery.allowed-networks")),
                              MembershipTimeoutMs)
                .hasMatch());
    QVERIFY(
        server->log().contains(QByteArray(prefix
                                          + "linklocal : address 169.254.7.7: it is a link-local "
                                            "address")));
    QVERIFY(server->log().contains(QByteArray(prefix
                                              + "any : address 0.0.0.0: it is the unspecified "
                                                "address")));
    // A change elsewhere publishes again: each skip is still logged once.
    QVERIFY(curator.command(QStringLiteral("update inside enabled=false")));
    QVERIFY(waitForMembership(*server, {}));
    QVERIFY(curator.command(QStringLiteral("update inside enabled=true")));
    QVERIFY(waitForMembership(*server, {QStringLiteral("127.0.0.1:%1").arg(sim.port())}));
    QCOMPARE(server->log().count(QByteArray(prefix + "outside")), 1);
    QCOMPARE(server->log().count(QByteArray(prefix + "linklocal")), 1);
    // Every instance dialled is on loopback: no clear-text warning.
    QVERIFY(!server->log().contains("tls-enabled is false"));
    QTest::qWait(1000); // a connection attempt would have come by now
    QVERIFY(!outside.hasPendingConnections());
    QVERIFY(!outside.waitForNewConnection(0));

    // The cap: two enabled instances, one dialled, the other skipped with a warning.
    auto capped
        = startServer(service,
                      QStringLiteral("  transport.websockets.service-discovery.max-instances = 1\n"
                                     "  transport.websockets.service-discovery.allowed-networks "
                                     "= [\"127.0.0.1/32\"]\n"));
    QVERIFY(capped);
    QVERIFY(curator.command(QStringLiteral("register second 127.0.0.1 %1").arg(sim.port())));
    QVERIFY(capped
                ->waitForLine(QRegularExpression(QStringLiteral(
                                  "second : service-discovery.max-instances \\(1\\) instances "
                                  "are dialled already")),
                              MembershipTimeoutMs)
                .hasMatch());
    QVERIFY(waitForMembership(*capped, {QStringLiteral("127.0.0.1:%1").arg(sim.port())}));
}

QTEST_GUILESS_MAIN(tst_CuratorMembership)
#include "tst_curatormembership.moc"

// Data plane (protocol.md §1–8) through the real cxserver binary and real platform
// simulators, one behaviour per test. The edge is a WebSocket inside the test, for exact
// control over every byte it sends.

#include "alwayson/bodies.h"
#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "command.h"
#include "cxserverprocess.h"
#include "freeport.h"
#include "pki.h"
#include "platformsimprocess.h"
#include "rawedge.h"
#include "staticcluster.h"
#include "testedge.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <functional>
#include <memory>
#include <vector>

using namespace cx;
using alwayson::Code;
using test::CxServerProcess;
using test::PlatformSimProcess;
using test::RawEdge;
using test::TestEdge;

namespace {

const QByteArray AppKey = "test-app-key";
constexpr quint32 EdgeId = 7; ///< the endpointId our edges use in their AUTH

using test::Sims;

/// Simulators, a cxserver routing to all of them, and one authenticated edge.
struct Cluster
{
    Sims sims;
    std::unique_ptr<CxServerProcess> server;
    std::unique_ptr<TestEdge> edge; ///< null when any step failed
};

quint8 codeOf(const std::optional<QByteArray> &message)
{
    return message ? alwayson::parseHeader(*message).header.code : 0;
}

alwayson::Header headerOf(const QByteArray &message)
{
    return alwayson::parseHeader(message).header;
}

int messagesOf(PlatformSimProcess &sim)
{
    return sim.stats().value(QStringLiteral("messages")).toInt();
}

test::RunOptions longRun()
{
    test::RunOptions options;
    options.timeoutMs = 60000;
    return options;
}

/// The cxserver endpointId of the first edge the simulator has seen.
qint64 firstEndpointSeenBy(PlatformSimProcess &sim)
{
    return sim.stats().value(QStringLiteral("endpoints")).toArray().at(0).toInteger();
}

/// Makes the simulator send one GET to endpointId; true when it did.
bool sendEgressGet(PlatformSimProcess &sim, qint64 endpointId)
{
    return !sim.command("egress " + QByteArray::number(endpointId) + " GET",
                        QStringLiteral("^egress sent 1"))
                .isEmpty();
}

/// Waits until the simulator has had `count` answers with `code` to its egress requests.
bool waitForEgressAnswers(PlatformSimProcess &sim, const QString &code, int count)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonObject egress = sim.stats().value(QStringLiteral("egress")).toObject();
            return egress.value(QStringLiteral("byCode")).toObject().value(code).toInt() == count;
        },
        5000);
}

} // namespace

class tst_DataPlane : public QObject
{
    Q_OBJECT

private:
    Sims startSims(int count, const QStringList &arguments = {});
    std::unique_ptr<CxServerProcess> startServer(const Sims &sims, const QString &settings = {},
                                                 bool waitForAll = true);
    std::unique_ptr<TestEdge> connectEdge(CxServerProcess &server, bool authenticate = true);
    /// startSims(), startServer() with settings, and connectEdge(), in one step.
    Cluster startCluster(int sims, const QString &settings = {},
                         const QStringList &simArguments = {});
    /// The index of the one simulator whose message count rose while action ran.
    int receiver(Sims &sims, const std::function<void()> &action);

private Q_SLOTS:
    void authIsForwardedWithEndpointIdRewritten();
    void refusedAuthClosesWith1008();
    void roundRobinVisitsInstancesInOrder();
    void deadInstanceIsSkipped();
    void noInstanceAnswers0xA0();
    void noWritableInstanceAnswers0xA0();
    void lastInstanceLostClosesEdges1011();
    void multipartChunksStickToOneInstance();
    void multipartLostPipeFailsOnce();
    void multipartLaterChunkOnFullPipeFailsOnce();
    void inFlightRequestFailsWhenInstanceDies();
    void unansweredRequestTimesOut();
    void egressRequestRoundTrip();
    void egressToClosedEndpointGets0x84();
    void unbindOnEdgeClose();
    void highWatermarkSkipsAndLowWatermarkRestores();
    void burstOverReadingInstancesIsAllAnswered_data();
    void burstOverReadingInstancesIsAllAnswered();
    void oversizedMessageCloses1009();
    void badVersionCloses1002();
    void textFrameCloses1003();
    void malformedRequestGets0x80();
    void firstMessageMustBeAuth();
    void authTimeoutCloses1008();
    void tlsEdgeWithPkcs12();
    void wrongKeystorePasswordExits2();
    void platformTlsValidatesHostName();
    void tunnelsMeetOnOneInstance();
    void sigtermAnswersInFlightAndExits0();
    void missingPluginStopsTheStart();
    void silentEdgeIsClosed1001();
    void silentPipeIsDropped();
    void loadThroughTwoWorkersLosesNothing();
    void leastPendingSendsLessToASlowInstance();
};

Sims tst_DataPlane::startSims(int count, const QStringList &arguments)
{
    return test::startSims(count, AppKey, arguments);
}

std::unique_ptr<CxServerProcess>
tst_DataPlane::startServer(const Sims &sims, const QString &settings, bool waitForAll)
{
    return test::startStaticServer(sims, AppKey, settings, waitForAll);
}

std::unique_ptr<TestEdge> tst_DataPlane::connectEdge(CxServerProcess &server, bool authenticate)
{
    auto edge = std::make_unique<TestEdge>();
    if (!edge->open(server.edgeUrl()))
        return nullptr;
    if (authenticate && edge->authenticate(AppKey, EdgeId) != quint8(Code::Success))
        return nullptr;
    return edge;
}

Cluster tst_DataPlane::startCluster(int sims, const QString &settings,
                                    const QStringList &simArguments)
{
    Cluster cluster;
    cluster.sims = startSims(sims, simArguments);
    if (cluster.sims.empty())
        return cluster;
    cluster.server = startServer(cluster.sims, settings);
    if (cluster.server)
        cluster.edge = connectEdge(*cluster.server);
    return cluster;
}

int tst_DataPlane::receiver(Sims &sims, const std::function<void()> &action)
{
    std::vector<int> before;
    for (auto &sim : sims)
        before.push_back(sim->isRunning() ? messagesOf(*sim) : 0);
    action();
    int found = -1;
    for (size_t i = 0; i < sims.size(); ++i) {
        if (sims[i]->isRunning() && messagesOf(*sims[i]) > before[i]) {
            if (found >= 0)
                return -2; // more than one received
            found = int(i);
        }
    }
    return found;
}

void tst_DataPlane::authIsForwardedWithEndpointIdRewritten()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    edge.send(alwayson::buildAuthRequest(41, AppKey, EdgeId));
    const auto response = edge.waitForResponse(41);
    QVERIFY(response);
    const alwayson::Header header = headerOf(*response);
    QCOMPARE(header.code, quint8(Code::Success));
    QCOMPARE(header.endpointId, EdgeId); // put back on egress
    // The platform saw cxserver's own endpointId, not the edge's.
    QCOMPARE(sims[0]->stats().value(QStringLiteral("endpointCount")).toInt(), 1);
    QVERIFY(firstEndpointSeenBy(*sims[0]) != EdgeId);
    QVERIFY(firstEndpointSeenBy(*sims[0]) != 0);
    QCOMPARE(sims[0]->stats().value(QStringLiteral("edgeAuthOk")).toInt(), 1);
}

void tst_DataPlane::refusedAuthClosesWith1008()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate("wrong-key", EdgeId), int(Code::Unauthorized)); // forwarded
    QCOMPARE(edge.waitForClose(), int(QWebSocketProtocol::CloseCodePolicyViolated));
}

void tst_DataPlane::roundRobinVisitsInstancesInOrder()
{
    Cluster cluster = startCluster(3);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QList<int> order;
    for (quint32 requestId = 100; requestId < 106; ++requestId) {
        order << receiver(sims, [&] {
            edge->request(quint8(Code::Get), requestId, EdgeId);
            QCOMPARE(codeOf(edge->waitForResponse(requestId)), quint8(Code::Success));
        });
    }
    QCOMPARE(order.size(), 6);
    QCOMPARE(QSet<int>(order.cbegin(), order.cbegin() + 3).size(),
             3); // each instance once per cycle
    for (int i = 0; i < 6; ++i) {
        QVERIFY(order[i] >= 0);
        QCOMPARE(order[(i + 3) % 6], order[i]); // strictly cyclic
        QCOMPARE(order[(i + 1) % 3], (order[i % 3] + 1) % 3); // in the list's order
    }
}

void tst_DataPlane::deadInstanceIsSkipped()
{
    Cluster cluster = startCluster(3);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    sims[1]->kill();
    QVERIFY(server->waitForInstances(2));
    QList<int> receivers;
    for (quint32 requestId = 200; requestId < 206; ++requestId) {
        receivers << receiver(sims, [&] {
            edge->request(quint8(Code::Post), requestId, EdgeId);
            QCOMPARE(codeOf(edge->waitForResponse(requestId)), quint8(Code::Success));
        });
    }
    QCOMPARE(receivers.count(0), 3);
    QCOMPARE(receivers.count(2), 3);
}

void tst_DataPlane::noInstanceAnswers0xA0()
{
    // A platform address where nothing listens: the instance never connects.
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(
        QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                       "  transport.websockets.platforms = [\"ws://127.0.0.1:%2/Thingworx/WS\"]\n")
            .arg(QString::fromUtf8(AppKey))
            .arg(test::freePort())));
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    edge.send(alwayson::buildAuthRequest(1, AppKey, EdgeId));
    QCOMPARE(codeOf(edge.waitForResponse(1)), quint8(Code::InternalServerError));
    QCOMPARE(headerOf(*edge.waitForResponse(1)).endpointId, EdgeId);
    QCOMPARE(edge.waitForClose(), int(QWebSocketProtocol::CloseCodePolicyViolated)); // AUTH failed
    QCOMPARE(server->health(), 503);
}

void tst_DataPlane::noWritableInstanceAnswers0xA0()
{
    Cluster cluster = startCluster(
        1, QStringLiteral("  transport.websockets.request.default_timeout-ms = 120000\n"));
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QCOMPARE(sims[0]->command("pause", QStringLiteral("^paused")), QStringLiteral("paused"));
    // Fill the only pipe past the high watermark, then ask once more: no candidate.
    const QByteArray big(1000000, 'w');
    for (quint32 i = 0; i < 30; ++i)
        edge->request(quint8(Code::Post), 1000 + i, EdgeId, big);
    QVERIFY(QTest::qWaitFor(
        [&] {
            edge->request(quint8(Code::Get), 2000, EdgeId);
            return codeOf(edge->waitForResponse(2000, 200)) == quint8(Code::InternalServerError);
        },
        30000));
    QCOMPARE(edge->socket().state(), QAbstractSocket::ConnectedState); // the edge stays
    QCOMPARE(sims[0]->command("resume", QStringLiteral("^resumed")), QStringLiteral("resumed"));
    QCOMPARE(codeOf(edge->waitForResponse(1000, 30000)),
             quint8(Code::Success)); // routed before the pipe filled
}

void tst_DataPlane::lastInstanceLostClosesEdges1011()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QCOMPARE(server->health(), 200);
    sims[0]->kill();
    QCOMPARE(edge->waitForClose(), int(QWebSocketProtocol::CloseCodeBadOperation));
    QCOMPARE(edge->socket().closeReason(), QStringLiteral("no platform connection"));
    QCOMPARE(server->health(), 503);
    // New edges are still accepted; their requests get 0xA0 until an instance is back.
    TestEdge late;
    QVERIFY(late.open(server->edgeUrl()));
    QCOMPARE(late.authenticate(AppKey, EdgeId), int(Code::InternalServerError));
    // The instance comes back on its port: new edges work again.
    QVERIFY(sims[0]->restart(AppKey));
    QVERIFY(server->waitForInstances(1, 15000));
    auto again = connectEdge(*server);
    QVERIFY(again);
}

void tst_DataPlane::multipartChunksStickToOneInstance()
{
    Cluster cluster = startCluster(3);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    const QByteArray body(300, 'm');
    const QList<QByteArray> chunks = alwayson::buildChunks(
        alwayson::Header {
            .code = quint8(Code::Post), .requestId = 300, .endpointId = EdgeId, .sessionId = 1},
        body, 100);
    QCOMPARE(chunks.size(), 3);
    int first = -1;
    const int multi = receiver(sims, [&] {
        first = receiver(sims, [&] {
            edge->send(chunks[0]);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    int total = 0;
                    for (auto &sim : sims)
                        total += sim->stats().value(QStringLiteral("chunks")).toInt();
                    return total == 1;
                },
                5000));
        });
        edge->send(chunks[1]);
        edge->send(chunks[2]);
        QCOMPARE(codeOf(edge->waitForResponse(300)), quint8(Code::Success));
    });
    QVERIFY(first >= 0);
    QCOMPARE(multi, first); // chunks 2..n went where chunk 1 went
    QCOMPARE(sims[size_t(first)]->stats().value(QStringLiteral("chunks")).toInt(), 3);
    QCOMPARE(edge->responsesFor(300), 1);
    // Later chunks did not move the cursor: the next request goes to the next instance.
    const int next = receiver(sims, [&] {
        edge->request(quint8(Code::Get), 301, EdgeId);
        QCOMPARE(codeOf(edge->waitForResponse(301)), quint8(Code::Success));
    });
    QCOMPARE(next, (first + 1) % 3);
}

void tst_DataPlane::multipartLostPipeFailsOnce()
{
    Cluster cluster = startCluster(2);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    const QList<QByteArray> chunks = alwayson::buildChunks(
        alwayson::Header {
            .code = quint8(Code::Post), .requestId = 400, .endpointId = EdgeId, .sessionId = 1},
        QByteArray(300, 'x'), 100);
    const int target = receiver(sims, [&] {
        edge->send(chunks[0]);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return sims[0]->stats().value(QStringLiteral("chunks")).toInt()
                    + sims[1]->stats().value(QStringLiteral("chunks")).toInt()
                    == 1;
            },
            5000));
    });
    QVERIFY(target >= 0);
    sims[size_t(target)]->kill();
    QCOMPARE(codeOf(edge->waitForResponse(400)), quint8(Code::InternalServerError)); // at once
    edge->send(chunks[1]);
    edge->send(chunks[2]);
    // The remaining chunks are dropped: no second response, nothing reaches the survivor.
    edge->request(quint8(Code::Get), 401, EdgeId);
    QCOMPARE(codeOf(edge->waitForResponse(401)), quint8(Code::Success));
    QCOMPARE(edge->responsesFor(400), 1);
    QCOMPARE(sims[size_t(1 - target)]->stats().value(QStringLiteral("chunks")).toInt(), 0);
}

void tst_DataPlane::multipartLaterChunkOnFullPipeFailsOnce()
{
    Cluster cluster = startCluster(
        1, QStringLiteral("  transport.websockets.request.default_timeout-ms = 120000\n"));
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QCOMPARE(sims[0]->command("pause", QStringLiteral("^paused")), QStringLiteral("paused"));
    const QList<QByteArray> chunks = alwayson::buildChunks(
        alwayson::Header {
            .code = quint8(Code::Post), .requestId = 450, .endpointId = EdgeId, .sessionId = 1},
        QByteArray(300, 'c'), 100);
    edge->send(chunks[0]); // the pipe is still writable: chunk 1 goes
    // Fill the pipe past the high watermark (the platform reads nothing).
    const QByteArray big(1000000, 'w');
    for (quint32 i = 0; i < 30; ++i)
        edge->request(quint8(Code::Post), 460 + i, EdgeId, big);
    QVERIFY(QTest::qWaitFor(
        [&] {
            edge->request(quint8(Code::Get), 499, EdgeId);
            return codeOf(edge->waitForResponse(499, 200)) == quint8(Code::InternalServerError);
        },
        30000));
    // Chunk 2 finds its pipe not writable: the request fails once, chunk 3 is dropped.
    edge->send(chunks[1]);
    QCOMPARE(codeOf(edge->waitForResponse(450)), quint8(Code::InternalServerError));
    edge->send(chunks[2]);
    QCOMPARE(sims[0]->command("resume", QStringLiteral("^resumed")), QStringLiteral("resumed"));
    QCOMPARE(codeOf(edge->waitForResponse(460, 30000)), quint8(Code::Success)); // the pipe drained
    edge->request(quint8(Code::Get), 500, EdgeId);
    QCOMPARE(codeOf(edge->waitForResponse(500, 30000)), quint8(Code::Success));
    QCOMPARE(edge->responsesFor(450), 1);
    QCOMPARE(sims[0]->stats().value(QStringLiteral("chunks")).toInt(), 1); // only chunk 1 arrived
}

void tst_DataPlane::inFlightRequestFailsWhenInstanceDies()
{
    Sims sims = startSims(1, {QStringLiteral("--delay-ms"), QStringLiteral("20000")});
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    edge.send(alwayson::buildAuthRequest(1, AppKey, EdgeId)); // AUTH is answered at once
    QCOMPARE(codeOf(edge.waitForResponse(1)), quint8(Code::Success));
    edge.request(quint8(Code::Get), 500, EdgeId);
    QVERIFY(QTest::qWaitFor(
        [&] { return sims[0]->stats().value(QStringLiteral("requests")).toInt() >= 1; }, 5000));
    QElapsedTimer timer;
    timer.start();
    sims[0]->kill();
    QCOMPARE(codeOf(edge.waitForResponse(500)), quint8(Code::InternalServerError));
    QVERIFY2(timer.elapsed() < 5000, "0xA0 must come at once, not after a timeout");
    QCOMPARE(edge.responsesFor(500), 1);
}

void tst_DataPlane::unansweredRequestTimesOut()
{
    Sims sims = startSims(1, {QStringLiteral("--drop-rate"), QStringLiteral("1")});
    QVERIFY(!sims.empty());
    auto server = startServer(
        sims, QStringLiteral("  transport.websockets.request.default_timeout-ms = 700\n"));
    QVERIFY(server);
    auto edge = connectEdge(*server); // AUTH is always answered
    QVERIFY(edge);
    QElapsedTimer timer;
    timer.start();
    edge->request(quint8(Code::Get), 600, EdgeId);
    QCOMPARE(codeOf(edge->waitForResponse(600, 5000)), quint8(Code::GatewayTimeout));
    QVERIFY(timer.elapsed() >= 650);
    QCOMPARE(headerOf(*edge->waitForResponse(600)).endpointId, EdgeId);
    QCOMPARE(headerOf(*edge->waitForResponse(600)).sessionId, quint32(0x5e55));
    QCOMPARE(edge->responsesFor(600), 1);
}

void tst_DataPlane::egressRequestRoundTrip()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QVERIFY(sendEgressGet(*sims[0], firstEndpointSeenBy(*sims[0])));
    const auto request = edge->waitForRequest();
    QVERIFY(request);
    const alwayson::Header header = headerOf(*request);
    QCOMPARE(header.code, quint8(Code::Get));
    QCOMPARE(header.endpointId, EdgeId); // the edge sees its own endpointId
    edge->send(alwayson::buildSuccessResponse(header, EdgeId));
    QVERIFY(waitForEgressAnswers(*sims[0], QStringLiteral("0x40"), 1));
}

void tst_DataPlane::egressToClosedEndpointGets0x84()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    const qint64 endpointId = firstEndpointSeenBy(*sims[0]);
    edge->socket().close();
    QVERIFY(edge->waitForClose() >= 0);
    QVERIFY(sendEgressGet(*sims[0], endpointId)); // the simulator still knows it; cxserver does not
    QVERIFY(waitForEgressAnswers(*sims[0], QStringLiteral("0x84"), 1));
}

void tst_DataPlane::unbindOnEdgeClose()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    const QList<QByteArray> things {"thing-a", "thing-b", "thing-c"};
    edge->send(alwayson::buildBindRequest(Code::Bind, 700, EdgeId, 1, std::nullopt,
                                          std::span(things.constData(), size_t(things.size()))));
    QCOMPARE(codeOf(edge->waitForResponse(700)), quint8(Code::Success));
    edge->send(alwayson::buildBindRequest(Code::Unbind, 701, EdgeId, 1, std::nullopt,
                                          std::span(things.constData() + 2, 1)));
    QCOMPARE(codeOf(edge->waitForResponse(701)), quint8(Code::Success));
    QCOMPARE(sims[0]->stats().value(QStringLiteral("unbindNames")).toInt(), 1);
    edge->socket().close();
    // cxserver unbinds what is still bound: thing-a and thing-b.
    QVERIFY(QTest::qWaitFor(
        [&] { return sims[0]->stats().value(QStringLiteral("unbindNames")).toInt() == 3; }, 5000));
}

void tst_DataPlane::highWatermarkSkipsAndLowWatermarkRestores()
{
    Cluster cluster = startCluster(
        2, QStringLiteral("  transport.websockets.request.default_timeout-ms = 120000\n"));
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QCOMPARE(sims[0]->command("pause", QStringLiteral("^paused")), QStringLiteral("paused"));
    // Flood: requests to the paused instance pile up in its pipe until it is above the
    // high watermark; from then on every request goes to the other instance.
    const QByteArray big(1000000, 'w');
    constexpr quint32 Flood = 40;
    for (quint32 i = 0; i < Flood; ++i)
        edge->request(quint8(Code::Post), 1000 + i, EdgeId, big);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return sims[1]->stats().value(QStringLiteral("requests")).toInt() >= int(Flood / 2);
        },
        30000));
    // Now only the writable instance gets requests (they are answered while sim0 is paused).
    for (quint32 i = 0; i < 6; ++i) {
        edge->request(quint8(Code::Get), 2000 + i, EdgeId);
        QCOMPARE(codeOf(edge->waitForResponse(2000 + i, 10000)), quint8(Code::Success));
    }
    const int toOther = sims[1]
                            ->stats()
                            .value(QStringLiteral("byCode"))
                            .toObject()
                            .value(QStringLiteral("0x03"))
                            .toInt();
    QVERIFY2(int(Flood) - toOther < int(Flood / 2), "the paused instance must have been skipped");
    // Resume: it reads everything, its pipe drains below the low watermark, and it takes
    // requests again.
    QCOMPARE(sims[0]->command("resume", QStringLiteral("^resumed")), QStringLiteral("resumed"));
    for (quint32 i = 0; i < Flood; ++i)
        QCOMPARE(codeOf(edge->waitForResponse(1000 + i, 30000)), quint8(Code::Success));
    QList<int> receivers;
    for (quint32 i = 0; i < 4; ++i) {
        receivers << receiver(sims, [&] {
            edge->request(quint8(Code::Get), 3000 + i, EdgeId);
            QCOMPARE(codeOf(edge->waitForResponse(3000 + i)), quint8(Code::Success));
        });
    }
    QCOMPARE(receivers.count(0), 2);
    QCOMPARE(receivers.count(1), 2);
}

void tst_DataPlane::burstOverReadingInstancesIsAllAnswered_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addRow("default pipes") << QString();
    QTest::addRow("one pipe per instance")
        << QStringLiteral("  transport.websockets.connections.pipe-count = 1\n");
}

void tst_DataPlane::burstOverReadingInstancesIsAllAnswered()
{
    // protocol.md §4 rule 1 is backpressure: a pipe is unwritable only while its socket
    // holds bytes the kernel refused. Instances that read at once refuse nothing, so a burst
    // far above the high watermark (default 64k) is all routed and answered, never 0xA0.
    // Each edge writes its whole burst at once: cxserver reads it in one or two passes.
    QFETCH(QString, settings);
    Sims sims = startSims(3);
    QVERIFY(!sims.empty());
    auto server = startServer(sims, settings);
    QVERIFY(server);
    constexpr int Edges = 3;
    constexpr quint32 PerEdge = 40;
    const QByteArray body(24 * 1024, 'b'); // 3 x 40 x 24 KiB: about 3 MB
    std::vector<std::unique_ptr<RawEdge>> edges;
    for (int e = 0; e < Edges; ++e) {
        edges.push_back(std::make_unique<RawEdge>());
        QVERIFY(edges.back()->open(server->edgePort(), true));
        edges.back()->write(RawEdge::frame(0x2, alwayson::buildAuthRequest(1, AppKey, EdgeId)));
        const QList<QByteArray> auth = edges.back()->readMessages(1);
        QVERIFY(!auth.isEmpty());
        QCOMPARE(headerOf(auth.first()).code, quint8(Code::Success));
    }
    QByteArray burst;
    for (quint32 id = 100; id < 100 + PerEdge; ++id)
        burst += RawEdge::frame(0x2,
                                alwayson::buildMessage({.code = quint8(Code::Post),
                                                        .requestId = id,
                                                        .endpointId = EdgeId,
                                                        .sessionId = 0x5e55},
                                                       body));
    for (auto &edge : edges)
        edge->write(burst);
    for (auto &edge : edges) {
        const QList<QByteArray> answers = edge->readMessages(1 + PerEdge, 20000);
        QCOMPARE(answers.size(), qsizetype(1 + PerEdge));
        for (const QByteArray &answer : answers.sliced(1)) {
            const alwayson::Header header = headerOf(answer);
            QVERIFY2(header.code == quint8(Code::Success),
                     qPrintable(QStringLiteral("request %1 answered 0x%2")
                                    .arg(header.requestId)
                                    .arg(header.code, 2, 16, QLatin1Char('0'))));
        }
    }
}

void tst_DataPlane::oversizedMessageCloses1009()
{
    Cluster cluster = startCluster(1, QStringLiteral("  max-msg-size-bytes = 2048\n"));
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    edge->request(quint8(Code::Post), 800, EdgeId, QByteArray(4096, 'o'));
    QCOMPARE(edge->waitForClose(), int(QWebSocketProtocol::CloseCodeTooMuchData));
}

void tst_DataPlane::badVersionCloses1002()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    QByteArray message = alwayson::buildMessage(
        alwayson::Header {.code = quint8(Code::Get), .requestId = 900}, {});
    message[0] = 2;
    edge->send(message);
    QCOMPARE(edge->waitForClose(), int(QWebSocketProtocol::CloseCodeProtocolError));
}

void tst_DataPlane::textFrameCloses1003()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    edge->sendText(QStringLiteral("hello"));
    QCOMPARE(edge->waitForClose(), int(QWebSocketProtocol::CloseCodeDatatypeNotSupported));
}

void tst_DataPlane::malformedRequestGets0x80()
{
    Cluster cluster = startCluster(1);
    QVERIFY(cluster.edge);
    auto &[sims, server, edge] = cluster;
    // A multi-part request with chunkId 0: malformed, but its requestId can be read.
    QByteArray message = alwayson::buildMessage(alwayson::Header {.code = quint8(Code::Post),
                                                                  .requestId = 950,
                                                                  .endpointId = EdgeId,
                                                                  .multipart = true,
                                                                  .chunkId = 1,
                                                                  .chunkCount = 2,
                                                                  .chunkSize = 10},
                                                "abc");
    message[alwayson::ChunkIdOffset] = 0;
    message[alwayson::ChunkIdOffset + 1] = 0;
    edge->send(message);
    QCOMPARE(codeOf(edge->waitForResponse(950)), quint8(Code::BadRequest));
    // The edge stays usable.
    edge->request(quint8(Code::Get), 951, EdgeId);
    QCOMPARE(codeOf(edge->waitForResponse(951)), quint8(Code::Success));
    // Too short to hold a requestId: close 1002.
    edge->send(QByteArray("\x01\x01\x00", 3));
    QCOMPARE(edge->waitForClose(), int(QWebSocketProtocol::CloseCodeProtocolError));
}

void tst_DataPlane::firstMessageMustBeAuth()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    edge.request(quint8(Code::Get), 1, EdgeId);
    QCOMPARE(edge.waitForClose(), int(QWebSocketProtocol::CloseCodePolicyViolated));
    QVERIFY(!sims[0]
                 ->stats()
                 .value(QStringLiteral("byCode"))
                 .toObject()
                 .contains(QStringLiteral("0x01")));
}

void tst_DataPlane::authTimeoutCloses1008()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(
        sims, QStringLiteral("  transport.websockets.authentication.timeout-ms = 500\n"));
    QVERIFY(server);
    TestEdge edge;
    QElapsedTimer timer; // before the deadline starts (at accept), however long open() takes
    timer.start();
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.waitForClose(5000), int(QWebSocketProtocol::CloseCodePolicyViolated));
    QVERIFY(timer.elapsed() >= 400);
}

void tst_DataPlane::tlsEdgeWithPkcs12()
{
    QTemporaryDir dir;
    test::Pki pki(dir.path());
    QVERIFY2(pki.makeCa()
                 && pki.makeServer(QStringLiteral("edge"), {QStringLiteral("IP:127.0.0.1")})
                 && pki.makePkcs12(QStringLiteral("edge"), QStringLiteral("s3cret")),
             qPrintable(pki.error()));
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server
        = startServer(sims,
                      QStringLiteral("  protocol.ssl.enabled = true\n"
                                     "  protocol.http-server.ssl.key-store.file = \"%1\"\n"
                                     "  protocol.http-server.ssl.key-store.password = \"s3cret\"\n")
                          .arg(pki.path(QStringLiteral("edge.p12"))));
    QVERIFY(server);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
    TestEdge edge;
    QVERIFY(
        edge.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/Thingworx/WS").arg(server->edgePort())),
                  10000, ssl));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    // Plain WebSocket on the TLS port gets nowhere.
    TestEdge plain;
    QVERIFY(!plain.open(server->edgeUrl(), 3000));
}

void tst_DataPlane::wrongKeystorePasswordExits2()
{
    QTemporaryDir dir;
    test::Pki pki(dir.path());
    QVERIFY2(pki.makeCa()
                 && pki.makeServer(QStringLiteral("edge"), {QStringLiteral("IP:127.0.0.1")})
                 && pki.makePkcs12(QStringLiteral("edge"), QStringLiteral("right")),
             qPrintable(pki.error()));
    CxServerProcess server;
    QVERIFY(!server.start(
        QStringLiteral("  transport.websockets.app-key = \"k\"\n"
                       "  transport.websockets.platforms = [\"ws://127.0.0.1:1/Thingworx/WS\"]\n"
                       "  protocol.ssl.enabled = true\n"
                       "  protocol.http-server.ssl.key-store.file = \"%1\"\n"
                       "  protocol.http-server.ssl.key-store.password = \"wrong\"\n")
            .arg(pki.path(QStringLiteral("edge.p12"))),
        5000));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 2);
    QVERIFY(server.log().contains(pki.path(QStringLiteral("edge.p12")).toUtf8()));
    QVERIFY(!server.log().contains("wrong\"")); // the password is never printed
}

void tst_DataPlane::platformTlsValidatesHostName()
{
    QTemporaryDir dir;
    test::Pki pki(dir.path());
    QVERIFY2(pki.makeCa()
                 && pki.makeServer(QStringLiteral("good"), {QStringLiteral("IP:127.0.0.1")})
                 && pki.makePkcs12(QStringLiteral("good"), QStringLiteral("pw"))
                 && pki.makeServer(QStringLiteral("nosan"), {})
                 && pki.makePkcs12(QStringLiteral("nosan"), QStringLiteral("pw")),
             qPrintable(pki.error()));
    const QString trust = QStringLiteral("  protocol.http-client.ssl.trust-store.file = \"%1\"\n")
                              .arg(pki.path(QStringLiteral("ca.pem")));
    for (const bool withSan : {true, false}) {
        const QString name = withSan ? QStringLiteral("good") : QStringLiteral("nosan");
        PlatformSimProcess sim(name);
        QVERIFY(sim.start(AppKey,
                          {QStringLiteral("--tls-pkcs12"), pki.path(name + u".p12"),
                           QStringLiteral("--tls-password"), QStringLiteral("pw")}));
        CxServerProcess server;
        QVERIFY(server.start(QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                            "  transport.websockets.platforms = [\"%2\"]\n%3")
                                 .arg(QString::fromUtf8(AppKey), sim.url(true), trust)));
        if (withSan) {
            QVERIFY2(server.waitForInstances(1), "an IP SAN matching the address is accepted");
        } else {
            QVERIFY(
                server
                    .waitForLine(QRegularExpression(
                        QStringLiteral("cannot reach instance .*wss://127.0.0.1:%1.*TLS refused")
                            .arg(sim.port())))
                    .hasMatch());
            QCOMPARE(server.health(), 503);
        }
    }
}

void tst_DataPlane::tunnelsMeetOnOneInstance()
{
    Sims sims = startSims(3);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    const auto openTunnel = [&](const QString &path, QWebSocket &socket, QStringList &texts,
                                QList<QByteArray> &binaries) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [&texts](const QString &t) { texts << t; });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [&binaries](const QByteArray &b) { binaries << b; });
        // The client's own credentials (protocol.md §8): passed on, never cxserver's key.
        QNetworkRequest request(server->edgeUrl(path));
        request.setRawHeader("appKey", "key-of-" + path.section(u'/', 2, 2).toUtf8());
        request.setRawHeader("Authorization", "Bearer tunnel-user");
        socket.open(request);
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                               5000);
    };
    QWebSocket device, client;
    QStringList deviceTexts, clientTexts;
    QList<QByteArray> deviceBinaries, clientBinaries;
    QVERIFY(openTunnel(QStringLiteral("/Thingworx/WSTunnelServer/tid-42"), device, deviceTexts,
                       deviceBinaries));
    QVERIFY(openTunnel(QStringLiteral("/Thingworx/WSTunnelClient/tid-42"), client, clientTexts,
                       clientBinaries));
    device.sendTextMessage(QStringLiteral("hello"));
    device.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    QTRY_COMPARE_WITH_TIMEOUT(deviceTexts, QStringList {QStringLiteral("hello")},
                              5000); // relayed and echoed back
    QTRY_COMPARE_WITH_TIMEOUT(deviceBinaries, QList<QByteArray> {QByteArray("\x00\x01\x02", 3)},
                              5000);
    client.sendTextMessage(QStringLiteral("world"));
    QTRY_COMPARE_WITH_TIMEOUT(clientTexts, QStringList {QStringLiteral("world")}, 5000);
    int holding = 0;
    for (auto &sim : sims) {
        const QJsonObject stats = sim->stats();
        const int tunnels = stats.value(QStringLiteral("tunnelsTotal")).toInt();
        QVERIFY(tunnels == 0 || tunnels == 2);
        holding += tunnels == 2 ? 1 : 0;
        QCOMPARE(stats.value(QStringLiteral("tunnelsWithPipeKey")).toInt(), 0);
        if (tunnels == 2) { // the client end opened last
            QCOMPARE(stats.value(QStringLiteral("lastTunnelAppKey")).toString(),
                     QStringLiteral("key-of-WSTunnelClient"));
            QCOMPARE(stats.value(QStringLiteral("lastTunnelAuthorization")).toString(),
                     QStringLiteral("Bearer tunnel-user"));
        }
    }
    QCOMPARE(holding, 1); // both ends of tid-42 met on the same instance
}

void tst_DataPlane::sigtermAnswersInFlightAndExits0()
{
    Sims sims = startSims(1, {QStringLiteral("--delay-ms"), QStringLiteral("800")});
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    edge.request(quint8(Code::Get), 1100, EdgeId);
    QVERIFY(QTest::qWaitFor(
        [&] { return sims[0]->stats().value(QStringLiteral("requests")).toInt() >= 1; }, 5000));
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(server->pid()), SIGTERM);
    QCOMPARE(codeOf(edge.waitForResponse(1100)), quint8(Code::Success)); // answered, not failed
    QCOMPARE(edge.waitForClose(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QVERIFY(server->waitForExit(5000));
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
    QVERIFY(timer.elapsed() < 5000);
}

void tst_DataPlane::missingPluginStopsTheStart()
{
    CxServerProcess server;
    QVERIFY(!server.start(
        QStringLiteral("  transport.websockets.app-key = \"k\"\n"
                       "  transport.websockets.platforms = [\"ws://127.0.0.1:1/Thingworx/WS\"]\n"
                       "  routing.plugin = \"no-such-router\"\n"),
        5000));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 1);
    QVERIFY(server.log().contains("plugin \"no-such-router\" not found"));
    QVERIFY(server.log().contains("round-robin")); // the available ones are listed
}

void tst_DataPlane::loadThroughTwoWorkersLosesNothing()
{
    Sims sims = startSims(3);
    QVERIFY(!sims.empty());
    auto server = startServer(sims, QStringLiteral("  worker-threads = 2\n"));
    QVERIFY(server);
    const test::CommandResult run = test::runCommand(
        test::binaryPath(QStringLiteral("cxedgesim")),
        {QStringLiteral("--url"), server->edgeUrl().toString(), QStringLiteral("--app-key"),
         QString::fromUtf8(AppKey), QStringLiteral("--edges"), QStringLiteral("50"),
         QStringLiteral("--things"), QStringLiteral("2"), QStringLiteral("--requests"),
         QStringLiteral("5000"), QStringLiteral("--multipart-every"), QStringLiteral("10"),
         QStringLiteral("--chunk-size"), QStringLiteral("64")},
        longRun());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report
        = QJsonDocument::fromJson(run.out.trimmed().split('\n').last()).object();
    QCOMPARE(report.value(QStringLiteral("sent")).toInt(), 5000);
    QCOMPARE(report.value(QStringLiteral("answered")).toInt(), 5000);
    QCOMPARE(report.value(QStringLiteral("missing")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("duplicates")).toInt(), 0);
    QCOMPARE(
        report.value(QStringLiteral("byCode")).toObject().value(QStringLiteral("0x40")).toInt(),
        5000);
    // pipe-count is the total per instance, divided among the two workers (3 + 2).
    for (auto &sim : sims)
        QCOMPARE(sim->stats().value(QStringLiteral("pipes")).toInt(), 5);
}

void tst_DataPlane::leastPendingSendsLessToASlowInstance()
{
    // sim0 answers 200 ms late, sim1 at once. Round robin would give each half of the
    // requests; least-pending sends to the slow one only while the fast one has at least
    // as many requests outstanding, which the edges' closed loop rarely allows.
    Sims sims = startSims(1, {QStringLiteral("--delay-ms"), QStringLiteral("200")});
    QVERIFY(!sims.empty());
    sims.push_back(std::make_unique<PlatformSimProcess>(QStringLiteral("sim1")));
    QVERIFY(sims.back()->start(AppKey));
    auto server = startServer(sims, QStringLiteral("  routing.plugin = \"least-pending\"\n"));
    QVERIFY(server);
    const test::CommandResult run = test::runCommand(
        test::binaryPath(QStringLiteral("cxedgesim")),
        {QStringLiteral("--url"), server->edgeUrl().toString(), QStringLiteral("--app-key"),
         QString::fromUtf8(AppKey), QStringLiteral("--edges"), QStringLiteral("20"),
         QStringLiteral("--closed-loop"), QStringLiteral("1"), QStringLiteral("--requests"),
         QStringLiteral("2000")},
        longRun());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report
        = QJsonDocument::fromJson(run.out.trimmed().split('\n').last()).object();
    QCOMPARE(report.value(QStringLiteral("answered")).toInt(), 2000);
    QCOMPARE(report.value(QStringLiteral("missing")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("duplicates")).toInt(), 0);
    const int slow = sims[0]->stats().value(QStringLiteral("requests")).toInt();
    const int fast = sims[1]->stats().value(QStringLiteral("requests")).toInt();
    QVERIFY2(slow * 4 < fast, qPrintable(QStringLiteral("slow %1, fast %2").arg(slow).arg(fast)));
}

void tst_DataPlane::silentEdgeIsClosed1001()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    // The idle timeout covers pipes too (protocol.md §6): ping them well within it.
    auto server
        = startServer(sims,
                      QStringLiteral("  transport.websockets.connections.idleReadTimeout = 1500ms\n"
                                     "  transport.websockets.connections.pingRate = 300ms\n"));
    QVERIFY(server);
    auto silent = connectEdge(*server);
    QElapsedTimer timer; // from the silent edge's last frame (its AUTH), not the other's
    timer.start();
    auto pinging = connectEdge(*server);
    QVERIFY(silent && pinging);
    QTimer pings;
    QObject::connect(&pings, &QTimer::timeout, &pinging->socket(),
                     [&] { pinging->socket().ping(); });
    pings.start(300);
    QCOMPARE(silent->waitForClose(10000), int(QWebSocketProtocol::CloseCodeGoingAway));
    QVERIFY(timer.elapsed() >= 1000);
    // Pings are frames too: the other edge is still there and works.
    QCOMPARE(pinging->socket().state(), QAbstractSocket::ConnectedState);
    pinging->request(quint8(Code::Get), 1200, EdgeId);
    QCOMPARE(codeOf(pinging->waitForResponse(1200)), quint8(Code::Success));
}

void tst_DataPlane::silentPipeIsDropped()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server
        = startServer(sims,
                      QStringLiteral("  transport.websockets.connections.pingRate = 200ms\n"
                                     "  transport.websockets.connections.idleReadTimeout = 1s\n"));
    QVERIFY(server);
    // A platform that stops reading answers no ping: its pipes are dropped, then retried.
    QCOMPARE(sims[0]->command("pause", QStringLiteral("^paused")), QStringLiteral("paused"));
    QVERIFY(server
                ->waitForLine(QRegularExpression(QStringLiteral("silent for 1000 ms; dropping it")),
                              10000)
                .hasMatch());
    QVERIFY(server->waitForInstances(0));
    QCOMPARE(sims[0]->command("resume", QStringLiteral("^resumed")), QStringLiteral("resumed"));
    QVERIFY(server->waitForInstances(1, 15000));
}

QTEST_GUILESS_MAIN(tst_DataPlane)
#include "tst_dataplane.moc"

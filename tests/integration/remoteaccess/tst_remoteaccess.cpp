// Remote access in an HA cluster (protocol.md §8, issue "Remote access in HA"): real
// ZooKeeper, three platform simulators registered in it (their tunnel paths echo), two
// cxservers discovering them, and cxedgesim's tunnel endpoint. Both ends of a tunnel reach
// the same platform instance whichever cxserver each takes; the platform sees the client's
// credential, never cxserver's app key; a lost instance closes exactly its tunnels (1011);
// a new instance moves none; bytes cross intact, and the relay's cost is measured.

#include "command.h"
#include "cxserverprocess.h"
#include "freeport.h"
#include "platformsimprocess.h"
#include "rsssampler.h"
#include "sshdprocess.h"
#include "testpaths.h"
#include "zookeeperprocess.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <csignal>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace cx::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray AppKey = "cxserver-pipes-key"; ///< cxserver's own: never on a tunnel
const QByteArray ClientKey = "remote-access-user-key"; ///< what the tunnel clients send
constexpr int WaitMs = 10000;

/// CPU seconds (user + system) process \a pid has used.
double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble())
        / double(::sysconf(_SC_CLK_TCK));
}

/// One end of a tunnel, opened with the client's credential.
struct TunnelEnd
{
    QWebSocket socket;
    QList<QByteArray> received;
    int closeCode = -1;

    TunnelEnd()
    {
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [this](const QByteArray &data) { received << data; });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket,
                         [this] { closeCode = socket.closeCode(); });
    }
    void open(quint16 port, const QString &path)
    {
        QNetworkRequest request(QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setRawHeader("appKey", ClientKey);
        socket.open(request);
    }
    bool isOpen() const { return socket.state() == QAbstractSocket::ConnectedState; }
    /// Sends \a data and waits for the echo.
    bool echoes(const QByteArray &data)
    {
        const qsizetype before = received.size();
        socket.sendBinaryMessage(data);
        return QTest::qWaitFor([&] { return received.size() > before; }, WaitMs)
            && received.last() == data;
    }
};

/// Starts cxedgesim's client end for tunnel ids TID-k through the cxserver on \a edgePort;
/// the local port it listens on for applications, or 0.
quint16 startClientEnd(ManagedProcess &process, const QString &tid, quint16 edgePort)
{
    if (!process.start(binaryPath(u"cxedgesim"_s),
                       {u"--tunnel-client"_s, tid, u"--url"_s,
                        u"ws://127.0.0.1:%1/Thingworx/WS"_s.arg(edgePort), u"--listen"_s,
                        u"127.0.0.1:0"_s, u"--app-key"_s, QString::fromUtf8(ClientKey)}))
        return 0;
    const QRegularExpressionMatch listening
        = process.waitForLine(QRegularExpression(u"^listening 127.0.0.1:(\\d+)"_s), WaitMs);
    return listening.hasMatch() ? quint16(listening.captured(1).toUInt()) : 0;
}

} // namespace

class tst_RemoteAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bothEndsMeetOnOneInstanceWhicheverCxserver();
    void shippedHAProxyHashesBothEndsToOneCxserver();
    void clientCredentialsOnlyAndAttacks404();
    void manyConcurrentTunnels();
    void bytesCrossIntactAndTheRelayCostIsMeasured();
    void platformThatStopsReadingHoldsCxserverBounded();
    void lostInstanceClosesExactlyItsTunnelsAndANewOneMovesNone();
    void sshThroughTunnelsAcrossTwoCxservers();

private:
    std::unique_ptr<PlatformSimProcess> startSim(const QString &id);
    std::unique_ptr<CxServerProcess> startServer();
    /// Total tunnel sockets each simulator has accepted so far.
    std::vector<int> tunnelTotals();
    /// The simulator whose tunnel total grew from \a before, or -1 (none, or several).
    int grewOn(const std::vector<int> &before);
    /// Tunnels each cxserver (A, B) has accepted so far, from its /metrics.
    std::vector<int> tunnelsOpenedByServer();

    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    std::vector<std::unique_ptr<PlatformSimProcess>> m_sims;
    std::unique_ptr<CxServerProcess> m_a;
    std::unique_ptr<CxServerProcess> m_b;
};

std::unique_ptr<PlatformSimProcess> tst_RemoteAccess::startSim(const QString &id)
{
    auto sim = std::make_unique<PlatformSimProcess>(id);
    if (!sim->start(AppKey, {u"--zookeeper"_s, m_zooKeeper->connectionString(), u"--id"_s, id}))
        return nullptr;
    if (!sim->waitForLine(QRegularExpression(u"^platformsim registered in ZooKeeper"_s)).hasMatch())
        return nullptr;
    return sim;
}

std::unique_ptr<CxServerProcess> tst_RemoteAccess::startServer()
{
    auto server = std::make_unique<CxServerProcess>();
    const QString config = u"  transport.websockets.app-key = \"%1\"\n"
                           "  transport.websockets.service-discovery.enabled = true\n"
                           "  transport.websockets.service-discovery.tls-enabled = false\n"
                           "  discovery.connectionString = \"%2\"\n"
                           "  transport.websockets.connections.pipe-count = 1\n"_s.arg(
                               QString::fromUtf8(AppKey), m_zooKeeper->connectionString());
    if (!server->start(config))
        return nullptr;
    return server;
}

std::vector<int> tst_RemoteAccess::tunnelTotals()
{
    std::vector<int> totals;
    for (const auto &sim : m_sims)
        totals.push_back(sim && sim->isRunning() ? sim->stats().value(u"tunnelsTotal"_s).toInt()
                                                 : -1);
    return totals;
}

int tst_RemoteAccess::grewOn(const std::vector<int> &before)
{
    int grown = -1;
    (void)QTest::qWaitFor(
        [&] {
            const std::vector<int> now = tunnelTotals();
            int count = 0;
            for (size_t i = 0; i < now.size(); ++i) {
                if (now[i] > before[i]) {
                    grown = int(i);
                    ++count;
                }
            }
            if (count > 1)
                grown = -1;
            return count > 0;
        },
        WaitMs);
    return grown;
}

std::vector<int> tst_RemoteAccess::tunnelsOpenedByServer()
{
    std::vector<int> opened;
    for (CxServerProcess *server : {m_a.get(), m_b.get()}) {
        QByteArray text;
        server->httpGet(u"/metrics"_s, &text);
        int value = -1;
        for (const QByteArray &line : text.split('\n'))
            if (line.startsWith("cxserver_tunnels_opened_total "))
                value = line.mid(30).trimmed().toInt();
        opened.push_back(value);
    }
    return opened;
}

void tst_RemoteAccess::initTestCase()
{
    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    for (int i = 0; i < 3; ++i) {
        m_sims.push_back(startSim(u"sim%1"_s.arg(i)));
        QVERIFY(m_sims.back());
    }
    m_a = startServer();
    m_b = startServer();
    QVERIFY(m_a && m_b);
    QVERIFY(m_a->waitForInstances(3, 15000));
    QVERIFY(m_b->waitForInstances(3, 15000));
}

void tst_RemoteAccess::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_sims.clear();
    m_zooKeeper.reset();
}

void tst_RemoteAccess::bothEndsMeetOnOneInstanceWhicheverCxserver()
{
    // Each tunnel: the device end through one cxserver, the client end through the other;
    // the simulator that takes the device end must take the client end too.
    QList<int> instances;
    for (int k = 0; k < 24; ++k) {
        const QString tid = u"meet-%1"_s.arg(k);
        CxServerProcess &deviceSide = k % 2 ? *m_a : *m_b;
        CxServerProcess &clientSide = k % 2 ? *m_b : *m_a;
        TunnelEnd device;
        std::vector<int> before = tunnelTotals();
        device.open(deviceSide.edgePort(), u"/Thingworx/WSTunnelServer/"_s + tid);
        QTRY_VERIFY_WITH_TIMEOUT(device.isOpen(), WaitMs);
        const int deviceInstance = grewOn(before);
        QVERIFY(deviceInstance >= 0);
        TunnelEnd client;
        before = tunnelTotals();
        client.open(clientSide.edgePort(), u"/Thingworx/WSTunnelClient/"_s + tid + u"?x=1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(client.isOpen(), WaitMs);
        QCOMPARE(grewOn(before), deviceInstance);
        QVERIFY(device.echoes("from the device " + tid.toUtf8()));
        QVERIFY(client.echoes("from the client " + tid.toUtf8()));
        instances << deviceInstance;
    }
    // Rendezvous spreads the tunnel ids over the instances.
    QVERIFY2(QSet<int>(instances.begin(), instances.end()).size() >= 2,
             qPrintable(QString::number(instances.first())));
}

void tst_RemoteAccess::shippedHAProxyHashesBothEndsToOneCxserver()
{
    // The shipped installer/haproxy/haproxy.cfg, rewritten for 127.0.0.1 as the demo runs it:
    // both ends of a tunnel through HAProxy reach the same cxserver (a hash of the tunnel id),
    // and the tunnel ids spread over both.
    QTemporaryDir dir;
    const quint16 port = freePort();
    const CommandResult config
        = runCommand(sourcePath(u"tools/dev/haproxy-local.sh"_s),
                     {QString::number(port), u"%1:%2"_s.arg(m_a->edgePort()).arg(m_a->healthPort()),
                      u"%1:%2"_s.arg(m_b->edgePort()).arg(m_b->healthPort())});
    QVERIFY2(config.exitCode == 0, config.describe().constData());
    const QString path = dir.filePath(u"haproxy.cfg"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(config.out) == config.out.size());
    file.close();
    ManagedProcess haproxy(u"haproxy"_s);
    QVERIFY(haproxy.start(u"haproxy"_s, {u"-db"_s, u"-f"_s, path}));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            return probe.waitForConnected(200);
        }(),
        WaitMs);
    QList<int> servers;
    for (int k = 0; k < 16; ++k) {
        const QString tid = u"lb-%1"_s.arg(k);
        TunnelEnd device;
        std::vector<int> before = tunnelsOpenedByServer();
        device.open(port, u"/Thingworx/WSTunnelServer/"_s + tid);
        QTRY_VERIFY_WITH_TIMEOUT(device.isOpen(), WaitMs);
        std::vector<int> after;
        QTRY_VERIFY_WITH_TIMEOUT((after = tunnelsOpenedByServer())[0] + after[1]
                                     == before[0] + before[1] + 1,
                                 WaitMs); // the counters are published every 50 ms
        const int server = after[0] > before[0] ? 0 : 1;
        QCOMPARE(after[size_t(server)], before[size_t(server)] + 1);
        TunnelEnd client;
        before = after;
        client.open(port, u"/Thingworx/WSTunnelClient/"_s + tid);
        QTRY_VERIFY_WITH_TIMEOUT(client.isOpen(), WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            (after = tunnelsOpenedByServer())[0] + after[1] == before[0] + before[1] + 1, WaitMs);
        QCOMPARE(after[size_t(server)], before[size_t(server)] + 1); // the same cxserver
        QCOMPARE(after[size_t(1 - server)], before[size_t(1 - server)]);
        QVERIFY(client.echoes("through HAProxy"));
        servers << server;
    }
    QCOMPARE(QSet<int>(servers.begin(), servers.end()).size(), 2);
    haproxy.stop();
}

void tst_RemoteAccess::clientCredentialsOnlyAndAttacks404()
{
    TunnelEnd end;
    end.open(m_a->edgePort(), u"/Thingworx/WSTunnelServer/credential-check"_s);
    QTRY_VERIFY_WITH_TIMEOUT(end.isOpen(), WaitMs);
    QVERIFY(end.echoes("x"));
    bool sawClientKey = false;
    for (const auto &sim : m_sims) {
        const QJsonObject stats = sim->stats();
        QCOMPARE(stats.value(u"tunnelsWithPipeKey"_s).toInt(), 0); // never cxserver's key
        sawClientKey = sawClientKey
            || stats.value(u"lastTunnelAppKey"_s).toString() == QString::fromUtf8(ClientKey);
    }
    QVERIFY(sawClientKey);

    // Paths that try to reach something else: 404, nothing opened toward a platform.
    const std::vector<int> before = tunnelTotals();
    for (const char *attack :
         {"/Thingworx/WSTunnelServer/x/../../WS", "/Thingworx/WSTunnelServer/%2e%2e/Things",
          "/Thingworx/WSTunnelClient/", "/Thingworx/WSTunnelServer/a/b", "/Thingworx/VWSX"}) {
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_b->edgePort());
        QVERIFY(raw.waitForConnected(WaitMs));
        raw.write(QByteArray("GET ") + attack
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    "appKey: "
                  + ClientKey + "\r\n\r\n");
        QByteArray response;
        QTRY_VERIFY_WITH_TIMEOUT((response += raw.readAll()).contains("\r\n"), WaitMs);
        QVERIFY2(response.startsWith("HTTP/1.1 404"), attack);
    }
    QCOMPARE(tunnelTotals(), before);
}

void tst_RemoteAccess::manyConcurrentTunnels()
{
    // 200 tunnels at once, half through each cxserver: every one opens and relays.
    std::vector<std::unique_ptr<TunnelEnd>> ends;
    for (int k = 0; k < 200; ++k) {
        ends.push_back(std::make_unique<TunnelEnd>());
        ends.back()->open((k % 2 ? m_a : m_b)->edgePort(),
                          (k % 4 < 2 ? u"/Thingworx/WSTunnelServer/many-%1"_s
                                     : u"/Thingworx/WSTunnelClient/many-%1"_s)
                              .arg(k / 4));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(ends.begin(), ends.end(), [](const auto &end) { return end->isOpen(); }),
        30000);
    for (const auto &end : ends)
        end->socket.sendBinaryMessage("ping");
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ends.begin(), ends.end(),
                                         [](const auto &end) {
                                             return end->received.size() == 1
                                                 && end->received.first() == "ping";
                                         }),
                             30000);
    for (const auto &end : ends)
        end->socket.close();
}

void tst_RemoteAccess::bytesCrossIntactAndTheRelayCostIsMeasured()
{
    // cxedgesim's client end listens for an application; its bytes go through cxserver to
    // the platform (which echoes) and back. The same bytes through a direct TCP echo are the
    // baseline of the same run.
    ManagedProcess bridge(u"cxedgesim-tunnel"_s);
    const quint16 bridgePort = startClientEnd(bridge, u"bulk"_s, m_a->edgePort());
    QVERIFY(bridgePort != 0);

    QByteArray payload(50 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 131 + i / 4096) & 0xFF);
    const QByteArray expected = QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    // Sends everything and reads the echo; returns the seconds it took, or -1.
    const auto roundTrip = [&](quint16 port) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(WaitMs))
            return -1.0;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 received = 0;
        qint64 sent = 0;
        QElapsedTimer timer;
        timer.start();
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
            const QByteArray bytes = socket.readAll();
            received += bytes.size();
            hash.addData(bytes);
        });
        while (sent < payload.size() || received < payload.size()) {
            if (sent < payload.size() && socket.bytesToWrite() < 4 * 1024 * 1024) {
                const qint64 chunk = qMin<qint64>(1024 * 1024, payload.size() - sent);
                socket.write(payload.constData() + sent, chunk);
                sent += chunk;
            }
            QTest::qWait(1);
            if (timer.elapsed() > 120000)
                return -1.0;
        }
        if (hash.result() != expected)
            return -2.0;
        return double(timer.nsecsElapsed()) / 1e9;
    };

    QTcpServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    connect(&echo, &QTcpServer::newConnection, this, [&echo] {
        QTcpSocket *peer = echo.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });
    const double direct = roundTrip(echo.serverPort());
    QVERIFY2(direct > 0, "the direct TCP echo failed");

    const double cpuBefore = cpuSeconds(m_a->pid());
    const double tunnelled = roundTrip(bridgePort);
    const double cpu = cpuSeconds(m_a->pid()) - cpuBefore;
    QVERIFY2(tunnelled > 0, tunnelled == -2 ? "the echo differs" : "the tunnel round trip failed");
    const double megabytes = 2 * 50.0; // each way through the relay
    qInfo("direct TCP echo: %.0f MB/s; through the tunnel: %.0f MB/s (%.2fx); "
          "cxserver CPU %.2f ms per MB relayed",
          megabytes / direct, megabytes / tunnelled, direct / tunnelled, 1000 * cpu / megabytes);
    ::kill(pid_t(bridge.pid()), SIGTERM);
    QVERIFY(bridge.waitForExit(WaitMs));
}

void tst_RemoteAccess::platformThatStopsReadingHoldsCxserverBounded()
{
    // A tunnel whose platform side stops reading: the client pushes 64 MB and cxserver's
    // memory stays bounded (it stops reading the edge); once the platform reads again,
    // everything arrives (the simulator echoes it back).
    TunnelEnd end;
    const std::vector<int> before = tunnelTotals();
    end.open(m_a->edgePort(), u"/Thingworx/WSTunnelServer/stalled"_s);
    QTRY_VERIFY_WITH_TIMEOUT(end.isOpen(), WaitMs);
    const int instance = grewOn(before);
    QVERIFY(instance >= 0);
    PlatformSimProcess &sim = *m_sims[size_t(instance)];
    QCOMPARE(sim.command("pause", u"^paused"_s), u"paused"_s);
    RssSampler rss(m_a->pid());
    const QByteArray chunk(1024 * 1024, 's');
    for (int i = 0; i < 64; ++i)
        end.socket.sendBinaryMessage(chunk);
    QTest::qWait(3000); // the client keeps pushing while the platform reads nothing
    const qint64 growthKib = rss.peakKib() - rss.startKib();
    qInfo("cxserver RSS growth while the platform side read nothing: %lld KiB", growthKib);
    QVERIFY2(growthKib < 16 * 1024, qPrintable(QString::number(growthKib)));
    QVERIFY(end.isOpen());
    QCOMPARE(sim.command("resume", u"^resumed"_s), u"resumed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(end.received.size(), 64, 60000);
    QCOMPARE(end.received.last(), chunk);
}

void tst_RemoteAccess::lostInstanceClosesExactlyItsTunnelsAndANewOneMovesNone()
{
    // Tunnels spread over the three instances, where each one runs known.
    std::vector<std::unique_ptr<TunnelEnd>> ends;
    QList<int> instanceOf;
    for (int k = 0; k < 18; ++k) {
        const std::vector<int> before = tunnelTotals();
        ends.push_back(std::make_unique<TunnelEnd>());
        ends.back()->open((k % 2 ? m_a : m_b)->edgePort(),
                          u"/Thingworx/WSTunnelServer/lost-%1"_s.arg(k));
        QTRY_VERIFY_WITH_TIMEOUT(ends.back()->isOpen(), WaitMs);
        instanceOf << grewOn(before);
        QVERIFY(instanceOf.last() >= 0);
    }
    const int victim = instanceOf.first();
    m_sims[size_t(victim)]->kill();
    for (size_t k = 0; k < ends.size(); ++k) {
        if (instanceOf[int(k)] == victim) {
            QTRY_COMPARE_WITH_TIMEOUT(ends[k]->closeCode, 1011, WaitMs);
        }
    }
    for (size_t k = 0; k < ends.size(); ++k) {
        if (instanceOf[int(k)] != victim) {
            QVERIFY2(ends[k]->isOpen(), qPrintable(QString::number(k)));
            QVERIFY(ends[k]->echoes("still here"));
        }
    }
    // A fourth instance joins: no live tunnel moves or closes.
    auto fourth = startSim(u"sim3"_s);
    QVERIFY(fourth);
    QVERIFY(m_a->waitForInstances(3, 15000));
    QVERIFY(m_b->waitForInstances(3, 15000));
    for (size_t k = 0; k < ends.size(); ++k) {
        if (instanceOf[int(k)] != victim)
            QVERIFY(ends[k]->echoes("after the join"));
    }
    QCOMPARE(fourth->stats().value(u"tunnelsTotal"_s).toInt(), 0);
    m_sims.push_back(std::move(fourth));
}

void tst_RemoteAccess::sshThroughTunnelsAcrossTwoCxservers()
{
    // The whole chain with a platform that pairs tunnels as a real one does: ssh → the
    // client end (cxedgesim) → cxserver 1 → the platform's tunnel subsystem → cxserver 2 →
    // the device end (cxedgesim) → a real sshd. One command, then a 50 MB copy.
    SshdProcess sshd;
    QVERIFY2(sshd.start(), sshd.log().constData());
    QByteArray file(50 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < file.size(); ++i)
        file[i] = char((i * 7919 + i / 65536) & 0xFF);
    const QString filePath = sshd.directory() + u"/payload.bin"_s;
    QFile out(filePath);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(file) == file.size());
    out.close();

    PlatformSimProcess platform(u"pairing-platform"_s);
    QVERIFY(platform.start(
        AppKey, {u"--tunnel-mode"_s, u"pair"_s, u"--tunnel-key"_s, QString::fromUtf8(ClientKey)}));
    const auto startStatic = [&] {
        auto server = std::make_unique<CxServerProcess>();
        const bool started = server->start(u"  transport.websockets.app-key = \"%1\"\n"
                                           "  transport.websockets.platforms = [\"%2\"]\n"_s.arg(
                                               QString::fromUtf8(AppKey), platform.url()));
        return started && server->waitForInstances(1) ? std::move(server) : nullptr;
    };
    const auto one = startStatic();
    const auto two = startStatic();
    QVERIFY(one && two);

    ManagedProcess device(u"device-end"_s);
    QVERIFY(device.start(binaryPath(u"cxedgesim"_s),
                         {u"--tunnel-device"_s, u"ssh"_s, u"--tunnel-count"_s, u"2"_s, u"--url"_s,
                          u"ws://127.0.0.1:%1/Thingworx/WS"_s.arg(two->edgePort()), u"--connect"_s,
                          u"127.0.0.1:%1"_s.arg(sshd.port()), u"--app-key"_s,
                          QString::fromUtf8(ClientKey)}));
    ManagedProcess client(u"client-end"_s);
    const quint16 port = startClientEnd(client, u"ssh"_s, one->edgePort());
    QVERIFY(port != 0);
    const QStringList ssh
        = sshd.clientArguments(port) + QStringList {SshdProcess::user() + u"@127.0.0.1"_s};

    RunOptions options;
    options.timeoutMs = 60000;
    const CommandResult echo = runCommand(u"ssh"_s, ssh + QStringList {u"echo ok"_s}, options);
    QVERIFY2(echo.exitCode == 0 && echo.out == "ok\n", echo.describe().constData());
    options.timeoutMs = 180000;
    const CommandResult copy
        = runCommand(u"ssh"_s, ssh + QStringList {u"cat "_s + filePath}, options);
    QVERIFY2(copy.exitCode == 0, copy.describe().left(2000).constData());
    QCOMPARE(copy.out.size(), file.size());
    QCOMPARE(QCryptographicHash::hash(copy.out, QCryptographicHash::Sha256),
             QCryptographicHash::hash(file, QCryptographicHash::Sha256));
    const QJsonObject stats = platform.stats();
    QCOMPARE(stats.value(u"tunnelsPaired"_s).toInt(), 2); // two tunnels met on the platform
    QCOMPARE(stats.value(u"tunnelsWithPipeKey"_s).toInt(), 0);
    QVERIFY(device.waitForExit(WaitMs)); // both tunnels done: the device end exits
    QCOMPARE(device.exitCode(), 0);
}

QTEST_MAIN(tst_RemoteAccess)
#include "tst_remoteaccess.moc"

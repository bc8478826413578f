// cxedgesim as a real process, run directly against cxplatformsim (which answers a direct
// edge's AUTH like a pipe's, without the appKey header).

#include "platformsimfixture.h"
#include "staticcluster.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <array>
#include <command.h>
#include <csignal>
#include <freeport.h>
#include <managedprocess.h>
#include <map>
#include <memory>
#include <optional>
#include <testpaths.h>

using namespace cx;
using namespace Qt::StringLiterals;

namespace {

constexpr int RunTimeoutMs = 60000;

/// The final JSON line of an edgesim run (the last line that parses as an object).
QJsonObject finalReport(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        const QJsonDocument json = QJsonDocument::fromJson(*line);
        if (json.isObject())
            return json.object();
    }
    return {};
}

/// A self-signed certificate for 127.0.0.1 and its key, as PEM files in a temporary folder.
struct TestCertificate
{
    QString openssl = QStandardPaths::findExecutable(u"openssl"_s); ///< empty: cannot make one
    QTemporaryDir dir;
    QString key = dir.filePath(u"key.pem"_s);
    QString certificate = dir.filePath(u"cert.pem"_s);

    test::CommandResult make() const
    {
        return test::runCommand(openssl,
                                {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                 u"-keyout"_s, key, u"-out"_s, certificate, u"-days"_s, u"2"_s,
                                 u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                 u"subjectAltName=IP:127.0.0.1"_s});
    }
};

QStringList edgeArguments(const test::PlatformSimFixture &sim, const QStringList &extra)
{
    return QStringList {u"--url"_s, sim.url().toString(), u"--app-key"_s,
                        QLatin1StringView(test::PlatformSimFixture::AppKey)}
    + extra;
}

test::CommandResult runEdgesim(const QStringList &arguments)
{
    test::RunOptions options;
    options.timeoutMs = RunTimeoutMs;
    return test::runCommand(test::binaryPath(u"cxedgesim"_s), arguments, options);
}

/// Every request answered exactly once, and the latency fields in order.
void verifyComplete(const QJsonObject &report, qint64 requests)
{
    QCOMPARE(report.value(u"sent"_s).toInteger(), requests);
    QCOMPARE(report.value(u"answered"_s).toInteger(), requests);
    QCOMPARE(report.value(u"missing"_s).toInteger(), 0);
    QCOMPARE(report.value(u"duplicates"_s).toInteger(), 0);
    QCOMPARE(report.value(u"unmatched"_s).toInteger(), 0);
    const QJsonObject latency = report.value(u"latencyUs"_s).toObject();
    QCOMPARE(latency.value(u"count"_s).toInteger(), requests);
    const qint64 p50 = latency.value(u"p50"_s).toInteger(-1);
    const qint64 p99 = latency.value(u"p99"_s).toInteger(-1);
    const qint64 p999 = latency.value(u"p999"_s).toInteger(-1);
    const qint64 max = latency.value(u"max"_s).toInteger(-1);
    QVERIFY(p50 >= 0);
    QVERIFY(p50 <= p99);
    QVERIFY(p99 <= p999);
    QVERIFY(p999 <= max);
    QVERIFY(report.value(u"msgPerSec"_s).toDouble() > 0);
    QVERIFY(report.value(u"mbPerSec"_s).toDouble() > 0);
}

/// A minimal tunnel relay in the test process: accepts /Thingworx/WSTunnelServer/<tid> and
/// /Thingworx/WSTunnelClient/<tid>, pairs them by tid and relays binary messages (queued
/// until the other end arrives); a close on one end closes the other with the same code.
/// Records each end's upgrade headers and close code.
class TunnelPeer
{
public:
    enum End { Device, Client };
    struct Side
    {
        QPointer<QWebSocket> socket; ///< owned by the server (child)
        QByteArray appKey;
        QByteArray authorization;
        QList<QByteArray> queued; ///< for this end, before it arrived
        int closeCode = -1; ///< the code this end closed with; -1 while open
        qint64 received = 0; ///< payload bytes this end sent
        qsizetype largest = 0; ///< its longest message
        qint64 written = 0; ///< bytes written toward this end (frames included)
        QElapsedTimer sinceWrite; ///< since the last of them
    };

    /// wss with \a tls (its local certificate and key), else ws.
    explicit TunnelPeer(const std::optional<QSslConfiguration> &tls = {})
        : m_server(u"tunnelpeer"_s,
                   tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode)
    {
        if (tls)
            m_server.setSslConfiguration(*tls);
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server,
                         [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const
    {
        return (m_server.secureMode() == QWebSocketServer::SecureMode ? u"wss"_s : u"ws"_s)
            + u"://127.0.0.1:%1"_s.arg(m_server.serverPort());
    }
    Side &side(const QString &tid, End end) { return m_tunnels[tid][end]; }
    bool has(const QString &tid, End end) const
    {
        const auto tunnel = m_tunnels.find(tid);
        return tunnel != m_tunnels.end() && tunnel->second[end].socket;
    }
    /// Whether writing toward an end has stalled (nothing written for StallMs) or reached
    /// \a bytes: that end's cxedgesim holds what it is going to hold.
    bool settled(const QString &tid, End end, qint64 bytes)
    {
        constexpr int StallMs = 500;
        const Side &to = side(tid, end);
        return to.written >= bytes || to.sinceWrite.elapsed() > StallMs;
    }
    /// Closes both ends of \a tid with \a code, as a relay whose platform side failed.
    void close(const QString &tid, QWebSocketProtocol::CloseCode code)
    {
        for (Side &end : m_tunnels[tid])
            if (end.socket && end.closeCode < 0)
                end.socket->close(code);
    }

private:
    void accept()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            const QString path = socket->requestUrl().path();
            const QString device = u"/Thingworx/WSTunnelServer/"_s;
            const QString client = u"/Thingworx/WSTunnelClient/"_s;
            const End end = path.startsWith(device) ? Device : Client;
            socket->setParent(&m_sockets); // the caller owns what the server hands out
            if (!path.startsWith(device) && !path.startsWith(client)) {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
                continue;
            }
            const QString tid = path.sliced((end == Device ? device : client).size());
            Side &me = side(tid, end);
            me.socket = socket;
            me.sinceWrite.start();
            QObject::connect(socket, &QWebSocket::bytesWritten, socket,
                             [this, tid, end](qint64 bytes) {
                                 Side &to = side(tid, end);
                                 to.written += bytes;
                                 to.sinceWrite.start();
                             });
            me.appKey = socket->request().rawHeader("appKey");
            me.authorization = socket->request().rawHeader("Authorization");
            for (const QByteArray &message : std::exchange(me.queued, {}))
                socket->sendBinaryMessage(message);
            const End otherEnd = end == Device ? Client : Device;
            QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                             [this, tid, end, otherEnd](const QByteArray &message) {
                                 Side &me = side(tid, end);
                                 me.received += message.size();
                                 me.largest = std::max(me.largest, message.size());
                                 Side &other = side(tid, otherEnd);
                                 if (other.socket)
                                     other.socket->sendBinaryMessage(message);
                                 else
                                     other.queued.append(message);
                             });
            QObject::connect(socket, &QWebSocket::disconnected, socket,
                             [this, tid, end, otherEnd, socket] {
                                 side(tid, end).closeCode = socket->closeCode();
                                 Side &other = side(tid, otherEnd);
                                 if (other.socket && other.closeCode < 0)
                                     other.socket->close(socket->closeCode());
                             });
        }
    }

    // Destroyed last: the sockets' disconnected handlers look their tunnel up here.
    std::map<QString, std::array<Side, 2>> m_tunnels;
    QWebSocketServer m_server;
    QObject m_sockets; ///< owns the accepted sockets; destroyed first
};

/// A TCP echo service, as the device's local service; counts connections and closes.
class EchoServer
{
public:
    EchoServer()
    {
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                QObject::connect(socket, &QIODevice::readyRead, socket, [this, socket] {
                    if (!m_paused)
                        socket->write(socket->readAll());
                });
                QObject::connect(socket, &QAbstractSocket::disconnected, socket, [this, socket] {
                    ++m_closed;
                    socket->deleteLater();
                });
                m_sockets.append(socket);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    int accepted() const { return m_accepted; }
    int closed() const { return m_closed; }
    /// While paused nothing is read (Qt's read buffer bounded): the tunnel backs up.
    void setPaused(bool paused)
    {
        m_paused = paused;
        for (QTcpSocket *socket : std::as_const(m_sockets)) {
            if (socket->state() != QAbstractSocket::ConnectedState)
                continue;
            socket->setReadBufferSize(paused ? 64 * 1024 : 0);
            if (!paused)
                socket->write(socket->readAll());
        }
    }

private:
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_accepted = 0;
    int m_closed = 0;
    bool m_paused = false;
};

/// A local TCP connection to the tunnel client end that collects what comes back.
struct TunnelConnection
{
    QTcpSocket socket;
    QByteArray received;
    bool paused = false;

    explicit TunnelConnection(quint16 port)
    {
        QObject::connect(&socket, &QIODevice::readyRead, &socket, [this] {
            if (!paused)
                received += socket.readAll();
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    /// While paused nothing is read (Qt's read buffer bounded): the tunnel backs up.
    void setPaused(bool pause)
    {
        paused = pause;
        socket.setReadBufferSize(pause ? 64 * 1024 : 0);
        if (!pause)
            received += socket.readAll();
    }
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / qsizetype(sizeof(quint32)));
    return bytes;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/// A tunnel relay (TunnelPeer), an echo service and both tunnel ends as real processes: the
/// client end listening on a port it picks, the device end with tunnels to the echo service.
struct TunnelFixture
{
    explicit TunnelFixture(const std::optional<QSslConfiguration> &tls = {})
        : peer(tls)
    { }

    TunnelPeer peer;
    EchoServer echo;
    test::ManagedProcess client {u"cxedgesim-tunnel-client"_s};
    test::ManagedProcess device {u"cxedgesim-tunnel-device"_s};
    quint16 port = 0;

    /// Starts everything, the device end with \a count tunnels; \a extra goes to both ends.
    bool start(int count, const QStringList &extra = {})
    {
        if (!peer.listen() || !echo.listen()
            || !client.start(test::binaryPath(u"cxedgesim"_s),
                             QStringList {u"--tunnel-client"_s, u"T"_s, u"--url"_s,
                                          peer.url() + u"/Thingworx/WS"_s, u"--listen"_s,
                                          u"127.0.0.1:0"_s, u"--app-key"_s, u"client-key"_s,
                                          u"--header"_s, u"Authorization: Bearer client-token"_s}
                                 + extra))
            return false;
        const QRegularExpressionMatch listening
            = client.waitForLine(QRegularExpression(u"^listening 127\\.0\\.0\\.1:(\\d+)$"_s));
        port = listening.hasMatch() ? quint16(listening.captured(1).toUInt()) : 0;
        return port != 0
            && device.start(test::binaryPath(u"cxedgesim"_s),
                            QStringList {u"--tunnel-device"_s, u"T"_s, u"--tunnel-count"_s,
                                         QString::number(count), u"--url"_s, peer.url(),
                                         u"--connect"_s, echo.address(), u"--app-key"_s,
                                         u"device-key"_s}
                                + extra);
    }
};

} // namespace

class tst_EdgeSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help();
    void usageErrors_data();
    void usageErrors();
    void noServerExits2();
    void wrongAppKeyExits2();
    void closedLoopAllAnsweredOnce();
    void fixedRate();
    void epollOnBothSides();
    void multipartOnThreads();
    void failRateGivesErrorResponses();
    void dropRateGivesMissing();
    void recordsEveryRequest();
    void answersEgressAndStopsOnSigterm();
    void wss();
    void pingsKeepIdleEdges();
    void tunnelUsageErrors_data();
    void tunnelUsageErrors();
    void tunnelsRelayAndClose();
    void tunnelBackpressure();
    void tunnelDeviceCannotConnect();
    void tunnelWss();
};

void tst_EdgeSim::help()
{
    const test::CommandResult result = runEdgesim({u"--help"_s});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    for (const char *option : {"--url",
                               "--app-key",
                               "--edges",
                               "--threads",
                               "--things",
                               "--rate",
                               "--closed-loop",
                               "--duration",
                               "--requests",
                               "--body-size",
                               "--multipart-every",
                               "--chunk-size",
                               "--idle",
                               "--connect-rate",
                               "--progress",
                               "--record",
                               "--timeout-ms",
                               "--insecure",
                               "--ca",
                               "--ping-interval-ms",
                               "--tunnel-device",
                               "--tunnel-client",
                               "--connect",
                               "--listen",
                               "--tunnel-count",
                               "--header"})
        QVERIFY2(result.out.contains(option), option);
}

void tst_EdgeSim::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QStringList base {u"--url"_s, u"ws://127.0.0.1:1/Thingworx/WS"_s, u"--app-key"_s, u"k"_s};
    QTest::addRow("no url") << QStringList {u"--app-key"_s, u"k"_s};
    QTest::addRow("http url") << QStringList {u"--url"_s, u"http://127.0.0.1:1/"_s, u"--app-key"_s,
                                              u"k"_s};
    QTest::addRow("no app key") << QStringList {u"--url"_s, u"ws://127.0.0.1:1/Thingworx/WS"_s};
    QTest::addRow("two modes") << base
            + QStringList {u"--rate"_s, u"10"_s, u"--closed-loop"_s, u"2"_s};
    QTest::addRow("bad number") << base + QStringList {u"--edges"_s, u"many"_s};
    QTest::addRow("chunk not smaller")
        << base + QStringList {u"--multipart-every"_s, u"2"_s, u"--body-size"_s, u"100"_s};
    QTest::addRow("mix with AUTH") << base + QStringList {u"--mix"_s, u"get,auth"_s};
}

void tst_EdgeSim::usageErrors()
{
    QFETCH(QStringList, arguments);
    const test::CommandResult result = runEdgesim(arguments);
    QVERIFY2(result.exitCode == 1, result.describe().constData());
}

void tst_EdgeSim::noServerExits2()
{
    const quint16 port = test::freePort();
    const test::CommandResult result
        = runEdgesim({u"--url"_s, u"ws://127.0.0.1:"_s + QString::number(port) + u"/Thingworx/WS"_s,
                      u"--app-key"_s, u"k"_s, u"--edges"_s, u"3"_s, u"--requests"_s, u"10"_s});
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    QCOMPARE(report.value(u"connectFailures"_s).toInt(), 3);
    QCOMPARE(report.value(u"sent"_s).toInt(-1), 0);
}

void tst_EdgeSim::wrongAppKeyExits2()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    const test::CommandResult result
        = runEdgesim({u"--url"_s, sim.url().toString(), u"--app-key"_s, u"wrong"_s, u"--edges"_s,
                      u"2"_s, u"--requests"_s, u"10"_s});
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QCOMPARE(finalReport(result.out).value(u"authFailed"_s).toInt(), 2);
    QCOMPARE(sim.stats().value(u"edgeAuthFailed"_s).toInt(), 2);
}

void tst_EdgeSim::closedLoopAllAnsweredOnce()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    const test::CommandResult result = runEdgesim(
        edgeArguments(sim,
                      {u"--edges"_s, u"8"_s, u"--closed-loop"_s, u"4"_s, u"--requests"_s, u"2000"_s,
                       u"--things"_s, u"2"_s, u"--mix"_s, u"get:1,post:3"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    verifyComplete(report, 2000);
    QCOMPARE(report.value(u"ready"_s).toInt(), 8);
    QCOMPARE(report.value(u"bindOk"_s).toInt(), 8);
    QCOMPARE(report.value(u"byCode"_s).toObject(), QJsonObject({{u"0x40"_s, 2000}}));
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"edgeAuthOk"_s).toInt(), 8);
    QCOMPARE(stats.value(u"bindNames"_s).toInt(), 16);
    // Each edge cycles through get, post, post, post. How the 2,000 requests spread over the
    // 8 edges depends on which answers come first, so an edge may send a few more than
    // another: an edge's n requests are ceil(n / 4) GETs, 500 to 506 over all.
    const QJsonObject byCode = stats.value(u"byCode"_s).toObject();
    const int gets = byCode.value(u"0x01"_s).toInt();
    QCOMPARE(gets + byCode.value(u"0x03"_s).toInt(), 2000);
    QVERIFY2(gets >= 500 && gets <= 506, QByteArray::number(gets).constData());
    QCOMPARE(stats.value(u"requestsBeforeAuth"_s).toInt(), 0);
}

void tst_EdgeSim::fixedRate()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    const test::CommandResult result = runEdgesim(
        edgeArguments(sim, {u"--edges"_s, u"4"_s, u"--rate"_s, u"400"_s, u"--duration"_s, u"1"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    QCOMPARE(report.value(u"mode"_s).toString(), u"fixed-rate"_s);
    const qint64 sent = report.value(u"sent"_s).toInteger();
    QVERIFY2(sent >= 300 && sent <= 410, QByteArray::number(sent).constData());
    verifyComplete(report, sent);
}

void tst_EdgeSim::epollOnBothSides()
{
    // Both simulators' worker threads on the epoll dispatcher (the benchmark's set-up).
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--echo"_s, u"--epoll"_s, u"--threads"_s, u"2"_s}));
    const test::CommandResult result = runEdgesim(edgeArguments(
        sim,
        {u"--epoll"_s, u"--threads"_s, u"2"_s, u"--edges"_s, u"40"_s, u"--closed-loop"_s, u"2"_s,
         u"--requests"_s, u"4000"_s, u"--body-size"_s, u"3000"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    verifyComplete(report, 4000);
    QCOMPARE(report.value(u"ready"_s).toInt(), 40);
    QCOMPARE(report.value(u"byCode"_s).toObject(), QJsonObject({{u"0x40"_s, 4000}}));
    QCOMPARE(sim.stats().value(u"edgeAuthOk"_s).toInt(), 40);
}

void tst_EdgeSim::multipartOnThreads()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--echo"_s, u"--threads"_s, u"2"_s}));
    const test::CommandResult result
        = runEdgesim(edgeArguments(sim,
                                   {u"--threads"_s, u"2"_s, u"--edges"_s, u"6"_s, u"--requests"_s,
                                    u"600"_s, u"--multipart-every"_s, u"3"_s, u"--body-size"_s,
                                    u"3000"_s, u"--chunk-size"_s, u"1000"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    verifyComplete(report, 600);
    // Every third request of each edge goes in 3 chunks; edges share the quota unevenly.
    const int chunks = report.value(u"chunksSent"_s).toInt();
    QVERIFY2(chunks > 0 && chunks % 3 == 0, QByteArray::number(chunks).constData());
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"chunks"_s).toInt(), chunks);
    QCOMPARE(stats.value(u"requests"_s).toInt(), 600 + 6); // the AUTHs too
}

void tst_EdgeSim::failRateGivesErrorResponses()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--fail-rate"_s, u"1"_s}));
    const test::CommandResult result
        = runEdgesim(edgeArguments(sim, {u"--edges"_s, u"3"_s, u"--requests"_s, u"300"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    verifyComplete(report, 300);
    QCOMPARE(report.value(u"byCode"_s).toObject(), QJsonObject({{u"0xA0"_s, 300}}));
}

void tst_EdgeSim::dropRateGivesMissing()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--drop-rate"_s, u"0.2"_s, u"--seed"_s, u"7"_s}));
    // A dropped request is missing after --timeout-ms; an answered one must come well within
    // it even on a slow machine, or it is counted missing too. A window of 8 per edge lets
    // the timeouts of dropped requests run side by side.
    const test::CommandResult result
        = runEdgesim(edgeArguments(sim,
                                   {u"--edges"_s, u"4"_s, u"--closed-loop"_s, u"8"_s,
                                    u"--requests"_s, u"400"_s, u"--timeout-ms"_s, u"1000"_s}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject report = finalReport(result.out);
    const qint64 missing = report.value(u"missing"_s).toInteger();
    QCOMPARE(report.value(u"sent"_s).toInteger(), 400);
    QVERIFY2(missing > 0, QByteArray::number(missing).constData());
    QCOMPARE(report.value(u"answered"_s).toInteger() + missing, 400);
    QCOMPARE(report.value(u"duplicates"_s).toInteger(), 0);
    QCOMPARE(missing, sim.stats().value(u"dropped"_s).toInteger());
}

void tst_EdgeSim::recordsEveryRequest()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"record.tsv"_s);
    const test::CommandResult result
        = runEdgesim(edgeArguments(sim,
                                   {u"--threads"_s, u"2"_s, u"--edges"_s, u"4"_s, u"--requests"_s,
                                    u"50"_s, u"--record"_s, path}));
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 51);
    QVERIFY(lines.first().startsWith('#'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).split('\t');
        QCOMPARE(fields.size(), 5);
        QCOMPARE(fields.at(3), "0x40");
        QVERIFY(fields.at(4).toLongLong() >= 0);
    }
}

void tst_EdgeSim::answersEgressAndStopsOnSigterm()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    test::ManagedProcess edgesim(u"cxedgesim"_s);
    QVERIFY(edgesim.start(test::binaryPath(u"cxedgesim"_s),
                          edgeArguments(sim,
                                        {u"--idle"_s, u"--duration"_s, u"60"_s, u"--edges"_s,
                                         u"3"_s, u"--endpoint-base"_s, u"100"_s})));
    QVERIFY(edgesim.waitForLine(QRegularExpression(u"^edgesim idle"_s)).hasMatch());
    QCOMPARE(sim.stats().value(u"edges"_s).toInt(), 3);
    QCOMPARE(sim.command("egress 101 GET 3"), "egress sent 3 to endpoint 101");
    QTRY_COMPARE_WITH_TIMEOUT(
        sim.stats().value(u"egress"_s).toObject().value(u"answered"_s).toInt(), 3, 10000);
    QCOMPARE(edgesim.stop(), 0);
    const QJsonObject report = finalReport(edgesim.log());
    QCOMPARE(report.value(u"egress"_s).toObject().value(u"answered"_s).toInt(), 3);
    QCOMPARE(report.value(u"ready"_s).toInt(), 3);
    QCOMPARE(report.value(u"sent"_s).toInt(-1), 0);
    QCOMPARE(report.value(u"mode"_s).toString(), u"idle"_s);
}

void tst_EdgeSim::wss()
{
    const TestCertificate pem;
    if (pem.openssl.isEmpty())
        QSKIP("openssl is not installed: no certificate for this test");
    QVERIFY(pem.dir.isValid());
    const QString &openssl = pem.openssl;
    const QString &key = pem.key;
    const QString &certificate = pem.certificate;
    const QString keystore = pem.dir.filePath(u"platform.p12"_s);
    test::CommandResult made = pem.make();
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    made = test::runCommand(openssl,
                            {u"pkcs12"_s, u"-export"_s, u"-inkey"_s, key, u"-in"_s, certificate,
                             u"-out"_s, keystore, u"-passout"_s, u"pass:secret"_s});
    QVERIFY2(made.exitCode == 0, made.describe().constData());

    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--tls-pkcs12"_s, keystore, u"--tls-password"_s, u"secret"_s}));
    QCOMPARE(sim.url().scheme(), u"wss"_s);
    for (const QStringList &trust : {QStringList {u"--ca"_s, certificate}, {u"--insecure"_s}}) {
        const test::CommandResult result = runEdgesim(edgeArguments(
            sim, trust + QStringList {u"--edges"_s, u"2"_s, u"--requests"_s, u"100"_s}));
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        verifyComplete(finalReport(result.out), 100);
    }
    // The system CAs do not know this certificate.
    const test::CommandResult untrusted
        = runEdgesim(edgeArguments(sim, {u"--edges"_s, u"2"_s, u"--requests"_s, u"10"_s}));
    QVERIFY2(untrusted.exitCode == 2, untrusted.describe().constData());
    QCOMPARE(finalReport(untrusted.out).value(u"connectFailures"_s).toInt(), 2);
}

void tst_EdgeSim::pingsKeepIdleEdges()
{
    // cxserver closes an edge silent for idleReadTimeout (1001); an edge that pings, as
    // devices do, stays. The benchmark's idle edges ping for that reason. The same timeout
    // drops a platform pipe silent that long, so cxserver must ping its pipes well within it
    // (pingRate): else the pipe goes first and every edge is closed 1011 instead.
    const QByteArray appKey = "edgesim-ping-key";
    const test::Sims sims = test::startSims(1, appKey);
    QVERIFY(!sims.empty());
    const auto server
        = test::startStaticServer(sims, appKey,
                                  u"transport.websockets.connections.idleReadTimeout = 2s\n"
                                  "transport.websockets.connections.pingRate = 400ms"_s);
    QVERIFY(server);
    const QStringList idle = QStringList {u"--url"_s, server->edgeUrl().toString()}
        + QStringList {u"--app-key"_s, QString::fromLatin1(appKey)}
        + QStringList {u"--edges"_s, u"4"_s, u"--idle"_s, u"--duration"_s, u"4"_s};

    const test::CommandResult silent = runEdgesim(idle);
    QVERIFY2(silent.exitCode == 0, silent.describe().constData());
    QJsonObject report = finalReport(silent.out);
    QCOMPARE(report.value(u"ready"_s).toInt(), 4);
    QCOMPARE(report.value(u"closeCodes"_s).toObject().value(u"1001"_s).toInt(), 4);

    const test::CommandResult pinging
        = runEdgesim(idle + QStringList {u"--ping-interval-ms"_s, u"250"_s});
    QVERIFY2(pinging.exitCode == 0, pinging.describe().constData());
    report = finalReport(pinging.out);
    QCOMPARE(report.value(u"ready"_s).toInt(), 4);
    QCOMPARE(report.value(u"disconnects"_s).toInt(-1), 0);
}

void tst_EdgeSim::tunnelUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString url = u"ws://127.0.0.1:1"_s;
    QTest::addRow("both ends") << QStringList {
        u"--tunnel-device"_s, u"T"_s, u"--tunnel-client"_s, u"T"_s,
        u"--url"_s,           url,    u"--connect"_s,       u"127.0.0.1:22"_s};
    QTest::addRow("device without connect")
        << QStringList {u"--tunnel-device"_s, u"T"_s, u"--url"_s, url};
    QTest::addRow("client without listen")
        << QStringList {u"--tunnel-client"_s, u"T"_s, u"--url"_s, url};
    QTest::addRow("client with count")
        << QStringList {u"--tunnel-client"_s, u"T"_s,           u"--url"_s,          url,
                        u"--listen"_s,        u"127.0.0.1:0"_s, u"--tunnel-count"_s, u"2"_s};
    QTest::addRow("listen on a name") << QStringList {
        u"--tunnel-client"_s, u"T"_s, u"--url"_s, url, u"--listen"_s, u"localhost:0"_s};
    QTest::addRow("bad tid") << QStringList {
        u"--tunnel-device"_s, u"a/b"_s, u"--url"_s, url, u"--connect"_s, u"127.0.0.1:22"_s};
    QTest::addRow("dot tid") << QStringList {
        u"--tunnel-device"_s, u".."_s, u"--url"_s, url, u"--connect"_s, u"127.0.0.1:22"_s};
    QTest::addRow("http url") << QStringList {u"--tunnel-device"_s, u"T"_s,
                                              u"--url"_s,           u"http://127.0.0.1:1"_s,
                                              u"--connect"_s,       u"127.0.0.1:22"_s};
    QTest::addRow("bad header") << QStringList {
        u"--tunnel-device"_s, u"T"_s,        u"--url"_s,   url, u"--connect"_s,
        u"127.0.0.1:22"_s,    u"--header"_s, u"no colon"_s};
    QTest::addRow("connect without tunnel")
        << QStringList {u"--url"_s, url, u"--app-key"_s, u"k"_s, u"--connect"_s, u"127.0.0.1:22"_s};
}

void tst_EdgeSim::tunnelUsageErrors()
{
    QFETCH(QStringList, arguments);
    const test::CommandResult result = runEdgesim(arguments);
    QVERIFY2(result.exitCode == 1, result.describe().constData());
}

void tst_EdgeSim::tunnelsRelayAndClose()
{
    TunnelFixture ends;
    QVERIFY(ends.start(3));
    TunnelPeer &peer = ends.peer;
    EchoServer &echo = ends.echo;
    for (const QString &tid : {u"T-1"_s, u"T-2"_s, u"T-3"_s}) {
        QTRY_VERIFY_WITH_TIMEOUT(peer.has(tid, TunnelPeer::Device), 10000);
        QCOMPARE(peer.side(tid, TunnelPeer::Device).appKey, "device-key");
    }
    QTRY_VERIFY_WITH_TIMEOUT(ends.device.log().contains("tunnel T-3 open\n"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted(), 3, 10000);

    // The k-th local connection is tunnel T-k.
    std::vector<std::unique_ptr<TunnelConnection>> connections;
    for (int k = 1; k <= 3; ++k) {
        connections.push_back(std::make_unique<TunnelConnection>(ends.port));
        const QString tid = u"T-"_s + QString::number(k);
        QTRY_VERIFY_WITH_TIMEOUT(peer.has(tid, TunnelPeer::Client), 10000);
        QCOMPARE(peer.side(tid, TunnelPeer::Client).appKey, "client-key");
        QCOMPARE(peer.side(tid, TunnelPeer::Client).authorization, "Bearer client-token");
    }

    const QByteArray bulk = randomBytes(4 * 1024 * 1024 + 1234);
    connections[0]->socket.write(bulk);
    connections[1]->socket.write("hello two");
    connections[2]->socket.write("hello three");
    QTRY_COMPARE_WITH_TIMEOUT(connections[1]->received, "hello two", 10000);
    peer.side(u"T-2"_s, TunnelPeer::Client).socket->sendTextMessage(u" and text"_s);
    QTRY_COMPARE_WITH_TIMEOUT(connections[1]->received, "hello two and text", 10000);
    QTRY_COMPARE_WITH_TIMEOUT(connections[2]->received, "hello three", 10000);
    QTRY_COMPARE_WITH_TIMEOUT(connections[0]->received.size(), bulk.size(), 60000);
    QCOMPARE(sha256(connections[0]->received), sha256(bulk));
    // Chunked on the way: no message longer than 64 KiB.
    QCOMPARE(peer.side(u"T-1"_s, TunnelPeer::Client).received, bulk.size());
    QCOMPARE_LE(peer.side(u"T-1"_s, TunnelPeer::Client).largest, 64 * 1024);
    QCOMPARE_LE(peer.side(u"T-1"_s, TunnelPeer::Device).largest, 64 * 1024);

    // The local client closes: close 1000 on both WebSockets, the echo connection closes.
    connections[1]->socket.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(peer.side(u"T-2"_s, TunnelPeer::Client).closeCode, 1000, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(echo.closed(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ends.device.log().contains("tunnel T-2 closed 1000\n"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ends.client.log().contains("tunnel T-2 closed 1000\n"), 10000);

    // The relay closes a tunnel 1011: both local connections close.
    peer.close(u"T-3"_s, QWebSocketProtocol::CloseCodeBadOperation); // 1011
    QTRY_COMPARE_WITH_TIMEOUT(connections[2]->socket.state(), QAbstractSocket::UnconnectedState,
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(echo.closed(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ends.device.log().contains("tunnel T-3 closed 1011\n"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ends.client.log().contains("tunnel T-3 closed 1011\n"), 10000);
    QVERIFY(ends.device.isRunning()); // T-1 is still open

    // The last tunnel closes: the device end exits, all tunnels having opened.
    connections[0]->socket.disconnectFromHost();
    QVERIFY(ends.device.waitForExit(15000));
    QCOMPARE(ends.device.exitCode(), 0);
    QVERIFY(ends.device.log().contains("tunnel T-1 closed 1000\n"));
    QCOMPARE(echo.closed(), 3);
    QCOMPARE(ends.client.stop(), 0); // SIGTERM
}

void tst_EdgeSim::tunnelBackpressure()
{
    // A local end that stops reading backs the tunnel up; the cxedgesim next to it stops
    // reading its WebSocket at ~1 MiB unsent and so holds little. (The test's relay reads
    // everything: only the end next to the stalled reader is bounded here.)
    TunnelFixture ends;
    QVERIFY(ends.start(1));
    TunnelPeer &peer = ends.peer;
    EchoServer &echo = ends.echo;
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted(), 1, 10000);
    TunnelConnection connection(ends.port);
    QTRY_VERIFY_WITH_TIMEOUT(peer.has(u"T-1"_s, TunnelPeer::Client), 10000);
    const qint64 clientBefore = test::residentKib(ends.client.pid());
    const qint64 deviceBefore = test::residentKib(ends.device.pid());
    // Buffering all of the 64 MB pushed through would hold at least that much; a bounded
    // end holds some megabytes. Under AddressSanitizer each chunk is rounded up to a size
    // class with red zones (up to twice the bytes held) and freed chunks fill its
    // quarantine: a larger bound, still below what unbounded buffering would hold.
    const qint64 QuarantineKib = test::asanQuarantineKib();
    const qint64 BoundKib = QuarantineKib > 0 ? 2 * 16 * 1024 + QuarantineKib : 16 * 1024;
    QCOMPARE_LT(BoundKib, 64 * 1024);

    // Toward the device: the echo service does not read.
    echo.setPaused(true);
    const QByteArray bulk = randomBytes(64 * 1024 * 1024);
    connection.socket.write(bulk);
    QTRY_COMPARE_WITH_TIMEOUT(peer.side(u"T-1"_s, TunnelPeer::Client).received, bulk.size(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.settled(u"T-1"_s, TunnelPeer::Device, bulk.size()), 60000);
    const qint64 deviceGrowthKib = test::residentKib(ends.device.pid()) - deviceBefore;
    QVERIFY2(deviceGrowthKib < BoundKib, QByteArray::number(deviceGrowthKib).constData());
    QCOMPARE_LT(connection.received.size(), bulk.size());

    // Toward the client: the local client does not read, the echo comes back.
    connection.setPaused(true);
    echo.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(peer.side(u"T-1"_s, TunnelPeer::Device).received, bulk.size(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.settled(u"T-1"_s, TunnelPeer::Client, bulk.size()), 60000);
    const qint64 clientGrowthKib = test::residentKib(ends.client.pid()) - clientBefore;
    qInfo("RSS growth with 64 MB held back: device end %lld KiB, client end %lld KiB (bound %lld "
          "KiB)",
          deviceGrowthKib, clientGrowthKib, BoundKib);
    QVERIFY2(clientGrowthKib < BoundKib, QByteArray::number(clientGrowthKib).constData());

    connection.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(connection.received.size(), bulk.size(), 60000);
    QCOMPARE(sha256(connection.received), sha256(bulk));
    connection.socket.disconnectFromHost();
    QVERIFY(ends.device.waitForExit(15000));
    QCOMPARE(ends.device.exitCode(), 0);
    QCOMPARE(ends.client.stop(), 0);
}

void tst_EdgeSim::tunnelDeviceCannotConnect()
{
    // Nothing listens on the local service's port: the tunnel closes 1011, exit status 0
    // (the tunnel did open); a relay that refuses the upgrade: exit status 2.
    TunnelPeer peer;
    QVERIFY(peer.listen());
    test::ManagedProcess device(u"cxedgesim-tunnel-device"_s);
    QVERIFY(device.start(test::binaryPath(u"cxedgesim"_s),
                         {u"--tunnel-device"_s, u"D"_s, u"--url"_s, peer.url(), u"--connect"_s,
                          u"127.0.0.1:"_s + QString::number(test::freePort())}));
    QVERIFY(device.waitForLine(QRegularExpression(u"^tunnel D open$"_s)).hasMatch());
    QVERIFY(device.waitForLine(QRegularExpression(u"^tunnel D closed 1011$"_s)).hasMatch());
    QTRY_COMPARE_WITH_TIMEOUT(peer.side(u"D"_s, TunnelPeer::Device).closeCode, 1011, 10000);
    QVERIFY(device.waitForExit(15000));
    QCOMPARE(device.exitCode(), 0);

    const test::CommandResult refused
        = runEdgesim({u"--tunnel-device"_s, u"D"_s, u"--url"_s,
                      u"ws://127.0.0.1:"_s + QString::number(test::freePort()), u"--connect"_s,
                      u"127.0.0.1:1"_s});
    QVERIFY2(refused.exitCode == 2, refused.describe().constData());
    QVERIFY(refused.out.contains("tunnel D closed 1006\n"));
}

void tst_EdgeSim::tunnelWss()
{
    const TestCertificate pem;
    if (pem.openssl.isEmpty())
        QSKIP("openssl is not installed: no certificate for this test");
    QVERIFY(pem.dir.isValid());
    const test::CommandResult made = pem.make();
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    const QString &certificate = pem.certificate;
    QFile keyFile(pem.key);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(certificate).value(0));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);

    TunnelFixture ends(tls);
    QVERIFY(ends.start(1, {u"--ca"_s, certificate}));
    QVERIFY(ends.peer.url().startsWith(u"wss://"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ends.echo.accepted(), 1, 10000);
    TunnelConnection connection(ends.port);
    const QByteArray bulk = randomBytes(1024 * 1024);
    connection.socket.write(bulk);
    QTRY_COMPARE_WITH_TIMEOUT(connection.received.size(), bulk.size(), 30000);
    QCOMPARE(sha256(connection.received), sha256(bulk));

    // The system CAs do not know this certificate: the upgrade never happens. (A process
    // of its own, run with the event loop going: the relay lives in this process.)
    test::ManagedProcess untrusted(u"cxedgesim-tunnel-device"_s);
    QVERIFY(untrusted.start(test::binaryPath(u"cxedgesim"_s),
                            {u"--tunnel-device"_s, u"U"_s, u"--url"_s, ends.peer.url(),
                             u"--connect"_s, ends.echo.address()}));
    QVERIFY(untrusted.waitForExit(15000));
    QCOMPARE(untrusted.exitCode(), 2);
    QVERIFY(untrusted.log().contains("tunnel U closed 1006\n"));
    // --insecure goes on regardless.
    test::ManagedProcess insecure(u"cxedgesim-tunnel-device"_s);
    QVERIFY(insecure.start(test::binaryPath(u"cxedgesim"_s),
                           {u"--tunnel-device"_s, u"I"_s, u"--url"_s, ends.peer.url(),
                            u"--connect"_s, ends.echo.address(), u"--insecure"_s}));
    QVERIFY(insecure.waitForLine(QRegularExpression(u"^tunnel I open$"_s)).hasMatch());
    // SIGTERM closes the open tunnel 1001 (the event loop runs meanwhile: the relay answers).
    QCOMPARE(::kill(pid_t(insecure.pid()), SIGTERM), 0);
    QVERIFY(insecure.waitForExit(15000));
    QCOMPARE(insecure.exitCode(), 0);
    QVERIFY(insecure.log().contains("tunnel I closed 1001\n"));
}

QTEST_GUILESS_MAIN(tst_EdgeSim)
#include "tst_edgesim.moc"

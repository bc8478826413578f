// Operations (issue "Operations"; config.md §5, §6; cli.md cxctl) through the real cxserver,
// real platform simulators and the real cxctl: the status socket and each of its ops,
// cxctl's output, /metrics after known traffic, live reload, drain and log levels.

#include "alwayson/header.h"
#include "command.h"
#include "cxserverprocess.h"
#include "freeport.h"
#include "platformsimprocess.h"
#include "staticcluster.h"
#include "status/statussnapshot.h"
#include "testedge.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <functional>
#include <memory>
#include <vector>

using namespace cx;
using namespace Qt::StringLiterals;
using alwayson::Code;
using test::CxServerProcess;
using test::TestEdge;

namespace {

/// Distinctive so that a leak into any reply or log line is found.
const QByteArray AppKey = "ops-SECRET-app-key-4711";
constexpr quint32 EdgeId = 7;

using test::Sims;

quint8 codeOf(const std::optional<QByteArray> &message)
{
    return message ? alwayson::parseHeader(*message).header.code : 0;
}

/// A JSON Lines conversation with the status socket, for tests: each call waits for one
/// reply line (bounded).
class StatusConnection
{
public:
    bool open(const QString &name)
    {
        m_socket.connectToServer(name);
        return m_socket.waitForConnected(5000);
    }
    void sendLine(const QByteArray &line) { m_socket.write(line + '\n'); }
    QJsonObject nextReply(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_socket.canReadLine() && timer.elapsed() < timeoutMs)
            m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
        if (!m_socket.canReadLine())
            return {};
        m_lastLine = m_socket.readLine();
        return QJsonDocument::fromJson(m_lastLine).object();
    }
    QJsonObject ask(const QByteArray &line)
    {
        sendLine(line);
        return nextReply();
    }
    const QByteArray &lastLine() const { return m_lastLine; }
    /// Asks for the status until \a done holds for it or \a timeoutMs pass (the workers
    /// publish their figures every 50 ms); the last snapshot read.
    Result<status::StatusSnapshot>
    statusWhen(const std::function<bool(const status::StatusSnapshot &)> &done,
               int timeoutMs = 5000)
    {
        Result<status::StatusSnapshot> snapshot = status::StatusSnapshot::fromJson({});
        [[maybe_unused]] const bool reached = QTest::qWaitFor(
            [&] {
                snapshot = status::StatusSnapshot::fromJson(ask(R"({"op":"status"})"));
                return snapshot.ok() && done(snapshot.value());
            },
            timeoutMs);
        return snapshot;
    }

private:
    QLocalSocket m_socket;
    QByteArray m_lastLine;
};

/// The value of one Prometheus sample, e.g. `cxserver_messages_total{direction="from_edge"}`;
/// -1 when absent.
double metric(const QByteArray &text, const QByteArray &sample)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(sample + ' ')))
            return line.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class tst_Operations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusReportsInstancesEdgesAndPlugins();
    void subscribeRepeatsAtTheInterval();
    void badRequestsKeepTheConnectionUsable();
    void socketIsOwnerAndGroupOnly();
    void cxctlStatusTableAndJson();
    void cxctlWatchRefreshes();
    void cxctlWithoutServiceExits2();
    void metricsCountKnownTraffic();
    void metricsCountTimeouts();
    void metricsCountLateResponses();
    void unreachablePlatformIsSaidOnceWithItsReason();
    void reloadWatermarkAndRoutingKeepsEdges();
    void reloadOfRoutingChangesAllWorkersOrNone();
    void reloadAddsAPlatform();
    void reloadReportsRestartNeeded();
    void badReloadIsRejectedWhole();
    void sighupReloads();
    void drainFailsWhatOutlastsTheDrainTimeout();
    void healthGraceServesEdgesBeforeTheDrain();
    void logLevelsFromConfigAndReload();
    void journaldLinesCarryPriorityAndCategory();

private:
    Sims startSims(int count, const QStringList &arguments = {});
    std::unique_ptr<CxServerProcess> startServer(const Sims &sims, const QString &settings = {});
    /// Appends `cx-server.KEY = VALUE` lines to the server's config (later keys win in HOCON).
    bool appendConfig(CxServerProcess &server, const QByteArray &lines);
    test::CommandResult cxctl(const CxServerProcess &server, const QStringList &args);
};

Sims tst_Operations::startSims(int count, const QStringList &arguments)
{
    return test::startSims(count, AppKey, arguments);
}

std::unique_ptr<CxServerProcess> tst_Operations::startServer(const Sims &sims,
                                                             const QString &settings)
{
    return test::startStaticServer(sims, AppKey, settings);
}

bool tst_Operations::appendConfig(CxServerProcess &server, const QByteArray &lines)
{
    QFile file(server.configPath());
    return file.open(QIODevice::Append) && file.write(lines) == lines.size();
}

test::CommandResult tst_Operations::cxctl(const CxServerProcess &server, const QStringList &args)
{
    return test::runCommand(test::binaryPath(QStringLiteral("cxctl")),
                            QStringList {QStringLiteral("--socket"), server.statusSocket()} + args);
}

void tst_Operations::statusReportsInstancesEdgesAndPlugins()
{
    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    auto server = startServer(sims, QStringLiteral("  worker-threads = 2\n"));
    QVERIFY(server);
    TestEdge authenticated, anonymous;
    QVERIFY(authenticated.open(server->edgeUrl()));
    QCOMPARE(authenticated.authenticate(AppKey, EdgeId), int(Code::Success));
    QVERIFY(anonymous.open(server->edgeUrl()));
    for (quint32 id = 10; id < 20; ++id)
        authenticated.request(quint8(Code::Get), id, EdgeId);
    for (quint32 id = 10; id < 20; ++id)
        QCOMPARE(codeOf(authenticated.waitForResponse(id)), quint8(Code::Success));

    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    // Workers publish their figures on their tick: a snapshot may count the ten requests
    // routed and not yet answered (5 in flight to each instance). Wait for the one that
    // has seen the answers the edge already has.
    const auto settled = [](const status::StatusSnapshot &s) {
        quint64 routed = 0;
        int inFlight = 0;
        for (const status::InstanceStatus &instance : s.instances) {
            routed += instance.routed;
            inFlight += instance.inFlight;
        }
        return routed == 11 && inFlight == 0;
    };
    const auto snapshot = status.statusWhen(settled);
    QVERIFY2(snapshot.ok(), status.lastLine().constData());
    const status::StatusSnapshot &s = snapshot.value();
    QCOMPARE(s.version, QStringLiteral("0.1.0"));
    QVERIFY(s.uptimeSeconds >= 0);
    QCOMPARE(s.discoveryPlugin, QStringLiteral("static"));
    QCOMPARE(s.discoveryState, QStringLiteral("static"));
    QCOMPARE(s.routingPlugin, QStringLiteral("round-robin"));
    QCOMPARE(s.edgesConnected, 2);
    QCOMPARE(s.edgesAuthenticated, 1);
    QCOMPARE(s.instances.size(), 2);
    quint64 routed = 0;
    for (qsizetype i = 0; i < s.instances.size(); ++i) {
        const status::InstanceStatus &instance = s.instances.at(i);
        QCOMPARE(instance.id, sims[size_t(i)]->url()); // a static entry's id is its URL
        QCOMPARE(instance.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(instance.port, int(sims[size_t(i)]->port()));
        QCOMPARE(instance.tls, false);
        QCOMPARE(instance.state, QStringLiteral("connected"));
        QVERIFY(instance.writable);
        QCOMPARE(instance.pipeCount, 5); // pipe-count 5 shared by the two workers
        QCOMPARE(instance.pipesConnected, 5);
        QCOMPARE(instance.inFlight, 0);
        QCOMPARE(instance.errors, quint64(0));
        routed += instance.routed;
    }
    QCOMPARE(routed, quint64(11)); // AUTH and the ten requests

    // An instance that goes away is reported "down" once its pipes' attempts fail.
    sims[1]->kill();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto later = status::StatusSnapshot::fromJson(status.ask(R"({"op":"status"})"));
            return later && later->instances.at(1).state == u"down"
                && later->instances.at(1).pipesConnected == 0 && !later->instances.at(1).writable;
        }(),
        10000);
    QVERIFY(!status.lastLine().contains(AppKey));
}

void tst_Operations::subscribeRepeatsAtTheInterval()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    QVERIFY(status.ask(R"({"op":"subscribe","intervalMs":10})").contains(u"error"_s));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(status::StatusSnapshot::fromJson(status.ask(R"({"op":"subscribe","intervalMs":200})")));
    for (int i = 0; i < 4; ++i)
        QVERIFY2(status::StatusSnapshot::fromJson(status.nextReply(3000)),
                 status.lastLine().constData());
    QVERIFY(timer.elapsed() >= 4 * 200 - 50);
    QVERIFY(timer.elapsed() < 4000);
    // A second subscription on the same connection is refused; the first one goes on.
    status.sendLine(R"({"op":"subscribe","intervalMs":200})");
    // Snapshots of the first subscription may be queued ahead of the refusal on a slow
    // machine (ASan): read past them (each arrives within one interval).
    bool refused = false;
    for (int i = 0; i < 30 && !refused; ++i)
        refused = status.nextReply().contains(u"error"_s);
    QVERIFY(refused);
    QVERIFY(status::StatusSnapshot::fromJson(status.nextReply(3000)));
}

void tst_Operations::badRequestsKeepTheConnectionUsable()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    const QList<QByteArray> bad {"not json", "[1,2]", "{}", R"({"op":"shutdown"})", R"({"op":5})"};
    for (const QByteArray &line : bad) {
        const QJsonObject reply = status.ask(line);
        QVERIFY2(reply.value(u"error"_s).isString()
                     && !reply.value(u"error"_s).toString().isEmpty(),
                 line.constData());
    }
    QVERIFY(status.ask(R"({"op":"status"})").contains(u"instances"_s));
    QVERIFY(server->isRunning());
}

void tst_Operations::socketIsOwnerAndGroupOnly()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    const QFileInfo socket(server->statusSocket());
    QVERIFY(socket.exists());
    QCOMPARE(socket.permissions()
                 & (QFile::ReadOther | QFile::WriteOther | QFile::ExeOther | QFile::ExeOwner
                    | QFile::ExeGroup),
             QFile::Permissions());
    QVERIFY(socket.permissions().testFlags(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                           | QFile::WriteGroup));
}

void tst_Operations::cxctlStatusTableAndJson()
{
    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    StatusConnection status; // cxctl shows what the worker published last (every 50 ms)
    QVERIFY(status.open(server->statusSocket()));
    QVERIFY(status.statusWhen(
        [](const status::StatusSnapshot &s) { return s.edgesAuthenticated == 1; }));

    const test::CommandResult table = cxctl(*server, {QStringLiteral("status")});
    QVERIFY2(table.exitCode == 0, table.describe().constData());
    const QString text = QString::fromUtf8(table.out);
    QVERIFY2(text.contains(u"discovery static: static"), table.out.constData());
    QVERIFY(text.contains(u"routing round-robin"));
    QVERIFY(text.contains(u"edges: 1 connected, 1 authenticated"));
    const QStringList header {u"INSTANCE"_s, u"ADDRESS"_s,   u"STATE"_s,  u"WRITABLE"_s, u"PIPES"_s,
                              u"PENDING"_s,  u"IN-FLIGHT"_s, u"ROUTED"_s, u"ERRORS"_s};
    for (const QString &column : header)
        QVERIFY2(text.contains(column), qPrintable(column));
    for (const auto &sim : sims) {
        // One row per instance: id, address, state, writable, pipes 5/5, pending 0 B.
        const QRegularExpression row(
            QRegularExpression::escape(sim->url())
            + u"\\s+ws://127\\.0\\.0\\.1:%1\\s+connected\\s+yes\\s+5/5\\s+0 B\\s+0\\s+\\d+\\s+0"_s
                  .arg(sim->port()));
        QVERIFY2(row.match(text).hasMatch(), table.out.constData());
    }
    QVERIFY(!table.out.contains(AppKey));

    const test::CommandResult json
        = cxctl(*server, {QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.describe().constData());
    const auto parsed
        = status::StatusSnapshot::fromJson(QJsonDocument::fromJson(json.out).object());
    QVERIFY2(parsed.ok(), json.out.constData());
    QCOMPARE(parsed->instances.size(), 2);
    QCOMPARE(parsed->edgesAuthenticated, 1);

    const test::CommandResult usage = cxctl(*server, {QStringLiteral("frobnicate")});
    QCOMPARE(usage.exitCode, 1);
    QVERIFY(usage.err.contains("unknown command"));
}

void tst_Operations::cxctlWatchRefreshes()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    test::ManagedProcess watch(QStringLiteral("cxctl-watch"));
    QVERIFY(watch.start(test::binaryPath(QStringLiteral("cxctl")),
                        {QStringLiteral("--socket"), server->statusSocket(),
                         QStringLiteral("--interval-ms"), QStringLiteral("200"),
                         QStringLiteral("watch")}));
    QTRY_VERIFY_WITH_TIMEOUT(watch.log().count("every 200 ms") >= 3, 5000);
    QVERIFY(watch.log().contains(sims[0]->url().toUtf8()));
    // It outlives the service: it says so and reconnects when the service is back.
    server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(watch.log().contains("retrying"), 5000);
    QVERIFY(watch.isRunning());
    QCOMPARE(watch.stop(), 0);
}

void tst_Operations::cxctlWithoutServiceExits2()
{
    const QString missing = QDir::temp().filePath(
        QStringLiteral("cx-no-such-socket-%1").arg(QCoreApplication::applicationPid()));
    for (const char *command : {"status", "reload"}) {
        const test::CommandResult result
            = test::runCommand(test::binaryPath(QStringLiteral("cxctl")),
                               {QStringLiteral("--socket"), missing, QString::fromLatin1(command)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("not running"), result.err.constData());
    }
}

void tst_Operations::metricsCountKnownTraffic()
{
    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    for (quint32 id = 100; id < 120; ++id)
        edge.request(quint8(Code::Get), id, EdgeId);
    for (quint32 id = 100; id < 120; ++id)
        QCOMPARE(codeOf(edge.waitForResponse(id)), quint8(Code::Success));
    // One worker publishes all its counters together: once to_edge shows all 21, so do the rest.
    const QByteArray text = server->metricsWhen([](const QByteArray &text) {
        return metric(text, R"(cxserver_messages_total{direction="to_edge"})") == 21.0;
    });

    QCOMPARE(metric(text, R"(cxserver_messages_total{direction="from_edge"})"), 21.0);
    QCOMPARE(metric(text, R"(cxserver_messages_total{direction="to_edge"})"), 21.0);
    QCOMPARE(metric(text, R"(cxserver_messages_total{direction="to_platform"})"), 21.0);
    QCOMPARE(metric(text, R"(cxserver_messages_total{direction="from_platform"})"), 21.0);
    QCOMPARE(metric(text, R"(cxserver_edge_connections{state="connected"})"), 1.0);
    QCOMPARE(metric(text, R"(cxserver_edge_connections{state="authenticated"})"), 1.0);
    double routed = 0;
    for (const auto &sim : sims) {
        const QByteArray labels = "{instance=\"" + sim->url().toUtf8()
            + "\",address=\"127.0.0.1\",port=\"" + QByteArray::number(sim->port()) + "\"}";
        const double perInstance = metric(text, "cxserver_instance_routed_total" + labels);
        QVERIFY2(perInstance >= 10, text.constData()); // round robin: 10 or 11 each
        routed += perInstance;
        QCOMPARE(metric(text, "cxserver_instance_pending_bytes" + labels), 0.0);
        QCOMPARE(metric(text, "cxserver_instance_errors_total" + labels), 0.0);
    }
    QCOMPARE(routed, 21.0);
    QCOMPARE(metric(text, "cxserver_request_duration_seconds_count"), 21.0);
    QCOMPARE(metric(text, R"(cxserver_request_duration_seconds_bucket{le="+Inf"})"), 21.0);
    QVERIFY(metric(text, "cxserver_request_duration_seconds_sum") > 0);
    QCOMPARE(metric(text, "cxserver_request_timeouts_total"), 0.0);
    QCOMPARE(metric(text, "cxserver_discovery_events_total"), 1.0);
    // Buckets are cumulative and every family is announced once with HELP and TYPE.
    double previous = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("cxserver_request_duration_seconds_bucket"))
            continue;
        const double value = line.mid(line.lastIndexOf(' ') + 1).toDouble();
        QVERIFY(value >= previous);
        previous = value;
    }
    QCOMPARE(text.count("# TYPE cxserver_messages_total counter\n"), 1);
    QCOMPARE(text.count("# TYPE cxserver_request_duration_seconds histogram\n"), 1);
    QCOMPARE(text.count("# HELP "), text.count("# TYPE "));
    QVERIFY(!text.contains(AppKey));
}

void tst_Operations::metricsCountTimeouts()
{
    Sims sims = startSims(1, {QStringLiteral("--drop-rate"), QStringLiteral("1")});
    QVERIFY(!sims.empty());
    auto server = startServer(
        sims, QStringLiteral("  transport.websockets.request.default_timeout-ms = 300\n"));
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success)); // AUTH is never dropped
    edge.request(quint8(Code::Get), 2, EdgeId);
    edge.request(quint8(Code::Get), 3, EdgeId);
    QCOMPARE(codeOf(edge.waitForResponse(2)), quint8(Code::GatewayTimeout));
    QCOMPARE(codeOf(edge.waitForResponse(3)), quint8(Code::GatewayTimeout));
    const QByteArray text = server->metricsWhen([](const QByteArray &text) {
        return metric(text, "cxserver_request_timeouts_total") == 2.0;
    });
    QCOMPARE(metric(text, "cxserver_request_timeouts_total"), 2.0);
    QCOMPARE(metric(text, R"(cxserver_error_responses_total{code="0xA4",to="edge"})"), 2.0);
    const QByteArray labels = "{instance=\"" + sims[0]->url().toUtf8()
        + "\",address=\"127.0.0.1\",port=\"" + QByteArray::number(sims[0]->port()) + "\"}";
    QCOMPARE(metric(text, "cxserver_instance_errors_total" + labels), 2.0);
    QCOMPARE(metric(text, "cxserver_request_duration_seconds_count"), 1.0); // the AUTH only
}

void tst_Operations::metricsCountLateResponses()
{
    // The simulator answers after 800 ms, requests time out at 300 ms: the response arrives
    // after cxserver answered 0xA4 and is dropped as late (config.md §6).
    Sims sims = startSims(1, {QStringLiteral("--delay-ms"), QStringLiteral("800")});
    QVERIFY(!sims.empty());
    auto server = startServer(
        sims, QStringLiteral("  transport.websockets.request.default_timeout-ms = 300\n"));
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId, 1, 5000), int(Code::Success));
    edge.request(quint8(Code::Get), 2, EdgeId);
    QCOMPARE(codeOf(edge.waitForResponse(2)), quint8(Code::GatewayTimeout));
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT(
        server->httpGet(QStringLiteral("/metrics"), &text) == 200
            && metric(text, R"(cxserver_responses_dropped_total{from="platform",reason="late"})")
                == 1.0,
        5000);
    QCOMPARE(metric(text, R"(cxserver_responses_dropped_total{from="platform",reason="unknown"})"),
             0.0);
    QCOMPARE(metric(text,
                    R"(cxserver_responses_dropped_total{from="platform",reason="wrong_instance"})"),
             0.0);
    QCOMPARE(metric(text, R"(cxserver_responses_dropped_total{from="edge",reason="unknown"})"),
             0.0);
}

void tst_Operations::unreachablePlatformIsSaidOnceWithItsReason()
{
    // An instance nobody listens for: a warning with the reason once, however many retries,
    // the reason in the status reply and cxctl, and the recovery said once when it comes.
    const quint16 port = test::freePort();
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                         "  transport.websockets.platforms = "
                                         "[\"ws://127.0.0.1:%2/Thingworx/WS\"]\n")
                              .arg(QString::fromUtf8(AppKey))
                              .arg(port)));
    const QRegularExpression unreachable(
        QStringLiteral("cannot reach instance .*127.0.0.1:%1.*Connection refused; retrying")
            .arg(port));
    QVERIFY(server->waitForLine(unreachable, 5000).hasMatch());
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    // The pipes retry with backoff (100 ms doubling): wait for a few more failures.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto s = status::StatusSnapshot::fromJson(status.ask(R"({"op":"status"})"));
            return s.ok() && s.value().instances.size() == 1
                && s.value().instances.first().state == u"down"_s
                && s.value().instances.first().lastError.contains(u"Connection refused"_s);
        }(),
        5000);
    const test::CommandResult table = cxctl(*server, {QStringLiteral("status")});
    QVERIFY2(table.out.contains("last error of ") && table.out.contains("Connection refused"),
             table.out.constData());
    QCOMPARE(QString::fromUtf8(server->log()).count(unreachable), 1);

    test::PlatformSimProcess sim(QStringLiteral("late-sim"));
    QVERIFY(sim.start(AppKey, {}, port));
    QVERIFY(
        server->waitForLine(QRegularExpression(QStringLiteral("reached instance .* again")), 15000)
            .hasMatch());
    QVERIFY(server->waitForInstances(1));
    QCOMPARE(QString::fromUtf8(server->log()).count(unreachable), 1);
}

void tst_Operations::reloadWatermarkAndRoutingKeepsEdges()
{
    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    auto server = startServer(sims);
    QVERIFY(server);
    std::vector<std::unique_ptr<TestEdge>> edges;
    for (quint32 i = 0; i < 3; ++i) {
        edges.push_back(std::make_unique<TestEdge>());
        QVERIFY(edges.back()->open(server->edgeUrl()));
        QCOMPARE(edges.back()->authenticate(AppKey, EdgeId + i), int(Code::Success));
    }
    QVERIFY(appendConfig(*server,
                         "cx-server.transport.websockets.connections.highWaterMark = 16k\n"
                         "cx-server.transport.websockets.connections.lowWaterMark = 8k\n"
                         "cx-server.routing.plugin = \"least-pending\"\n"));
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    const QJsonObject reply = status.ask(R"({"op":"reload"})");
    QVERIFY2(reply.value(u"ok"_s).toBool(), status.lastLine().constData());
    const QJsonArray applied = reply.value(u"applied"_s).toArray();
    QVERIFY(applied.contains(u"cx-server.transport.websockets.connections.highWaterMark"_s));
    QVERIFY(applied.contains(u"cx-server.transport.websockets.connections.lowWaterMark"_s));
    QVERIFY(applied.contains(u"cx-server.routing.plugin"_s));
    QVERIFY(reply.value(u"restartNeeded"_s).toArray().isEmpty());

    const auto after = status.statusWhen(
        [](const status::StatusSnapshot &s) { return s.edgesAuthenticated == 3; });
    QVERIFY(after);
    QCOMPARE(after->routingPlugin, QStringLiteral("least-pending"));
    QCOMPARE(after->edgesAuthenticated, 3);
    // Every edge stayed connected and is still served, through the new plugin.
    for (quint32 i = 0; i < 3; ++i) {
        QCOMPARE(edges[i]->socket().state(), QAbstractSocket::ConnectedState);
        edges[i]->request(quint8(Code::Get), 50, EdgeId + i);
        QCOMPARE(codeOf(edges[i]->waitForResponse(50)), quint8(Code::Success));
    }
    QVERIFY(server->log().contains("reload applied:"));
}

void tst_Operations::reloadOfRoutingChangesAllWorkersOrNone()
{
    // A plugin folder with the static discovery, round robin, and a routing plugin that
    // makes a backend for worker 0 only: a reload to it must change no worker at all.
    QTemporaryDir plugins;
    QVERIFY(plugins.isValid());
    QVERIFY(QDir(plugins.path()).mkpath(u"discovery"_s));
    QVERIFY(QDir(plugins.path()).mkpath(u"routing"_s));
    const auto link = [&](const char *file, const QString &kind) {
        return QFile::link(
            QString::fromUtf8(file),
            plugins.filePath(kind + u'/' + QFileInfo(QString::fromUtf8(file)).fileName()));
    };
    QVERIFY(link(CX_PLUGIN_STATIC_DISCOVERY, u"discovery"_s));
    QVERIFY(link(CX_PLUGIN_ROUND_ROBIN, u"routing"_s));
    QVERIFY(link(CX_PLUGIN_WORKER_ZERO_ONLY, u"routing"_s));

    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    auto server = startServer(
        sims, u"  worker-threads = 2\n  plugin-path = \"%1\"\n"_s.arg(plugins.path()));
    QVERIFY(server);
    std::vector<std::unique_ptr<TestEdge>> edges;
    for (quint32 i = 0; i < 4; ++i) {
        edges.push_back(std::make_unique<TestEdge>());
        QVERIFY(edges.back()->open(server->edgeUrl()));
        QCOMPARE(edges.back()->authenticate(AppKey, EdgeId + i), int(Code::Success));
    }
    QVERIFY(appendConfig(*server, "cx-server.routing.plugin = \"worker-zero-only\"\n"));
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    const QJsonObject reply = status.ask(R"({"op":"reload"})");
    QCOMPARE(reply.value(u"ok"_s).toBool(true), false);
    const QString error = reply.value(u"errors"_s).toArray().at(0).toString();
    QVERIFY2(error.contains(u"worker 1: made for worker 0 only"_s), qPrintable(error));
    const auto after = status::StatusSnapshot::fromJson(status.ask(R"({"op":"status"})"));
    QVERIFY(after);
    QCOMPARE(after->routingPlugin, QStringLiteral("round-robin"));

    // Every worker still routes round robin: two requests in a row from any edge reach
    // both instances (the refused plugin would send both to the first).
    const auto messages = [&](int sim) {
        return sims[size_t(sim)]->stats().value(u"messages"_s).toInt();
    };
    quint32 requestId = 100;
    for (quint32 i = 0; i < edges.size(); ++i) {
        const int before0 = messages(0);
        const int before1 = messages(1);
        for (int n = 0; n < 2; ++n) {
            edges[i]->request(quint8(Code::Get), ++requestId, EdgeId + i);
            QCOMPARE(codeOf(edges[i]->waitForResponse(requestId)), quint8(Code::Success));
        }
        QCOMPARE(messages(0) - before0, 1);
        QCOMPARE(messages(1) - before1, 1);
    }
}

void tst_Operations::reloadAddsAPlatform()
{
    Sims sims = startSims(2);
    QVERIFY(sims.size() == 2);
    Sims first;
    first.push_back(std::move(sims[0]));
    auto server = startServer(first);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    QVERIFY(appendConfig(*server,
                         "cx-server.transport.websockets.platforms = [\"" + first[0]->url().toUtf8()
                             + "\", \"" + sims[1]->url().toUtf8() + "\"]\n"));
    const test::CommandResult reload = cxctl(*server, {QStringLiteral("reload")});
    QVERIFY2(reload.exitCode == 0, reload.describe().constData());
    QVERIFY2(reload.out.contains("cx-server.transport.websockets.platforms"),
             reload.out.constData());
    QVERIFY(server->waitForInstances(2));
    for (quint32 id = 60; id < 70; ++id)
        edge.request(quint8(Code::Get), id, EdgeId);
    for (quint32 id = 60; id < 70; ++id)
        QCOMPARE(codeOf(edge.waitForResponse(id)), quint8(Code::Success));
    QVERIFY(sims[1]->stats().value(u"requests"_s).toInt() >= 4); // the new instance gets its share
    QCOMPARE(edge.socket().state(), QAbstractSocket::ConnectedState);
}

void tst_Operations::reloadReportsRestartNeeded()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    const quint16 port = server->edgePort();
    QVERIFY(appendConfig(*server,
                         "cx-server.protocol.port = 1\ncx-server.worker-threads = 2\n"
                         "cx-server.shutdown.drain-timeout = 4s\n"));
    for (int round = 0; round < 2; ++round) { // still reported on a later reload
        const test::CommandResult reload = cxctl(*server, {QStringLiteral("reload")});
        QVERIFY2(reload.exitCode == 0, reload.describe().constData());
        QVERIFY2(reload.out.contains(
                     "restart needed for: cx-server.protocol.port, cx-server.worker-threads"),
                 reload.out.constData());
    }
    TestEdge edge; // the running listener stays
    QVERIFY(edge.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(port))));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
}

void tst_Operations::badReloadIsRejectedWhole()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    // One good change and two bad values: nothing of it is applied.
    QVERIFY(appendConfig(*server,
                         "cx-server.routing.plugin = \"least-pending\"\n"
                         "cx-server.max-msg-size-bytes = \"lots\"\n"
                         "cx-server.protocol.port = 70000\n"));
    StatusConnection status;
    QVERIFY(status.open(server->statusSocket()));
    const QJsonObject reply = status.ask(R"({"op":"reload"})");
    QCOMPARE(reply.value(u"ok"_s).toBool(true), false);
    const QJsonArray errors = reply.value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 2);
    const QString config = QFileInfo(server->configPath()).filePath();
    for (const QJsonValue &error : errors)
        QVERIFY2(error.toString().startsWith(config + u':'),
                 status.lastLine().constData()); // FILE:LINE:COL
    QVERIFY(status.ask(R"({"op":"status"})").value(u"routing"_s).toObject().value(u"plugin"_s)
            == u"round-robin"_s);
    // A plugin that cannot be loaded is an error too.
    QVERIFY(appendConfig(*server,
                         "cx-server.max-msg-size-bytes = 1m\ncx-server.protocol.port = 0\n"
                         "cx-server.routing.plugin = \"no-such-router\"\n"));
    const test::CommandResult reload = cxctl(*server, {QStringLiteral("reload")});
    QCOMPARE(reload.exitCode, 1);
    QVERIFY2(reload.err.contains("no-such-router"), reload.err.constData());
    edge.request(quint8(Code::Get), 9, EdgeId);
    QCOMPARE(codeOf(edge.waitForResponse(9)), quint8(Code::Success));
    QByteArray metrics;
    QCOMPARE(server->httpGet(QStringLiteral("/metrics"), &metrics), 200);
    QCOMPARE(metric(metrics, R"(cxserver_reloads_total{result="rejected"})"), 2.0);
    QCOMPARE(metric(metrics, R"(cxserver_reloads_total{result="applied"})"), 0.0);
}

void tst_Operations::sighupReloads()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims);
    QVERIFY(server);
    QVERIFY(appendConfig(*server, "cx-server.routing.plugin = \"least-pending\"\n"));
    ::kill(pid_t(server->pid()), SIGHUP);
    QVERIFY(server->waitForLine(QRegularExpression(u"reload applied: cx-server.routing.plugin"_s))
                .hasMatch());
    QCOMPARE(cxctl(*server, {QStringLiteral("status")}).out.contains("routing least-pending"),
             true);
    QVERIFY(
        appendConfig(*server, "cx-server.pipe-count-typo = 1\ncx-server.protocol.port = \"x\"\n"));
    ::kill(pid_t(server->pid()), SIGHUP);
    QVERIFY(server->waitForLine(QRegularExpression(u"reload rejected"_s)).hasMatch());
    QVERIFY(server->isRunning());
}

void tst_Operations::drainFailsWhatOutlastsTheDrainTimeout()
{
    Sims sims = startSims(1, {QStringLiteral("--delay-ms"), QStringLiteral("4000")});
    QVERIFY(!sims.empty());
    auto server = startServer(
        sims,
        QStringLiteral("  shutdown.drain-timeout = 1500ms\n"
                       "  transport.websockets.request.default_timeout-ms = 30000\n"));
    QVERIFY(server);
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    // The simulator delays AUTH too: wait for it, then send the request that outlasts.
    QCOMPARE(edge.authenticate(AppKey, EdgeId, 1, 10000), int(Code::Success));
    edge.request(quint8(Code::Get), 2, EdgeId);
    QTRY_VERIFY_WITH_TIMEOUT(sims[0]->stats().value(u"requests"_s).toInt() >= 2, 5000);
    QCOMPARE(server->health(), 200);
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(server->pid()), SIGTERM);
    QTRY_COMPARE_WITH_TIMEOUT(server->health(), 503, 1000); // at once: the balancer stops
    QCOMPARE(codeOf(edge.waitForResponse(2, 5000)), quint8(Code::InternalServerError));
    const qint64 failedAfter = timer.elapsed();
    QVERIFY2(failedAfter >= 1400 && failedAfter < 4000, qPrintable(QString::number(failedAfter)));
    QCOMPARE(edge.waitForClose(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QVERIFY(server->waitForExit(5000));
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
}

void tst_Operations::healthGraceServesEdgesBeforeTheDrain()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims,
                              QStringLiteral("  shutdown.health-grace = 2s\n"
                                             "  shutdown.drain-timeout = 3s\n"));
    QVERIFY(server);
    TestEdge before;
    QVERIFY(before.open(server->edgeUrl()));
    QCOMPARE(before.authenticate(AppKey, EdgeId, 1), int(Code::Success));
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(server->pid()), SIGTERM);
    // Phase 1: 503 at once, while edges are still served and new ones accepted.
    QTRY_COMPARE_WITH_TIMEOUT(server->health(), 503, 1000);
    before.request(quint8(Code::Get), 2, EdgeId);
    QCOMPARE(codeOf(before.waitForResponse(2)), quint8(Code::Success));
    TestEdge during;
    QVERIFY(during.open(server->edgeUrl()));
    QCOMPARE(during.authenticate(AppKey, EdgeId + 1, 1), int(Code::Success));
    QVERIFY2(timer.elapsed() < 1800, qPrintable(QString::number(timer.elapsed())));
    // Phase 2, after the grace: the listener closes and idle edges are closed 1001.
    QCOMPARE(before.waitForClose(5000), int(QWebSocketProtocol::CloseCodeGoingAway));
    QCOMPARE(during.waitForClose(5000), int(QWebSocketProtocol::CloseCodeGoingAway));
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
    TestEdge after;
    QVERIFY(!after.open(server->edgeUrl(), 1000));
    QVERIFY(server->waitForExit(5000));
    QCOMPARE(server->exitCode(), 0);
    QVERIFY(server->log().contains("/health answers 503 for 2000 ms"));
}

void tst_Operations::logLevelsFromConfigAndReload()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    auto server = startServer(sims, QStringLiteral("  logging.level = \"warning\"\n"));
    QVERIFY(server);
    // The level applies from the first line on: no info lines at all.
    QVERIFY(!server->log().contains("membership:"));
    QVERIFY(!server->log().contains("connected to instance"));
    // A rule lifts cx.server to info: the membership change of the same reload shows.
    QVERIFY(appendConfig(*server,
                         "cx-server.logging.rules = [\"cx.server=info\"]\n"
                         "cx-server.transport.websockets.platforms = [\""
                             + sims[0]->url().toUtf8()
                             + "\", \"ws://127.0.0.1:1/Thingworx/WS\"]\n"));
    const test::CommandResult reload = cxctl(*server, {QStringLiteral("reload")});
    QVERIFY2(reload.exitCode == 0, reload.describe().constData());
    QVERIFY(
        server->waitForLine(QRegularExpression(u"cx.server: membership: 2 instance"_s)).hasMatch());
    QVERIFY(server->log().contains("cx.lifecycle: reload applied:"));
    QVERIFY(!server->log().contains("cx.status: reload requested")); // cx.status stays at warning
    // cx.worker stays at warning: the unreachable instance is said, its info lines are not.
    QVERIFY(server->waitForLine(QRegularExpression(u"cx.worker: .*cannot reach instance"_s))
                .hasMatch());
    QVERIFY(!server->log().contains("connected to instance"));
    // An unknown level is a configuration error: rejected, the rules above stay.
    QVERIFY(appendConfig(*server, "cx-server.logging.level = \"verbose\"\n"));
    const test::CommandResult bad = cxctl(*server, {QStringLiteral("reload")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("cx-server.logging.level"), bad.err.constData());
    QVERIFY(server->waitForLine(QRegularExpression(u"reload rejected"_s)).hasMatch());
}

void tst_Operations::journaldLinesCarryPriorityAndCategory()
{
    Sims sims = startSims(1);
    QVERIFY(!sims.empty());
    CxServerProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JOURNAL_STREAM"), QStringLiteral("8:12345"));
    server.setEnvironment(environment);
    QVERIFY(server.start(QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                        "  transport.websockets.platforms = [\"%2\"]\n")
                             .arg(QString::fromUtf8(AppKey), sims[0]->url())));
    const QString log = QString::fromUtf8(server.log());
    QVERIFY2(log.contains(u"<6>cx.lifecycle: cxserver 0.1.0 starting with"_s),
             server.log().constData());
    QVERIFY(log.contains(u"<6>cx.lifecycle: ready: edges on"_s));
    // journald stamps lines itself: no timestamps.
    QVERIFY(!QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d "_s, QRegularExpression::MultilineOption)
                 .match(log)
                 .hasMatch());
}

QTEST_GUILESS_MAIN(tst_Operations)
#include "tst_operations.moc"

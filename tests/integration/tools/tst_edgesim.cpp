// cxedgesim as a real process, run directly against cxplatformsim (which answers a direct
// edge's AUTH like a pipe's, without the appKey header).

#include "platformsimfixture.h"
#include "staticcluster.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <command.h>
#include <freeport.h>
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
};

void tst_EdgeSim::help()
{
    const test::CommandResult result = runEdgesim({u"--help"_s});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    for (const char *option : {"--url",         "--app-key",         "--edges",
                               "--threads",     "--things",          "--rate",
                               "--closed-loop", "--duration",        "--requests",
                               "--body-size",   "--multipart-every", "--chunk-size",
                               "--idle",        "--connect-rate",    "--progress",
                               "--record",      "--timeout-ms",      "--insecure",
                               "--ca",          "--ping-interval-ms"})
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
    const QJsonObject byCode = stats.value(u"byCode"_s).toObject();
    QCOMPARE(byCode.value(u"0x01"_s).toInt(), 500);
    QCOMPARE(byCode.value(u"0x03"_s).toInt(), 1500);
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
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed: no certificate for this test");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(u"key.pem"_s);
    const QString certificate = dir.filePath(u"cert.pem"_s);
    const QString keystore = dir.filePath(u"platform.p12"_s);
    test::CommandResult made = test::runCommand(
        openssl,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
         u"-out"_s, certificate, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
         u"subjectAltName=IP:127.0.0.1"_s});
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

QTEST_GUILESS_MAIN(tst_EdgeSim)
#include "tst_edgesim.moc"

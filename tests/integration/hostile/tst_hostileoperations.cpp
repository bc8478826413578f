// Hostile peers of the operations side (docs/operations.md, "Limits"): the health listener
// and the status socket against a real cxserver. Each attack must leave cxserver's memory
// within a bound that does not depend on the attack's size, get the documented answer or a
// close, and leave /health answering 200 to a well-behaved client during and after. One
// table row per attack goes to stdout for docs/security.md:
// | attack | bytes sent | RSS before | peak | after | (MiB).

#include "cxserverprocess.h"
#include "platformsimprocess.h"
#include "rsssampler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocalSocket>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace cx;
using test::CxServerProcess;
using test::PlatformSimProcess;

namespace {

const QByteArray AppKey = "hostile-operations-app-key";
constexpr qint64 MaxGrowthKib = 40 * 1024; ///< whatever the attack's size
constexpr int WaitMs = 10000;

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

/// How many files (sockets included) process pid has open.
qsizetype openFiles(qint64 pid)
{
    return QDir(QStringLiteral("/proc/%1/fd").arg(pid))
        .entryList(QDir::NoDotAndDotDot | QDir::System)
        .size();
}

/// An HTTP exchange read off a raw socket: the status of the first response, if any came.
int responseStatus(const QByteArray &received)
{
    return received.startsWith("HTTP/1.") ? received.mid(9, 3).toInt() : 0;
}

} // namespace

class tst_HostileOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hugeHealthBody();
    void hugeHealthHead();
    void idleHealthConnections();
    void statusSubscribersThatNeverRead();
    void statusRequestsNeverRead();
    void statusLineTooLong();

private:
    /// A well-behaved client: GET /health on a fresh connection.
    int wellBehavedHealth() { return m_server->health(); }
    /// Ends an attack: checks the bound and prints the table row.
    void report(const char *attack, qint64 bytesSent, const test::RssSampler &probe);

    std::unique_ptr<PlatformSimProcess> m_sim;
    std::unique_ptr<CxServerProcess> m_server;
};

void tst_HostileOperations::initTestCase()
{
    m_sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim"));
    QVERIFY2(m_sim->start(AppKey), m_sim->log().constData());
    m_server = std::make_unique<CxServerProcess>();
    QVERIFY2(m_server->start(QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                            "  transport.websockets.platforms = [\"%2\"]\n")
                                 .arg(QString::fromUtf8(AppKey), m_sim->url())),
             m_server->log().constData());
    QVERIFY(m_server->waitForInstances(1));
    std::printf("| attack | bytes sent | RSS before | peak | after |\n|---|---|---|---|---|\n");
    std::fflush(stdout);
}

void tst_HostileOperations::cleanupTestCase()
{
    if (m_server) {
        const int exitCode = m_server->stop();
        if (exitCode != 0)
            qWarning("%s", m_server->log().right(20000).constData());
        QCOMPARE(exitCode, 0);
    }
    m_sim.reset();
}

void tst_HostileOperations::report(const char *attack, qint64 bytesSent,
                                   const test::RssSampler &probe)
{
    const qint64 after = test::residentKib(m_server->pid());
    const qint64 peak = qMax(probe.peakKib(), after);
    std::printf("| %s | %lld | %.1f | %.1f | %.1f |\n", attack, bytesSent, mib(probe.startKib()),
                mib(peak), mib(after));
    std::fflush(stdout);
    QVERIFY2(peak - probe.startKib() < MaxGrowthKib,
             qPrintable(QStringLiteral("RSS grew %1 KiB").arg(peak - probe.startKib())));
    QCOMPARE(wellBehavedHealth(), 200);
    QVERIFY(m_server->isRunning());
}

void tst_HostileOperations::hugeHealthBody()
{
    // POST /health announcing and streaming 300 MB: 413 and a close, never read.
    constexpr qint64 BodyBytes = 300LL * 1000 * 1000;
    test::RssSampler probe(m_server->pid());
    QTcpSocket attacker;
    qint64 sent = 0;
    QObject::connect(&attacker, &QTcpSocket::bytesWritten, &attacker,
                     [&sent](qint64 bytes) { sent += bytes; });
    attacker.connectToHost(QStringLiteral("127.0.0.1"), m_server->healthPort());
    QVERIFY(
        QTest::qWaitFor([&] { return attacker.state() == QTcpSocket::ConnectedState; }, WaitMs));
    attacker.write("POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                   + QByteArray::number(BodyBytes) + "\r\n\r\n");
    const QByteArray chunk(64 * 1024, 'b');
    QByteArray received;
    qint64 queued = 0;
    bool checkedDuring = false;
    QElapsedTimer elapsed;
    elapsed.start();
    // Stream as fast as cxserver takes it, until it closes or the body is out.
    while (attacker.state() == QTcpSocket::ConnectedState && queued < BodyBytes
           && elapsed.elapsed() < 60000) {
        while (attacker.bytesToWrite() < 1024 * 1024 && queued < BodyBytes) {
            attacker.write(chunk);
            queued += chunk.size();
        }
        // Until it took some of that, or closed.
        (void)QTest::qWaitFor(
            [&] {
                return attacker.bytesToWrite() < 1024 * 1024
                    || attacker.state() != QTcpSocket::ConnectedState;
            },
            1000);
        if (attacker.isOpen())
            received += attacker.readAll();
        if (!checkedDuring) {
            QCOMPARE(wellBehavedHealth(), 200);
            checkedDuring = true;
        }
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (attacker.isOpen())
                received += attacker.readAll();
            return attacker.state() == QTcpSocket::UnconnectedState;
        },
        WaitMs));
    const int status = responseStatus(received);
    QVERIFY2(status == 413 || status == 0, received.left(200).constData());
    QVERIFY2(sent < BodyBytes, "cxserver took the whole body");
    report("POST /health, 300 MB body announced and streamed", sent, probe);
}

void tst_HostileOperations::hugeHealthHead()
{
    // A 200 KB head: 431 (or a reset, as the rest is never read) and a close.
    test::RssSampler probe(m_server->pid());
    QTcpSocket attacker;
    attacker.connectToHost(QStringLiteral("127.0.0.1"), m_server->healthPort());
    QVERIFY(
        QTest::qWaitFor([&] { return attacker.state() == QTcpSocket::ConnectedState; }, WaitMs));
    const QByteArray head = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
        + QByteArray(200 * 1024, 'h') + "\r\n\r\n";
    attacker.write(head);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (attacker.isOpen())
                received += attacker.readAll();
            return attacker.state() == QTcpSocket::UnconnectedState;
        },
        WaitMs));
    const int status = responseStatus(received);
    QVERIFY2(status == 431 || status == 0, received.left(200).constData());
    report("health: one 200 KB request head", head.size(), probe);
}

void tst_HostileOperations::idleHealthConnections()
{
    // 500 connections that never send a byte: at most the cap stay open, each closed at the
    // idle timeout at the latest, and a load balancer's check still gets through.
    constexpr int Count = 500;
    constexpr int Batch = 25; ///< within the listen backlog
    test::RssSampler probe(m_server->pid());
    const qsizetype fdsBefore = openFiles(m_server->pid());
    qsizetype fdsPeak = fdsBefore;
    std::vector<std::unique_ptr<QTcpSocket>> attackers;
    while (attackers.size() < Count) {
        for (int i = 0; i < Batch; ++i) {
            attackers.push_back(std::make_unique<QTcpSocket>());
            attackers.back()->connectToHost(QStringLiteral("127.0.0.1"), m_server->healthPort());
        }
        // The check queues behind the batch: when it is answered, cxserver took the batch.
        QCOMPARE(wellBehavedHealth(), 200);
        fdsPeak = qMax(fdsPeak, openFiles(m_server->pid()));
    }
    const auto open = [&attackers] {
        return std::count_if(attackers.begin(), attackers.end(), [](const auto &socket) {
            return socket->state() != QTcpSocket::UnconnectedState;
        });
    };
    // The cap (64) bounds cxserver's connections, whatever the flood.
    QVERIFY2(fdsPeak - fdsBefore <= 64 + 8, qPrintable(QString::number(fdsPeak - fdsBefore)));
    // Idle connections are closed at 10 s.
    QVERIFY2(QTest::qWaitFor([&] { return open() == 0; }, 15000),
             qPrintable(QString::number(open())));
    report("health: 500 idle connections", 0, probe);
}

void tst_HostileOperations::statusSubscribersThatNeverRead()
{
    // 50 subscribers at the fastest interval that never read, for 5 s.
    constexpr int Count = 50;
    test::RssSampler probe(m_server->pid());
    std::vector<std::unique_ptr<QLocalSocket>> subscribers;
    qint64 sent = 0;
    for (int i = 0; i < Count; ++i) {
        auto socket = std::make_unique<QLocalSocket>();
        socket->setReadBufferSize(1); // Qt stops taking bytes from the kernel
        socket->connectToServer(m_server->statusSocket());
        QVERIFY(socket->waitForConnected(WaitMs));
        const QByteArray request = R"({"op":"subscribe","intervalMs":100})"
                                   "\n";
        socket->write(request);
        sent += request.size();
        subscribers.push_back(std::move(socket));
    }
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_VERIFY_WITH_TIMEOUT(elapsed.elapsed() >= 2500, WaitMs);
    QCOMPARE(wellBehavedHealth(), 200); // during
    QTRY_VERIFY_WITH_TIMEOUT(elapsed.elapsed() >= 5000, WaitMs);
    subscribers.clear();
    report("status: 50 subscribers (100 ms) never reading, 5 s", sent, probe);
}

void tst_HostileOperations::statusRequestsNeverRead()
{
    // A client that sends status requests as fast as it can and never reads the replies:
    // dropped once its unsent replies pass the bound.
    test::RssSampler probe(m_server->pid());
    QLocalSocket attacker;
    attacker.setReadBufferSize(1);
    qint64 sent = 0;
    QObject::connect(&attacker, &QLocalSocket::bytesWritten, &attacker,
                     [&sent](qint64 bytes) { sent += bytes; });
    attacker.connectToServer(m_server->statusSocket());
    QVERIFY(attacker.waitForConnected(WaitMs));
    QByteArray requests;
    for (int i = 0; i < 4096; ++i)
        requests += R"({"op":"status"})"
                    "\n";
    QElapsedTimer elapsed;
    elapsed.start();
    bool checkedDuring = false;
    while (attacker.state() == QLocalSocket::ConnectedState && elapsed.elapsed() < 60000) {
        if (attacker.bytesToWrite() < 256 * 1024)
            attacker.write(requests);
        (void)QTest::qWaitFor(
            [&] {
                return attacker.bytesToWrite() < 256 * 1024
                    || attacker.state() != QLocalSocket::ConnectedState;
            },
            1000);
        if (!checkedDuring && sent > 1024 * 1024) {
            QCOMPARE(wellBehavedHealth(), 200);
            checkedDuring = true;
        }
    }
    QCOMPARE(attacker.state(), QLocalSocket::UnconnectedState);
    QVERIFY(
        m_server
            ->waitForLine(QRegularExpression(QStringLiteral("does not read its replies")), WaitMs)
            .hasMatch());
    report("status: requests sent, replies never read", sent, probe);
}

void tst_HostileOperations::statusLineTooLong()
{
    // A request line that never ends: an error and a close at 64 KiB.
    test::RssSampler probe(m_server->pid());
    QLocalSocket attacker;
    qint64 sent = 0;
    QObject::connect(&attacker, &QLocalSocket::bytesWritten, &attacker,
                     [&sent](qint64 bytes) { sent += bytes; });
    attacker.connectToServer(m_server->statusSocket());
    QVERIFY(attacker.waitForConnected(WaitMs));
    const QByteArray line(10 * 1024 * 1024, 'x');
    attacker.write(line);
    QByteArray received;
    QObject::connect(&attacker, &QLocalSocket::readyRead, &attacker,
                     [&] { received += attacker.readAll(); });
    QVERIFY(QTest::qWaitFor([&] { return attacker.state() == QLocalSocket::UnconnectedState; },
                            WaitMs));
    QVERIFY2(received.isEmpty() || received.contains("request line too long"),
             received.left(200).constData());
    report("status: one 10 MB request line", sent, probe);
}

QTEST_GUILESS_MAIN(tst_HostileOperations)
#include "tst_hostileoperations.moc"

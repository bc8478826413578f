// HealthServer: the health and metrics listener's HTTP rules (config.md §6: "hardened like
// the edge one"), each against a real listener on 127.0.0.1 with raw TCP clients.

#include "healthserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

using namespace std::chrono_literals;
using namespace cx::server;

namespace {

constexpr int WaitMs = 5000;
const QByteArray Metrics = "# TYPE cx_edges gauge\ncx_edges 3\n";

/// One response as read off the wire.
struct Response
{
    int status = 0;
    QByteArray head; ///< status line and fields, without the blank line
    QByteArray body;

    QByteArray field(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).compare(name, Qt::CaseInsensitive) == 0)
                return line.sliced(colon + 1).trimmed();
        }
        return {};
    }
};

/// A raw HTTP client that reads what it got, response by response.
class Client
{
public:
    bool open(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return QTest::qWaitFor([this] { return m_socket.state() == QTcpSocket::ConnectedState; },
                               WaitMs);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    /// Writes and waits until the bytes left this socket, taking in what arrives meanwhile.
    bool sendFlushed(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.bytesToWrite() == 0;
            },
            WaitMs);
    }
    /// The next response; \a headRequest: the answer to HEAD has no body.
    Response read(bool headRequest = false)
    {
        Response r;
        qsizetype end = -1;
        const bool headCame = QTest::qWaitFor(
            [&] {
                if (m_socket.isOpen())
                    m_buffer += m_socket.readAll();
                end = m_buffer.indexOf("\r\n\r\n");
                return end >= 0;
            },
            WaitMs);
        if (!headCame)
            return r;
        r.head = m_buffer.first(end);
        m_buffer.remove(0, end + 4);
        r.status = r.head.mid(9, 3).toInt();
        const qsizetype length = headRequest ? 0 : r.field("Content-Length").toLongLong();
        const bool bodyCame = QTest::qWaitFor(
            [&] {
                if (m_socket.isOpen())
                    m_buffer += m_socket.readAll();
                return m_buffer.size() >= length;
            },
            WaitMs);
        if (!bodyCame)
            return {};
        r.body = m_buffer.first(qMin(length, m_buffer.size()));
        m_buffer.remove(0, r.body.size());
        return r;
    }
    /// Waits until the server closed the connection.
    bool waitClosed(int timeoutMs = WaitMs)
    {
        return QTest::qWaitFor(
            [this] {
                if (m_socket.isOpen())
                    m_buffer += m_socket.readAll();
                return m_socket.state() == QTcpSocket::UnconnectedState;
            },
            timeoutMs);
    }
    /// Bytes received and not read as a response.
    const QByteArray &unread() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &path, const QByteArray &method = "GET")
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class tst_HealthServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void health_data();
    void health();
    void metrics();
    void headHasNoBody();
    void keepAliveAndPipelining();
    void http10WithoutHost();
    void refused_data();
    void refused();
    void bodyRefusedUnread();
    void oversizedHead_data();
    void oversizedHead();
    void headAtTheLimit();
    void slowDripClosedAtIdleTimeout();
    void idleKeepAliveClosed();
    void connectionCap();

private:
    /// A server with the given limits, listening on 127.0.0.1 port 0.
    quint16 start(const HealthLimits &limits = {});

    HealthSnapshot m_snapshot;
    std::unique_ptr<HealthServer> m_server;
};

quint16 tst_HealthServer::start(const HealthLimits &limits)
{
    m_server
        = std::make_unique<HealthServer>([this] { return m_snapshot; }, [] { return Metrics; });
    m_server->setLimits(limits);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void tst_HealthServer::init()
{
    m_snapshot = HealthSnapshot {.running = true, .connectedInstances = 2, .edges = 7};
}

void tst_HealthServer::cleanup()
{
    m_server.reset();
}

void tst_HealthServer::health_data()
{
    QTest::addColumn<bool>("running");
    QTest::addColumn<int>("instances");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("state");
    QTest::addRow("up") << true << 2 << 200 << QStringLiteral("up");
    QTest::addRow("no instance") << true << 0 << 503 << QStringLiteral("down");
    QTest::addRow("stopping") << false << 2 << 503 << QStringLiteral("down");
}

void tst_HealthServer::health()
{
    QFETCH(bool, running);
    QFETCH(int, instances);
    QFETCH(int, status);
    QFETCH(QString, state);
    m_snapshot.running = running;
    m_snapshot.connectedInstances = instances;
    const quint16 port = start();
    QVERIFY(port != 0);
    Client client;
    QVERIFY(client.open(port));
    client.send(get("/health"));
    const Response r = client.read();
    QCOMPARE(r.status, status);
    QCOMPARE(r.field("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.field("Content-Length").toLongLong(), r.body.size());
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), state);
    QCOMPARE(body.value(QStringLiteral("running")).toBool(), running);
    QCOMPARE(body.value(QStringLiteral("connectedInstances")).toInt(), instances);
    QCOMPARE(body.value(QStringLiteral("edges")).toInt(), 7);
}

void tst_HealthServer::metrics()
{
    Client client;
    QVERIFY(client.open(start()));
    client.send(get("/metrics?x=1"));
    const Response r = client.read();
    QCOMPARE(r.status, 200);
    QVERIFY(r.field("Content-Type").startsWith("text/plain; version=0.0.4"));
    QCOMPARE(r.body, Metrics);
}

void tst_HealthServer::headHasNoBody()
{
    Client client;
    QVERIFY(client.open(start()));
    client.send(get("/metrics", "HEAD"));
    const Response head = client.read(true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.field("Content-Length").toLongLong(), Metrics.size());
    // The next bytes on the connection are the next response, not a body.
    client.send(get("/health"));
    const Response next = client.read();
    QCOMPARE(next.status, 200);
    QVERIFY(next.body.startsWith('{'));
    client.send(get("/nowhere", "HEAD"));
    const Response missing = client.read(true);
    QCOMPARE(missing.status, 404);
    QVERIFY(!client.waitClosed(200));
    QVERIFY(client.unread().isEmpty());
}

void tst_HealthServer::keepAliveAndPipelining()
{
    Client client;
    QVERIFY(client.open(start()));
    client.send(get("/health") + get("/metrics") + get("/health"));
    QCOMPARE(client.read().status, 200);
    QCOMPARE(client.read().body, Metrics);
    QCOMPARE(client.read().status, 200);
    client.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const Response last = client.read();
    QCOMPARE(last.status, 200);
    QCOMPARE(last.field("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
}

void tst_HealthServer::http10WithoutHost()
{
    Client client;
    QVERIFY(client.open(start()));
    client.send("GET /health HTTP/1.0\r\n\r\n");
    const Response r = client.read();
    QCOMPARE(r.status, 200);
    QVERIFY(r.head.startsWith("HTTP/1.1 200 OK"));
    QCOMPARE(r.field("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
}

void tst_HealthServer::refused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("closes");
    QTest::addRow("unknown path") << get("/") << 404 << false;
    QTest::addRow("path prefix") << get("/healthz") << 404 << false;
    QTest::addRow("POST without body") << get("/health", "POST") << 405 << false;
    QTest::addRow("DELETE") << get("/metrics", "DELETE") << 405 << false;
    QTest::addRow("HTTP/1.1 without Host")
        << QByteArray("GET /health HTTP/1.1\r\n\r\n") << 400 << true;
    QTest::addRow("two Hosts") << QByteArray("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
                               << 400 << true;
    QTest::addRow("bad request line")
        << QByteArray("GET  /health HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << true;
    QTest::addRow("HTTP/2") << QByteArray("GET /health HTTP/2.0\r\nHost: a\r\n\r\n") << 505 << true;
    QTest::addRow("chunked body") << QByteArray(
        "POST /health HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                                  << 413 << true;
    QTest::addRow("Content-Length on GET")
        << QByteArray("GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello") << 413
        << true;
    QTest::addRow("bad Content-Length")
        << QByteArray("GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400
        << true;
    QTest::addRow("Content-Length 0 is no body")
        << QByteArray("GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n") << 200
        << false;
}

void tst_HealthServer::refused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(bool, closes);
    Client client;
    QVERIFY(client.open(start()));
    client.send(request);
    const Response r = client.read();
    QCOMPARE(r.status, status);
    QCOMPARE(r.field("Content-Length").toLongLong(), r.body.size());
    if (status == 405)
        QCOMPARE(r.field("Allow"), QByteArray("GET, HEAD"));
    if (closes) {
        QCOMPARE(r.field("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    } else {
        // Still usable.
        client.send(get("/health"));
        QCOMPARE(client.read().status, 200);
    }
}

void tst_HealthServer::bodyRefusedUnread()
{
    Client client;
    QVERIFY(client.open(start()));
    const QByteArray body(4096, 'x');
    client.send("POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000000\r\n\r\n"
                + body);
    const Response r = client.read();
    QCOMPARE(r.status, 413);
    QCOMPARE(r.field("Connection"), QByteArray("close"));
    // Closed although 299,995,904 announced bytes never came: the server did not wait for
    // (or read) the body.
    QVERIFY(client.waitClosed());
    QCOMPARE(m_server->connectionCount(), 0);
}

void tst_HealthServer::oversizedHead_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::addRow("in one write") << 0;
    QTest::addRow("in 1 KiB pieces") << 1024;
    QTest::addRow("in 100-byte pieces") << 100;
}

void tst_HealthServer::oversizedHead()
{
    QFETCH(int, pieceSize);
    Client client;
    QVERIFY(client.open(start()));
    const QByteArray head
        = get("/health").chopped(2) + "X-Pad: " + QByteArray(9 * 1024, 'a') + "\r\n\r\n";
    if (pieceSize == 0) {
        client.send(head);
    } else {
        // Up to the piece that makes the head too long: the server refuses then and does
        // not drain what follows (a client writing on past the refusal gets a reset).
        for (qsizetype at = 0; at <= HealthLimits().maxHeadBytes; at += pieceSize)
            QVERIFY(client.sendFlushed(head.mid(at, pieceSize)));
    }
    const Response r = client.read();
    QCOMPARE(r.status, 431);
    QVERIFY(client.waitClosed());
}

void tst_HealthServer::headAtTheLimit()
{
    Client client;
    QVERIFY(client.open(start()));
    QByteArray head = get("/health").chopped(2) + "X-Pad: ";
    head += QByteArray(8 * 1024 - head.size() - 4, 'a') + "\r\n\r\n";
    QCOMPARE(head.size(), 8 * 1024);
    client.send(head);
    QCOMPARE(client.read().status, 200);
    // One byte more is too much.
    head.insert(head.indexOf("X-Pad: ") + 7, 'a');
    client.send(head);
    QCOMPARE(client.read().status, 431);
    QVERIFY(client.waitClosed());
}

void tst_HealthServer::slowDripClosedAtIdleTimeout()
{
    HealthLimits limits;
    limits.idleTimeout = 300ms;
    Client client;
    QVERIFY(client.open(start(limits)));
    QElapsedTimer elapsed;
    elapsed.start();
    // A byte every 20 ms of a head that never ends: activity, but never a request.
    QTimer drip;
    drip.setInterval(20);
    QObject::connect(&drip, &QTimer::timeout, &drip, [&client] {
        if (client.socket().state() == QTcpSocket::ConnectedState)
            client.send("a");
    });
    client.send("GET /health HTTP/1.1\r\nX-Slow: ");
    drip.start();
    QVERIFY(client.waitClosed());
    QVERIFY2(elapsed.elapsed() >= 250, QByteArray::number(elapsed.elapsed()).constData());
    QVERIFY2(elapsed.elapsed() < 3000, QByteArray::number(elapsed.elapsed()).constData());
    QVERIFY(client.unread().isEmpty()); // closed without an answer
}

void tst_HealthServer::idleKeepAliveClosed()
{
    HealthLimits limits;
    limits.idleTimeout = 300ms;
    Client client;
    QVERIFY(client.open(start(limits)));
    client.send(get("/health"));
    QCOMPARE(client.read().status, 200);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(client.waitClosed());
    QVERIFY2(elapsed.elapsed() >= 250, QByteArray::number(elapsed.elapsed()).constData());
}

void tst_HealthServer::connectionCap()
{
    HealthLimits limits;
    limits.maxConnections = 4;
    const quint16 port = start(limits);
    std::vector<std::unique_ptr<Client>> idle;
    for (int i = 0; i < limits.maxConnections; ++i) {
        idle.push_back(std::make_unique<Client>());
        QVERIFY(idle.back()->open(port));
        QTRY_COMPARE(m_server->connectionCount(), i + 1);
    }
    // One more: the one idle the longest makes room, the count stays at the cap.
    Client late;
    QVERIFY(late.open(port));
    QVERIFY(idle.front()->waitClosed());
    QCOMPARE(m_server->connectionCount(), limits.maxConnections);
    late.send(get("/health"));
    QCOMPARE(late.read().status, 200);
    for (size_t i = 1; i < idle.size(); ++i)
        QCOMPARE(idle[i]->socket().state(), QTcpSocket::ConnectedState);
    // A connection that just answered is the last to go.
    Client another;
    QVERIFY(another.open(port));
    QVERIFY(idle[1]->waitClosed());
    QCOMPARE(late.socket().state(), QTcpSocket::ConnectedState);
    QCOMPARE(m_server->connectionCount(), limits.maxConnections);
}

QTEST_GUILESS_MAIN(tst_HealthServer)
#include "tst_healthserver.moc"

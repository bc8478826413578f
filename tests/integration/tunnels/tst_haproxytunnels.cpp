// The shipped installer/haproxy/haproxy.cfg (rewritten for 127.0.0.1 by
// tools/dev/haproxy-local.sh, as the demo runs it) in front of two stand-in cxservers: tiny
// HTTP servers in this process that answer GET /health with 200 and any WebSocket upgrade
// with 101, recording the paths they got. Both ends of one tunnel id reach the same server
// (backend cxserver-tunnels hashes the tunnel id), the tunnel ids spread over both, the
// AlwaysOn WebSocket is still spread by connection count (leastconn), and other paths stop
// at HAProxy with 404.

#include "haproxyprocess.h"

#include <QCryptographicHash>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <memory>
#include <vector>

using namespace cx::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10000;

/// A stand-in cxserver: HTTP/1.1 on 127.0.0.1, 200 for GET /health (the health check),
/// 101 for a WebSocket upgrade on any other path (the socket then stays open, silent), and
/// the request target of every upgrade in upgrades.
class FakeCxserver : public QObject
{
public:
    FakeCxserver()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_requests.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

    QStringList upgrades;
    int healthChecks = 0;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        if (request.endsWith("\r\n\r\n")) { // already upgraded: drop frames
            socket->readAll();
            return;
        }
        request += socket->readAll();
        const qsizetype end = request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        request.truncate(end + 4);
        const QList<QByteArray> lines = request.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        const QByteArray target = requestLine.value(1);
        QByteArray key;
        bool upgrade = false;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "sec-websocket-key")
                key = value;
            else if (name == "upgrade" && value.toLower() == "websocket")
                upgrade = true;
        }
        if (target == "/health") {
            ++healthChecks;
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        } else if (upgrade && !key.isEmpty()) {
            upgrades << QString::fromUtf8(target);
            const QByteArray accept
                = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                           QCryptographicHash::Sha1)
                      .toBase64();
            socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                          + accept + "\r\n\r\n");
        } else {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: "
                          "close\r\n\r\n");
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

} // namespace

class tst_HAProxyTunnels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bothEndsOfATunnelReachOneServer();
    void alwaysOnSpreadsByConnectionCount();
    void otherPathsStopAtHAProxy();
    void bothBackendsHealthCheckEveryServer();
    void cleanupTestCase();

private:
    /// Opens a WebSocket through HAProxy and keeps it; the index of the server it reached.
    int open(const QString &target);
    int serverOf(const QString &target) const;

    FakeCxserver m_servers[2];
    std::unique_ptr<HAProxyProcess> m_haproxy;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
};

void tst_HAProxyTunnels::initTestCase()
{
    QList<HAProxyProcess::Backend> backends;
    for (FakeCxserver &server : m_servers) {
        QVERIFY(server.listen());
        backends << HAProxyProcess::Backend {server.port(), server.port()};
    }
    m_haproxy = std::make_unique<HAProxyProcess>();
    QVERIFY2(m_haproxy->startShipped(backends), m_haproxy->log().constData());
}

void tst_HAProxyTunnels::cleanupTestCase()
{
    m_sockets.clear();
    if (m_haproxy)
        m_haproxy->stop();
}

int tst_HAProxyTunnels::serverOf(const QString &target) const
{
    int found = -1;
    for (int i = 0; i < 2; ++i) {
        if (m_servers[i].upgrades.contains(target)) {
            if (found >= 0)
                return -2; // on both: a test path was used twice
            found = i;
        }
    }
    return found;
}

int tst_HAProxyTunnels::open(const QString &target)
{
    auto socket = std::make_unique<QWebSocket>();
    socket->open(m_haproxy->edgeUrl(target));
    QWebSocket *raw = socket.get();
    m_sockets.push_back(std::move(socket));
    if (!QTest::qWaitFor([raw] { return raw->state() == QAbstractSocket::ConnectedState; },
                         WaitMs)) {
        qWarning("%s did not open: %s", qPrintable(target), qPrintable(raw->errorString()));
        return -1;
    }
    // The 101 came from the server, which recorded the target before answering.
    return serverOf(target);
}

void tst_HAProxyTunnels::bothEndsOfATunnelReachOneServer()
{
    int perServer[2] = {0, 0};
    for (int k = 0; k < 50; ++k) {
        const QString tid = u"tid-%1-%2"_s.arg(k).arg(QString::number(k * 7919, 16));
        const int device = open(u"/Thingworx/WSTunnelServer/"_s + tid);
        QVERIFY2(device >= 0, qPrintable(tid));
        // The query is the client's (its credential, here a stand-in): not part of the hash.
        const int client = open(u"/Thingworx/WSTunnelClient/"_s + tid + u"?appKey=k%1"_s.arg(k));
        QVERIFY2(client >= 0, qPrintable(tid));
        QVERIFY2(client == device,
                 qPrintable(
                     u"%1: device end on %2, client end on %3"_s.arg(tid).arg(device).arg(client)));
        ++perServer[device];
    }
    qInfo("tunnel ids per server: %d, %d", perServer[0], perServer[1]);
    QVERIFY(perServer[0] >= 5);
    QVERIFY(perServer[1] >= 5);
    m_sockets.clear(); // closes them: no tunnel counts in what follows
}

void tst_HAProxyTunnels::alwaysOnSpreadsByConnectionCount()
{
    // Held open: leastconn sends each new edge to the server with fewer, so 10 split 5/5.
    int perServer[2] = {0, 0};
    for (int k = 0; k < 10; ++k) {
        const int server = open(u"/Thingworx/WS?edge=%1"_s.arg(k));
        QVERIFY(server >= 0);
        ++perServer[server];
    }
    QCOMPARE(perServer[0], 5);
    QCOMPARE(perServer[1], 5);
    // The RAC command channel goes the same way.
    const int vws = open(u"/Thingworx/VWS?sessionId=s1"_s);
    QVERIFY(vws >= 0);
    m_sockets.clear();
}

void tst_HAProxyTunnels::otherPathsStopAtHAProxy()
{
    const qsizetype before = m_servers[0].upgrades.size() + m_servers[1].upgrades.size();
    for (const QByteArray &target :
         {QByteArray("/Thingworx/WSTunnelServer/a/b"), QByteArray("/Thingworx/WSTunnelClient/"),
          QByteArray("/Thingworx/Things"), QByteArray("/health")}) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_haproxy->port());
        QVERIFY(socket.waitForConnected(WaitMs));
        socket.write("GET " + target
                     + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
                       "13\r\n\r\n");
        QByteArray response;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(50))
                    response += socket.readAll();
                return response.contains("\r\n");
            },
            WaitMs));
        QVERIFY2(response.startsWith("HTTP/1.1 404"), response.constData());
    }
    QCOMPARE(m_servers[0].upgrades.size() + m_servers[1].upgrades.size(), before);
}

void tst_HAProxyTunnels::bothBackendsHealthCheckEveryServer()
{
    // Both backends check their servers (GET /health on the health port, every 2 s); none
    // was ever marked down.
    QTRY_VERIFY_WITH_TIMEOUT(m_servers[0].healthChecks >= 2 && m_servers[1].healthChecks >= 2,
                             WaitMs);
    QVERIFY2(!m_haproxy->log().contains(" is DOWN"), m_haproxy->log().constData());
}

QTEST_GUILESS_MAIN(tst_HAProxyTunnels)
#include "tst_haproxytunnels.moc"

// TunnelRelay (protocol.md §8) in process: a real EdgeConnection on one side, a platform
// written with Qt WebSockets (or a silent TCP server) on the other.

#include "dataplanesettings.h"
#include "descriptorserver.h"
#include "edgeconnection.h"
#include "eventloop/eventpoller.h"
#include "tunnelrelay.h"
#include "websocket/handshake.h"
#include "workerstats.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <memory>

using namespace cx;
using namespace cx::server;

using cx::test::DescriptorServer;

namespace {

/// Makes a TunnelRelay of the upgraded edge connection, toward the given platform URL.
class RelayMaker : public ConnectionHandler
{
public:
    RelayMaker(std::unique_ptr<EdgeConnection> &owned, eventloop::EventPoller &poller,
               const DataPlaneSettings &settings, TrafficCounters &traffic)
        : m_owned(owned)
        , m_poller(poller)
        , m_settings(settings)
        , m_traffic(traffic)
    { }
    QUrl platform; ///< scheme, host and port; the path and query come from the edge
    QPointer<TunnelRelay> relay;

    void connectionUpgrading(EdgeConnection &connection, QByteArrayView target) override
    {
        Q_ASSERT(&connection == m_owned.get());
        QUrl url = platform;
        url.setPath(QString::fromLatin1(
            target.first(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'))));
        if (target.contains('?'))
            url.setQuery(QString::fromLatin1(target.sliced(target.indexOf('?') + 1)));
        relay = new TunnelRelay(std::move(m_owned), m_poller, url, connection.takeCredentials(),
                                QStringLiteral("instance"), m_settings, m_traffic);
    }
    void connectionMessage(EdgeConnection &, std::span<char>, bool) override { }
    void connectionClosed(EdgeConnection &) override { }

private:
    std::unique_ptr<EdgeConnection> &m_owned;
    eventloop::EventPoller &m_poller;
    const DataPlaneSettings &m_settings;
    TrafficCounters &m_traffic;
};

/// A platform tunnel endpoint: records what the last accepted socket received and echoes
/// it unless told not to.
struct Platform
{
    QWebSocketServer server {QStringLiteral("platform"), QWebSocketServer::NonSecureMode};
    QPointer<QWebSocket> socket;
    QNetworkRequest request;
    QStringList texts;
    QList<QByteArray> binaries;
    bool echo = true;
    int closedCode = -1;

    bool listen()
    {
        QObject::connect(&server, &QWebSocketServer::newConnection, &server, [this] {
            socket = server.nextPendingConnection();
            socket->setParent(&server); // goes with the server
            request = socket->request();
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [this](const QString &text) {
                                 texts << text;
                                 if (echo)
                                     socket->sendTextMessage(text);
                             });
            QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                             [this](const QByteArray &data) {
                                 binaries << data;
                                 if (echo)
                                     socket->sendBinaryMessage(data);
                             });
            QObject::connect(socket, &QWebSocket::disconnected, socket,
                             [this] { closedCode = socket->closeCode(); });
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())); }
};

/// A platform that answers the upgrade by hand and then reads only when told to: Qt's read
/// buffer is bounded meanwhile, so the kernel's window closes as a real slow reader's would.
struct StalledPlatform
{
    QTcpServer server;
    QPointer<QTcpSocket> socket;
    qint64 received = 0; ///< bytes read after the upgrade
    bool upgraded = false;

    bool listen()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            socket = server.nextPendingConnection();
            socket->setReadBufferSize(64 * 1024);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] {
                if (upgraded)
                    return; // stalled
                QByteArray head = socket->peek(16 * 1024);
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                socket->read(end + 4);
                const auto request = cx::websocket::parseUpgradeRequest(head.first(end));
                socket->write(cx::websocket::upgradeResponse(request));
                upgraded = true;
            });
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
    void readOn()
    {
        socket->setReadBufferSize(0);
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [this] { received += socket->readAll().size(); });
        received += socket->readAll().size();
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())); }
};

/// Waits until \a counter stops moving for 300 ms (bounded); its value then.
qint64 settled(const quint64 &counter)
{
    qint64 last = -1;
    for (int i = 0; i < 40 && qint64(counter) != last; ++i) {
        last = qint64(counter);
        QTest::qWait(300);
    }
    return qint64(counter) == last ? last : -1;
}

} // namespace

class tst_TunnelRelay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void relaysTextAndBinaryWithTheClientsCredentials();
    void messagesBeforeTheOpenWait();
    void edgeCloseClosesThePlatformWithItsCode();
    void platformCloseClosesTheEdgeWithItsCode();
    void lostPlatformCloses1011();
    void openDeadlineCloses1011();
    void idleTunnelCloses1001AndPingsCount();
    void slowPlatformStopsTheEdge();
    void slowEdgeStopsThePlatform();
    void instanceLostCloses1011();

private:
    /// Opens \a client on \a path toward \a platform through a new relay; false on timeout.
    bool openTunnel(QWebSocket &client, const QUrl &platform,
                    const QString &path = QStringLiteral("/Thingworx/WSTunnelServer/t-1"),
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

    DataPlaneSettings m_settings;
    TrafficCounters m_traffic;
    std::unique_ptr<eventloop::EventPoller> m_poller;
    std::unique_ptr<DescriptorServer> m_server;
    std::unique_ptr<EdgeConnection> m_connection; ///< until the relay takes it
    std::unique_ptr<RelayMaker> m_maker;
};

void tst_TunnelRelay::init()
{
    m_settings = DataPlaneSettings();
    m_settings.connectTimeoutMs = 2000;
    m_traffic = TrafficCounters();
    m_poller = std::make_unique<eventloop::EventPoller>();
    m_server = std::make_unique<DescriptorServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void tst_TunnelRelay::cleanup()
{
    if (m_maker && m_maker->relay)
        delete m_maker->relay.data();
    m_maker.reset();
    m_connection.reset();
    m_server.reset();
    m_poller.reset();
}

bool tst_TunnelRelay::openTunnel(QWebSocket &client, const QUrl &platform, const QString &path,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_maker = std::make_unique<RelayMaker>(m_connection, *m_poller, m_settings, m_traffic);
    m_maker->platform = platform;
    QNetworkRequest request(
        QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server->serverPort()) + path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    client.open(request);
    if (!QTest::qWaitFor([this] { return !m_server->descriptors.isEmpty(); }, 5000))
        return false;
    const qintptr descriptor = m_server->descriptors.takeFirst();
    m_connection = std::make_unique<EdgeConnection>(*m_poller, descriptor, nullptr,
                                                    m_settings.maxMessageSize);
    m_connection->setBudget(m_settings.highWaterMark, m_settings.lowWaterMark,
                            m_settings.edgeSendLimit());
    m_connection->setHandler(m_maker.get());
    QString error;
    if (!m_connection->start(&error))
        return false;
    return QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }, 5000);
}

void tst_TunnelRelay::relaysTextAndBinaryWithTheClientsCredentials()
{
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QStringList texts;
    QList<QByteArray> binaries;
    connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &t) { texts << t; });
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &b) { binaries << b; });
    QVERIFY(openTunnel(client, platform.url(), QStringLiteral("/Thingworx/WSTunnelClient/t-7?x=1"),
                       {{"appKey", "client-key"}, {"Authorization", "Bearer user"}}));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    QCOMPARE(platform.request.url().path(), QStringLiteral("/Thingworx/WSTunnelClient/t-7"));
    QCOMPARE(platform.request.url().query(), QStringLiteral("x=1"));
    QCOMPARE(platform.request.rawHeader("appKey"), QByteArray("client-key"));
    QCOMPARE(platform.request.rawHeader("Authorization"), QByteArray("Bearer user"));

    client.sendTextMessage(QStringLiteral("text ✓"));
    const QByteArray binary(300000, 'b');
    client.sendBinaryMessage(binary);
    QTRY_COMPARE_WITH_TIMEOUT(binaries.size(), 1, 5000);
    QCOMPARE(texts, QStringList {QStringLiteral("text ✓")});
    QCOMPARE(binaries.first(), binary);
    QCOMPARE(platform.texts, texts);
    QCOMPARE(m_traffic.tunnelsOpened, quint64(1));
    QCOMPARE(m_traffic.tunnelBytesToPlatforms,
             quint64(binary.size() + QByteArray("text ✓").size()));
    QCOMPARE(m_traffic.tunnelBytesToEdges, m_traffic.tunnelBytesToPlatforms);
}

void tst_TunnelRelay::messagesBeforeTheOpenWait()
{
    // A platform that upgrades late: what the edge sends meanwhile waits, in order.
    QTcpServer slow;
    QVERIFY(slow.listen(QHostAddress::LocalHost, 0));
    Platform platform;
    QVERIFY(platform.listen());
    QList<QTcpSocket *> accepted;
    connect(&slow, &QTcpServer::newConnection, this,
            [&] { accepted << slow.nextPendingConnection(); });
    QWebSocket client;
    QList<QByteArray> binaries;
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &b) { binaries << b; });
    QVERIFY(openTunnel(client, QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(slow.serverPort()))));
    client.sendBinaryMessage("one");
    client.sendBinaryMessage("two");
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 5000);
    // Hand the upgrade over to the real platform: forward the request bytes as they come.
    QTcpSocket *edgeSide = accepted.first();
    QTcpSocket upstream;
    upstream.connectToHost(QHostAddress::LocalHost, platform.server.serverPort());
    QVERIFY(upstream.waitForConnected(5000));
    connect(edgeSide, &QTcpSocket::readyRead, &upstream,
            [&] { upstream.write(edgeSide->readAll()); });
    connect(&upstream, &QTcpSocket::readyRead, edgeSide,
            [&] { edgeSide->write(upstream.readAll()); });
    upstream.write(edgeSide->readAll());
    QTRY_COMPARE_WITH_TIMEOUT(binaries.size(), 2, 5000);
    QCOMPARE(binaries, (QList<QByteArray> {"one", "two"}));
}

void tst_TunnelRelay::edgeCloseClosesThePlatformWithItsCode()
{
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    client.close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE_WITH_TIMEOUT(platform.closedCode, 1000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_maker->relay, 5000); // deleted once both sides are down
}

void tst_TunnelRelay::platformCloseClosesTheEdgeWithItsCode()
{
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    platform.socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1008);
    QTRY_VERIFY_WITH_TIMEOUT(!m_maker->relay, 5000);
}

void tst_TunnelRelay::lostPlatformCloses1011()
{
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    platform.socket->abort(); // no close frame
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1011);
}

void tst_TunnelRelay::openDeadlineCloses1011()
{
    // A platform that takes the TCP connection and never answers the upgrade.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    m_settings.connectTimeoutMs = 300;
    QWebSocket client;
    QVERIFY(openTunnel(client, QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort()))));
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1011);
    QVERIFY(timer.elapsed() >= 200); // not before the deadline
    QTRY_VERIFY_WITH_TIMEOUT(!m_maker->relay, 5000);
}

void tst_TunnelRelay::idleTunnelCloses1001AndPingsCount()
{
    Platform platform;
    QVERIFY(platform.listen());
    m_settings.tunnelIdleTimeoutMs = 600;
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    // Pings every 150 ms keep it open well past the idle timeout.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1500) {
        client.ping();
        QTest::qWait(150);
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    }
    // Silence closes it, 1001.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1001);
    QTRY_COMPARE_WITH_TIMEOUT(platform.closedCode, 1001, 5000);
}

void tst_TunnelRelay::slowPlatformStopsTheEdge()
{
    // The platform side reads nothing: the relay stops reading the edge, and what it holds
    // stays bounded while the client tries to push 64 MB.
    StalledPlatform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.upgraded, 5000);
    const QByteArray chunk(256 * 1024, 'x');
    const int chunks = 256;
    for (int i = 0; i < chunks; ++i)
        client.sendBinaryMessage(chunk);
    const qint64 relayed = settled(m_traffic.tunnelBytesToPlatforms);
    QVERIFY(relayed > 0);
    // Relayed so far: what the kernel buffers took, far from the 64 MB the client wanted to
    // send; the relay itself holds at most the high watermark and one message.
    QVERIFY2(relayed < 24 * 1024 * 1024, qPrintable(QString::number(relayed)));
    qInfo("relayed toward a stalled platform: %lld of %lld bytes", relayed,
          qint64(chunks) * chunk.size());
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState); // paused, not dropped
    // Reading again drains everything (frame heads add a few bytes per message).
    platform.readOn();
    QTRY_VERIFY_WITH_TIMEOUT(platform.received >= qint64(chunks) * chunk.size(), 30000);
    QCOMPARE(qint64(m_traffic.tunnelBytesToPlatforms), qint64(chunks) * chunk.size());
}

void tst_TunnelRelay::slowEdgeStopsThePlatform()
{
    // The edge reads nothing: the relay stops reading the platform, bounded.
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    QTcpSocket *clientTransport = nullptr;
    for (QObject *child : client.children())
        if ((clientTransport = qobject_cast<QTcpSocket *>(child)))
            break;
    QVERIFY(clientTransport);
    clientTransport->setReadBufferSize(64 * 1024);
    clientTransport->blockSignals(true);

    const QByteArray chunk(256 * 1024, 'y');
    for (int i = 0; i < 256; ++i)
        platform.socket->sendBinaryMessage(chunk);
    const qint64 relayed = settled(m_traffic.tunnelBytesToEdges);
    QVERIFY(relayed > 0);
    QVERIFY2(relayed < 24 * 1024 * 1024, qPrintable(QString::number(relayed)));
    qInfo("relayed toward a stalled edge: %lld of %lld bytes", relayed, 256 * qint64(chunk.size()));
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState); // paused, not dropped
}

void tst_TunnelRelay::instanceLostCloses1011()
{
    Platform platform;
    QVERIFY(platform.listen());
    QWebSocket client;
    QVERIFY(openTunnel(client, platform.url()));
    QTRY_VERIFY_WITH_TIMEOUT(platform.socket, 5000);
    m_maker->relay->instanceLost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1011);
    QTRY_VERIFY_WITH_TIMEOUT(platform.closedCode != -1, 5000);
}

QTEST_MAIN(tst_TunnelRelay)
#include "tst_tunnelrelay.moc"

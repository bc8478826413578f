// EdgeConnection, cxserver's own server-side WebSocket, against Qt's client (QWebSocket)
// and against raw bytes for what a well-behaved client never sends.

#include "descriptorserver.h"
#include "edgeconnection.h"
#include "eventloop/eventpoller.h"
#include "pki.h"
#include "tlscontext.h"
#include "websocket/frame.h"

#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QtEndian>
#include <memory>

using namespace cx;
using namespace cx::server;

using cx::test::DescriptorServer;

namespace {

/// Records what a connection reports; echoes messages when asked to.
class Recorder : public ConnectionHandler
{
public:
    QByteArray refuseWith; ///< refuse the upgrade with this status, else accept
    bool echo = false;
    QByteArray target;
    QList<QByteArray> messages;
    QList<bool> texts;
    int closedCount = 0;
    int activeCount = 0;

    void connectionUpgrading(EdgeConnection &connection, QByteArrayView requested) override
    {
        target = requested.toByteArray();
        if (refuseWith.isEmpty())
            connection.accept();
        else
            connection.refuse(refuseWith);
    }
    void connectionMessage(EdgeConnection &connection, std::span<char> message, bool text) override
    {
        messages.append(QByteArray(message.data(), qsizetype(message.size())));
        texts.append(text);
        if (echo)
            connection.sendBinary(QByteArrayView(message.data(), qsizetype(message.size())));
    }
    void connectionActive(EdgeConnection &) override { ++activeCount; }
    void connectionClosed(EdgeConnection &) override { ++closedCount; }
};

/// Sends a \a size-byte message and "second" on \a client and waits until both came back
/// into \a received (the recorder echoes), unchanged and in order.
bool echoesBack(QWebSocket &client, const QList<QByteArray> &received, int size)
{
    QByteArray message(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        message[i] = char(i * 7 + 3);
    client.sendBinaryMessage(message);
    client.sendBinaryMessage("second");
    return QTest::qWaitFor([&] { return received.size() >= 2; }, 10000) && received.size() == 2
        && received.at(0) == message && received.at(1) == "second";
}

/// A masked client frame, built by hand.
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool fin = true,
                       bool masked = true)
{
    uchar head[cx::websocket::MaxFrameHeadSize];
    const uchar key[4] = {0x11, 0x22, 0x33, 0x44};
    const int size = cx::websocket::writeFrameHead(head, opcode, quint64(payload.size()),
                                                   masked ? key : nullptr);
    if (!fin)
        head[0] &= 0x7F;
    QByteArray frame(reinterpret_cast<const char *>(head), size);
    QByteArray body = payload;
    if (masked)
        cx::websocket::applyMask(body.constData(), body.data(), body.size(), key);
    return frame + body;
}

const QByteArray UpgradeRequest = "GET /Thingworx/WS?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                  "Sec-WebSocket-Version: 13\r\n\r\n";

} // namespace

class tst_EdgeConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void upgradeAndEchoBothWays_data();
    void upgradeAndEchoBothWays();
    void fragmentedMessagesAreAssembled();
    void textMessagesAreFlagged();
    void pingsAreAnswered();
    void tooLargeMessageCloses1009();
    void edgeCloseIsAnsweredWithItsCode();
    void serverCloseCarriesCodeAndReason();
    void refusedUpgradeGetsTheStatus();
    void malformedUpgradeGets400Or426_data();
    void malformedUpgradeGets400Or426();
    void protocolErrorsClose1002_data();
    void protocolErrorsClose1002();
    void frameArrivingByteByByte();
    void unreadBytesWaitAndDrain();
    void pongsCountInTheBudget();
    void queueBeyondTheSendLimitAborts();
    void heldBytesPauseReading();
    void onlyWholeFramesCountAsActivity();
    void tlsUpgradeEchoAndClose_data();
    void tlsUpgradeEchoAndClose();

private:
    /// Accepts one connection and wraps it (TLS with \a tls); nullptr on timeout.
    EdgeConnection *acceptOne(qint64 maxMessageSize = 1 << 20, const TlsContext *tls = nullptr);
    /// Opens \a client to the server and accepts it (with \a maxMessageSize).
    bool openClient(QWebSocket &client, qint64 maxMessageSize = 1 << 20);
    /// A raw client that sent the upgrade request and read the 101.
    std::unique_ptr<QTcpSocket> rawUpgraded();
    /// Reads from \a socket until a close frame arrives; its code, or -1.
    static int readCloseCode(QTcpSocket &socket);
    /// Everything \a socket receives until the server closes it (bounded).
    static QByteArray readUntilClosed(QTcpSocket &socket);

    std::unique_ptr<eventloop::EventPoller> m_poller;
    std::unique_ptr<DescriptorServer> m_server;
    std::unique_ptr<EdgeConnection> m_connection;
    Recorder m_recorder;
};

void tst_EdgeConnection::init()
{
    m_poller = std::make_unique<eventloop::EventPoller>();
    m_server = std::make_unique<DescriptorServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_recorder = Recorder();
}

void tst_EdgeConnection::cleanup()
{
    m_connection.reset();
    m_server.reset();
    m_poller.reset();
}

EdgeConnection *tst_EdgeConnection::acceptOne(qint64 maxMessageSize, const TlsContext *tls)
{
    if (!QTest::qWaitFor([this] { return !m_server->descriptors.isEmpty(); }, 5000))
        return nullptr;
    const qintptr descriptor = m_server->descriptors.takeFirst();
    m_connection = std::make_unique<EdgeConnection>(
        *m_poller, descriptor, tls ? tls->newSession(descriptor) : nullptr, maxMessageSize);
    m_connection->setHandler(&m_recorder);
    QString error;
    if (!m_connection->start(&error))
        qWarning("start: %s", qPrintable(error));
    return m_connection.get();
}

bool tst_EdgeConnection::openClient(QWebSocket &client, qint64 maxMessageSize)
{
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(m_server->serverPort())));
    return acceptOne(maxMessageSize)
        && QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }, 5000);
}

std::unique_ptr<QTcpSocket> tst_EdgeConnection::rawUpgraded()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    if (!socket->waitForConnected(5000)) {
        qWarning("connect: %s", qPrintable(socket->errorString()));
        return nullptr;
    }
    if (!acceptOne())
        return nullptr;
    socket->write(UpgradeRequest);
    QByteArray response;
    const bool complete = QTest::qWaitFor(
        [&] {
            response += socket->readAll();
            return response.contains("\r\n\r\n");
        },
        5000);
    if (!complete)
        return nullptr;
    if (!response.startsWith("HTTP/1.1 101")
        || !response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
        return nullptr;
    return socket;
}

int tst_EdgeConnection::readCloseCode(QTcpSocket &socket)
{
    QByteArray bytes;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        // Server frames are unmasked; skip whole frames until a close frame (0x88).
        cx::websocket::FrameHead head;
        while (cx::websocket::parseFrameHead(bytes, &head)
               && bytes.size() >= head.size + qsizetype(head.length)) {
            if (head.opcode == cx::websocket::Close)
                return head.length >= 2 ? qFromBigEndian<quint16>(bytes.constData() + head.size)
                                        : 1005;
            bytes.remove(0, head.size + qsizetype(head.length));
        }
        // Wait with the event loop running: the server side lives in this thread too.
        const bool more = QTest::qWaitFor([&] { return socket.bytesAvailable() > 0; }, 200);
        if (!more && socket.state() != QAbstractSocket::ConnectedState)
            break;
        bytes += socket.readAll();
    }
    return -1;
}

QByteArray tst_EdgeConnection::readUntilClosed(QTcpSocket &socket)
{
    QByteArray bytes;
    if (!QTest::qWaitFor(
            [&] {
                bytes += socket.readAll();
                return socket.state() != QAbstractSocket::ConnectedState;
            },
            5000))
        qWarning("the server did not close the connection");
    return bytes + socket.readAll();
}

void tst_EdgeConnection::upgradeAndEchoBothWays_data()
{
    QTest::addColumn<int>("size");
    QTest::addRow("empty") << 0;
    QTest::addRow("200 bytes") << 200;
    QTest::addRow("64 KiB") << 64 * 1024;
    QTest::addRow("1 MiB") << 1024 * 1024;
}

void tst_EdgeConnection::upgradeAndEchoBothWays()
{
    QFETCH(int, size);
    m_recorder.echo = true;
    QWebSocket client;
    QList<QByteArray> received;
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &message) { received.append(message); });
    client.open(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS?x=1").arg(m_server->serverPort())));
    QVERIFY(acceptOne());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
    QCOMPARE(m_recorder.target, QByteArray("/Thingworx/WS?x=1"));
    QVERIFY(m_connection->isOpen());
    QVERIFY(echoesBack(client, received, size));
    QCOMPARE(m_recorder.texts, QList<bool>({false, false}));
}

void tst_EdgeConnection::fragmentedMessagesAreAssembled()
{
    QWebSocket client;
    client.setOutgoingFrameSize(100);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(m_server->serverPort())));
    QVERIFY(acceptOne());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
    const QByteArray message(1000, 'f');
    client.sendBinaryMessage(message);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.messages.size(), 1, 5000);
    QCOMPARE(m_recorder.messages.first(), message);
}

void tst_EdgeConnection::textMessagesAreFlagged()
{
    QWebSocket client;
    QVERIFY(openClient(client));
    client.sendTextMessage(QStringLiteral("h\u00e9llo"));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.messages.size(), 1, 5000);
    QCOMPARE(m_recorder.messages.first(), QStringLiteral("h\u00e9llo").toUtf8());
    QCOMPARE(m_recorder.texts.first(), true);
}

void tst_EdgeConnection::pingsAreAnswered()
{
    QWebSocket client;
    QVERIFY(openClient(client));
    QByteArray pongPayload;
    connect(&client, &QWebSocket::pong, this,
            [&](quint64, const QByteArray &payload) { pongPayload = payload; });
    client.ping("are you there");
    QTRY_COMPARE_WITH_TIMEOUT(pongPayload, QByteArray("are you there"), 5000);
}

void tst_EdgeConnection::tooLargeMessageCloses1009()
{
    QWebSocket client;
    QVERIFY(openClient(client, 1000));
    client.sendBinaryMessage(QByteArray(1000, 'a')); // at the limit: delivered
    client.sendBinaryMessage(QByteArray(1001, 'b'));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1009);
    QCOMPARE(m_recorder.messages.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QCOMPARE(m_connection->closeCode(), quint16(1009));
}

void tst_EdgeConnection::edgeCloseIsAnsweredWithItsCode()
{
    QWebSocket client;
    QVERIFY(openClient(client));
    client.close(QWebSocketProtocol::CloseCode(4000), QStringLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QCOMPARE(m_connection->closeCode(), quint16(4000));
    QCOMPARE(m_connection->closeReason(), QStringLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
}

void tst_EdgeConnection::serverCloseCarriesCodeAndReason()
{
    QWebSocket client;
    QVERIFY(openClient(client));
    m_connection->close(1008, "no AUTH in time");
    m_connection->sendBinary("ignored after close");
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 1008);
    QCOMPARE(client.closeReason(), QStringLiteral("no AUTH in time"));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QCOMPARE(m_connection->closeCode(), quint16(1008));
}

void tst_EdgeConnection::refusedUpgradeGetsTheStatus()
{
    m_recorder.refuseWith = "404 Not Found";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    QVERIFY(acceptOne());
    socket.write(UpgradeRequest);
    const QByteArray response = readUntilClosed(socket);
    QVERIFY2(response.startsWith("HTTP/1.1 404 Not Found\r\n"), response.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
}

void tst_EdgeConnection::malformedUpgradeGets400Or426_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QByteArray noUpgrade = UpgradeRequest;
    noUpgrade.replace("Upgrade: websocket\r\n", "");
    QTest::addRow("no Upgrade header") << noUpgrade << QByteArray("426");
    QByteArray oldVersion = UpgradeRequest;
    oldVersion.replace("Version: 13", "Version: 8");
    QTest::addRow("version 8") << oldVersion << QByteArray("426");
    QByteArray badKey = UpgradeRequest;
    badKey.replace("dGhlIHNhbXBsZSBub25jZQ==", "short");
    QTest::addRow("bad key") << badKey << QByteArray("400");
    QTest::addRow("not HTTP") << QByteArray("hello\r\n\r\n") << QByteArray("400");
    QByteArray post = UpgradeRequest;
    post.replace("GET ", "POST ");
    QTest::addRow("POST") << post << QByteArray("400");
    QByteArray noHost = UpgradeRequest;
    noHost.replace("Host: 127.0.0.1\r\n", "");
    QTest::addRow("no Host") << noHost << QByteArray("400");
    QByteArray http10 = UpgradeRequest;
    http10.replace("HTTP/1.1", "HTTP/1.0");
    QTest::addRow("HTTP/1.0") << http10 << QByteArray("400");
    QTest::addRow("endless head") << QByteArray(20000, 'x') << QByteArray("431");
    // A complete head above the limit, in one write: refused however it arrives.
    QByteArray large = UpgradeRequest;
    large.insert(large.indexOf("\r\n") + 2, "X-Padding: " + QByteArray(17 * 1024, 'p') + "\r\n");
    QTest::addRow("complete 17 KiB head") << large << QByteArray("431");
}

void tst_EdgeConnection::malformedUpgradeGets400Or426()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    QVERIFY(acceptOne());
    socket.write(request);
    const QByteArray response = readUntilClosed(socket);
    QVERIFY2(response.startsWith(QByteArray(QByteArray("HTTP/1.1 ") + status)),
             response.constData());
    QCOMPARE(m_recorder.target, QByteArray()); // the handler never saw it
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
}

void tst_EdgeConnection::protocolErrorsClose1002_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addRow("unmasked") << clientFrame(0x2, "abc", true, false) << 1002;
    QByteArray rsv = clientFrame(0x2, "abc");
    rsv[0] = char(rsv[0] | 0x40);
    QTest::addRow("RSV1") << rsv << 1002;
    QTest::addRow("opcode 3") << clientFrame(0x3, "abc") << 1002;
    QTest::addRow("fragmented ping") << clientFrame(0x9, "abc", false) << 1002;
    QTest::addRow("continuation first") << clientFrame(0x0, "abc") << 1002;
    QTest::addRow("new message inside another")
        << clientFrame(0x2, "ab", false) + clientFrame(0x2, "cd") << 1002;
    QTest::addRow("close with one byte") << clientFrame(0x8, "x") << 1002;
    QTest::addRow("close with code 999") << clientFrame(0x8, QByteArray("\x03\xe7", 2)) << 1002;
    QTest::addRow("invalid UTF-8 text") << clientFrame(0x1, "\xc3\x28") << 1007;
    QTest::addRow("8 GiB announced")
        << QByteArray::fromHex("82ff0000000200000000") + QByteArray(4, '\0') << 1009;
    // 2 bytes so far + (2^64 - 1) wraps around to 1 when added without care.
    QTest::addRow("continuation length wrapping around") << clientFrame(0x2, "ab", false)
            + QByteArray::fromHex("80ffffffffffffffffff")
            + QByteArray(4, '\0') << 1009;
}

void tst_EdgeConnection::protocolErrorsClose1002()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    auto socket = rawUpgraded();
    QVERIFY(socket);
    socket->write(bytes + clientFrame(0x2, "after the error"));
    QCOMPARE(readCloseCode(*socket), code);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QCOMPARE(m_connection->closeCode(), quint16(code));
    QVERIFY(!m_recorder.messages.contains("after the error"));
}

void tst_EdgeConnection::frameArrivingByteByByte()
{
    auto socket = rawUpgraded();
    QVERIFY(socket);
    const QByteArray frame = clientFrame(0x2, QByteArray(300, 'z'));
    for (const char byte : frame) {
        socket->write(&byte, 1);
        QVERIFY(socket->waitForBytesWritten(1000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.messages.size(), 1, 5000);
    QCOMPARE(m_recorder.messages.first(), QByteArray(300, 'z'));
}

void tst_EdgeConnection::unreadBytesWaitAndDrain()
{
    auto socket = rawUpgraded();
    QVERIFY(socket);
    m_connection->setBudget(64 * 1024, 32 * 1024, 32 * 1024 * 1024);
    socket->setReadBufferSize(1); // the client stops reading
    const QByteArray chunk(64 * 1024, 'u');
    const qint64 total = 256 * (chunk.size() + 10); // head: 10 bytes (127 + 64-bit length)
    for (int i = 0; i < 256; ++i) // 16 MiB: more than the kernel's buffers hold
        m_connection->sendBinary(chunk);
    QVERIFY(m_connection->bytesToWrite() > 0);
    qint64 read = 0;
    connect(socket.get(), &QIODevice::readyRead, this, [&] { read += socket->readAll().size(); });
    socket->setReadBufferSize(0);
    read += socket->readAll().size();
    QTRY_COMPARE_WITH_TIMEOUT(read, total, 20000);
    QCOMPARE(m_connection->bytesToWrite(), 0);
}

void tst_EdgeConnection::pongsCountInTheBudget()
{
    // protocol.md §3 rule 4: an edge that pings and never reads holds at most the high
    // watermark (plus one pong) in cxserver; reading stops until it reads again.
    auto socket = rawUpgraded();
    QVERIFY(socket);
    constexpr qint64 HighWater = 16 * 1024;
    m_connection->setBudget(HighWater, HighWater / 2, 1024 * 1024);
    socket->setReadBufferSize(1); // the client stops reading
    const QByteArray ping = clientFrame(0x9, QByteArray(125, 'p'));
    constexpr int Pings = 40000; // 5.2 MB of pongs: far more than the kernel's buffers
    for (int i = 0; i < Pings; ++i)
        socket->write(ping);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->isReadPaused(), 10000);
    QVERIFY2(m_connection->bytesToWrite() <= HighWater + 127,
             QByteArray::number(m_connection->bytesToWrite()).constData());
    QCOMPARE(m_recorder.closedCount, 0);
    // The client reads again: every ping is answered, in order, and reading resumes.
    qint64 read = 0;
    connect(socket.get(), &QIODevice::readyRead, this, [&] { read += socket->readAll().size(); });
    socket->setReadBufferSize(0);
    read += socket->readAll().size();
    QTRY_COMPARE_WITH_TIMEOUT(read, qint64(Pings) * 127, 30000);
    QVERIFY(!m_connection->isReadPaused());
    QCOMPARE(m_recorder.closedCount, 0);
}

void tst_EdgeConnection::queueBeyondTheSendLimitAborts()
{
    auto socket = rawUpgraded();
    QVERIFY(socket);
    m_connection->setBudget(64 * 1024, 32 * 1024, 1024 * 1024);
    socket->setReadBufferSize(1); // the client never reads
    // 16 MiB: the kernel takes a few, the rest is over the 1 MiB limit.
    m_connection->sendBinary(QByteArray(16 * 1024 * 1024, 'x'));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QVERIFY(m_connection->overflowed());
    QCOMPARE(m_connection->bytesToWrite(), 0); // given back at once
}

void tst_EdgeConnection::heldBytesPauseReading()
{
    auto socket = rawUpgraded();
    QVERIFY(socket);
    m_connection->setBudget(64 * 1024, 32 * 1024, 1024 * 1024);
    m_connection->setHeldBytes(100 * 1024); // e.g. BIND bodies in flight
    QVERIFY(m_connection->isReadPaused());
    socket->write(clientFrame(0x2, "while held"));
    QVERIFY(socket->waitForBytesWritten(1000));
    QTest::qWait(100); // a bounded window in which nothing may be delivered
    QVERIFY(m_recorder.messages.isEmpty());
    m_connection->setHeldBytes(40 * 1024); // above the low watermark: still paused
    QVERIFY(m_connection->isReadPaused());
    m_connection->setHeldBytes(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.messages.size(), 1, 5000);
    QCOMPARE(m_recorder.messages.first(), QByteArray("while held"));
}

void tst_EdgeConnection::onlyWholeFramesCountAsActivity()
{
    // protocol.md §3 rule 3: bytes of a frame that never completes do not keep an edge alive.
    auto socket = rawUpgraded();
    QVERIFY(socket);
    const QByteArray frame = clientFrame(0x2, QByteArray(1000, 'd'));
    for (qsizetype i = 0; i < 500; i += 50) { // a slow drip of half a frame
        socket->write(frame.mid(i, 50));
        QVERIFY(socket->waitForBytesWritten(1000));
        QTest::qWait(5); // lets the server read each piece
    }
    QCOMPARE(m_recorder.activeCount, 0);
    socket->write(frame.mid(500));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.messages.size(), 1, 5000);
    QCOMPARE(m_recorder.activeCount, 1);
    socket->write(clientFrame(0x9, "ping"));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.activeCount, 2, 5000);
}

void tst_EdgeConnection::tlsUpgradeEchoAndClose_data()
{
    QTest::addColumn<int>("size");
    QTest::addRow("empty") << 0;
    QTest::addRow("200 bytes") << 200; // head and payload in one TLS record
    QTest::addRow("64 KiB") << 64 * 1024; // through the unsent-bytes buffer
    QTest::addRow("1 MiB") << 1024 * 1024;
}

void tst_EdgeConnection::tlsUpgradeEchoAndClose()
{
    QFETCH(int, size);
    // A CA and a server certificate it signed; the server presents both (leaf and chain).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    cx::test::Pki pki(dir.path());
    QVERIFY2(pki.makeCa()
                 && pki.makeServer(QStringLiteral("server"), {QStringLiteral("IP:127.0.0.1")}),
             qPrintable(pki.error()));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem")));
    const QList<QSslCertificate> leaf
        = QSslCertificate::fromPath(pki.path(QStringLiteral("server.pem")));
    QFile keyFile(pki.path(QStringLiteral("server.key")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey key(keyFile.readAll(), QSsl::Rsa);
    QCOMPARE(ca.size(), 1);
    QCOMPARE(leaf.size(), 1);
    QVERIFY(!key.isNull());
    QSslConfiguration serverConfiguration;
    serverConfiguration.setLocalCertificateChain({leaf.first(), ca.first()});
    serverConfiguration.setPrivateKey(key);
    QString error;
    const std::unique_ptr<TlsContext> tls = TlsContext::create(serverConfiguration, {}, &error);
    QVERIFY2(tls, qPrintable(error));

    m_recorder.echo = true;
    QWebSocket client;
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setCaCertificates(ca);
    client.setSslConfiguration(clientConfiguration);
    QList<QByteArray> received;
    connect(&client, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &message) { received.append(message); });
    client.open(
        QUrl(QStringLiteral("wss://127.0.0.1:%1/Thingworx/WS").arg(m_server->serverPort())));
    QVERIFY(acceptOne(1 << 21, tls.get()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
    QVERIFY(m_connection->isOpen());
    QVERIFY(echoesBack(client, received, size));

    m_connection->close(4001, "tls bye");
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(client.closeCode()), 4001);
    QCOMPARE(client.closeReason(), QStringLiteral("tls bye"));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closedCount, 1, 5000);
    QCOMPARE(m_connection->closeCode(), quint16(4001));
}

QTEST_GUILESS_MAIN(tst_EdgeConnection)
#include "tst_edgeconnection.moc"

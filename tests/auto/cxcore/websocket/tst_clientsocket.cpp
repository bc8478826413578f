// ClientSocket, the client WebSocket on a thread's poller (cxserver's pipes and tunnels,
// cxedgesim's edges), in-process: against a Qt WebSockets server, a raw server that sends
// any bytes or stops reading, and a wss server. Built twice: tst_clientsocket_epoll runs the
// same tests with the main thread on the EpollEventDispatcher, whose set the poller joins,
// as on cxserver's worker threads.

#include "eventloop/epolleventdispatcher.h"
#include "eventloop/eventpoller.h"
#include "net/clienttlscontext.h"
#include "pki.h"
#include "websocket/clientsocket.h"
#include "websocket/frame.h"
#include "websocketpeers.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

using namespace cx;
using namespace cx::websocket;
using namespace Qt::StringLiterals;
using test::pattern;
using test::RawWebSocketServer;
using test::SocketRecorder;
using test::WebSocketServer;

namespace {

/// A poller, a recorder and a socket on them, as a worker has.
struct Client
{
    Client()
        : socket(poller, recorder)
    { }
    eventloop::EventPoller poller;
    SocketRecorder recorder;
    ClientSocket socket;
};

bool openBoth(WebSocketServer &server, Client &client)
{
    if (!server.listen())
        return false;
    client.socket.open(server.url(), {{"appKey", "k"}});
    return QTest::qWaitFor([&] { return client.recorder.opened == 1 && server.last(); }, 5000);
}

/// Opens \a client to \a server, which then stops reading, and sends \a block until the
/// kernel refuses some of it: the blocks sent, or 0 when it never did (or did not open).
int sendUntilRefused(RawWebSocketServer &server, Client &client, const QByteArray &block)
{
    if (!server.listen())
        return 0;
    client.socket.open(server.url());
    if (!QTest::qWaitFor([&] { return client.recorder.opened == 1; }, 5000))
        return 0;
    server.setReading(false);
    for (int sent = 1; sent <= 400; ++sent) {
        client.socket.send(block);
        if (client.socket.bytesToWrite() > 0)
            return sent;
    }
    return 0;
}

/// A wss server with a certificate for \a subjectAltNames, and the trust of its CA.
struct TlsServer
{
    QTemporaryDir folder;
    WebSocketServer server {QWebSocketServer::SecureMode};
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    QString error;

    bool start(const QStringList &subjectAltNames)
    {
        test::Pki pki(folder.path());
        if (!folder.isValid() || !pki.makeCa() || !pki.makeServer(u"server"_s, subjectAltNames)) {
            error = pki.error();
            return false;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate::fromPath(pki.path(u"server.pem"_s)).value(0));
        QFile keyFile(pki.path(u"server.key"_s));
        if (keyFile.open(QIODevice::ReadOnly))
            tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.server.setSslConfiguration(tls);
        trust.setCaCertificates(QSslCertificate::fromPath(pki.path(u"ca.pem"_s)));
        if (!server.listen()) {
            error = u"cannot listen"_s;
            return false;
        }
        return true;
    }
};

/// Runs \a during inside one pass of \a poller: a socket pair whose one end it watches
/// turns readable, and its handler calls \a during once.
class InsideAPass final : public eventloop::PollHandler
{
public:
    InsideAPass(eventloop::EventPoller &poller, std::function<void()> during)
        : m_poller(poller)
        , m_during(std::move(during))
    {
        QString error;
        m_ok = ::socketpair(AF_UNIX, SOCK_STREAM, 0, m_pair) == 0
            && m_poller.add(m_pair[0], this, &error) && ::write(m_pair[1], "x", 1) == 1;
    }
    ~InsideAPass() override
    {
        m_poller.remove(m_pair[0]);
        ::close(m_pair[0]);
        ::close(m_pair[1]);
    }
    bool ok() const { return m_ok; }
    bool ran() const { return m_ran; }

private:
    void pollEvents(bool, bool) override
    {
        char byte;
        if (::read(m_pair[0], &byte, 1) == 1 && !m_ran) {
            m_ran = true;
            m_during();
        }
    }

    eventloop::EventPoller &m_poller;
    std::function<void()> m_during;
    int m_pair[2] = {-1, -1};
    bool m_ok = false;
    bool m_ran = false;
};

} // namespace

class tst_ClientSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollerJoinsTheThreadsDispatcher();
    void openAndExchange();
    void hostNameIsResolved();
    void writesGoToTheKernelAtOnce();
    void writesOfAPassLeaveWhenItEnds();
    void onlyRefusedBytesWait();
    void pingFloodToANonReaderHoldsNothing();
    void endlessUpgradeResponseIsRefused();
    void fragmentedServerMessage();
    void pingPong();
    void tooLargeMessage_data();
    void tooLargeMessage();
    void closeByClient();
    void closeByServer();
    void invalidServerFrames_data();
    void invalidServerFrames();
    void refusedUpgrade_data();
    void refusedUpgrade();
    void connectionRefused();
    void serverDropsConnection();
    void reopen();
    void handlerSendsAndAborts();
    void tls_data();
    void tls();
    void tlsCloseInsideMessageHandler();
    void textMessagesWhenAsked();
    void invalidUtf8TextCloses1007();
    void pausedReadingHoldsMessagesBack();
};

void tst_ClientSocket::openAndExchange()
{
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    client.socket.send("hello");
    QTRY_COMPARE(server.received, QList<QByteArray>({"hello"}));
    server.last()->sendBinaryMessage("back");
    QTRY_COMPARE(client.recorder.messages, QList<QByteArray>({"back"}));
    // A text message is read and dropped: a pipe carries binary messages only.
    server.last()->sendTextMessage(u"text"_s);
    server.last()->sendBinaryMessage("after");
    QTRY_COMPARE(client.recorder.messages, QList<QByteArray>({"back", "after"}));
    QCOMPARE(client.recorder.closed, 0);
}

void tst_ClientSocket::hostNameIsResolved()
{
    WebSocketServer server;
    QVERIFY(server.listen());
    Client client;
    client.socket.open(QUrl(u"ws://localhost:%1/Thingworx/WS"_s.arg(server.server.serverPort())));
    QTRY_COMPARE(client.recorder.opened, 1);
    client.socket.send("named");
    QTRY_COMPARE(server.received, QList<QByteArray>({"named"}));
}

void tst_ClientSocket::writesGoToTheKernelAtOnce()
{
    // What the socket takes leaves inside send(): nothing waits for the event loop, so a
    // burst never looks like backpressure (protocol.md §4 rule 1). The burst stays within
    // what a loopback socket takes with Linux's default buffers (tcp_rmem 128 KiB), so the
    // kernel never refuses here; onlyRefusedBytesWait is the case where it does.
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    for (int i = 0; i < 8; ++i) {
        client.socket.send(pattern(8 * 1024, i));
        QCOMPARE(client.socket.bytesToWrite(), qint64(0));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.received.size(), 8, 10000);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(server.received.at(i), pattern(8 * 1024, i));
}

void tst_ClientSocket::pollerJoinsTheThreadsDispatcher()
{
    // The first poller of a thread on the epoll dispatcher joins its set; a second one
    // keeps a set of its own. Both deliver their passes.
    const bool epollThread = qobject_cast<eventloop::EpollEventDispatcher *>(
        QThread::currentThread()->eventDispatcher());
    eventloop::EventPoller first;
    eventloop::EventPoller second;
    QCOMPARE(first.inThreadDispatcher(), epollThread);
    QVERIFY(!second.inThreadDispatcher());
    bool firstRan = false;
    bool secondRan = false;
    InsideAPass inFirst(first, [&] { firstRan = first.inPass(); });
    InsideAPass inSecond(second, [&] { secondRan = second.inPass(); });
    QVERIFY(inFirst.ok() && inSecond.ok());
    QTRY_VERIFY_WITH_TIMEOUT(firstRan && secondRan, 5000);
}

void tst_ClientSocket::writesOfAPassLeaveWhenItEnds()
{
    // The requests one poller pass reads from edges leave for a pipe in one write when the
    // pass ends; never more than CorkBytes wait, and none of it counts as backpressure.
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    const QByteArray small = pattern(100, 1);
    const QByteArray large = pattern(ClientSocket::CorkBytes, 2);
    qint64 gathered = -1, refused = -1, afterLarge = -1;
    InsideAPass pass(client.poller, [&] {
        for (int i = 0; i < 3; ++i)
            client.socket.send(small);
        gathered = client.socket.bytesAtPassEnd();
        refused = client.socket.bytesToWrite();
        client.socket.send(large); // too large to gather: written at once, behind the others
        afterLarge = client.socket.bytesAtPassEnd();
        client.socket.send(small); // gathered again
    });
    QVERIFY(pass.ok());
    QTRY_VERIFY(pass.ran());
    QCOMPARE(gathered, 3 * (small.size() + 6)); // 2 bytes of head, a 4-byte mask key each
    QCOMPARE(refused, qint64(0));
    QCOMPARE(afterLarge, qint64(0));
    QCOMPARE(client.socket.bytesAtPassEnd(), qint64(0)); // the pass has ended
    QTRY_COMPARE(server.received.size(), 5);
    QCOMPARE(server.received, (QList<QByteArray> {small, small, small, large, small})); // in order
    // Outside a pass nothing waits.
    client.socket.send(small);
    QCOMPARE(client.socket.bytesAtPassEnd(), qint64(0));
    QTRY_COMPARE(server.received.size(), 6);

    // A close in the same pass goes after what the pass gathered, not instead of it.
    InsideAPass closing(client.poller, [&] {
        client.socket.send(large.first(200));
        client.socket.close(CloseGoingAway);
        gathered = client.socket.bytesAtPassEnd();
    });
    QVERIFY(closing.ok());
    QTRY_VERIFY(closing.ran());
    QCOMPARE(gathered, (200 + 8) + (2 + 6)); // the message (16-bit length), the close frame
    QTRY_COMPARE(server.closeCodes, QList<int>({CloseGoingAway}));
    QCOMPARE(server.received.size(), 7);
    QCOMPARE(server.received.last(), large.first(200));
    QTRY_COMPARE(client.recorder.closed, 1);
}

void tst_ClientSocket::onlyRefusedBytesWait()
{
    RawWebSocketServer server;
    Client client;
    const QByteArray block = pattern(256 * 1024);
    // The kernel's buffers fill up; then what it refuses waits in the socket, and only that.
    const int sent = sendUntilRefused(server, client, block);
    QVERIFY2(sent > 0, "the kernel never refused");
    QVERIFY(client.socket.bytesToWrite() <= block.size() + MaxFrameHeadSize);
    client.socket.send(block); // behind the refused bytes
    const qint64 waiting = client.socket.bytesToWrite();
    QVERIFY(waiting > block.size());
    QCOMPARE(client.recorder.bytesWritten, 0);
    server.setReading(true);
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.bytesToWrite(), qint64(0), 10000);
    QVERIFY(client.recorder.bytesWritten > 0);
    const qint64 frameSize = 14 + block.size(); // 2 bytes, an 8-byte length, a mask key
    QTRY_COMPARE_WITH_TIMEOUT(server.afterUpgrade.size(), (sent + 1) * frameSize, 10000);
}

void tst_ClientSocket::pingFloodToANonReaderHoldsNothing()
{
    // A hostile server that stops reading and sends pings: the pongs would wait for the
    // kernel one after the other. They are skipped while anything waits (RFC 6455 §5.5.3).
    RawWebSocketServer server;
    Client client;
    QVERIFY2(sendUntilRefused(server, client, pattern(256 * 1024)) > 0, "the kernel never refused");
    const qint64 waiting = client.socket.bytesToWrite();
    const QByteArray ping = QByteArray::fromHex("897d") + QByteArray(125, 'p'); // 127 bytes
    server.socket->write(ping.repeated(8192) + QByteArray::fromHex("8201 7a")); // 1 MB, "z"
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messages, QList<QByteArray>({"z"}), 10000);
    QCOMPARE(client.socket.bytesToWrite(), waiting); // not one pong more
    QCOMPARE(client.recorder.closed, 0);
}

void tst_ClientSocket::endlessUpgradeResponseIsRefused()
{
    // A response head that never ends is refused once it passes 16 KiB
    // (websocket::MaxHandshakeHead), however much the server sends.
    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.answer
        = "HTTP/1.1 101 Switching Protocols\r\nX-Pad: " + QByteArray(4 * 1024 * 1024, 'x');
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.closed, 1, 10000);
    QCOMPARE(client.recorder.opened, 0);
    QCOMPARE(client.socket.errorString(), u"upgrade response too long"_s);
}

void tst_ClientSocket::fragmentedServerMessage()
{
    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.afterAnswer = QByteArray::fromHex("0203 616263 8900 0002 6465 8001 66");
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.messages, QList<QByteArray>({"abcdef"}));
    QCOMPARE(client.recorder.closed, 0);
    QTRY_VERIFY(server.afterUpgrade.size() >= 6); // the pong to the ping between fragments
    FrameHead head;
    QVERIFY(parseFrameHead(server.afterUpgrade, &head));
    QCOMPARE(head.opcode, quint8(Pong));
    QVERIFY(head.masked);
}

void tst_ClientSocket::pingPong()
{
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    client.socket.ping();
    QTRY_COMPARE(client.recorder.pongs, 1); // the server answered
    server.last()->ping("p");
    QTRY_COMPARE(server.pongs, QList<QByteArray>({"p"})); // the client answered the ping
}

void tst_ClientSocket::tooLargeMessage_data()
{
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<int>("frameSize");
    QTest::addColumn<int>("messageSize");

    QTest::addRow("one frame") << qint64(1000) << 512 * 1024 << 1001;
    QTest::addRow("fragments") << qint64(3000) << 1000 << 3001;
}

void tst_ClientSocket::tooLargeMessage()
{
    QFETCH(qint64, maxSize);
    QFETCH(int, frameSize);
    QFETCH(int, messageSize);

    WebSocketServer server;
    Client client;
    client.socket.setMaxMessageSize(maxSize);
    QVERIFY(openBoth(server, client));
    server.last()->setOutgoingFrameSize(quint64(frameSize));
    server.last()->sendBinaryMessage(pattern(maxSize)); // exactly the maximum: fine
    server.last()->sendBinaryMessage(pattern(messageSize));
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.messages, QList<QByteArray>({pattern(maxSize)}));
    QCOMPARE(client.socket.closeCode(), quint16(CloseTooBig));
    QVERIFY2(client.socket.errorString().contains(u"larger than"_s),
             qPrintable(client.socket.errorString()));
    QVERIFY(!client.socket.isOpen());
    QTRY_COMPARE(server.closeCodes, QList<int>({CloseTooBig}));
}

void tst_ClientSocket::closeByClient()
{
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    client.socket.close(CloseGoingAway);
    QCOMPARE(client.recorder.closed, 0); // not from inside close()
    QTRY_COMPARE(client.recorder.closed, 1);
    QTRY_COMPARE(server.closeCodes, QList<int>({CloseGoingAway}));
}

void tst_ClientSocket::closeByServer()
{
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    server.last()->close(QWebSocketProtocol::CloseCodeGoingAway, u"bye"_s);
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.socket.closeCode(), quint16(CloseGoingAway));
    QCOMPARE(client.socket.errorString(), u"bye"_s);
    QTRY_COMPARE(server.closeCodes, QList<int>({CloseGoingAway}));
}

void tst_ClientSocket::invalidServerFrames_data()
{
    QTest::addColumn<QByteArray>("frames"); // after a valid binary frame "a"
    QTest::addColumn<int>("closeCode");

    QTest::addRow("masked") << QByteArray::fromHex("8281 01020304 60") << int(CloseProtocolError);
    QTest::addRow("RSV1") << QByteArray::fromHex("c201 62") << int(CloseProtocolError);
    QTest::addRow("opcode 3") << QByteArray::fromHex("8300") << int(CloseProtocolError);
    QTest::addRow("ping of 126 bytes")
        << QByteArray::fromHex("897e007e") + QByteArray(126, 'p') << int(CloseProtocolError);
    QTest::addRow("continuation alone")
        << QByteArray::fromHex("8001 62") << int(CloseProtocolError);
    QTest::addRow("message inside a fragmented one")
        << QByteArray::fromHex("0201 62 8201 63") << int(CloseProtocolError);
    QTest::addRow("close with code 1005")
        << QByteArray::fromHex("8802 03ed") << int(CloseProtocolError);
    QTest::addRow("close reason not UTF-8")
        << QByteArray::fromHex("8804 03e8 c328") << int(CloseInvalidPayload);
    QTest::addRow("text not UTF-8") << QByteArray::fromHex("8102 c328") << int(CloseInvalidPayload);
    QTest::addRow("2^40 bytes announced")
        << QByteArray::fromHex("827f 0000010000000000") << int(CloseTooBig);
}

void tst_ClientSocket::invalidServerFrames()
{
    QFETCH(QByteArray, frames);
    QFETCH(int, closeCode);

    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.afterAnswer = QByteArray::fromHex("8201 61") + frames; // one write with the 101
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 1);
    QCOMPARE(client.recorder.messages, QList<QByteArray>({"a"}));
    QCOMPARE(client.socket.closeCode(), quint16(closeCode));
    QVERIFY(!client.socket.errorString().isEmpty());
    QTRY_COMPARE(server.clientCloseCode(), closeCode); // the client said why
    QTRY_VERIFY(server.disconnected);
}

void tst_ClientSocket::refusedUpgrade_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("error");

    QTest::addRow("403") << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                         << u"403 Forbidden"_s;
    QTest::addRow("wrong accept") << QByteArray(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n")
                                  << u"Sec-WebSocket-Accept"_s;
}

void tst_ClientSocket::refusedUpgrade()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, error);

    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.answer = answer;
    Client client;
    client.socket.open(server.url(), {{"appKey", "k"}});
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 0);
    QCOMPARE(client.socket.closeCode(), quint16(CloseAbnormal));
    QVERIFY2(client.socket.errorString().contains(error), qPrintable(client.socket.errorString()));
    // What the raw server saw: a valid upgrade request with the extra header.
    QVERIFY(parseUpgradeRequest(server.head).refusal.isEmpty());
    QCOMPARE(headerValue(server.head, "appkey"), QByteArrayView("k"));
}

void tst_ClientSocket::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    Client client;
    client.socket.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
    QCOMPARE(client.recorder.closed, 0); // never from inside open()
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 0);
    QCOMPARE(client.socket.closeCode(), quint16(CloseAbnormal));
    // The operator reads the kernel's words (config.md §5 lastError).
    QCOMPARE(client.socket.errorString(), u"Connection refused"_s);
}

void tst_ClientSocket::serverDropsConnection()
{
    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.afterAnswer = QByteArray::fromHex("8201 61");
    server.closeAfterAnswer = true; // without a close frame
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 1);
    QCOMPARE(client.recorder.messages, QList<QByteArray>({"a"}));
    QCOMPARE(client.socket.closeCode(), quint16(CloseAbnormal));
    QVERIFY(!client.socket.errorString().isEmpty());
}

void tst_ClientSocket::reopen()
{
    WebSocketServer server;
    QVERIFY(server.listen());
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.opened, 1);
    client.socket.close(CloseNormal);
    QTRY_COMPARE(client.recorder.closed, 1);

    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.opened, 2);
    QCOMPARE(client.socket.closeCode(), quint16(CloseAbnormal)); // reset by open()
    client.socket.send("again");
    QTRY_COMPARE(server.received, QList<QByteArray>({"again"}));

    // Opening while open drops the old connection without a handler call.
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.opened, 3);
    QCOMPARE(client.recorder.closed, 1);
    QTRY_COMPARE(server.closeCodes.size(), 2); // the first two connections are gone
}

void tst_ClientSocket::handlerSendsAndAborts()
{
    RawWebSocketServer server;
    QVERIFY(server.listen());
    server.afterAnswer = QByteArray::fromHex("8203 616263");
    Client client;
    client.recorder.onMessage = [&client](std::span<char> message) {
        if (client.recorder.messages.size() == 1) {
            // Rewritten in place and sent back from the read buffer.
            message[0] = 'A';
            client.socket.send(QByteArrayView(message.data(), qsizetype(message.size())));
        } else {
            client.socket.abort();
        }
    };
    client.socket.open(server.url());
    QTRY_COMPARE(server.afterUpgrade.size(), 6 + 3); // a masked frame of three bytes
    FrameHead head;
    QVERIFY(parseFrameHead(server.afterUpgrade, &head));
    QVERIFY(head.masked);
    QCOMPARE(head.opcode, quint8(Binary));
    QByteArray payload = server.afterUpgrade.sliced(head.size, 3);
    applyMask(payload.constData(), payload.data(), payload.size(), head.key);
    QCOMPARE(payload, QByteArray("Abc"));

    // The handler aborts on "x": "y", read in the same pass, is not delivered, and abort()
    // is silent.
    server.socket->write(QByteArray::fromHex("8201 78 8201 79"));
    QTRY_VERIFY(server.disconnected);
    QCOMPARE(client.recorder.messages, QList<QByteArray>({"abc", "x"}));
    QCOMPARE(client.recorder.closed, 0);
    QVERIFY(!client.socket.isOpen());
}

void tst_ClientSocket::tls_data()
{
    QTest::addColumn<QStringList>("subjectAltNames");
    QTest::addColumn<bool>("validateHostName");
    QTest::addColumn<bool>("ownCa"); ///< trust the server's CA (else only the system's)
    QTest::addColumn<bool>(
        "verifyPeer"); ///< false: QSslSocket::VerifyNone (cxedgesim's --insecure)
    QTest::addColumn<QString>("refusal"); ///< empty: the socket opens

    QTest::addRow("address named")
        << QStringList {u"IP:127.0.0.1"_s} << true << true << true << QString();
    QTest::addRow("another name")
        << QStringList {u"DNS:platform.example"_s} << true << true << true
        << u"TLS refused: certificate verify failed: IP address mismatch"_s;
    QTest::addRow("another name, not validated")
        << QStringList {u"DNS:platform.example"_s} << false << true << true << QString();
    QTest::addRow("unknown CA") << QStringList {u"IP:127.0.0.1"_s} << true << false << true
                                << u"TLS refused: certificate verify failed"_s;
    QTest::addRow("unknown CA, names not validated")
        << QStringList {u"IP:127.0.0.1"_s} << false << false << true
        << u"TLS refused: certificate verify failed"_s;
    // No verification at all: the host name is not checked either, even when asked.
    QTest::addRow("unknown CA, another name, not verified")
        << QStringList {u"DNS:platform.example"_s} << true << false << false << QString();
}

void tst_ClientSocket::tls()
{
    QFETCH(QStringList, subjectAltNames);
    QFETCH(bool, validateHostName);
    QFETCH(bool, ownCa);
    QFETCH(bool, verifyPeer);
    QFETCH(QString, refusal);

    TlsServer tls;
    QVERIFY2(tls.start(subjectAltNames), qPrintable(tls.error));
    QSslConfiguration trust = ownCa ? tls.trust : QSslConfiguration::defaultConfiguration();
    if (!verifyPeer)
        trust.setPeerVerifyMode(QSslSocket::VerifyNone);
    QString error;
    const auto context = net::ClientTlsContext::create(trust, &error);
    QVERIFY2(context, qPrintable(error));
    Client client;
    client.socket.setTls(context, validateHostName);
    client.socket.open(tls.server.url(u"wss"_s));
    if (refusal.isEmpty()) {
        QTRY_COMPARE(client.recorder.opened, 1);
        client.socket.send("over TLS");
        QTRY_COMPARE(tls.server.received, QList<QByteArray>({"over TLS"}));
        QTRY_VERIFY(tls.server.last());
        tls.server.last()->sendBinaryMessage(pattern(100000));
        QTRY_COMPARE(client.recorder.messages, QList<QByteArray>({pattern(100000)}));
    } else {
        QTRY_COMPARE(client.recorder.closed, 1);
        QCOMPARE(client.recorder.opened, 0);
        QVERIFY2(client.socket.errorString().startsWith(refusal),
                 qPrintable(client.socket.errorString()));
    }
}

void tst_ClientSocket::tlsCloseInsideMessageHandler()
{
    // OpenSSL hands over one record (16 KiB) at a time: close() from the handler must
    // neither call the handler again for the next message nor move the buffer the current
    // message lives in.
    TlsServer tls;
    QVERIFY2(tls.start({u"IP:127.0.0.1"_s}), qPrintable(tls.error));
    QString error;
    const auto context = net::ClientTlsContext::create(tls.trust, &error);
    QVERIFY2(context, qPrintable(error));
    Client client;
    client.socket.setTls(context, true);
    const QByteArray first(20 * 1024, 'a');
    const QByteArray second(20 * 1024, 'b');
    int depth = 0;
    int maxDepth = 0;
    bool intact = false;
    client.recorder.onMessage = [&](std::span<char> message) {
        maxDepth = std::max(maxDepth, ++depth);
        if (client.recorder.messages.size() == 1) {
            client.socket.close(CloseNormal);
            // Still the bytes the socket lent: reading them must be safe and give "a"s.
            intact = QByteArrayView(message.data(), qsizetype(message.size())) == first;
        }
        --depth;
    };
    client.socket.open(tls.server.url(u"wss"_s));
    QTRY_COMPARE(client.recorder.opened, 1);
    QTRY_VERIFY(tls.server.last());
    tls.server.last()->sendBinaryMessage(first);
    tls.server.last()->sendBinaryMessage(second);
    tls.server.last()->flush();
    QTRY_COMPARE(client.recorder.closed, 1);
    // What the server sent before it read the close frame may still come, whole.
    QCOMPARE(client.recorder.messages.value(0), first);
    QVERIFY(client.recorder.messages.size() == 1 || client.recorder.messages.value(1) == second);
    QVERIFY(client.recorder.messages.size() <= 2);
    QVERIFY(intact);
    QCOMPARE(maxDepth, 1);
    QCOMPARE(client.socket.closeCode(), quint16(CloseNormal));
}

void tst_ClientSocket::textMessagesWhenAsked()
{
    // The platform side of a tunnel relays text as text (protocol.md §8).
    WebSocketServer server;
    Client client;
    client.socket.setTextMessages(true);
    QVERIFY(openBoth(server, client));
    server.last()->setOutgoingFrameSize(1000);
    server.last()->sendTextMessage(u"ünïcode ✓"_s);
    server.last()->sendTextMessage(QString(2500, u'x')); // three frames, assembled
    server.last()->sendBinaryMessage("binary");
    QTRY_COMPARE(client.recorder.messages.size(), 1);
    QCOMPARE(client.recorder.texts,
             QList<QByteArray>({u"ünïcode ✓"_s.toUtf8(), QByteArray(2500, 'x')}));
    QCOMPARE(client.recorder.messages[0], QByteArray("binary"));
    client.socket.sendText(u"back ✓"_s.toUtf8());
    QTRY_COMPARE(server.receivedTexts, QStringList({u"back ✓"_s}));
}

void tst_ClientSocket::invalidUtf8TextCloses1007()
{
    RawWebSocketServer server;
    QVERIFY(server.listen());
    uchar head[MaxFrameHeadSize];
    const QByteArray invalid("\xC3\x28 not UTF-8");
    const int size = writeFrameHead(head, Text, quint64(invalid.size()), nullptr);
    server.afterAnswer = QByteArray(reinterpret_cast<const char *>(head), size) + invalid;
    Client client;
    client.socket.setTextMessages(true);
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 1);
    QVERIFY(client.recorder.texts.isEmpty());
    QCOMPARE(client.socket.closeCode(), quint16(CloseInvalidPayload));
    QTRY_COMPARE(server.clientCloseCode(), int(CloseInvalidPayload));
}

void tst_ClientSocket::pausedReadingHoldsMessagesBack()
{
    WebSocketServer server;
    Client client;
    QVERIFY(openBoth(server, client));
    // Paused from inside the handler: the messages after it wait, and what the server
    // sends stays in the kernel's buffers (and then in the server's).
    client.recorder.onMessage = [&](std::span<char>) {
        client.socket.setReadingPaused(true);
    };
    const QByteArray big = pattern(256 * 1024);
    for (int i = 0; i < 64; ++i) // 16 MB toward a paused reader
        server.last()->sendBinaryMessage(big);
    QTRY_COMPARE(client.recorder.messages.size(), 1);
    QVERIFY(client.socket.isReadingPaused());
    // The server cannot hand everything over: the kernel's buffers are full.
    QTRY_VERIFY_WITH_TIMEOUT(server.last()->bytesToWrite() > 0, 10000);
    QCOMPARE(client.recorder.messages.size(), 1);

    client.recorder.onMessage = nullptr;
    client.socket.setReadingPaused(false);
    QCOMPARE(client.recorder.messages.size(), 1); // not inside the call: from the event loop
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messages.size(), 64, 20000);
    for (const QByteArray &message : std::as_const(client.recorder.messages))
        QCOMPARE(message, big);
    QCOMPARE(client.recorder.closed, 0);
}

#ifdef CX_TEST_EPOLL_DISPATCHER
int main(int argc, char **argv)
{
    QCoreApplication::setEventDispatcher(new eventloop::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_ClientSocket test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#else
QTEST_GUILESS_MAIN(tst_ClientSocket)
#endif
#include "tst_clientsocket.moc"

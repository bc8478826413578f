#include "pki.h"
#include "websocket/clientsocket.h"
#include "websocketpeers.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>
#include <functional>
#include <memory>

using namespace cx::websocket;
using namespace Qt::StringLiterals;
using cx::test::pattern;
using cx::test::SocketRecorder;
using Server = cx::test::WebSocketServer;
using RawServer = cx::test::RawWebSocketServer;

namespace {

/// A recorder and its socket.
struct Client
{
    Client()
        : socket(recorder)
    {
        recorder.onSslErrors = [this] {
            if (ignoreSslErrors)
                socket.ignoreSslErrors();
        };
    }
    SocketRecorder recorder;
    bool ignoreSslErrors = false;
    ClientSocket socket;
};

/// A wss server and a client of it: a CA and a "server" certificate in a temporary folder,
/// the server with that certificate, the client trusting that CA only.
struct TlsPair
{
    QTemporaryDir folder;
    Server server {QWebSocketServer::SecureMode};
    Client client;
    QString error; ///< why start() failed

    /// Makes the certificates for \a subjectAltNames and listens; false on failure.
    bool start(const QStringList &subjectAltNames)
    {
        cx::test::Pki pki(folder.path());
        if (!folder.isValid() || !pki.makeCa() || !pki.makeServer(u"server"_s, subjectAltNames)) {
            error = pki.error();
            return false;
        }
        QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
        serverTls.setLocalCertificate(
            QSslCertificate::fromPath(pki.path(u"server.pem"_s)).value(0));
        QFile keyFile(pki.path(u"server.key"_s));
        if (keyFile.open(QIODevice::ReadOnly))
            serverTls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
        serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.server.setSslConfiguration(serverTls);
        QSslConfiguration clientTls = QSslConfiguration::defaultConfiguration();
        clientTls.setCaCertificates(QSslCertificate::fromPath(pki.path(u"ca.pem"_s)));
        client.socket.setSslConfiguration(clientTls);
        if (!server.listen()) {
            error = u"cannot listen"_s;
            return false;
        }
        return true;
    }
};

/// Listens, opens \a client to \a server and waits until both ends see the WebSocket.
bool openBoth(Server &server, Client &client)
{
    if (!server.listen())
        return false;
    client.socket.open(server.url());
    return QTest::qWaitFor([&] { return client.recorder.opened == 1 && server.last(); }, 5000);
}

} // namespace

class tst_ClientSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openAndExchange();
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
    void bytesWrittenNotification();
    void reopen();
    void handlerSendsAndAborts();
    void tlsHostNameMismatch_data();
    void tlsHostNameMismatch();
    void tlsCloseInsideMessageHandler();
    void textMessagesWhenAsked();
    void invalidUtf8Closes1007();
    void pausedReadingHoldsMessagesBack();
};

void tst_ClientSocket::openAndExchange()
{
    Server server;
    QVERIFY(server.listen());
    Client client;
    client.socket.open(server.url(), {{"appKey", "secret key"}});
    QTRY_COMPARE(client.recorder.opened, 1);
    QVERIFY(client.socket.isOpen());
    QTRY_VERIFY(server.last());
    QWebSocket *peer = server.last();
    QCOMPARE(peer->request().rawHeader("appKey"), QByteArray("secret key"));
    QCOMPARE(peer->requestUrl().path(), u"/Thingworx/WS"_s);
    QCOMPARE(peer->requestUrl().query(), u"x=1"_s);

    const QByteArray big = pattern(64 * 1024);
    client.socket.send("hello");
    client.socket.send(QByteArrayView());
    client.socket.send(big);
    QTRY_COMPARE(server.received.size(), 3);
    QCOMPARE(server.received[0], QByteArray("hello"));
    QCOMPARE(server.received[1], QByteArray());
    QCOMPARE(server.received[2], big);

    peer->sendBinaryMessage("world");
    peer->sendTextMessage(u"text is dropped"_s);
    peer->sendBinaryMessage(QByteArray());
    peer->sendBinaryMessage(pattern(64 * 1024, 3));
    QTRY_COMPARE(client.recorder.messages.size(), 3);
    QCOMPARE(client.recorder.messages[0], QByteArray("world"));
    QCOMPARE(client.recorder.messages[1], QByteArray());
    QCOMPARE(client.recorder.messages[2], pattern(64 * 1024, 3));
    QCOMPARE(client.recorder.closed, 0);
}

void tst_ClientSocket::fragmentedServerMessage()
{
    Server server;
    Client client;
    QVERIFY(openBoth(server, client));
    server.last()->setOutgoingFrameSize(1000);
    const QByteArray fragmented = pattern(5500, 1);
    server.last()->sendBinaryMessage(fragmented); // six frames
    server.last()->sendTextMessage(QString(2500, u'x')); // three frames, dropped
    server.last()->sendBinaryMessage("after");
    QTRY_COMPARE(client.recorder.messages.size(), 2);
    QCOMPARE(client.recorder.messages[0], fragmented);
    QCOMPARE(client.recorder.messages[1], QByteArray("after"));
    QCOMPARE(client.recorder.closed, 0);
}

void tst_ClientSocket::pingPong()
{
    Server server;
    Client client;
    QVERIFY(openBoth(server, client));

    client.socket.ping("abc");
    QTRY_COMPARE(client.recorder.pongs, 1);

    server.last()->ping("xyz"); // the client answers with the same payload
    QTRY_COMPARE(server.pongs.size(), 1);
    QCOMPARE(server.pongs[0], QByteArray("xyz"));
    QCOMPARE(client.recorder.closed, 0);
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

    Server server;
    QVERIFY(server.listen());
    Client client;
    client.socket.setMaxMessageSize(maxSize);
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.opened, 1);
    QTRY_VERIFY(server.last());
    server.last()->setOutgoingFrameSize(quint64(frameSize));
    server.last()->sendBinaryMessage(pattern(maxSize)); // exactly the maximum: fine
    server.last()->sendBinaryMessage(pattern(messageSize));
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.messages.size(), 1);
    QCOMPARE(qint64(client.recorder.messages[0].size()), maxSize);
    QCOMPARE(client.socket.closeCode(), quint16(CloseTooBig));
    QVERIFY2(client.socket.errorString().contains(u"larger than"_s),
             qPrintable(client.socket.errorString()));
    QVERIFY(!client.socket.isOpen());
    QTRY_COMPARE(server.closeCodes, QList<int>({CloseTooBig}));
}

void tst_ClientSocket::closeByClient()
{
    Server server;
    Client client;
    QVERIFY(openBoth(server, client));
    client.socket.close(4000);
    QVERIFY(!client.socket.isOpen());
    client.socket.send("ignored once closing");
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.socket.closeCode(), quint16(4000)); // the server's echo
    QCOMPARE(client.socket.errorString(), QString());
    QTRY_COMPARE(server.closeCodes, QList<int>({4000}));
    QVERIFY(server.received.isEmpty());
    client.socket.close(1000); // closed already: nothing happens
    QCOMPARE(client.recorder.closed, 1);
}

void tst_ClientSocket::closeByServer()
{
    Server server;
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
    QTest::addRow("RSV3") << QByteArray::fromHex("9201 62") << int(CloseProtocolError);
    QTest::addRow("opcode 3") << QByteArray::fromHex("8300") << int(CloseProtocolError);
    QTest::addRow("opcode 0xB") << QByteArray::fromHex("8b00") << int(CloseProtocolError);
    QTest::addRow("ping of 126 bytes")
        << QByteArray::fromHex("897e007e") + QByteArray(126, 'p') << int(CloseProtocolError);
    QTest::addRow("fragmented ping") << QByteArray::fromHex("0900") << int(CloseProtocolError);
    QTest::addRow("continuation alone")
        << QByteArray::fromHex("8001 62") << int(CloseProtocolError);
    QTest::addRow("message inside a fragmented one")
        << QByteArray::fromHex("0201 62 8201 63") << int(CloseProtocolError);
    QTest::addRow("close with one byte")
        << QByteArray::fromHex("8801 03") << int(CloseProtocolError);
    QTest::addRow("close with code 1005")
        << QByteArray::fromHex("8802 03ed") << int(CloseProtocolError);
    QTest::addRow("close reason not UTF-8")
        << QByteArray::fromHex("8804 03e8 c328") << int(CloseInvalidPayload);
    QTest::addRow("2^40 bytes announced")
        << QByteArray::fromHex("827f 0000010000000000") << int(CloseTooBig);
}

void tst_ClientSocket::invalidServerFrames()
{
    QFETCH(QByteArray, frames);
    QFETCH(int, closeCode);

    RawServer server;
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
    QTest::addRow("endless head") << QByteArray(MaxHandshakeHead + 10, 'h') << u"too long"_s;
}

void tst_ClientSocket::refusedUpgrade()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, error);

    RawServer server;
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
    QTRY_COMPARE(client.recorder.closed, 1);
    QCOMPARE(client.recorder.opened, 0);
    QCOMPARE(client.socket.closeCode(), quint16(CloseAbnormal));
    QVERIFY(!client.socket.errorString().isEmpty());
}

void tst_ClientSocket::serverDropsConnection()
{
    RawServer server;
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

void tst_ClientSocket::bytesWrittenNotification()
{
    Server server;
    QVERIFY(server.listen());
    Client quiet;
    Client notified;
    notified.socket.setBytesWrittenNotification(true);
    quiet.socket.open(server.url());
    notified.socket.open(server.url());
    QTRY_COMPARE(quiet.recorder.opened, 1);
    QTRY_COMPARE(notified.recorder.opened, 1);

    const QByteArray big = pattern(4 * 1024 * 1024);
    notified.socket.send(big);
    quiet.socket.send(big);
    QVERIFY(notified.socket.bytesToWrite() > 0); // held until the event loop writes it
    QTRY_VERIFY(notified.recorder.bytesWritten > 0);
    QTRY_COMPARE(notified.socket.bytesToWrite(), qint64(0));
    QTRY_COMPARE(quiet.socket.bytesToWrite(), qint64(0));
    QTRY_COMPARE(server.received.size(), 2);
    QCOMPARE(quiet.recorder.bytesWritten, 0);
}

void tst_ClientSocket::reopen()
{
    Server server;
    QVERIFY(server.listen());
    Client client;
    client.socket.open(server.url());
    QTRY_COMPARE(client.recorder.opened, 1);
    client.socket.close();
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
    RawServer server;
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
    QCOMPARE(head.length, quint64(3));
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

void tst_ClientSocket::tlsHostNameMismatch_data()
{
    QTest::addColumn<bool>("ignore");
    QTest::addRow("ignored") << true;
    QTest::addRow("refused") << false;
}

void tst_ClientSocket::tlsHostNameMismatch()
{
    QFETCH(bool, ignore);
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");

    TlsPair tls;
    // A name only: connecting to 127.0.0.1 makes a host name mismatch.
    QVERIFY2(tls.start({u"DNS:platform.example"_s}), qPrintable(tls.error));
    Server &server = tls.server;
    Client &client = tls.client;
    client.ignoreSslErrors = ignore;
    client.socket.open(server.url(u"wss"_s));
    if (ignore) {
        QTRY_COMPARE(client.recorder.opened, 1);
        client.socket.send("over TLS");
        QTRY_COMPARE(server.received, QList<QByteArray>({"over TLS"}));
        QTRY_VERIFY(server.last());
        server.last()->sendBinaryMessage("back");
        QTRY_COMPARE(client.recorder.messages, QList<QByteArray>({"back"}));
    } else {
        QTRY_COMPARE(client.recorder.closed, 1);
        QCOMPARE(client.recorder.opened, 0);
        QVERIFY(!client.socket.errorString().isEmpty());
    }
    QCOMPARE(client.recorder.sslErrors.size(), 1);
    QCOMPARE(client.recorder.sslErrors[0].error(), QSslError::HostNameMismatch);
}

void tst_ClientSocket::tlsCloseInsideMessageHandler()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // QSslSocket decrypts 4 KiB at a time and emits readyRead for each, also from inside
    // flush(): close() from the handler must neither call the handler again for the next
    // message nor move the buffer the current message lives in.
    TlsPair tls;
    QVERIFY2(tls.start({u"IP:127.0.0.1"_s}), qPrintable(tls.error));
    Server &server = tls.server;
    Client &client = tls.client;
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
    client.socket.open(server.url(u"wss"_s));
    QTRY_COMPARE(client.recorder.opened, 1);
    QTRY_VERIFY(server.last());
    server.last()->sendBinaryMessage(first);
    server.last()->sendBinaryMessage(second);
    server.last()->flush();
    QTRY_COMPARE(client.recorder.closed, 1);
    QVERIFY(!client.recorder.messages.isEmpty());
    QCOMPARE(client.recorder.messages.first(), first);
    QVERIFY(intact);
    QCOMPARE(maxDepth, 1);
    QCOMPARE(client.socket.closeCode(), quint16(CloseNormal));
}

void tst_ClientSocket::textMessagesWhenAsked()
{
    Server server;
    Client client;
    client.socket.setTextMessages(true);
    QVERIFY(openBoth(server, client));
    server.last()->setOutgoingFrameSize(1000);
    server.last()->sendTextMessage(u"ünïcode ✓"_s);
    server.last()->sendTextMessage(QString(2500, u'x')); // three frames, assembled
    server.last()->sendBinaryMessage("binary");
    QTRY_COMPARE(client.recorder.messages.size(), 1);
    QCOMPARE(client.recorder.texts.size(), 2);
    QCOMPARE(client.recorder.texts[0], u"ünïcode ✓"_s.toUtf8());
    QCOMPARE(client.recorder.texts[1], QByteArray(2500, 'x'));
    QCOMPARE(client.recorder.messages[0], QByteArray("binary"));

    client.socket.sendText(u"back ✓"_s.toUtf8());
    QTRY_COMPARE(server.receivedTexts.size(), 1);
    QCOMPARE(server.receivedTexts[0], u"back ✓"_s);
}

void tst_ClientSocket::invalidUtf8Closes1007()
{
    RawServer server;
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
    QCOMPARE(int(client.socket.closeCode()), 1007);
    QTRY_COMPARE(server.clientCloseCode(), 1007);
}

void tst_ClientSocket::pausedReadingHoldsMessagesBack()
{
    Server server;
    Client client;
    QVERIFY(openBoth(server, client));
    // Paused from inside the handler: the messages after it wait.
    client.recorder.onMessage = [&](std::span<char>) {
        client.socket.setReadingPaused(true);
    };
    const QByteArray big = pattern(256 * 1024);
    for (int i = 0; i < 64; ++i) // 16 MB toward a paused reader
        server.last()->sendBinaryMessage(big);
    QTRY_COMPARE(client.recorder.messages.size(), 1);
    QVERIFY(client.socket.isReadingPaused());
    // The server cannot hand everything over: the client's buffers are bounded while paused.
    QTRY_VERIFY(server.last()->bytesToWrite() > 0);
    QTest::qWait(200); // nothing is delivered meanwhile
    QCOMPARE(client.recorder.messages.size(), 1);

    client.recorder.onMessage = nullptr;
    client.socket.setReadingPaused(false);
    QCOMPARE(client.recorder.messages.size(), 1); // not inside the call: from the event loop
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messages.size(), 64, 20000);
    for (const QByteArray &message : std::as_const(client.recorder.messages))
        QCOMPARE(message, big);
    QCOMPARE(client.recorder.closed, 0);
}

QTEST_GUILESS_MAIN(tst_ClientSocket)
#include "tst_clientsocket.moc"

// cxplatformsim as a real process: a QWebSocket client plays a cxserver pipe (or an edge).

#include "platformsimfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <alwayson/bodies.h>
#include <alwayson/messages.h>
#include <command.h>
#include <testpaths.h>

using namespace cx;
using namespace cx::alwayson;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10000;

/// A client WebSocket that keeps every binary message it receives.
class Client
{
public:
    Client()
    {
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [this](const QByteArray &message) { received.append(message); });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) { texts.append(text); });
    }

    /// Opens \a url, with the appKey header when \a appKey is not null; waits for the open.
    bool open(const QUrl &url, const QByteArray &appKey = test::PlatformSimFixture::AppKey)
    {
        QNetworkRequest request(url);
        if (!appKey.isNull())
            request.setRawHeader("appKey", appKey);
        socket.open(request);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; },
                               WaitMs);
    }

    /// Opens as a pipe and authenticates with endpointId 0.
    bool openPipe(const QUrl &url)
    {
        if (!open(url))
            return false;
        socket.sendBinaryMessage(buildAuthRequest(1, test::PlatformSimFixture::AppKey));
        const QByteArray reply = next();
        return !reply.isEmpty() && parseHeader(reply).header.code == quint8(Code::Success);
    }

    /// The next message not taken yet, waiting for it; empty on timeout.
    QByteArray next(int timeoutMs = WaitMs)
    {
        if (!QTest::qWaitFor([this] { return !received.isEmpty(); }, timeoutMs))
            return {};
        return received.takeFirst();
    }

    QWebSocket socket;
    QList<QByteArray> received;
    QStringList texts;
};

Header headerOf(const QByteArray &message)
{
    const HeaderParse parsed = parseHeader(message);
    return parsed.ok() ? parsed.header : Header {.code = 0xFF};
}

QByteArray request(quint8 code, quint32 requestId, quint32 endpointId, QByteArrayView body = {})
{
    return buildMessage(
        Header {
            .code = code, .requestId = requestId, .endpointId = endpointId, .sessionId = 0x5E55},
        body);
}

} // namespace

class tst_PlatformSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help();
    void usageErrors();
    void controlOnStdin();
    void pipeAuth_data();
    void pipeAuth();
    void wrongHeaderIsClosed();
    void requestEchoesIds_data();
    void requestEchoesIds();
    void multipartAnsweredAfterLastChunk();
    void echoCarriesBody();
    void delay();
    void failRate();
    void dropRate();
    void malformedMessages();
    void tunnelsEcho_data();
    void tunnelsEcho();
    void tunnelEndsArePairedAndRelayed_data();
    void tunnelEndsArePairedAndRelayed();
    void tunnelCredentialsAreChecked();
    void unpairedOrDuplicateEndsAreClosed();
    void statsCountWhatWasSent();
    void egressReachesKnownEndpoint();
    void pauseAndResume();
    void stopsOnSigterm();
    void stopsWithClosedPausedConnections();
};

void tst_PlatformSim::help()
{
    const test::CommandResult result
        = test::runCommand(test::binaryPath(u"cxplatformsim"_s), {u"--help"_s});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    for (const char *option : {"--port", "--app-key", "--delay-ms", "--fail-rate", "--drop-rate",
                               "--pause-reading", "--echo", "--tls-pkcs12", "--threads", "--id"})
        QVERIFY2(result.out.contains(option), option);
}

void tst_PlatformSim::usageErrors()
{
    const QString binary = test::binaryPath(u"cxplatformsim"_s);
    QCOMPARE(test::runCommand(binary, {u"--port"_s, u"0"_s}).exitCode, 1); // no --app-key
    QCOMPARE(test::runCommand(binary, {u"--app-key"_s, u"k"_s, u"--fail-rate"_s, u"2"_s}).exitCode,
             1);
    QCOMPARE(test::runCommand(binary, {u"--app-key"_s, u"k"_s, u"--bogus"_s}).exitCode, 1);
}

void tst_PlatformSim::controlOnStdin()
{
    test::RunOptions options;
    options.input = "help\nstats\nfrobnicate\nquit\n";
    const test::CommandResult result
        = test::runCommand(test::binaryPath(u"cxplatformsim"_s),
                           {u"--app-key"_s, u"secret-value"_s, u"--port"_s, u"0"_s}, options);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(QRegularExpression(u"^platformsim listening on 127\\.0\\.0\\.1:\\d+$"_s)
                .match(QString::fromUtf8(lines.at(0)))
                .hasMatch());
    QVERIFY(lines.at(1).startsWith("commands:"));
    const QJsonObject stats = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(stats.value(u"pipes"_s).toInt(-1), 0);
    QCOMPARE(stats.value(u"id"_s).toString(), u"platformsim"_s);
    QVERIFY(lines.at(3).startsWith("error: unknown command"));
    QCOMPARE(lines.at(4), "bye");
    QVERIFY(!result.out.contains("secret-value"));
}

void tst_PlatformSim::pipeAuth_data()
{
    QTest::addColumn<QByteArray>("header"); // null: no appKey header
    QTest::addColumn<QByteArray>("bodyKey");
    QTest::addColumn<quint32>("endpointId");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("lastHeader");
    const QByteArray key = test::PlatformSimFixture::AppKey;
    QTest::addRow("pipe, right key") << key << key << 0u << 0x40 << u"matched"_s;
    QTest::addRow("pipe, wrong key in AUTH") << key << "nope"_ba << 0u << 0x81 << u"matched"_s;
    QTest::addRow("pipe without header") << QByteArray() << key << 0u << 0x81 << u"absent"_s;
    QTest::addRow("direct edge") << QByteArray() << key << 7u << 0x40 << u"absent"_s;
    QTest::addRow("direct edge, wrong key")
        << QByteArray() << "nope"_ba << 7u << 0x81 << u"absent"_s;
}

void tst_PlatformSim::pipeAuth()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, bodyKey);
    QFETCH(quint32, endpointId);
    QFETCH(int, expected);
    QFETCH(QString, lastHeader);
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client client;
    QVERIFY(client.open(sim.url(), header));
    client.socket.sendBinaryMessage(buildAuthRequest(9, bodyKey, endpointId));
    const Header reply = headerOf(client.next());
    QCOMPARE(reply.code, quint8(expected));
    QCOMPARE(reply.requestId, 9u);
    QCOMPARE(reply.endpointId, endpointId);
    QCOMPARE(reply.sessionId, AuthSessionId);
    const QJsonObject stats = sim.stats();
    const bool pipe = endpointId == 0;
    const bool ok = expected == 0x40;
    QCOMPARE(stats.value(pipe ? u"authOk"_s : u"edgeAuthOk"_s).toInt(), ok ? 1 : 0);
    QCOMPARE(stats.value(pipe ? u"authFailed"_s : u"edgeAuthFailed"_s).toInt(), ok ? 0 : 1);
    QCOMPARE(stats.value(u"pipes"_s).toInt(), pipe && ok ? 1 : 0);
    QCOMPARE(stats.value(u"edges"_s).toInt(), !pipe && ok ? 1 : 0);
    QCOMPARE(stats.value(u"lastAppKeyHeader"_s).toString(), lastHeader);
}

void tst_PlatformSim::wrongHeaderIsClosed()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client client;
    QSignalSpy closed(&client.socket, &QWebSocket::disconnected);
    client.socket.open([&] {
        QNetworkRequest request(sim.url());
        request.setRawHeader("appKey", "wrong");
        return request;
    }());
    QVERIFY(closed.wait(WaitMs));
    QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"rejected"_s).toInt(), 1);
    QCOMPARE(stats.value(u"lastAppKeyHeader"_s).toString(), u"wrong"_s);
    QVERIFY(!QJsonDocument(stats).toJson().contains(test::PlatformSimFixture::AppKey));
}

void tst_PlatformSim::requestEchoesIds_data()
{
    QTest::addColumn<quint8>("code");
    for (const Code code : {Code::Get, Code::Put, Code::Post, Code::Delete, Code::Bind,
                            Code::Unbind, Code::KeepAlive})
        QTest::addRow("%s", codeName(code)) << quint8(code);
}

void tst_PlatformSim::requestEchoesIds()
{
    QFETCH(quint8, code);
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    pipe.socket.sendBinaryMessage(request(code, 0xA1B2C3D4, 0x01020304, "body"));
    const Header reply = headerOf(pipe.next());
    QCOMPARE(reply.code, quint8(Code::Success));
    QCOMPARE(reply.requestId, 0xA1B2C3D4u);
    QCOMPARE(reply.endpointId, 0x01020304u);
    QCOMPARE(reply.sessionId, 0x5E55u);
    QVERIFY(!reply.multipart);
}

void tst_PlatformSim::multipartAnsweredAfterLastChunk()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    const QList<QByteArray> chunks
        = buildChunks(Header {.code = quint8(Code::Post), .requestId = 50, .endpointId = 3},
                      QByteArray(2500, 'x'), 1000);
    QCOMPARE(chunks.size(), 3);
    pipe.socket.sendBinaryMessage(chunks.at(0));
    pipe.socket.sendBinaryMessage(chunks.at(1));
    // A request sent after the first chunks is answered first: nothing came for those.
    pipe.socket.sendBinaryMessage(request(quint8(Code::KeepAlive), 51, 3));
    QCOMPARE(headerOf(pipe.next()).requestId, 51u);
    pipe.socket.sendBinaryMessage(chunks.at(2));
    const Header reply = headerOf(pipe.next());
    QCOMPARE(reply.requestId, 50u);
    QCOMPARE(reply.code, quint8(Code::Success));
    QCOMPARE(reply.endpointId, 3u);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"chunks"_s).toInt(), 3);
    QCOMPARE(stats.value(u"requests"_s).toInt(), 3); // AUTH, KEEP_ALIVE, the multi-part POST
}

void tst_PlatformSim::echoCarriesBody()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--echo"_s}));
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    QByteArray body(3000, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(i * 7);

    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 60, 4, body));
    const QByteArray single = pipe.next();
    QCOMPARE(headerOf(single).requestId, 60u);
    const BodyParse<ResponseBody> parsed = parseResponseBody(bodyOf(single, headerOf(single)));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.body.baseType, BaseTypeInfoTable);
    QCOMPARE(parsed.body.content.toByteArray(), body);

    // A multi-part request is answered in chunks of its sender's size.
    for (const QByteArray &chunk : buildChunks(
             Header {.code = quint8(Code::Post), .requestId = 61, .endpointId = 4}, body, 1000))
        pipe.socket.sendBinaryMessage(chunk);
    QByteArray content;
    for (;;) {
        const QByteArray chunk = pipe.next();
        const Header header = headerOf(chunk);
        QCOMPARE(header.requestId, 61u);
        QVERIFY(header.multipart);
        QCOMPARE(header.chunkSize, 1000);
        content += bodyOf(chunk, header);
        if (header.chunkId == header.chunkCount)
            break;
    }
    QCOMPARE(content, "\x00\x05"_ba + body);
}

void tst_PlatformSim::delay()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--delay-ms"_s, u"300"_s}));
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url())); // AUTH is not delayed
    QElapsedTimer clock;
    clock.start();
    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 70, 5));
    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 71, 5));
    QCOMPARE(headerOf(pipe.next()).requestId, 70u);
    QVERIFY2(clock.elapsed() >= 300, QByteArray::number(clock.elapsed()).constData());
    QCOMPARE(headerOf(pipe.next()).requestId, 71u);
}

void tst_PlatformSim::failRate()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--fail-rate"_s, u"1"_s}));
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url())); // AUTH is never failed
    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 80, 6));
    const QByteArray reply = pipe.next();
    const Header header = headerOf(reply);
    QCOMPARE(header.code, quint8(Code::InternalServerError));
    QCOMPARE(header.requestId, 80u);
    QCOMPARE(header.endpointId, 6u);
    const BodyParse<ResponseBody> body = parseResponseBody(bodyOf(reply, header));
    QVERIFY(body.ok() && body.body.reason);
    QCOMPARE(sim.stats().value(u"failed"_s).toInt(), 1);
}

void tst_PlatformSim::dropRate()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--drop-rate"_s, u"1"_s}));
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 90, 6));
    QTRY_COMPARE_WITH_TIMEOUT(sim.stats().value(u"dropped"_s).toInt(), 1, WaitMs);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"requests"_s).toInt(), 2);
    QCOMPARE(stats.value(u"responses"_s).toInt(), 1); // the AUTH only
    QVERIFY(pipe.received.isEmpty());
}

void tst_PlatformSim::malformedMessages()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    // multipart = 1 with the multi-part header cut off: the requestId is readable.
    QByteArray truncated = request(quint8(Code::Get), 95, 6);
    truncated[MultipartOffset] = 1;
    pipe.socket.sendBinaryMessage(truncated);
    const Header reply = headerOf(pipe.next());
    QCOMPARE(reply.code, quint8(Code::BadRequest));
    QCOMPARE(reply.requestId, 95u);

    QSignalSpy closed(&pipe.socket, &QWebSocket::disconnected);
    pipe.socket.sendTextMessage(u"text is not allowed"_s);
    QVERIFY(closed.wait(WaitMs));
    QCOMPARE(pipe.socket.closeCode(), QWebSocketProtocol::CloseCodeDatatypeNotSupported);
    QCOMPARE(sim.stats().value(u"malformed"_s).toInt(), 1);
}

void tst_PlatformSim::tunnelsEcho_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("server end") << u"/Thingworx/WSTunnelServer/t-1"_s;
    QTest::addRow("client end") << u"/Thingworx/WSTunnelClient/t-1?x=y"_s;
    QTest::addRow("VWS") << u"/Thingworx/VWS"_s;
}

void tst_PlatformSim::tunnelsEcho()
{
    QFETCH(QString, path);
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client tunnel;
    QVERIFY(tunnel.open(sim.url(path), QByteArray()));
    const QByteArray binary("\x00\x01\xFE\xFF binary", 12);
    tunnel.socket.sendTextMessage(u"text frame ✓"_s);
    tunnel.socket.sendBinaryMessage(binary);
    QTRY_COMPARE_WITH_TIMEOUT(tunnel.texts.size(), 1, WaitMs);
    QCOMPARE(tunnel.texts.first(), u"text frame ✓"_s);
    QCOMPARE(tunnel.next(), binary);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"tunnels"_s).toInt(), 1);
    QCOMPARE(stats.value(u"tunnelMessages"_s).toInt(), 2);
    QCOMPARE(stats.value(u"connections"_s).toInt(), 0);
}

void tst_PlatformSim::tunnelEndsArePairedAndRelayed_data()
{
    QTest::addColumn<bool>("deviceFirst");
    QTest::addRow("device end first") << true;
    QTest::addRow("client end first") << false;
}

void tst_PlatformSim::tunnelEndsArePairedAndRelayed()
{
    // --tunnel-mode pair: the simulator's tunnel subsystem, as a platform has one.
    QFETCH(bool, deviceFirst);
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--tunnel-mode"_s, u"pair"_s, u"--tunnel-key"_s, u"user-key"_s}));
    Client device;
    Client client;
    Client &first = deviceFirst ? device : client;
    QVERIFY(first.open(sim.url(deviceFirst ? u"/Thingworx/WSTunnelServer/p-1"_s
                                           : u"/Thingworx/WSTunnelClient/p-1?appKey=user-key"_s),
                       deviceFirst ? QByteArray("user-key") : QByteArray()));
    first.socket.sendBinaryMessage("sent before the peer came");
    Client &second = deviceFirst ? client : device;
    QVERIFY(second.open(sim.url(deviceFirst ? u"/Thingworx/WSTunnelClient/p-1"_s
                                            : u"/Thingworx/WSTunnelServer/p-1"_s),
                        "user-key"));
    QCOMPARE(second.next(), QByteArray("sent before the peer came"));
    device.socket.sendTextMessage(u"text ✓"_s);
    client.socket.sendBinaryMessage(QByteArray(200000, 'c'));
    QTRY_COMPARE_WITH_TIMEOUT(client.texts, QStringList {u"text ✓"_s}, WaitMs);
    QCOMPARE(device.next(), QByteArray(200000, 'c'));
    QCOMPARE(sim.stats().value(u"tunnelsPaired"_s).toInt(), 1);
    // One end closing closes the other, with its code.
    client.socket.close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE_WITH_TIMEOUT(device.socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
    QCOMPARE(int(device.socket.closeCode()), 1000);
}

void tst_PlatformSim::tunnelCredentialsAreChecked()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--tunnel-mode"_s, u"pair"_s, u"--tunnel-key"_s, u"user-key"_s}));
    // cxserver's own app key never authorizes a tunnel; nor does nothing.
    for (const QByteArray &key :
         QList<QByteArray> {test::PlatformSimFixture::AppKey, QByteArray()}) {
        Client end;
        QNetworkRequest request(sim.url(u"/Thingworx/WSTunnelServer/c-1"_s));
        if (!key.isEmpty())
            request.setRawHeader("appKey", key);
        QSignalSpy closed(&end.socket, &QWebSocket::disconnected); // right after the upgrade
        end.socket.open(request);
        QVERIFY(closed.wait(WaitMs));
        QCOMPARE(int(end.socket.closeCode()), 1008);
    }
    QCOMPARE(sim.stats().value(u"tunnelsRefused"_s).toInt(), 2);
    // Accepted as a Bearer token too.
    Client bearer;
    QNetworkRequest request(sim.url(u"/Thingworx/WSTunnelServer/c-2"_s));
    request.setRawHeader("Authorization", "Bearer user-key");
    bearer.socket.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(bearer.socket.state(), QAbstractSocket::ConnectedState, WaitMs);
    QTest::qWait(300); // not refused after the upgrade either
    QCOMPARE(bearer.socket.state(), QAbstractSocket::ConnectedState);
}

void tst_PlatformSim::unpairedOrDuplicateEndsAreClosed()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--tunnel-mode"_s, u"pair"_s, u"--tunnel-pair-timeout-ms"_s, u"500"_s}));
    Client waiting;
    QVERIFY(waiting.open(sim.url(u"/Thingworx/WSTunnelServer/u-1"_s), "any"));
    Client duplicate;
    QSignalSpy refused(&duplicate.socket, &QWebSocket::disconnected);
    QNetworkRequest request(sim.url(u"/Thingworx/WSTunnelServer/u-1"_s));
    request.setRawHeader("appKey", "any");
    duplicate.socket.open(request);
    QVERIFY(refused.wait(WaitMs));
    QCOMPARE(int(duplicate.socket.closeCode()), 1008);
    QTRY_COMPARE_WITH_TIMEOUT(waiting.socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
    QCOMPARE(int(waiting.socket.closeCode()), 1011);
    QCOMPARE(sim.stats().value(u"tunnelsUnpaired"_s).toInt(), 1);
}

void tst_PlatformSim::statsCountWhatWasSent()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start({u"--id"_s, u"instance-a"_s}));
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    quint32 id = 100;
    for (int i = 0; i < 3; ++i)
        pipe.socket.sendBinaryMessage(request(quint8(Code::Get), id++, 7));
    for (int i = 0; i < 2; ++i)
        pipe.socket.sendBinaryMessage(request(quint8(Code::Post), id++, 8));
    const QByteArray names[] = {"a"_ba, "b"_ba, "c"_ba};
    pipe.socket.sendBinaryMessage(buildBindRequest(Code::Bind, id++, 7, 1, std::nullopt, names));
    pipe.socket.sendBinaryMessage(
        buildBindRequest(Code::Unbind, id++, 7, 1, std::nullopt, std::span(names, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(pipe.received.size(), 7, WaitMs);

    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"id"_s).toString(), u"instance-a"_s);
    QCOMPARE(stats.value(u"pipes"_s).toInt(), 1);
    QCOMPARE(stats.value(u"authOk"_s).toInt(), 1);
    QCOMPARE(stats.value(u"requests"_s).toInt(), 8);
    QCOMPARE(stats.value(u"responses"_s).toInt(), 8);
    QCOMPARE(stats.value(u"requestsBeforeAuth"_s).toInt(), 0);
    const QJsonObject byCode = stats.value(u"byCode"_s).toObject();
    QCOMPARE(byCode.value(u"0x14"_s).toInt(), 1);
    QCOMPARE(byCode.value(u"0x01"_s).toInt(), 3);
    QCOMPARE(byCode.value(u"0x03"_s).toInt(), 2);
    QCOMPARE(byCode.value(u"0x0A"_s).toInt(), 1);
    QCOMPARE(byCode.value(u"0x0B"_s).toInt(), 1);
    QCOMPARE(stats.value(u"bindNames"_s).toInt(), 3);
    QCOMPARE(stats.value(u"unbindNames"_s).toInt(), 1);
    QCOMPARE(stats.value(u"endpoints"_s).toArray(), QJsonArray({7, 8}));
    QCOMPARE(stats.value(u"lastAppKeyHeader"_s).toString(), u"matched"_s);
    QVERIFY(!QJsonDocument(stats).toJson().contains(test::PlatformSimFixture::AppKey));
}

void tst_PlatformSim::egressReachesKnownEndpoint()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    QVERIFY(sim.command("egress 42 GET").startsWith("error: endpoint 42 is not known"));
    pipe.socket.sendBinaryMessage(request(quint8(Code::KeepAlive), 1, 42));
    QCOMPARE(headerOf(pipe.next()).requestId, 1u);

    QCOMPARE(sim.command("egress 42 GET 2"), "egress sent 2 to endpoint 42");
    for (int i = 0; i < 2; ++i) {
        const Header egress = headerOf(pipe.next());
        QCOMPARE(egress.code, quint8(Code::Get));
        QCOMPARE(egress.endpointId, 42u);
        QCOMPARE(egress.sessionId, 0x5E55u); // the endpoint's latest
        pipe.socket.sendBinaryMessage(buildSuccessResponse(egress, egress.endpointId));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        sim.stats().value(u"egress"_s).toObject().value(u"answered"_s).toInt(), 2, WaitMs);
    const QJsonObject egress = sim.stats().value(u"egress"_s).toObject();
    QCOMPARE(egress.value(u"sent"_s).toInt(), 2);
    QCOMPARE(egress.value(u"byCode"_s).toObject().value(u"0x40"_s).toInt(), 2);
    QVERIFY(sim.command("egress 42 SUCCESS").startsWith("error: usage"));
}

void tst_PlatformSim::pauseAndResume()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    QCOMPARE(sim.command("pause"), "paused");
    pipe.socket.sendBinaryMessage(request(quint8(Code::Get), 110, 9));
    QVERIFY(QTest::qWaitFor([&] { return pipe.socket.bytesToWrite() == 0; }, WaitMs));
    QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"paused"_s).toBool(), true);
    QCOMPARE(stats.value(u"messages"_s).toInt(), 1); // the AUTH; the GET is not read
    QVERIFY(pipe.received.isEmpty());
    QCOMPARE(sim.command("resume"), "resumed");
    QCOMPARE(headerOf(pipe.next()).requestId, 110u);
    QCOMPARE(sim.stats().value(u"messages"_s).toInt(), 2);
}

void tst_PlatformSim::stopsOnSigterm()
{
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client pipe;
    QVERIFY(pipe.openPipe(sim.url()));
    QCOMPARE(sim.process().stop(), 0);
}

void tst_PlatformSim::stopsWithClosedPausedConnections()
{
    // A closed connection is cleaned up while others live; a paused one does not notice its
    // peer's close, so its WebSocket lives until shutdown, which sends it a close frame. Both
    // paths once destroyed the transport before its WebSocket, whose destructor still uses
    // it (a double free under ASan, seen in CI): the sanitizer runs exercise them here.
    test::PlatformSimFixture sim;
    QVERIFY(sim.start());
    Client closedEarly;
    QVERIFY(closedEarly.openPipe(sim.url()));
    closedEarly.socket.abort();
    QVERIFY(QTest::qWaitFor([&] { return sim.stats().value(u"pipes"_s).toInt() == 0; }, WaitMs));
    Client pipes[2];
    for (Client &pipe : pipes)
        QVERIFY(pipe.openPipe(sim.url()));
    QCOMPARE(sim.command("pause"), "paused");
    pipes[0].socket.abort();
    QCOMPARE(sim.stats().value(u"pipes"_s).toInt(), 2); // the close is not read
    QCOMPARE(sim.process().stop(), 0);
}

QTEST_GUILESS_MAIN(tst_PlatformSim)
#include "tst_platformsim.moc"

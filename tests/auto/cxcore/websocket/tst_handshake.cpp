#include "websocket/handshake.h"

#include <QTest>

using namespace cx::websocket;

namespace {

const QByteArray SampleKey = QByteArrayLiteral("dGhlIHNhbXBsZSBub25jZQ==");

/// A valid upgrade request head (without the blank line), with \a replaced lines swapped in:
/// each entry replaces the line starting with its text up to the colon (or the request line
/// for "GET"); an entry without a value part removes the line.
QByteArray request(const QList<std::pair<QByteArray, QByteArray>> &replaced = {})
{
    QList<QByteArray> lines {
        "GET /Thingworx/WS?x=1 HTTP/1.1",
        "Host: 127.0.0.1:8443",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: " + SampleKey,
        "Sec-WebSocket-Version: 13",
    };
    for (const auto &[prefix, line] : replaced) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith(prefix)) {
                if (line.isNull())
                    lines.removeAt(i);
                else
                    lines[i] = line;
                break;
            }
        }
    }
    return lines.join("\r\n");
}

QByteArray response(const QList<QByteArray> &lines)
{
    return lines.join("\r\n");
}

} // namespace

class tst_Handshake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptKeyRfcExample();
    void headerValue();
    void parseValidRequest();
    void parseRequestTokenLists();
    void parseAbsoluteForm();
    void parseCredentials();
    void refuseRequest_data();
    void refuseRequest();
    void upgradeResponseAccepts();
    void clientKey();
    void clientRequestRoundTrip();
    void clientRequestRefusesInjection_data();
    void clientRequestRefusesInjection();
    void checkResponse_data();
    void checkResponse();
};

void tst_Handshake::acceptKeyRfcExample()
{
    // RFC 6455 §1.3.
    QCOMPARE(acceptKey(SampleKey), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void tst_Handshake::headerValue()
{
    const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\nX-Thing:   spaced value  \r\nappKey:k";
    QCOMPARE(cx::websocket::headerValue(head, "x-thing"), QByteArrayView("spaced value"));
    QCOMPARE(cx::websocket::headerValue(head, "APPKEY"), QByteArrayView("k"));
    QVERIFY(cx::websocket::headerValue(head, "missing").isNull());
    // The request line is not a header.
    QVERIFY(cx::websocket::headerValue("GET / HTTP/1.1", "GET / HTTP/1.1").isNull());
}

void tst_Handshake::parseValidRequest()
{
    const UpgradeRequest parsed = parseUpgradeRequest(request());
    QVERIFY2(parsed.refusal.isEmpty(), parsed.refusal.constData());
    QCOMPARE(parsed.target, QByteArray("/Thingworx/WS?x=1"));
    QCOMPARE(parsed.key, SampleKey);
    QVERIFY(parsed.credentials.isEmpty());
}

void tst_Handshake::parseCredentials()
{
    // protocol.md §8: what a tunnel passes on, as sent, and nothing else.
    const UpgradeRequest parsed
        = parseUpgradeRequest(request({{"Host",
                                        "Host: h\r\nappkey: k1\r\nCookie: a=1\r\nX-Other: no\r\n"
                                        "Authorization: Basic eA==\r\nCookie: b=2"}}));
    QVERIFY2(parsed.refusal.isEmpty(), parsed.refusal.constData());
    const HttpHeaders expected {
        {"appKey", "k1"}, {"Cookie", "a=1"}, {"Cookie", "b=2"}, {"Authorization", "Basic eA=="}};
    QCOMPARE(parsed.credentials, expected);
}

void tst_Handshake::parseRequestTokenLists()
{
    const UpgradeRequest parsed = parseUpgradeRequest(request(
        {{"Upgrade", "upgrade: WebSocket"}, {"Connection", "Connection: keep-alive, Upgrade"}}));
    QVERIFY2(parsed.refusal.isEmpty(), parsed.refusal.constData());
}

void tst_Handshake::parseAbsoluteForm()
{
    // protocol.md §1: the absolute form of RFC 9112 §3.2.2 is accepted; the path stays raw.
    const UpgradeRequest parsed = parseUpgradeRequest(
        request({{"GET", "GET wss://cx.example:8443/Thingworx/WS?a=%41 HTTP/1.1"}}));
    QVERIFY2(parsed.refusal.isEmpty(), parsed.refusal.constData());
    QCOMPARE(parsed.path, QByteArray("/Thingworx/WS"));
    QCOMPARE(parsed.target, QByteArray("/Thingworx/WS?a=%41"));
}

void tst_Handshake::refuseRequest_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("status");

    // protocol.md §1: GET with HTTP/1.1 or later and one Host field, else 400.
    QTest::addRow("POST") << request({{"GET", "POST /Thingworx/WS HTTP/1.1"}})
                          << QByteArray("400 Bad Request");
    QTest::addRow("HTTP/1.0") << request({{"GET", "GET /Thingworx/WS HTTP/1.0"}})
                              << QByteArray("400 Bad Request");
    QTest::addRow("HTTP/2.0") << request({{"GET", "GET /Thingworx/WS HTTP/2.0"}})
                              << QByteArray("505 HTTP Version Not Supported");
    QTest::addRow("no Host") << request({{"Host", {}}}) << QByteArray("400 Bad Request");
    QTest::addRow("two Hosts") << request({{"Host", "Host: a\r\nHost: b"}})
                               << QByteArray("400 Bad Request");
    QTest::addRow("space before colon")
        << request({{"Upgrade", "Upgrade : websocket"}}) << QByteArray("400 Bad Request");
    QTest::addRow("folded line") << request({{"Upgrade", "Upgrade: websocket\r\n more"}})
                                 << QByteArray("400 Bad Request");
    QTest::addRow("line without colon")
        << request({{"Upgrade", "Upgrade websocket"}}) << QByteArray("400 Bad Request");
    QTest::addRow("control character in a value")
        << request({{"Host", QByteArray("Host: a\x01b")}}) << QByteArray("400 Bad Request");
    QTest::addRow("two spaces in the request line")
        << request({{"GET", "GET  /Thingworx/WS HTTP/1.1"}}) << QByteArray("400 Bad Request");
    QTest::addRow("asterisk form")
        << request({{"GET", "GET * HTTP/1.1"}}) << QByteArray("400 Bad Request");
    QTest::addRow("absolute form without host")
        << request({{"GET", "GET http:///Thingworx/WS HTTP/1.1"}}) << QByteArray("400 Bad Request");
    QTest::addRow("unknown scheme")
        << request({{"GET", "GET ftp://h/Thingworx/WS HTTP/1.1"}}) << QByteArray("400 Bad Request");
    QTest::addRow("no HTTP version")
        << request({{"GET", "GET /Thingworx/WS"}}) << QByteArray("400 Bad Request");
    QTest::addRow("not HTTP") << request({{"GET", "GET /Thingworx/WS SPDY/3"}})
                              << QByteArray("400 Bad Request");
    QTest::addRow("relative target")
        << request({{"GET", "GET Thingworx HTTP/1.1"}}) << QByteArray("400 Bad Request");
    QTest::addRow("no Upgrade") << request({{"Upgrade", {}}}) << QByteArray("426 Upgrade Required");
    QTest::addRow("Upgrade: h2c") << request({{"Upgrade", "Upgrade: h2c"}})
                                  << QByteArray("426 Upgrade Required");
    QTest::addRow("no Connection")
        << request({{"Connection", {}}}) << QByteArray("426 Upgrade Required");
    QTest::addRow("Connection: keep-alive") << request({{"Connection", "Connection: keep-alive"}})
                                            << QByteArray("426 Upgrade Required");
    QTest::addRow("version 8") << request({{"Sec-WebSocket-Version", "Sec-WebSocket-Version: 8"}})
                               << QByteArray("426 Upgrade Required");
    QTest::addRow("no version") << request({{"Sec-WebSocket-Version", {}}})
                                << QByteArray("426 Upgrade Required");
    QTest::addRow("no key") << request({{"Sec-WebSocket-Key", {}}})
                            << QByteArray("400 Bad Request");
    QTest::addRow("short key") << request({{"Sec-WebSocket-Key", "Sec-WebSocket-Key: c2hvcnQ="}})
                               << QByteArray("400 Bad Request");
    QTest::addRow("key with characters base64 skips")
        << request({{"Sec-WebSocket-Key", "Sec-WebSocket-Key: !!!!dGhlIHNhbXBsZSBub25jZQ=="}})
        << QByteArray("400 Bad Request");
    QTest::addRow("key not base64")
        << request({{"Sec-WebSocket-Key", "Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!!!"}})
        << QByteArray("400 Bad Request");
}

void tst_Handshake::refuseRequest()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, status);
    QCOMPARE(parseUpgradeRequest(head).refusal, status);
    const QByteArray refusal = refusalResponse(status);
    QVERIFY(refusal.startsWith(QByteArray("HTTP/1.1 " + status + "\r\n")));
    QVERIFY(refusal.endsWith("\r\n\r\n"));
}

void tst_Handshake::upgradeResponseAccepts()
{
    const QByteArray answer = upgradeResponse(parseUpgradeRequest(request()));
    QVERIFY(answer.startsWith("HTTP/1.1 101 "));
    QVERIFY(answer.endsWith("\r\n\r\n"));
    QCOMPARE(cx::websocket::headerValue(answer, "sec-websocket-accept"),
             QByteArrayView("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(checkUpgradeResponse(answer.chopped(4), SampleKey), QString());
}

void tst_Handshake::clientKey()
{
    const QByteArray key = newClientKey();
    QCOMPARE(QByteArray::fromBase64(key).size(), 16);
    QVERIFY(newClientKey() != key);
}

void tst_Handshake::clientRequestRoundTrip()
{
    const QByteArray key = newClientKey();
    const QByteArray head
        = upgradeRequest("/Thingworx/WS", "[::1]:8443", key, {{"appKey", "secret value"}});
    QVERIFY(head.endsWith("\r\n\r\n"));
    const UpgradeRequest parsed = parseUpgradeRequest(head.chopped(4));
    QVERIFY2(parsed.refusal.isEmpty(), parsed.refusal.constData());
    QCOMPARE(parsed.target, QByteArray("/Thingworx/WS"));
    QCOMPARE(parsed.key, key);
    QCOMPARE(cx::websocket::headerValue(head, "host"), QByteArrayView("[::1]:8443"));
    QCOMPARE(cx::websocket::headerValue(head, "appkey"), QByteArrayView("secret value"));
}

void tst_Handshake::clientRequestRefusesInjection_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");

    QTest::addRow("CRLF in value") << QByteArray("appKey") << QByteArray("k\r\nX-Evil: 1");
    QTest::addRow("LF in value") << QByteArray("appKey") << QByteArray("k\nX-Evil: 1");
    QTest::addRow("NUL in value") << QByteArray("appKey") << QByteArray("k\0x", 3);
    QTest::addRow("colon in name") << QByteArray("app:Key") << QByteArray("k");
    QTest::addRow("space in name") << QByteArray("app Key") << QByteArray("k");
    QTest::addRow("empty name") << QByteArray() << QByteArray("k");
}

void tst_Handshake::clientRequestRefusesInjection()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QVERIFY(upgradeRequest("/", "h:80", newClientKey(), {{name, value}}).isEmpty());
}

void tst_Handshake::checkResponse_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("refusal"); // a part of it; empty: accepted

    const QByteArray accept = "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    QTest::addRow("valid") << response(
        {"HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade", accept})
                           << QString();
    QTest::addRow("no reason, any case")
        << response({"HTTP/1.1 101", "upgrade: WebSocket", "connection: upgrade", accept})
        << QString();
    QTest::addRow("403") << response({"HTTP/1.1 403 Forbidden", "Content-Length: 0"})
                         << QStringLiteral("upgrade refused: HTTP/1.1 403 Forbidden");
    QTest::addRow("1010") << response(
        {"HTTP/1.1 1010 Odd", "Upgrade: websocket", "Connection: Upgrade", accept})
                          << QStringLiteral("upgrade refused");
    QTest::addRow("not HTTP") << response({"SSH-2.0-OpenSSH"}) << QStringLiteral("upgrade refused");
    QTest::addRow("no Upgrade") << response(
        {"HTTP/1.1 101 Switching Protocols", "Connection: Upgrade", accept})
                                << QStringLiteral("Upgrade: websocket");
    QTest::addRow("no Connection")
        << response({"HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", accept})
        << QStringLiteral("Connection: Upgrade");
    QTest::addRow("wrong accept") << response(
        {"HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade",
         "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA="})
                                  << QStringLiteral("Sec-WebSocket-Accept");
    QTest::addRow("no accept") << response(
        {"HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade"})
                               << QStringLiteral("Sec-WebSocket-Accept");
    QTest::addRow("extension") << response({"HTTP/1.1 101 Switching Protocols",
                                            "Upgrade: websocket", "Connection: Upgrade", accept,
                                            "Sec-WebSocket-Extensions: permessage-deflate"})
                               << QStringLiteral("extension");
    QTest::addRow("subprotocol") << response({"HTTP/1.1 101 Switching Protocols",
                                              "Upgrade: websocket", "Connection: Upgrade", accept,
                                              "Sec-WebSocket-Protocol: chat"})
                                 << QStringLiteral("subprotocol");
}

void tst_Handshake::checkResponse()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, refusal);
    const QString result = checkUpgradeResponse(head, SampleKey);
    if (refusal.isEmpty())
        QCOMPARE(result, QString());
    else
        QVERIFY2(result.contains(refusal), qPrintable(result));
}

QTEST_GUILESS_MAIN(tst_Handshake)
#include "tst_handshake.moc"

#include "alwayson/messages.h"
#include "codectest.h"

#include <QTest>

using namespace cx::alwayson;

namespace {

QByteArray hex(const char *hexDigits)
{
    return QByteArray::fromHex(hexDigits);
}

/// Parses \a message's headers, which must be well-formed.
Header headerOf(const QByteArray &message)
{
    const HeaderParse parse = parseHeader(message);
    [&] {
        QCOMPARE(parse.error, ParseError::None);
    }();
    return parse.header;
}

/// \a count distinct short names.
QList<QByteArray> makeNames(int count)
{
    QList<QByteArray> names;
    names.reserve(count);
    for (int i = 0; i < count; ++i)
        names.append(QByteArray::number(i));
    return names;
}

} // namespace

class tst_Messages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildMessageBytes();
    void messagesHaveExactCapacity();
    void messageRoundTrip();
    void authRequest();
    void edgeAuthRequest();
    void bindRequest_data();
    void bindRequest();
    void unbindRequests_data();
    void unbindRequests();
    void unbindRequestIdsWrap();
    void errorResponse();
    void errorResponseToChunk();
    void successResponse();
    void chunks_data();
    void chunks();
    void chunksNotPossible();
    void endpointRewriteOfBuiltMessage();
};

void tst_Messages::buildMessageBytes()
{
    const Header get {
        .code = 0x01, .requestId = 0x01020304, .endpointId = 0x05060708, .sessionId = 0x090A0B0C};
    QCOMPARE(buildMessage(get, "body"),
             test::join({hex("01 01 01020304 05060708 090a0b0c 00"), "body"}));
    Header chunk = get;
    chunk.multipart = true;
    chunk.chunkId = 1;
    chunk.chunkCount = 2;
    chunk.chunkSize = 4;
    QCOMPARE(buildMessage(chunk, "part"),
             test::join({hex("01 01 01020304 05060708 090a0b0c 01 0001 0002 0004"), "part"}));
    QCOMPARE(buildMessage(get, {}), hex("01 01 01020304 05060708 090a0b0c 00"));
}

void tst_Messages::messagesHaveExactCapacity()
{
    const Header request {.code = 0x0A, .requestId = 1, .endpointId = 2, .sessionId = 3};
    const QList<QByteArray> names = makeNames(300);
    const QByteArray messages[] = {
        buildMessage(request, QByteArray(1000, 'b')),
        buildAuthRequest(1, "key"),
        buildBindRequest(Code::Bind, 1, 2, 3, Gateway {.name = "g", .type = "t"}, names),
        buildErrorResponse(request, 2, Code::InternalServerError, "no platform instance"),
        buildSuccessResponse(request, 2),
    };
    for (const QByteArray &message : messages)
        QCOMPARE(message.capacity(), message.size());
}

void tst_Messages::messageRoundTrip()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 2000; ++i) {
        const Header header = test::randomHeader(rng);
        const QByteArray body = test::randomBytes(rng, rng.bounded(200));
        const QByteArray message = buildMessage(header, body);
        QCOMPARE(message.size(), header.size() + body.size());
        const HeaderParse parse = parseHeader(message);
        QCOMPARE(parse.error, ParseError::None);
        QCOMPARE(parse.header, header);
        QCOMPARE(bodyOf(message, parse.header).toByteArray(), body);
    }
}

void tst_Messages::authRequest()
{
    const QByteArray message = buildAuthRequest(0x11223344, "secret-key");
    QCOMPARE(message,
             test::join({hex("01 14 11223344 00000000 ffffffff 00 01 06"), "appKey", hex("0a"),
                         "secret-key"}));
    const Header header = headerOf(message);
    QCOMPARE(header.code, quint8(Code::Auth));
    QCOMPARE(header.endpointId, PipeEndpointId);
    QCOMPARE(header.sessionId, AuthSessionId);
    const auto auth = parseAuthBody(bodyOf(message, header));
    QCOMPARE(auth.error, BodyError::None);
    QCOMPARE(auth.body.name.toByteArray(), QByteArray("appKey"));
    QCOMPARE(auth.body.value.toByteArray(), QByteArray("secret-key"));
}

void tst_Messages::edgeAuthRequest()
{
    const QByteArray key(200, 'k'); // needs a 4-byte string length
    const QByteArray message = buildAuthRequest(7, key, 0xCAFE);
    const Header header = headerOf(message);
    QCOMPARE(
        header,
        (Header {.code = 0x14, .requestId = 7, .endpointId = 0xCAFE, .sessionId = 0xFFFFFFFF}));
    QCOMPARE(parseAuthBody(bodyOf(message, header)).body.value.toByteArray(), key);
}

void tst_Messages::bindRequest_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<bool>("hasGateway");
    QTest::addColumn<int>("nameCount");

    QTest::addRow("BIND") << Code::Bind << false << 3;
    QTest::addRow("BIND, gateway") << Code::Bind << true << 3;
    QTest::addRow("BIND, no names") << Code::Bind << true << 0;
    QTest::addRow("UNBIND") << Code::Unbind << false << 3;
    QTest::addRow("UNBIND, gateway") << Code::Unbind << true << 1;
    QTest::addRow("BIND, 65535 names") << Code::Bind << false << 65535;
}

void tst_Messages::bindRequest()
{
    QFETCH(Code, code);
    QFETCH(bool, hasGateway);
    QFETCH(int, nameCount);

    const QList<QByteArray> names = makeNames(nameCount);
    std::optional<Gateway> gateway;
    if (hasGateway)
        gateway = Gateway {.name = "gateway", .type = "EdgeGateway"};
    const QByteArray message = buildBindRequest(code, 5, 6, 7, gateway, names);

    const Header header = headerOf(message);
    QCOMPARE(header,
             (Header {.code = quint8(code), .requestId = 5, .endpointId = 6, .sessionId = 7}));
    const auto bind = parseBindBody(bodyOf(message, header));
    QCOMPARE(bind.error, BodyError::None);
    QCOMPARE(bind.body.gateway, gateway);
    QCOMPARE(bind.body.names.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i)
        QCOMPARE(bind.body.names[i].toByteArray(), names[i]);
}

void tst_Messages::unbindRequests_data()
{
    QTest::addColumn<int>("nameCount");
    QTest::addColumn<QList<int>>("perMessage");

    QTest::addRow("none") << 0 << QList<int>();
    QTest::addRow("one") << 1 << QList<int> {1};
    QTest::addRow("65535") << 65535 << QList<int> {65535};
    QTest::addRow("65536") << 65536 << QList<int> {65535, 1};
    QTest::addRow("70000") << 70000 << QList<int> {65535, 4465};
    QTest::addRow("131071") << 131071 << QList<int> {65535, 65535, 1};
}

void tst_Messages::unbindRequests()
{
    QFETCH(int, nameCount);
    QFETCH(QList<int>, perMessage);

    const QList<QByteArray> names = makeNames(nameCount);
    const QList<QByteArray> messages = buildUnbindRequests(100, 0xE0, 0x5E, names);
    QCOMPARE(messages.size(), perMessage.size());

    qsizetype next = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Header header = headerOf(messages[i]);
        QCOMPARE(header,
                 (Header {.code = quint8(Code::Unbind),
                          .requestId = quint32(100 + i),
                          .endpointId = 0xE0,
                          .sessionId = 0x5E}));
        const auto unbind = parseBindBody(bodyOf(messages[i], header));
        QCOMPARE(unbind.error, BodyError::None);
        QVERIFY(!unbind.body.gateway);
        QCOMPARE(unbind.body.names.size(), perMessage[i]);
        for (QByteArrayView name : unbind.body.names)
            QCOMPARE(name.toByteArray(), names[next++]);
    }
    QCOMPARE(next, names.size());
}

void tst_Messages::unbindRequestIdsWrap()
{
    const QList<QByteArray> messages = buildUnbindRequests(0xFFFFFFFF, 1, 1, makeNames(65536));
    QCOMPARE(messages.size(), 2);
    QCOMPARE(headerOf(messages[0]).requestId, 0xFFFFFFFFu);
    QCOMPARE(headerOf(messages[1]).requestId, 0u);
}

void tst_Messages::errorResponse()
{
    const Header request {
        .code = 0x03, .requestId = 0x0A0B0C0D, .endpointId = 99, .sessionId = 0x77};
    const QByteArray message
        = buildErrorResponse(request, 0x1234, Code::InternalServerError, "no platform");
    QCOMPARE(
        message,
        test::join({hex("01 a0 0a0b0c0d 00001234 00000077 00 01 0b"), "no platform", hex("ff")}));

    const QByteArray notFound
        = buildErrorResponse(request, request.endpointId, Code::NotFound, QByteArray(300, 'r'));
    const Header header = headerOf(notFound);
    QCOMPARE(header,
             (Header {.code = 0x84, .requestId = 0x0A0B0C0D, .endpointId = 99, .sessionId = 0x77}));
    const auto body = parseResponseBody(bodyOf(notFound, header));
    QCOMPARE(body.error, BodyError::None);
    QCOMPARE(body.body.reason->toByteArray(), QByteArray(300, 'r'));
    QCOMPARE(body.body.baseType, BaseTypeNothing);
    QVERIFY(body.body.content.isEmpty());
}

void tst_Messages::errorResponseToChunk()
{
    const Header chunk {.code = 0x02,
                        .requestId = 1,
                        .endpointId = 2,
                        .sessionId = 3,
                        .multipart = true,
                        .chunkId = 2,
                        .chunkCount = 4,
                        .chunkSize = 100};
    const Header header = headerOf(buildErrorResponse(chunk, 9, Code::GatewayTimeout, "late"));
    QCOMPARE(header, (Header {.code = 0xA4, .requestId = 1, .endpointId = 9, .sessionId = 3}));
}

void tst_Messages::successResponse()
{
    const Header request {.code = 0x14, .requestId = 5, .endpointId = 6, .sessionId = 0xFFFFFFFF};
    QCOMPARE(buildSuccessResponse(request, 6), hex("01 40 00000005 00000006 ffffffff 00 00 ff"));
}

void tst_Messages::chunks_data()
{
    QTest::addColumn<int>("bodySize");
    QTest::addColumn<int>("chunkSize");
    QTest::addColumn<int>("chunkCount");

    QTest::addRow("empty body") << 0 << 10 << 1;
    QTest::addRow("fits in one") << 10 << 10 << 1;
    QTest::addRow("two, last short") << 11 << 10 << 2;
    QTest::addRow("three, exact") << 30 << 10 << 3;
    QTest::addRow("chunkSize 1") << 5 << 1 << 5;
    QTest::addRow("65535 chunks") << 65535 << 1 << 65535;
    QTest::addRow("big chunks") << 200000 << 65535 << 4;
}

void tst_Messages::chunks()
{
    QFETCH(int, bodySize);
    QFETCH(int, chunkSize);
    QFETCH(int, chunkCount);

    QRandomGenerator rng(test::RandomSeed);
    const QByteArray body = test::randomBytes(rng, bodySize);
    const Header request {.code = 0x03, .requestId = 8, .endpointId = 9, .sessionId = 10};
    const QList<QByteArray> chunks = buildChunks(request, body, quint16(chunkSize));
    QCOMPARE(chunks.size(), chunkCount);

    QByteArray joined;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Header header = headerOf(chunks[i]);
        Header expected = request;
        if (chunkCount > 1) {
            expected.multipart = true;
            expected.chunkId = quint16(i + 1);
            expected.chunkCount = quint16(chunkCount);
            expected.chunkSize = quint16(chunkSize);
        }
        QCOMPARE(header, expected);
        const QByteArrayView part = bodyOf(chunks[i], header);
        QVERIFY(part.size() <= chunkSize);
        joined.append(part);
    }
    QCOMPARE(joined, body);
}

void tst_Messages::chunksNotPossible()
{
    const Header request {.code = 0x03};
    QVERIFY(buildChunks(request, "body", 0).isEmpty());
    QVERIFY(buildChunks(request, QByteArray(65536, 'x'), 1).isEmpty());
}

void tst_Messages::endpointRewriteOfBuiltMessage()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 200; ++i) {
        const Header header = test::randomHeader(rng);
        QByteArray message = buildMessage(header, test::randomBytes(rng, rng.bounded(100)));
        const QByteArray before = message;
        message.detach();
        const char *data = message.constData();
        const quint32 endpointId = rng.generate();

        setEndpointId(message, endpointId);

        QCOMPARE(message.constData(), data);
        Header expected = header;
        expected.endpointId = endpointId;
        QCOMPARE(headerOf(message), expected);
        QCOMPARE(bodyOf(message, expected), bodyOf(before, header));
        QCOMPARE(message.first(EndpointIdOffset), before.first(EndpointIdOffset));
        QCOMPARE(message.sliced(EndpointIdOffset + 4), before.sliced(EndpointIdOffset + 4));
    }
}

QTEST_APPLESS_MAIN(tst_Messages)
#include "tst_messages.moc"

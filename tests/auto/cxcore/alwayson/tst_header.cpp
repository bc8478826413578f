#include "alwayson/header.h"
#include "codectest.h"

#include <QTest>

using namespace cx::alwayson;

namespace {

// GET, requestId 0x01020304, endpointId 0x05060708, sessionId 0x090A0B0C, single message.
const QByteArray GetRequest = QByteArray::fromHex("01 01 01020304 05060708 090a0b0c 00");
// The same ids as a SUCCESS response.
const QByteArray SuccessResponse = QByteArray::fromHex("01 40 01020304 05060708 090a0b0c 00");
// POST chunk 2 of 3, chunkSize 0x0400.
const QByteArray PostChunk
    = QByteArray::fromHex("01 03 01020304 05060708 090a0b0c 01 0002 0003 0400");

QByteArray chunk(const char *multipartHeaderHex)
{
    return test::join({QByteArray::fromHex("01 03 01020304 05060708 090a0b0c 01"),
                       QByteArray::fromHex(multipartHeaderHex)});
}

} // namespace

class tst_Header : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseMalformed_data();
    void parseMalformed();
    void truncatedHeaderKeepsWholeFields_data();
    void truncatedHeaderKeepsWholeFields();
    void badVersionReadsNothingElse();
    void writeHeaderBytes_data();
    void writeHeaderBytes();
    void roundTrip();
    void bodyOfSkipsHeaders();
    void setEndpointIdInPlace();
    void setEndpointIdDetachesShared();
    void reasons();
};

void tst_Header::parseValid_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<Header>("expected");

    const Header get {
        .code = 0x01, .requestId = 0x01020304, .endpointId = 0x05060708, .sessionId = 0x090A0B0C};
    QTest::addRow("request") << GetRequest << get;
    QTest::addRow("request with body") << test::join({GetRequest, "body"}) << get;
    Header success = get;
    success.code = 0x40;
    QTest::addRow("response") << SuccessResponse << success;
    Header unknown = get;
    unknown.code = 0x3E;
    QTest::addRow("unknown code") << QByteArray::fromHex("01 3e 01020304 05060708 090a0b0c 00")
                                  << unknown;
    QTest::addRow("all ones") << QByteArray::fromHex("01 ff ffffffff ffffffff ffffffff 00")
                              << Header {.code = 0xFF,
                                         .requestId = 0xFFFFFFFF,
                                         .endpointId = 0xFFFFFFFF,
                                         .sessionId = 0xFFFFFFFF};

    Header post = get;
    post.code = 0x03;
    post.multipart = true;
    post.chunkId = 2;
    post.chunkCount = 3;
    post.chunkSize = 0x0400;
    QTest::addRow("chunk") << PostChunk << post;
    QTest::addRow("chunk with body") << test::join({PostChunk, "part"}) << post;
    post.chunkId = 1;
    post.chunkCount = 2;
    post.chunkSize = 0;
    QTest::addRow("first of two chunks") << chunk("0001 0002 0000") << post;
    post.chunkId = 2;
    QTest::addRow("last of two chunks") << chunk("0002 0002 0000") << post;
    post.chunkId = 0xFFFF;
    post.chunkCount = 0xFFFF;
    post.chunkSize = 0xFFFF;
    QTest::addRow("last of 65535 chunks") << chunk("ffff ffff ffff") << post;
}

void tst_Header::parseValid()
{
    QFETCH(QByteArray, message);
    QFETCH(Header, expected);

    const HeaderParse parse = parseHeader(message);
    QCOMPARE(parse.error, ParseError::None);
    QVERIFY(parse.ok());
    QVERIFY(!parse.answerWithBadRequest());
    QCOMPARE(parse.header, expected);
    QCOMPARE(parse.header.size(), expected.multipart ? 21 : 15);
    QCOMPARE(parse.requestIdReadable, !expected.isResponse());
}

void tst_Header::parseMalformed_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<bool>("requestIdReadable");

    QTest::addRow("empty") << QByteArray() << ParseError::TruncatedHeader << false;
    for (int size = 1; size < HeaderSize; ++size) {
        QTest::addRow("request, %d bytes", size)
            << GetRequest.first(size) << ParseError::TruncatedHeader << (size >= 6);
        QTest::addRow("response, %d bytes", size)
            << SuccessResponse.first(size) << ParseError::TruncatedHeader << false;
    }

    for (int version : {0x00, 0x02, 0x7F, 0xFF}) {
        QByteArray message = GetRequest;
        message[0] = char(version);
        QTest::addRow("version %d", version) << message << ParseError::BadVersion << false;
        QTest::addRow("version %d, 1 byte", version)
            << message.first(1) << ParseError::BadVersion << false;
        QTest::addRow("version %d, 8 bytes", version)
            << message.first(8) << ParseError::BadVersion << false;
        QTest::addRow("version %d, chunk", version)
            << test::join({message.first(1), PostChunk.sliced(1)}) << ParseError::BadVersion
            << false;
    }

    for (int flag : {0x02, 0x80, 0xFF}) {
        QByteArray message = GetRequest;
        message[MultipartOffset] = char(flag);
        QTest::addRow("request, multipart flag %d", flag)
            << message << ParseError::BadMultipartFlag << true;
        message[CodeOffset] = char(0x40);
        QTest::addRow("response, multipart flag %d", flag)
            << message << ParseError::BadMultipartFlag << false;
    }

    for (int size = HeaderSize; size < HeaderSize + MultipartHeaderSize; ++size) {
        QTest::addRow("request chunk, %d bytes", size)
            << PostChunk.first(size) << ParseError::TruncatedMultipartHeader << true;
        QByteArray response = PostChunk.first(size);
        response[CodeOffset] = char(0x40);
        QTest::addRow("response chunk, %d bytes", size)
            << response << ParseError::TruncatedMultipartHeader << false;
    }

    QTest::addRow("chunkId 0") << chunk("0000 0003 0400") << ParseError::ChunkIdZero << true;
    QTest::addRow("chunkId 0, chunkCount 0")
        << chunk("0000 0000 0400") << ParseError::ChunkIdZero << true;
    QTest::addRow("chunkCount 0") << chunk("0001 0000 0400") << ParseError::ChunkCountTooSmall
                                  << true;
    QTest::addRow("chunkCount 1") << chunk("0001 0001 0400") << ParseError::ChunkCountTooSmall
                                  << true;
    QTest::addRow("chunkId 3 of 2")
        << chunk("0003 0002 0400") << ParseError::ChunkIdPastCount << true;
    QTest::addRow("chunkId 65535 of 65534")
        << chunk("ffff fffe 0400") << ParseError::ChunkIdPastCount << true;
    QByteArray response = chunk("0000 0003 0400");
    response[CodeOffset] = char(0xA0);
    QTest::addRow("response, chunkId 0") << response << ParseError::ChunkIdZero << false;
}

void tst_Header::parseMalformed()
{
    QFETCH(QByteArray, message);
    QFETCH(ParseError, error);
    QFETCH(bool, requestIdReadable);

    const HeaderParse parse = parseHeader(message);
    QCOMPARE(parse.error, error);
    QVERIFY(!parse.ok());
    QCOMPARE(parse.requestIdReadable, requestIdReadable);
    QCOMPARE(parse.answerWithBadRequest(), requestIdReadable);
    if (requestIdReadable)
        QCOMPARE(parse.header.requestId, 0x01020304u);
}

void tst_Header::truncatedHeaderKeepsWholeFields_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<Header>("expected");

    QTest::addRow("0 bytes") << 0 << Header {.version = 0};
    QTest::addRow("1 byte") << 1 << Header {};
    QTest::addRow("2 bytes") << 2 << Header {.code = 0x01};
    QTest::addRow("5 bytes") << 5 << Header {.code = 0x01};
    QTest::addRow("6 bytes") << 6 << Header {.code = 0x01, .requestId = 0x01020304};
    QTest::addRow("9 bytes") << 9 << Header {.code = 0x01, .requestId = 0x01020304};
    QTest::addRow("10 bytes") << 10
                              << Header {.code = 0x01,
                                         .requestId = 0x01020304,
                                         .endpointId = 0x05060708};
    QTest::addRow("13 bytes") << 13
                              << Header {.code = 0x01,
                                         .requestId = 0x01020304,
                                         .endpointId = 0x05060708};
    QTest::addRow("14 bytes") << 14
                              << Header {.code = 0x01,
                                         .requestId = 0x01020304,
                                         .endpointId = 0x05060708,
                                         .sessionId = 0x090A0B0C};
}

void tst_Header::truncatedHeaderKeepsWholeFields()
{
    QFETCH(int, size);
    QFETCH(Header, expected);

    const HeaderParse parse = parseHeader(GetRequest.first(size));
    QCOMPARE(parse.error, ParseError::TruncatedHeader);
    QCOMPARE(parse.header, expected);
}

void tst_Header::badVersionReadsNothingElse()
{
    QByteArray message = GetRequest;
    message[0] = 2;
    const HeaderParse parse = parseHeader(message);
    QCOMPARE(parse.error, ParseError::BadVersion);
    QCOMPARE(parse.header, Header {.version = 2});
    QVERIFY(!parse.answerWithBadRequest());
}

void tst_Header::writeHeaderBytes_data()
{
    QTest::addColumn<Header>("header");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("request") << Header {.code = 0x01,
                                        .requestId = 0x01020304,
                                        .endpointId = 0x05060708,
                                        .sessionId = 0x090A0B0C}
                             << GetRequest;
    QTest::addRow("chunk") << Header {.code = 0x03,
                                      .requestId = 0x01020304,
                                      .endpointId = 0x05060708,
                                      .sessionId = 0x090A0B0C,
                                      .multipart = true,
                                      .chunkId = 2,
                                      .chunkCount = 3,
                                      .chunkSize = 0x0400}
                           << PostChunk;
    QTest::addRow("single ignores chunk fields") << Header {.code = 0x01,
                                                            .requestId = 0x01020304,
                                                            .endpointId = 0x05060708,
                                                            .sessionId = 0x090A0B0C,
                                                            .chunkId = 2,
                                                            .chunkCount = 3,
                                                            .chunkSize = 0x0400}
                                                 << GetRequest;
}

void tst_Header::writeHeaderBytes()
{
    QFETCH(Header, header);
    QFETCH(QByteArray, bytes);

    QByteArray out(header.size() + 2, 'x');
    writeHeader(header, out.data());
    QCOMPARE(out.first(header.size()), bytes);
    QCOMPARE(out.sliced(header.size()), QByteArray("xx"));
}

void tst_Header::roundTrip()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 10000; ++i) {
        const Header header = test::randomHeader(rng);
        QByteArray message(header.size(), Qt::Uninitialized);
        writeHeader(header, message.data());
        const HeaderParse parse = parseHeader(message);
        QCOMPARE(parse.error, ParseError::None);
        QCOMPARE(parse.header, header);
        QCOMPARE(parse.requestIdReadable, !header.isResponse());
    }
}

void tst_Header::bodyOfSkipsHeaders()
{
    const QByteArray single = GetRequest + QByteArray("body");
    QCOMPARE(bodyOf(single, parseHeader(single).header).toByteArray(), QByteArray("body"));
    const QByteArray multipart = PostChunk + QByteArray("part");
    QCOMPARE(bodyOf(multipart, parseHeader(multipart).header).toByteArray(), QByteArray("part"));
    QVERIFY(bodyOf(GetRequest, parseHeader(GetRequest).header).isEmpty());
}

void tst_Header::setEndpointIdInPlace()
{
    QRandomGenerator rng(test::RandomSeed);
    QByteArray message = PostChunk + test::randomBytes(rng, 1000);
    const QByteArray before = message;
    message.detach();
    const char *data = message.constData();

    setEndpointId(message, 0xA1B2C3D4);

    QCOMPARE(message.constData(), data);
    QCOMPARE(message.size(), before.size());
    QCOMPARE(message.first(EndpointIdOffset), before.first(EndpointIdOffset));
    QCOMPARE(message.sliced(EndpointIdOffset, 4), QByteArray::fromHex("a1b2c3d4"));
    QCOMPARE(message.sliced(EndpointIdOffset + 4), before.sliced(EndpointIdOffset + 4));
    QCOMPARE(parseHeader(message).header.endpointId, 0xA1B2C3D4u);
}

void tst_Header::setEndpointIdDetachesShared()
{
    const QByteArray original = GetRequest + QByteArray("body");
    QByteArray copy = original;
    QCOMPARE(copy.constData(), original.constData());

    setEndpointId(copy, 42);

    QVERIFY(copy.constData() != original.constData());
    QCOMPARE(parseHeader(original).header.endpointId, 0x05060708u);
    QCOMPARE(parseHeader(copy).header.endpointId, 42u);
    QCOMPARE(copy.sliced(EndpointIdOffset + 4), original.sliced(EndpointIdOffset + 4));
}

void tst_Header::reasons()
{
    QVERIFY(test::reasonsAreDistinct(
        {ParseError::None, ParseError::TruncatedHeader, ParseError::BadVersion,
         ParseError::BadMultipartFlag, ParseError::TruncatedMultipartHeader,
         ParseError::ChunkIdZero, ParseError::ChunkCountTooSmall, ParseError::ChunkIdPastCount}));
}

QTEST_APPLESS_MAIN(tst_Header)
#include "tst_header.moc"

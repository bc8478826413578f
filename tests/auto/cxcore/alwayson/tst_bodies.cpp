#include "alwayson/bodies.h"
#include "codectest.h"

#include <QTest>

using namespace cx::alwayson;

namespace {

QByteArray hex(const char *hexDigits)
{
    return QByteArray::fromHex(hexDigits);
}

/// A 1-byte-length string.
QByteArray str(const QByteArray &text)
{
    Q_ASSERT(text.size() < 128);
    return test::join({QByteArray(1, char(text.size())), text});
}

QList<QByteArray> toList(const QList<QByteArrayView> &views)
{
    QList<QByteArray> list;
    for (QByteArrayView view : views)
        list.append(view.toByteArray());
    return list;
}

} // namespace

class tst_Bodies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authValid_data();
    void authValid();
    void authMalformed_data();
    void authMalformed();
    void bindValid_data();
    void bindValid();
    void bindMalformed_data();
    void bindMalformed();
    void bindDoesNotReservePastBody();
    void responseValid_data();
    void responseValid();
    void responseMalformed_data();
    void responseMalformed();
    void writeKnownBytes();
    void authRoundTrip();
    void bindRoundTrip();
    void responseRoundTrip();
    void utf8_data();
    void utf8();
    void utf8AgreesWithQt();
};

void tst_Bodies::authValid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");

    QTest::addRow("appKey") << test::join({"\x01", str("appKey"), str("abc")})
                            << QByteArray("appKey") << QByteArray("abc");
    QTest::addRow("empty value") << test::join({"\x01", str("appKey"), str("")})
                                 << QByteArray("appKey") << QByteArray("");
    const QByteArray longValue(300, 'k');
    QTest::addRow("4-byte length value")
        << test::join({"\x01", str("appKey"), hex("8000012c"), longValue}) << QByteArray("appKey")
        << longValue;
    QTest::addRow("trailing bytes ignored")
        << test::join({"\x01", str("appKey"), str("abc"), "more"}) << QByteArray("appKey")
        << QByteArray("abc");
}

void tst_Bodies::authValid()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);

    const auto parse = parseAuthBody(body);
    QCOMPARE(parse.error, BodyError::None);
    QVERIFY(parse.ok());
    QCOMPARE(parse.body.name.toByteArray(), name);
    QCOMPARE(parse.body.value.toByteArray(), value);
}

void tst_Bodies::authMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyError>("error");

    const QByteArray pair = str("appKey") + str("abc");
    QTest::addRow("empty") << QByteArray() << BodyError::TruncatedBody;
    QTest::addRow("count 0") << test::join({hex("00"), pair}) << BodyError::AuthCountNotOne;
    QTest::addRow("count 2") << test::join({"\x02", pair, pair}) << BodyError::AuthCountNotOne;
    QTest::addRow("count 255") << test::join({"\xff", pair}) << BodyError::AuthCountNotOne;
    QTest::addRow("count only") << hex("01") << BodyError::TruncatedBody;
    QTest::addRow("name past end")
        << test::join({"\x01", str("appKey").first(4)}) << BodyError::StringPastEnd;
    QTest::addRow("name 4-byte length cut") << hex("01 8000") << BodyError::TruncatedBody;
    QTest::addRow("no value") << test::join({"\x01", str("appKey")}) << BodyError::TruncatedBody;
    QTest::addRow("value past end, 1-byte length")
        << test::join({"\x01", str("appKey"), hex("05"), "ab"}) << BodyError::StringPastEnd;
    QTest::addRow("value past end, 4-byte length")
        << test::join({"\x01", str("appKey"), hex("80000100"), "ab"}) << BodyError::StringPastEnd;
    QTest::addRow("value 4-byte length cut")
        << test::join({"\x01", str("appKey"), hex("8000")}) << BodyError::TruncatedBody;
    QTest::addRow("value length 0x7FFFFFFF")
        << test::join({"\x01", str("appKey"), hex("ffffffff"), "abc"}) << BodyError::StringPastEnd;
}

void tst_Bodies::authMalformed()
{
    QFETCH(QByteArray, body);
    QFETCH(BodyError, error);

    const auto parse = parseAuthBody(body);
    QCOMPARE(parse.error, error);
    QVERIFY(!parse.ok());
}

void tst_Bodies::bindValid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasGateway");
    QTest::addColumn<QByteArray>("gatewayName");
    QTest::addColumn<QByteArray>("gatewayType");
    QTest::addColumn<QList<QByteArray>>("names");

    QTest::addRow("no names") << hex("00 0000") << false << QByteArray() << QByteArray()
                              << QList<QByteArray>();
    QTest::addRow("two names") << test::join({hex("00 0002"), str("one"), str("two")}) << false
                               << QByteArray() << QByteArray() << QList<QByteArray> {"one", "two"};
    QTest::addRow("gateway") << test::join(
        {"\x01", str("gw"), str("type"), hex("0001"), str("thing")})
                             << true << QByteArray("gw") << QByteArray("type")
                             << QList<QByteArray> {"thing"};
    QTest::addRow("gateway, no names")
        << test::join({"\x01", str("gw"), str(""), hex("0000")}) << true << QByteArray("gw")
        << QByteArray("") << QList<QByteArray>();
    const QByteArray longName(200, 'n');
    QTest::addRow("4-byte length name")
        << test::join({hex("00 0002 800000c8"), longName, str("")}) << false << QByteArray()
        << QByteArray() << QList<QByteArray> {longName, ""};
    QTest::addRow("trailing bytes ignored")
        << test::join({hex("00 0001"), str("one"), "more"}) << false << QByteArray() << QByteArray()
        << QList<QByteArray> {"one"};
}

void tst_Bodies::bindValid()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, hasGateway);
    QFETCH(QByteArray, gatewayName);
    QFETCH(QByteArray, gatewayType);
    QFETCH(QList<QByteArray>, names);

    const auto parse = parseBindBody(body);
    QCOMPARE(parse.error, BodyError::None);
    QCOMPARE(parse.body.gateway.has_value(), hasGateway);
    if (hasGateway) {
        QCOMPARE(parse.body.gateway->name.toByteArray(), gatewayName);
        QCOMPARE(parse.body.gateway->type.toByteArray(), gatewayType);
    }
    QCOMPARE(toList(parse.body.names), names);
}

void tst_Bodies::bindMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyError>("error");

    QTest::addRow("empty") << QByteArray() << BodyError::TruncatedBody;
    QTest::addRow("gateway flag 2") << hex("02 0000") << BodyError::BadGatewayFlag;
    QTest::addRow("gateway flag 255") << hex("ff 0000") << BodyError::BadGatewayFlag;
    QTest::addRow("gateway flag only") << hex("01") << BodyError::TruncatedBody;
    QTest::addRow("gateway without type")
        << test::join({"\x01", str("gw")}) << BodyError::TruncatedBody;
    QTest::addRow("gateway name past end")
        << test::join({"\x01", str("gateway").first(3)}) << BodyError::StringPastEnd;
    QTest::addRow("gateway type past end")
        << test::join({"\x01", str("gw"), hex("80000010"), "type"}) << BodyError::StringPastEnd;
    QTest::addRow("gateway, no count")
        << test::join({"\x01", str("gw"), str("type")}) << BodyError::TruncatedBody;
    QTest::addRow("no count") << hex("00") << BodyError::TruncatedBody;
    QTest::addRow("count cut") << hex("00 00") << BodyError::TruncatedBody;
    QTest::addRow("count 1, no names") << hex("00 0001") << BodyError::TruncatedBody;
    QTest::addRow("count 3, 2 names")
        << test::join({hex("00 0003"), str("one"), str("two")}) << BodyError::TruncatedBody;
    QTest::addRow("count 65535, 1 name")
        << test::join({hex("00 ffff"), str("one")}) << BodyError::TruncatedBody;
    QTest::addRow("name past end")
        << test::join({hex("00 0001"), str("thing").first(3)}) << BodyError::StringPastEnd;
    QTest::addRow("second name past end")
        << test::join({hex("00 0002"), str("one"), hex("80000100"), "x"})
        << BodyError::StringPastEnd;
    QTest::addRow("name length 0x7FFFFFFF")
        << test::join({hex("00 0001 ffffffff"), "abc"}) << BodyError::StringPastEnd;
    QTest::addRow("name 4-byte length cut") << hex("00 0001 80") << BodyError::TruncatedBody;
}

void tst_Bodies::bindMalformed()
{
    QFETCH(QByteArray, body);
    QFETCH(BodyError, error);

    const auto parse = parseBindBody(body);
    QCOMPARE(parse.error, error);
    QVERIFY(!parse.ok());
}

void tst_Bodies::bindDoesNotReservePastBody()
{
    const QByteArray body = hex("00 ffff") + str("a") + str("b");
    const auto parse = parseBindBody(body);
    QCOMPARE(parse.error, BodyError::TruncatedBody);
    QVERIFY(parse.body.names.capacity() <= body.size());
}

void tst_Bodies::responseValid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasReason");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("baseType");
    QTest::addColumn<QByteArray>("content");

    QTest::addRow("success") << hex("00 ff") << false << QByteArray() << 0xFF << QByteArray();
    QTest::addRow("error") << test::join({"\x01", str("oops"), "\xff"}) << true
                           << QByteArray("oops") << 0xFF << QByteArray();
    QTest::addRow("empty reason") << hex("01 00 ff") << true << QByteArray("") << 0xFF
                                  << QByteArray();
    const QByteArray longReason(200, 'r');
    QTest::addRow("4-byte length reason") << test::join({hex("01 800000c8"), longReason, "\xff"})
                                          << true << longReason << 0xFF << QByteArray();
    QTest::addRow("infotable") << test::join({hex("00 05"), "opaque infotable"}) << false
                               << QByteArray() << 0x05 << QByteArray("opaque infotable");
    QTest::addRow("reason and content") << test::join({"\x01", str("why"), hex("05 0102")}) << true
                                        << QByteArray("why") << 0x05 << hex("0102");
}

void tst_Bodies::responseValid()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, hasReason);
    QFETCH(QByteArray, reason);
    QFETCH(int, baseType);
    QFETCH(QByteArray, content);

    const auto parse = parseResponseBody(body);
    QCOMPARE(parse.error, BodyError::None);
    QCOMPARE(parse.body.reason.has_value(), hasReason);
    if (hasReason)
        QCOMPARE(parse.body.reason->toByteArray(), reason);
    QCOMPARE(int(parse.body.baseType), baseType);
    QCOMPARE(parse.body.content.toByteArray(), content);
}

void tst_Bodies::responseMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyError>("error");

    QTest::addRow("empty") << QByteArray() << BodyError::TruncatedBody;
    QTest::addRow("reason marker 2") << hex("02 ff") << BodyError::BadReasonMarker;
    QTest::addRow("reason marker 255") << hex("ff ff") << BodyError::BadReasonMarker;
    QTest::addRow("reason marker 0, no baseType") << hex("00") << BodyError::TruncatedBody;
    QTest::addRow("reason marker 1, no string") << hex("01") << BodyError::TruncatedBody;
    QTest::addRow("reason past end")
        << test::join({hex("01 05"), "ab"}) << BodyError::StringPastEnd;
    QTest::addRow("reason 4-byte length past end")
        << test::join({hex("01 80000100"), "ab"}) << BodyError::StringPastEnd;
    QTest::addRow("reason length 0x7FFFFFFF") << hex("01 ffffffff ff") << BodyError::StringPastEnd;
    QTest::addRow("reason 4-byte length cut") << hex("01 800000") << BodyError::TruncatedBody;
    QTest::addRow("reason, no baseType")
        << test::join({"\x01", str("abc")}) << BodyError::TruncatedBody;
}

void tst_Bodies::responseMalformed()
{
    QFETCH(QByteArray, body);
    QFETCH(BodyError, error);

    const auto parse = parseResponseBody(body);
    QCOMPARE(parse.error, error);
    QVERIFY(!parse.ok());
}

void tst_Bodies::writeKnownBytes()
{
    QCOMPARE(test::writeBody([](BodyWriter &out) { writeAuthBody(out, "appKey", "k"); }),
             test::join({"\x01", str("appKey"), str("k")}));
    const QList<QByteArray> names {"a", "bc"};
    QCOMPARE(test::writeBody([&](BodyWriter &out) { writeBindBody(out, std::nullopt, names); }),
             test::join({hex("00 0002"), str("a"), str("bc")}));
    QCOMPARE(test::writeBody([&](BodyWriter &out) {
                 writeBindBody(out, Gateway {.name = "g", .type = "t"}, names);
             }),
             test::join({"\x01", str("g"), str("t"), hex("0002"), str("a"), str("bc")}));
    QCOMPARE(test::writeBody([](BodyWriter &out) { writeResponseBody(out, {}); }), hex("00 ff"));
    QCOMPARE(test::writeBody(
                 [](BodyWriter &out) { writeResponseBody(out, {.reason = QByteArrayView("no")}); }),
             hex("01 02 6e6f ff"));
}

void tst_Bodies::authRoundTrip()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 1000; ++i) {
        const QByteArray name = test::randomString(rng);
        const QByteArray value = test::randomString(rng);
        const QByteArray body
            = test::writeBody([&](BodyWriter &out) { writeAuthBody(out, name, value); });
        const auto parse = parseAuthBody(body);
        QCOMPARE(parse.error, BodyError::None);
        QCOMPARE(parse.body.name.toByteArray(), name);
        QCOMPARE(parse.body.value.toByteArray(), value);
    }
}

void tst_Bodies::bindRoundTrip()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 300; ++i) {
        std::optional<Gateway> gateway;
        const QByteArray gatewayName = test::randomString(rng);
        const QByteArray gatewayType = test::randomString(rng);
        if (rng.bounded(2) == 1)
            gateway = Gateway {.name = gatewayName, .type = gatewayType};
        QList<QByteArray> names;
        for (int n = rng.bounded(50); n > 0; --n)
            names.append(test::randomString(rng));
        const QByteArray body
            = test::writeBody([&](BodyWriter &out) { writeBindBody(out, gateway, names); });
        const auto parse = parseBindBody(body);
        QCOMPARE(parse.error, BodyError::None);
        QCOMPARE(parse.body.gateway, gateway);
        QCOMPARE(toList(parse.body.names), names);
    }
}

void tst_Bodies::responseRoundTrip()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int i = 0; i < 1000; ++i) {
        const QByteArray reason = test::randomString(rng);
        const QByteArray content = test::randomBytes(rng, rng.bounded(100));
        ResponseBody response {.baseType = quint8(rng.bounded(256)), .content = content};
        if (rng.bounded(2) == 1)
            response.reason = reason;
        const QByteArray body
            = test::writeBody([&](BodyWriter &out) { writeResponseBody(out, response); });
        const auto parse = parseResponseBody(body);
        QCOMPARE(parse.error, BodyError::None);
        QCOMPARE(parse.body.reason.has_value(), response.reason.has_value());
        if (response.reason)
            QCOMPARE(parse.body.reason->toByteArray(), reason);
        QCOMPARE(parse.body.baseType, response.baseType);
        QCOMPARE(parse.body.content.toByteArray(), content);
    }
}

void tst_Bodies::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("ascii") << QByteArray("Thing_42.sensor") << true;
    QTest::addRow("nul") << QByteArray(3, '\0') << true;
    QTest::addRow("2 bytes U+00E9") << hex("c3a9") << true;
    QTest::addRow("2 bytes U+0080") << hex("c280") << true;
    QTest::addRow("3 bytes U+20AC") << hex("e282ac") << true;
    QTest::addRow("3 bytes U+0800") << hex("e0a080") << true;
    QTest::addRow("3 bytes U+D7FF") << hex("ed9fbf") << true;
    QTest::addRow("3 bytes U+E000") << hex("ee8080") << true;
    QTest::addRow("3 bytes U+FFFF") << hex("efbfbf") << true;
    QTest::addRow("4 bytes U+10000") << hex("f0908080") << true;
    QTest::addRow("4 bytes U+1F600") << hex("f09f9880") << true;
    QTest::addRow("4 bytes U+10FFFF") << hex("f48fbfbf") << true;
    QTest::addRow("mixed") << test::join({QByteArray("a"), hex("c3a9 e282ac f09f9880"), "z"})
                           << true;

    QTest::addRow("lone continuation") << hex("80") << false;
    QTest::addRow("continuation after ascii") << hex("41bf") << false;
    QTest::addRow("overlong C0") << hex("c080") << false;
    QTest::addRow("overlong C1") << hex("c1bf") << false;
    QTest::addRow("overlong 3 bytes") << hex("e09fbf") << false;
    QTest::addRow("overlong 4 bytes") << hex("f08fbfbf") << false;
    QTest::addRow("surrogate D800") << hex("eda080") << false;
    QTest::addRow("surrogate DFFF") << hex("edbfbf") << false;
    QTest::addRow("past U+10FFFF") << hex("f4908080") << false;
    QTest::addRow("lead F5") << hex("f5808080") << false;
    QTest::addRow("lead FE") << hex("fe") << false;
    QTest::addRow("lead FF") << hex("ff") << false;
    QTest::addRow("2-byte cut") << hex("c3") << false;
    QTest::addRow("3-byte cut after 1") << hex("e2") << false;
    QTest::addRow("3-byte cut after 2") << hex("e282") << false;
    QTest::addRow("4-byte cut after 3") << hex("f09f98") << false;
    QTest::addRow("bad second byte") << hex("c341") << false;
    QTest::addRow("bad third byte") << hex("e28241") << false;
    QTest::addRow("bad fourth byte") << hex("f09f98c0") << false;
    QTest::addRow("cut at the end of valid text")
        << test::join({QByteArray("abc"), hex("e282")}) << false;
}

void tst_Bodies::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);

    QCOMPARE(isValidUtf8(bytes), valid);
}

void tst_Bodies::utf8AgreesWithQt()
{
    // Qt's decoder replaces every invalid sequence, so valid UTF-8 is exactly what survives a
    // decode/encode round trip unchanged. Bytes are drawn from a small alphabet of leads,
    // continuations and ASCII so that both outcomes are frequent.
    const char alphabet[] = {'a',        '\x7f',     char(0x80), char(0x9f), char(0xa0),
                             char(0xbf), char(0xc0), char(0xc2), char(0xdf), char(0xe0),
                             char(0xed), char(0xef), char(0xf0), char(0xf4), char(0xf5)};
    QRandomGenerator rng(test::RandomSeed);
    int valid = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray bytes;
        for (int n = rng.bounded(1, 8); n > 0; --n)
            bytes.append(alphabet[rng.bounded(int(sizeof alphabet))]);
        const bool qtValid = QString::fromUtf8(bytes).toUtf8() == bytes;
        QVERIFY2(isValidUtf8(bytes) == qtValid, bytes.toHex(' ').constData());
        valid += qtValid;
    }
    QVERIFY(valid > 100);
}

QTEST_APPLESS_MAIN(tst_Bodies)
#include "tst_bodies.moc"

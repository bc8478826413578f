#include "alwayson/bodyreader.h"
#include "codectest.h"

#include <QTest>

using namespace cx::alwayson;

class tst_BodyReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedFields();
    void truncatedFixedField_data();
    void truncatedFixedField();
    void string_data();
    void string();
    void malformedString_data();
    void malformedString();
    void errorIsSticky();
    void restAndPosition();
    void reasons();
};

void tst_BodyReader::fixedFields()
{
    const QByteArray body = QByteArray::fromHex("fe 0102 a1b2c3d4 ff");
    BodyReader reader(body);
    QCOMPARE(reader.u8(), quint8(0xFE));
    QCOMPARE(reader.u16(), quint16(0x0102));
    QCOMPARE(reader.u32(), 0xA1B2C3D4u);
    QCOMPARE(reader.u8(), quint8(0xFF));
    QVERIFY(reader.ok());
    QCOMPARE(reader.position(), 8);
    QVERIFY(reader.rest().isEmpty());
}

void tst_BodyReader::truncatedFixedField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("width");

    QTest::addRow("u8 of 0 bytes") << QByteArray() << 1;
    QTest::addRow("u16 of 0 bytes") << QByteArray() << 2;
    QTest::addRow("u16 of 1 byte") << QByteArray("\x01", 1) << 2;
    QTest::addRow("u32 of 0 bytes") << QByteArray() << 4;
    QTest::addRow("u32 of 1 byte") << QByteArray("\x01", 1) << 4;
    QTest::addRow("u32 of 3 bytes") << QByteArray("\x01\x02\x03", 3) << 4;
}

void tst_BodyReader::truncatedFixedField()
{
    QFETCH(QByteArray, body);
    QFETCH(int, width);

    BodyReader reader(body);
    const quint32 value = width == 1 ? reader.u8() : width == 2 ? reader.u16() : reader.u32();
    QCOMPARE(value, 0u);
    QCOMPARE(reader.error(), BodyError::TruncatedBody);
    QCOMPARE(reader.position(), 0);
}

void tst_BodyReader::string_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("prefix");

    QTest::addRow("empty, 1-byte length") << QByteArray(1, '\0') << QByteArray("") << 1;
    QTest::addRow("short") << QByteArray("\x03"
                                         "abc")
                           << QByteArray("abc") << 1;
    const QByteArray max(127, 'm');
    QTest::addRow("127 bytes") << test::join({"\x7f", max}) << max << 1;
    const QByteArray long128(128, 'l');
    QTest::addRow("128 bytes") << test::join({QByteArray::fromHex("80000080"), long128}) << long128
                               << 4;
    const QByteArray long70000(70000, 'x');
    QTest::addRow("70000 bytes") << test::join({QByteArray::fromHex("80011170"), long70000})
                                 << long70000 << 4;
    QTest::addRow("empty, 4-byte length") << QByteArray::fromHex("80000000") << QByteArray("") << 4;
    QTest::addRow("short in a 4-byte length")
        << test::join({QByteArray::fromHex("80000003"), "abc"}) << QByteArray("abc") << 4;
    QTest::addRow("followed by more") << QByteArray("\x02"
                                                    "abcd")
                                      << QByteArray("ab") << 1;
}

void tst_BodyReader::string()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QFETCH(int, prefix);

    BodyReader reader(body);
    const QByteArrayView text = reader.string();
    QVERIFY(reader.ok());
    QCOMPARE(text.toByteArray(), expected);
    QVERIFY(!text.isNull());
    QCOMPARE(text.data(), body.constData() + prefix); // a view into the body, no copy
    QCOMPARE(reader.position(), prefix + expected.size());
}

void tst_BodyReader::malformedString_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyError>("error");

    QTest::addRow("no length") << QByteArray() << BodyError::TruncatedBody;
    QTest::addRow("4-byte length, 1 byte") << QByteArray::fromHex("80") << BodyError::TruncatedBody;
    QTest::addRow("4-byte length, 2 bytes")
        << QByteArray::fromHex("8000") << BodyError::TruncatedBody;
    QTest::addRow("4-byte length, 3 bytes")
        << QByteArray::fromHex("800000") << BodyError::TruncatedBody;
    QTest::addRow("1-byte length 1, no bytes")
        << QByteArray::fromHex("01") << BodyError::StringPastEnd;
    QTest::addRow("1-byte length 5, 2 bytes") << QByteArray("\x05"
                                                            "ab")
                                              << BodyError::StringPastEnd;
    QTest::addRow("1-byte length 127, 126 bytes")
        << test::join({"\x7f", QByteArray(126, 'x')}) << BodyError::StringPastEnd;
    QTest::addRow("4-byte length 128, 127 bytes")
        << test::join({QByteArray::fromHex("80000080"), QByteArray(127, 'x')})
        << BodyError::StringPastEnd;
    QTest::addRow("4-byte length 256, 10 bytes")
        << test::join({QByteArray::fromHex("80000100"), QByteArray(10, 'x')})
        << BodyError::StringPastEnd;
    QTest::addRow("4-byte length 0x7FFFFFFF (ffffffff)")
        << test::join({QByteArray::fromHex("ffffffff"), QByteArray(16, 'x')})
        << BodyError::StringPastEnd;
    QTest::addRow("4-byte length 0x7FFFFFFF, nothing after")
        << QByteArray::fromHex("ffffffff") << BodyError::StringPastEnd;
    QTest::addRow("bytes 7fffffff: 1-byte length 127")
        << QByteArray::fromHex("7fffffff") << BodyError::StringPastEnd;
    QTest::addRow("4-byte length 0x7FFFFFFE")
        << test::join({QByteArray::fromHex("fffffffe"), "xxx"}) << BodyError::StringPastEnd;
}

void tst_BodyReader::malformedString()
{
    QFETCH(QByteArray, body);
    QFETCH(BodyError, error);

    BodyReader reader(body);
    const QByteArrayView text = reader.string();
    QCOMPARE(reader.error(), error);
    QVERIFY(text.isNull());
    QCOMPARE(reader.position(), 0);
    QCOMPARE(reader.rest().size(), body.size());
}

void tst_BodyReader::errorIsSticky()
{
    const QByteArray body = QByteArray::fromHex("01 20 6162 0102030405060708");
    BodyReader reader(body);
    QCOMPARE(reader.u8(), quint8(1));
    QVERIFY(reader.string().isNull());
    QCOMPARE(reader.error(), BodyError::StringPastEnd);
    QCOMPARE(reader.position(), 1);

    // Bytes remain, but nothing more is read and the first error stays.
    QCOMPARE(reader.u8(), quint8(0));
    QCOMPARE(reader.u16(), quint16(0));
    QCOMPARE(reader.u32(), 0u);
    QVERIFY(reader.string().isNull());
    QCOMPARE(reader.error(), BodyError::StringPastEnd);
    QCOMPARE(reader.position(), 1);
}

void tst_BodyReader::restAndPosition()
{
    const QByteArray body = test::join({QByteArray::fromHex("02 6869 ff"), "opaque"});
    BodyReader reader(body);
    QCOMPARE(reader.string().toByteArray(), QByteArray("hi"));
    QCOMPARE(reader.u8(), quint8(0xFF));
    QCOMPARE(reader.position(), 4);
    QCOMPARE(reader.rest().toByteArray(), QByteArray("opaque"));
    QCOMPARE(reader.rest().data(), body.constData() + 4);
}

void tst_BodyReader::reasons()
{
    QVERIFY(test::reasonsAreDistinct({BodyError::None, BodyError::TruncatedBody,
                                      BodyError::StringPastEnd, BodyError::AuthCountNotOne,
                                      BodyError::BadGatewayFlag, BodyError::BadReasonMarker}));
}

QTEST_APPLESS_MAIN(tst_BodyReader)
#include "tst_bodyreader.moc"

#include "websocket/frame.h"

#include <QTest>
#include <array>
#include <cstring>

using namespace cx::websocket;

class tst_Frame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headRoundTrip_data();
    void headRoundTrip();
    void incompleteHead_data();
    void incompleteHead();
    void headFlags();
    void maskMatchesReference_data();
    void maskMatchesReference();
    void maskInPlace();
    void maskTwiceRestores();
    void closeCodeValidity_data();
    void closeCodeValidity();
};

void tst_Frame::headRoundTrip_data()
{
    QTest::addColumn<quint64>("length");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<int>("headSize");

    const std::array<std::pair<quint64, int>, 6> lengths {{
        {0, 2},
        {125, 2},
        {126, 4},
        {65535, 4},
        {65536, 10},
        {quint64(1) << 32, 10},
    }};
    for (const auto &[length, size] : lengths) {
        QTest::addRow("%llu unmasked", length) << length << false << size;
        QTest::addRow("%llu masked", length) << length << true << size + 4;
    }
}

void tst_Frame::headRoundTrip()
{
    QFETCH(quint64, length);
    QFETCH(bool, masked);
    QFETCH(int, headSize);

    const uchar key[4] = {0xA1, 0xB2, 0xC3, 0xD4};
    uchar out[MaxFrameHeadSize + 2];
    std::memset(out, 0xEE, sizeof out);
    const int written = writeFrameHead(out, Binary, length, masked ? key : nullptr);
    QCOMPARE(written, headSize);
    QCOMPARE(out[written], uchar(0xEE)); // nothing written past the head

    FrameHead head;
    QVERIFY(parseFrameHead(QByteArrayView(out, written), &head));
    QCOMPARE(head.fin, true);
    QCOMPARE(head.rsv, quint8(0));
    QCOMPARE(head.opcode, quint8(Binary));
    QCOMPARE(head.masked, masked);
    QCOMPARE(head.length, length);
    QCOMPARE(head.size, headSize);
    if (masked)
        QCOMPARE(QByteArrayView(head.key, 4), QByteArrayView(key, 4));

    // Payload bytes after the head do not change it.
    QVERIFY(parseFrameHead(QByteArrayView(out, written + 2), &head));
    QCOMPARE(head.size, headSize);
    QCOMPARE(head.length, length);
}

void tst_Frame::incompleteHead_data()
{
    QTest::addColumn<quint64>("length");
    QTest::addColumn<bool>("masked");

    for (const quint64 length : {quint64(5), quint64(300), quint64(70000)}) {
        QTest::addRow("%llu unmasked", length) << length << false;
        QTest::addRow("%llu masked", length) << length << true;
    }
}

void tst_Frame::incompleteHead()
{
    QFETCH(quint64, length);
    QFETCH(bool, masked);

    const uchar key[4] = {1, 2, 3, 4};
    uchar out[MaxFrameHeadSize];
    const int written = writeFrameHead(out, Text, length, masked ? key : nullptr);
    for (int size = 0; size < written; ++size) {
        FrameHead head;
        QVERIFY2(!parseFrameHead(QByteArrayView(out, size), &head),
                 qPrintable(QStringLiteral("%1 of %2 bytes").arg(size).arg(written)));
    }
    FrameHead head;
    QVERIFY(parseFrameHead(QByteArrayView(out, written), &head));
}

void tst_Frame::headFlags()
{
    // FIN clear, RSV1 and RSV3 set, opcode 0x9; masked, length 3.
    const QByteArray bytes = QByteArray::fromHex("59 83 01020304 aabbcc");
    FrameHead head;
    QVERIFY(parseFrameHead(bytes, &head));
    QCOMPARE(head.fin, false);
    QCOMPARE(head.rsv, quint8(0x5));
    QCOMPARE(head.opcode, quint8(Ping));
    QCOMPARE(head.masked, true);
    QCOMPARE(head.length, quint64(3));
    QCOMPARE(head.size, 6);

    // The 64-bit length is read whole, even with its top bit set (the caller refuses it).
    const QByteArray huge = QByteArray::fromHex("82 7f 8000000000000001");
    QVERIFY(parseFrameHead(huge, &head));
    QCOMPARE(head.length, quint64(0x8000000000000001ULL));
    QCOMPARE(head.size, 10);
}

void tst_Frame::maskMatchesReference_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("inOffset");
    QTest::addColumn<int>("outOffset");

    for (const int size : {0, 1, 3, 7, 8, 9, 15, 17, 31, 33, 63, 127, 1001, 65537}) {
        for (const auto &[in, out] :
             {std::pair(0, 0), std::pair(1, 0), std::pair(3, 5), std::pair(7, 2), std::pair(0, 7)})
            QTest::addRow("%d bytes, in+%d out+%d", size, in, out) << size << in << out;
    }
}

void tst_Frame::maskMatchesReference()
{
    QFETCH(int, size);
    QFETCH(int, inOffset);
    QFETCH(int, outOffset);

    const uchar key[4] = {0x37, 0xFA, 0x21, 0x3D};
    QByteArray in(size + 8, Qt::Uninitialized);
    for (int i = 0; i < in.size(); ++i)
        in[i] = char(i * 131 + 7);
    QByteArray out(size + 16, '\x5A');
    const char *from = in.constData() + inOffset;
    applyMask(from, out.data() + outOffset, size, key);

    for (int i = 0; i < size; ++i) {
        const char expected = char(from[i] ^ key[i % 4]);
        if (out[outOffset + i] != expected)
            QFAIL(qPrintable(QStringLiteral("byte %1 differs").arg(i)));
    }
    // Nothing around the output touched.
    for (int i = 0; i < outOffset; ++i)
        QCOMPARE(out[i], '\x5A');
    for (int i = outOffset + size; i < out.size(); ++i)
        QCOMPARE(out[i], '\x5A');
}

void tst_Frame::maskInPlace()
{
    const uchar key[4] = {1, 2, 4, 8};
    QByteArray data(1003, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i);
    QByteArray expected = data;
    for (int i = 1; i < expected.size(); ++i)
        expected[i] = char(expected[i] ^ key[(i - 1) % 4]);
    applyMask(data.constData() + 1, data.data() + 1, data.size() - 1, key); // unaligned
    QCOMPARE(data, expected);
}

void tst_Frame::maskTwiceRestores()
{
    const uchar key[4] = {0xDE, 0xAD, 0xBE, 0xEF};
    const QByteArray original = QByteArrayLiteral("The quick brown fox jumps over the lazy dog.");
    QByteArray data = original;
    applyMask(data.constData(), data.data(), data.size(), key);
    QVERIFY(data != original);
    applyMask(data.constData(), data.data(), data.size(), key);
    QCOMPARE(data, original);
}

void tst_Frame::closeCodeValidity_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("valid");

    const std::array<std::pair<int, bool>, 23> codes {{
        {0, false},    {999, false},  {1000, true},  {1001, true},  {1002, true},   {1003, true},
        {1004, false}, {1005, false}, {1006, false}, {1007, true},  {1008, true},   {1009, true},
        {1010, true},  {1011, true},  {1015, false}, {1016, false}, {2999, false},  {3000, true},
        {3999, true},  {4000, true},  {4999, true},  {5000, false}, {65535, false},
    }};
    for (const auto &[code, valid] : codes)
        QTest::addRow("%d", code) << code << valid;
}

void tst_Frame::closeCodeValidity()
{
    QFETCH(int, code);
    QFETCH(bool, valid);
    QCOMPARE(isValidCloseCode(quint16(code)), valid);
}

QTEST_GUILESS_MAIN(tst_Frame)
#include "tst_frame.moc"

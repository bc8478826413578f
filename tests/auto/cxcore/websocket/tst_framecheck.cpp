#include "websocket/framecheck.h"

#include <QTest>

using namespace cx::websocket;

namespace {

constexpr quint64 Limit = 1000; ///< the message size limit of every row

FrameHead head(quint8 opcode, bool fin, bool masked, quint64 length, quint8 rsv = 0)
{
    FrameHead head;
    head.opcode = opcode;
    head.fin = fin;
    head.masked = masked;
    head.length = length;
    head.rsv = rsv;
    return head;
}

} // namespace

Q_DECLARE_METATYPE(cx::websocket::FrameHead)

/// The one frame and close validator of cxserver's server and client sides (RFC 6455 §5,
/// §5.5.1, §7.4): each rule is checked from both sides, so the two cannot drift apart.
class tst_FrameCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frameHeads_data();
    void frameHeads();
    void closePayloads_data();
    void closePayloads();
    void utf8_data();
    void utf8();
};

void tst_FrameCheck::frameHeads_data()
{
    QTest::addColumn<FrameHead>("frame");
    QTest::addColumn<quint8>("fragmentOpcode");
    QTest::addColumn<quint64>("assembled");
    QTest::addColumn<int>("fromClient"); ///< expected close code when a client sends it
    QTest::addColumn<int>("fromServer"); ///< when a server sends it (masked flipped)

    // Each row is written as a client sends it; the server's variant flips the mask bit.
    QTest::addRow("binary") << head(Binary, true, true, 10) << quint8(0) << quint64(0) << 0 << 0;
    QTest::addRow("text") << head(Text, true, true, 10) << quint8(0) << quint64(0) << 0 << 0;
    QTest::addRow("empty binary") << head(Binary, true, true, 0) << quint8(0) << quint64(0) << 0
                                  << 0;
    QTest::addRow("ping of 125") << head(Ping, true, true, 125) << quint8(0) << quint64(0) << 0
                                 << 0;
    QTest::addRow("pong inside a fragmented message")
        << head(Pong, true, true, 0) << quint8(Binary) << quint64(5) << 0 << 0;
    QTest::addRow("close of 2") << head(Close, true, true, 2) << quint8(0) << quint64(0) << 0 << 0;
    QTest::addRow("ping of 126") << head(Ping, true, true, 126) << quint8(0) << quint64(0) << 1002
                                 << 1002;
    QTest::addRow("fragmented ping")
        << head(Ping, false, true, 1) << quint8(0) << quint64(0) << 1002 << 1002;
    QTest::addRow("RSV1") << head(Binary, true, true, 1, 4) << quint8(0) << quint64(0) << 1002
                          << 1002;
    QTest::addRow("RSV3") << head(Binary, true, true, 1, 1) << quint8(0) << quint64(0) << 1002
                          << 1002;
    QTest::addRow("opcode 3") << head(3, true, true, 0) << quint8(0) << quint64(0) << 1002 << 1002;
    QTest::addRow("opcode 0xB") << head(0xB, true, true, 0) << quint8(0) << quint64(0) << 1002
                                << 1002;
    QTest::addRow("continuation alone")
        << head(Continuation, true, true, 1) << quint8(0) << quint64(0) << 1002 << 1002;
    QTest::addRow("continuation") << head(Continuation, true, true, 1) << quint8(Text) << quint64(5)
                                  << 0 << 0;
    QTest::addRow("message inside a fragmented one")
        << head(Binary, true, true, 1) << quint8(Binary) << quint64(5) << 1002 << 1002;
    QTest::addRow("message at the limit")
        << head(Binary, true, true, Limit) << quint8(0) << quint64(0) << 0 << 0;
    QTest::addRow("message above the limit")
        << head(Binary, true, true, Limit + 1) << quint8(0) << quint64(0) << 1009 << 1009;
    QTest::addRow("fragments up to the limit")
        << head(Continuation, false, true, 400) << quint8(Binary) << quint64(600) << 0 << 0;
    QTest::addRow("fragments above the limit")
        << head(Continuation, false, true, 401) << quint8(Binary) << quint64(600) << 1009 << 1009;
    QTest::addRow("2^64 - 1 announced after fragments")
        << head(Continuation, true, true, ~quint64(0)) << quint8(Binary) << quint64(600) << 1009
        << 1009;
    QTest::addRow("2^64 - 1 announced")
        << head(Binary, true, true, ~quint64(0)) << quint8(0) << quint64(0) << 1009 << 1009;
}

void tst_FrameCheck::frameHeads()
{
    QFETCH(FrameHead, frame);
    QFETCH(quint8, fragmentOpcode);
    QFETCH(quint64, assembled);
    QFETCH(int, fromClient);
    QFETCH(int, fromServer);

    FrameViolation violation
        = checkFrameHead(frame, Sender::Client, fragmentOpcode, assembled, Limit);
    QCOMPARE(int(violation.code), fromClient);
    QCOMPARE(bool(violation), fromClient != 0);
    QVERIFY(fromClient == 0 || qstrlen(violation.reason) > 0);

    frame.masked = !frame.masked;
    violation = checkFrameHead(frame, Sender::Server, fragmentOpcode, assembled, Limit);
    QCOMPARE(int(violation.code), fromServer);

    // The wrong masking is refused first, whatever else the frame holds.
    QCOMPARE(int(checkFrameHead(frame, Sender::Client, fragmentOpcode, assembled, Limit).code),
             1002);
    frame.masked = !frame.masked;
    QCOMPARE(int(checkFrameHead(frame, Sender::Server, fragmentOpcode, assembled, Limit).code),
             1002);
}

void tst_FrameCheck::closePayloads_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("violation");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("reason");

    QTest::addRow("empty") << QByteArray() << 0 << 1005 << QByteArray();
    QTest::addRow("1000") << QByteArray::fromHex("03e8") << 0 << 1000 << QByteArray();
    QTest::addRow("1001 with a reason")
        << QByteArray::fromHex("03e9") + "bye" << 0 << 1001 << QByteArray("bye");
    QTest::addRow("4000 with UTF-8") << QByteArray::fromHex("0fa0") + "gr\xc3\xbc\xc3\x9f" << 0
                                     << 4000 << QByteArray("gr\xc3\xbc\xc3\x9f");
    QTest::addRow("one byte") << QByteArray::fromHex("03") << 1002 << 1005 << QByteArray();
    QTest::addRow("1005 on the wire")
        << QByteArray::fromHex("03ed") << 1002 << 1005 << QByteArray();
    QTest::addRow("1006 on the wire")
        << QByteArray::fromHex("03ee") << 1002 << 1006 << QByteArray();
    QTest::addRow("999") << QByteArray::fromHex("03e7") << 1002 << 999 << QByteArray();
    QTest::addRow("5000") << QByteArray::fromHex("1388") << 1002 << 5000 << QByteArray();
    QTest::addRow("reason not UTF-8")
        << QByteArray::fromHex("03e8c328") << 1007 << 1000 << QByteArray();
    QTest::addRow("reason with a surrogate")
        << QByteArray::fromHex("03e8eda080") << 1007 << 1000 << QByteArray();
}

void tst_FrameCheck::closePayloads()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, violation);
    QFETCH(int, code);
    QFETCH(QByteArray, reason);

    const CloseFrame frame = parseCloseFrame(payload);
    QCOMPARE(int(frame.violation.code), violation);
    QCOMPARE(int(frame.code), code);
    QCOMPARE(frame.reason.toByteArray(), reason);
}

void tst_FrameCheck::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("ASCII") << QByteArray("hello") << true;
    QTest::addRow("two, three and four bytes")
        << QByteArray("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") << true;
    QTest::addRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
    QTest::addRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::addRow("overlong slash") << QByteArray("\xc0\xaf") << false;
    QTest::addRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << false;
    QTest::addRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
    QTest::addRow("truncated") << QByteArray("\xe2\x82") << false;
    QTest::addRow("lone continuation") << QByteArray("\x80") << false;
    QTest::addRow("0xFF") << QByteArray("\xff") << false;
}

void tst_FrameCheck::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(bytes), valid);
}

QTEST_APPLESS_MAIN(tst_FrameCheck)
#include "tst_framecheck.moc"

#include "alwayson/codes.h"

#include <QTest>

using namespace cx::alwayson;

class tst_Codes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void isResponseBoundary();
    void unknownCodeName();
};

void tst_Codes::values_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<int>("value");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("response");

    QTest::addRow("GET") << Code::Get << 0x01 << QByteArray("GET") << false;
    QTest::addRow("PUT") << Code::Put << 0x02 << QByteArray("PUT") << false;
    QTest::addRow("POST") << Code::Post << 0x03 << QByteArray("POST") << false;
    QTest::addRow("DEL") << Code::Delete << 0x04 << QByteArray("DEL") << false;
    QTest::addRow("BIND") << Code::Bind << 0x0A << QByteArray("BIND") << false;
    QTest::addRow("UNBIND") << Code::Unbind << 0x0B << QByteArray("UNBIND") << false;
    QTest::addRow("AUTH") << Code::Auth << 0x14 << QByteArray("AUTH") << false;
    QTest::addRow("KEEP_ALIVE") << Code::KeepAlive << 0x1F << QByteArray("KEEP_ALIVE") << false;
    QTest::addRow("SUCCESS") << Code::Success << 0x40 << QByteArray("SUCCESS") << true;
    QTest::addRow("BAD_REQUEST") << Code::BadRequest << 0x80 << QByteArray("BAD_REQUEST") << true;
    QTest::addRow("UNAUTHORIZED") << Code::Unauthorized << 0x81 << QByteArray("UNAUTHORIZED")
                                  << true;
    QTest::addRow("FORBIDDEN") << Code::Forbidden << 0x83 << QByteArray("FORBIDDEN") << true;
    QTest::addRow("NOT_FOUND") << Code::NotFound << 0x84 << QByteArray("NOT_FOUND") << true;
    QTest::addRow("ENTITY_TOO_LARGE")
        << Code::EntityTooLarge << 0x8D << QByteArray("ENTITY_TOO_LARGE") << true;
    QTest::addRow("INTERNAL_SERVER_ERROR")
        << Code::InternalServerError << 0xA0 << QByteArray("INTERNAL_SERVER_ERROR") << true;
    QTest::addRow("BAD_GATEWAY") << Code::BadGateway << 0xA2 << QByteArray("BAD_GATEWAY") << true;
    QTest::addRow("SERVICE_UNAVAILABLE")
        << Code::ServiceUnavailable << 0xA3 << QByteArray("SERVICE_UNAVAILABLE") << true;
    QTest::addRow("GATEWAY_TIMEOUT")
        << Code::GatewayTimeout << 0xA4 << QByteArray("GATEWAY_TIMEOUT") << true;
}

void tst_Codes::values()
{
    QFETCH(Code, code);
    QFETCH(int, value);
    QFETCH(QByteArray, name);
    QFETCH(bool, response);

    QCOMPARE(int(code), value);
    QCOMPARE(QByteArray(codeName(code)), name);
    QCOMPARE(QByteArray(codeName(quint8(value))), name);
    QCOMPARE(isResponse(code), response);
    QCOMPARE(isResponse(quint8(value)), response);
}

void tst_Codes::isResponseBoundary()
{
    for (int code = 0; code < 0x100; ++code)
        QCOMPARE(isResponse(quint8(code)), code >= 0x40);
}

void tst_Codes::unknownCodeName()
{
    QCOMPARE(QByteArray(codeName(quint8(0x00))), QByteArray("UNKNOWN"));
    QCOMPARE(QByteArray(codeName(quint8(0x3F))), QByteArray("UNKNOWN"));
    QCOMPARE(QByteArray(codeName(quint8(0xFF))), QByteArray("UNKNOWN"));
}

QTEST_APPLESS_MAIN(tst_Codes)
#include "tst_codes.moc"

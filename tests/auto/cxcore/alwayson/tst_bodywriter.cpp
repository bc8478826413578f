#include "alwayson/bodyreader.h"
#include "alwayson/bodywriter.h"
#include "codectest.h"

#include <QTest>

using namespace cx::alwayson;

class tst_BodyWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedFields();
    void string_data();
    void string();
    void countingMatchesWriting();
    void roundTripThroughReader();
};

void tst_BodyWriter::fixedFields()
{
    QByteArray out(7, Qt::Uninitialized);
    BodyWriter writer(out.data());
    writer.u8(0xFE);
    writer.u16(0x0102);
    writer.u32(0xA1B2C3D4);
    QCOMPARE(writer.size(), 7);
    QCOMPARE(out, QByteArray::fromHex("fe 0102 a1b2c3d4"));
}

void tst_BodyWriter::string_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("lengthBytes");

    QTest::addRow("empty") << QByteArray() << QByteArray::fromHex("00");
    QTest::addRow("1 byte") << QByteArray("a") << QByteArray::fromHex("01");
    QTest::addRow("127 bytes") << QByteArray(127, 'x') << QByteArray::fromHex("7f");
    QTest::addRow("128 bytes") << QByteArray(128, 'x') << QByteArray::fromHex("80000080");
    QTest::addRow("70000 bytes") << QByteArray(70000, 'x') << QByteArray::fromHex("80011170");
}

void tst_BodyWriter::string()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, lengthBytes);

    BodyWriter counter;
    counter.string(text);
    QByteArray out(counter.size(), Qt::Uninitialized);
    BodyWriter writer(out.data());
    writer.string(text);
    QCOMPARE(writer.size(), lengthBytes.size() + text.size());
    QCOMPARE(out, test::join({lengthBytes, text}));
}

void tst_BodyWriter::countingMatchesWriting()
{
    const QByteArray raw("raw bytes");
    auto writeAll = [&raw](BodyWriter &writer) {
        writer.u8(1);
        writer.string(QByteArray(200, 's'));
        writer.u16(2);
        writer.raw(raw);
        writer.raw({});
        writer.u32(3);
    };
    BodyWriter counter;
    writeAll(counter);
    QCOMPARE(counter.size(), 1 + 4 + 200 + 2 + raw.size() + 4);

    // One guard byte past the counted size must stay untouched.
    QByteArray out(counter.size() + 1, '#');
    BodyWriter writer(out.data());
    writeAll(writer);
    QCOMPARE(writer.size(), counter.size());
    QCOMPARE(out.back(), '#');
}

void tst_BodyWriter::roundTripThroughReader()
{
    QRandomGenerator rng(test::RandomSeed);
    for (int round = 0; round < 500; ++round) {
        // A random sequence of fields: 0 = u8, 1 = u16, 2 = u32, 3 = string.
        QList<int> kinds;
        QList<quint32> numbers;
        QList<QByteArray> strings;
        for (int i = rng.bounded(1, 20); i > 0; --i) {
            const int kind = rng.bounded(4);
            kinds.append(kind);
            if (kind == 3)
                strings.append(test::randomString(rng));
            else
                numbers.append(rng.generate() & (kind == 0 ? 0xFFu : kind == 1 ? 0xFFFFu : ~0u));
        }
        auto writeAll = [&](BodyWriter &writer) {
            qsizetype number = 0;
            qsizetype string = 0;
            for (int kind : kinds) {
                if (kind == 0)
                    writer.u8(quint8(numbers[number++]));
                else if (kind == 1)
                    writer.u16(quint16(numbers[number++]));
                else if (kind == 2)
                    writer.u32(numbers[number++]);
                else
                    writer.string(strings[string++]);
            }
        };
        BodyWriter counter;
        writeAll(counter);
        QByteArray body(counter.size(), Qt::Uninitialized);
        BodyWriter writer(body.data());
        writeAll(writer);

        BodyReader reader(body);
        qsizetype number = 0;
        qsizetype string = 0;
        for (int kind : kinds) {
            if (kind == 3) {
                QCOMPARE(reader.string().toByteArray(), strings[string++]);
                continue;
            }
            const quint32 value = kind == 0 ? reader.u8() : kind == 1 ? reader.u16() : reader.u32();
            QCOMPARE(value, numbers[number++]);
        }
        QVERIFY(reader.ok());
        QVERIFY(reader.rest().isEmpty());
    }
}

QTEST_APPLESS_MAIN(tst_BodyWriter)
#include "tst_bodywriter.moc"

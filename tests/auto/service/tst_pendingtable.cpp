#include "pendingtable.h"

#include <QTest>
#include <vector>

using namespace cx::server;

class tst_PendingTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertFindRelease();
    void duplicateKeyIsRefused();
    void burstIsGivenBack();
    void releasedRecordHoldsNoBody();
};

void tst_PendingTable::insertFindRelease()
{
    PendingTable table;
    PendingRequest *a = table.insert(requestKey(1, 7));
    QVERIFY(a);
    QCOMPARE(table.find(requestKey(1, 7)), a);
    QVERIFY(!table.find(requestKey(1, 8)));
    table.release(a);
    QVERIFY(!table.find(requestKey(1, 7)));
    QCOMPARE(table.size(), 0);
}

void tst_PendingTable::duplicateKeyIsRefused()
{
    PendingTable table;
    QVERIFY(table.insert(requestKey(2, 1)));
    QVERIFY(!table.insert(requestKey(2, 1)));
    QCOMPARE(table.size(), 1);
}

void tst_PendingTable::burstIsGivenBack()
{
    // A burst of requests in flight grows the table; once they are answered, it shrinks
    // back and keeps no more than MaxPooled spare records.
    PendingTable table;
    const qsizetype initial = table.capacity();
    std::vector<PendingRequest *> records;
    for (quint32 i = 1; i <= 100000; ++i)
        records.push_back(table.insert(requestKey(i % 977 + 1, i)));
    QVERIFY(table.capacity() >= 200000);
    for (quint32 i = 1; i <= 100000; ++i)
        QCOMPARE(table.find(requestKey(i % 977 + 1, i)), records[i - 1]);
    for (PendingRequest *record : records)
        table.release(record);
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.capacity(), initial);
}

void tst_PendingTable::releasedRecordHoldsNoBody()
{
    PendingTable table;
    PendingRequest *record = table.insert(requestKey(3, 1));
    record->bindBody = QByteArray(100000, 'n');
    table.release(record);
    PendingRequest *reused = table.insert(requestKey(3, 2));
    QVERIFY(reused->bindBody.isNull()); // the body's memory went back on release
}

QTEST_GUILESS_MAIN(tst_PendingTable)
#include "tst_pendingtable.moc"

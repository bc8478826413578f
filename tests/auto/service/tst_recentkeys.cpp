#include "recentkeys.h"

#include <QTest>

using namespace cx::server;

class tst_RecentKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void remembersTheLastN();
    void aRepeatedKeyTakesNoSecondPlace();
};

void tst_RecentKeys::remembersTheLastN()
{
    RecentKeys keys(3);
    QVERIFY(!keys.contains(1));
    for (quint64 key = 1; key <= 5; ++key)
        keys.insert(key);
    QVERIFY(!keys.contains(1));
    QVERIFY(!keys.contains(2));
    QVERIFY(keys.contains(3));
    QVERIFY(keys.contains(4));
    QVERIFY(keys.contains(5));
}

void tst_RecentKeys::aRepeatedKeyTakesNoSecondPlace()
{
    RecentKeys keys(2);
    keys.insert(7);
    keys.insert(7);
    keys.insert(8);
    QVERIFY(keys.contains(7));
    QVERIFY(keys.contains(8));
    keys.insert(9); // forgets 7, the oldest
    QVERIFY(!keys.contains(7));
    QVERIFY(keys.contains(8));
    QVERIFY(keys.contains(9));
}

QTEST_APPLESS_MAIN(tst_RecentKeys)
#include "tst_recentkeys.moc"

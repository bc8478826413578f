#include "rendezvous.h"

#include <QTest>
#include <map>

using namespace cx::server;

/// Rendezvous hashing of tunnels (protocol.md §8): every cxserver with the same membership
/// picks the same instance, and membership changes move only the keys they must.
class tst_Rendezvous : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderIsAPermutationIndependentOfListOrder();
    void weightsAreFixedAcrossVersions();
    void spreadsKeysEvenly();
    void aJoiningInstanceTakesOnlyWhatItWins();
    void aLeavingInstanceMovesOnlyItsKeys();
    void meetingKey_data();
    void meetingKey();
};

namespace {

QStringList instances(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << QStringLiteral("instance-%1").arg(i);
    return ids;
}

QString first(const QByteArray &key, const QStringList &ids)
{
    return ids.at(rendezvousOrder(key, ids).front());
}

} // namespace

void tst_Rendezvous::orderIsAPermutationIndependentOfListOrder()
{
    const QStringList ids = instances(5);
    QStringList reversed = ids;
    std::reverse(reversed.begin(), reversed.end());
    for (int k = 0; k < 200; ++k) {
        const QByteArray key = "tid-" + QByteArray::number(k);
        const std::vector<int> order = rendezvousOrder(key, ids);
        QCOMPARE(order.size(), size_t(5));
        QStringList ranked, rankedReversed;
        for (int i : order)
            ranked << ids.at(i);
        for (int i : rendezvousOrder(key, reversed))
            rankedReversed << reversed.at(i);
        QCOMPARE(rankedReversed, ranked); // another cxserver may list the membership otherwise
        QStringList sorted = ranked;
        sorted.sort();
        QCOMPARE(sorted, ids);
    }
    QVERIFY(rendezvousOrder("x", {}).empty());
}

void tst_Rendezvous::weightsAreFixedAcrossVersions()
{
    // Two cxserver versions in one cluster (a rolling upgrade) must agree: the hash is fixed
    // (FNV-1a and a splitmix64 finaliser of "id\nkey"), never Qt's seeded qHash. These
    // values were computed once and must never change.
    const QStringList ids = instances(3);
    QCOMPARE(rendezvousOrder("tid-1", ids), (std::vector<int> {1, 2, 0}));
    QCOMPARE(rendezvousOrder("tid-4", ids), (std::vector<int> {2, 0, 1}));
    QCOMPARE(rendezvousOrder("abc", ids), (std::vector<int> {2, 0, 1}));
}

void tst_Rendezvous::spreadsKeysEvenly()
{
    const QStringList ids = instances(4);
    std::map<QString, int> counts;
    const int keys = 4000;
    for (int k = 0; k < keys; ++k)
        ++counts[first("tid-" + QByteArray::number(k), ids)];
    QCOMPARE(int(counts.size()), 4);
    for (const auto &[id, count] : counts)
        QVERIFY2(count > keys / 4 * 8 / 10 && count < keys / 4 * 12 / 10, qPrintable(id));
}

void tst_Rendezvous::aJoiningInstanceTakesOnlyWhatItWins()
{
    const QStringList before = instances(3);
    const QStringList after = instances(4);
    int moved = 0;
    for (int k = 0; k < 2000; ++k) {
        const QByteArray key = "tid-" + QByteArray::number(k);
        const QString was = first(key, before);
        const QString now = first(key, after);
        if (was != now) {
            QCOMPARE(now, QStringLiteral("instance-3")); // only to the newcomer
            ++moved;
        }
    }
    QVERIFY2(moved > 2000 / 4 * 8 / 10 && moved < 2000 / 4 * 12 / 10,
             qPrintable(QString::number(moved)));
}

void tst_Rendezvous::aLeavingInstanceMovesOnlyItsKeys()
{
    const QStringList before = instances(4);
    QStringList after = before;
    after.removeAt(1);
    for (int k = 0; k < 2000; ++k) {
        const QByteArray key = "tid-" + QByteArray::number(k);
        const std::vector<int> order = rendezvousOrder(key, before);
        const QString was = before.at(order.front());
        // The fallback is the next in weight order: what a cxserver that cannot reach the
        // first choice uses, and what every cxserver uses once it left.
        const QString next = before.at(order.front() == 1 ? order.at(1) : order.front());
        QCOMPARE(first(key, after), next);
        if (was != u"instance-1")
            QCOMPARE(first(key, after), was);
    }
}

void tst_Rendezvous::meetingKey_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("key");
    QTest::addRow("device end") << QByteArray("/Thingworx/WSTunnelServer/t-1") << QByteArray()
                                << QByteArray("t-1");
    QTest::addRow("client end, query ignored") << QByteArray("/Thingworx/WSTunnelClient/t-1")
                                               << QByteArray("appKey=k&x=y") << QByteArray("t-1");
    QTest::addRow("VWS session") << QByteArray("/Thingworx/VWS")
                                 << QByteArray("a=b&sessionId=s-9&c=d") << QByteArray("s-9");
    QTest::addRow("VWS without session")
        << QByteArray("/Thingworx/VWS") << QByteArray("a=b") << QByteArray("/Thingworx/VWS?a=b");
    QTest::addRow("VWS empty session") << QByteArray("/Thingworx/VWS") << QByteArray("sessionId=")
                                       << QByteArray("/Thingworx/VWS?sessionId=");
    QTest::addRow("VWS bare") << QByteArray("/Thingworx/VWS") << QByteArray()
                              << QByteArray("/Thingworx/VWS");
}

void tst_Rendezvous::meetingKey()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, key);
    QCOMPARE(tunnelMeetingKey(path, query), key);
}

QTEST_APPLESS_MAIN(tst_Rendezvous)
#include "tst_rendezvous.moc"

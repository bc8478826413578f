// The ZooKeeper discovery plugin's choice of instances (instanceselection.h) and address
// policy (addresspolicy.h), on the plugin's own sources.

#include "addresspolicy.h"
#include "instanceselection.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cx::zookeeperdiscovery;

namespace {

Registration registration(const QString &node, const QString &id, const QString &address,
                          qint64 czxid, bool enabled = true)
{
    Registration r;
    r.id = id;
    r.enabled = enabled;
    r.instance.id = node;
    r.instance.address = address;
    r.instance.port = 8080;
    r.czxid = czxid;
    r.ctime = czxid * 10;
    return r;
}

QStringList nodesOf(const InstanceSelection &selection)
{
    QStringList nodes;
    for (const auto &instance : selection.instances)
        nodes.append(instance.id);
    return nodes;
}

} // namespace

class tst_ZooKeeperSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverDialled_data();
    void neverDialled();
    void allowedNetworks();
    void loopback();
    void newestRegistrationOfAnIdWins();
    void disabledNewestHidesTheId();
    void capKeepsInstancesInUse();
    void manyRegistrationsAreLinear();
};

void tst_ZooKeeperSelection::neverDialled_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("refused");
    QTest::addRow("IPv4 link-local") << QStringLiteral("169.254.10.1") << true;
    QTest::addRow("IPv6 link-local") << QStringLiteral("fe80::1") << true;
    QTest::addRow("mapped link-local") << QStringLiteral("::ffff:169.254.1.1") << true;
    QTest::addRow("IPv4 multicast") << QStringLiteral("224.0.0.1") << true;
    QTest::addRow("IPv6 multicast") << QStringLiteral("ff02::1") << true;
    QTest::addRow("broadcast") << QStringLiteral("255.255.255.255") << true;
    QTest::addRow("IPv4 unspecified") << QStringLiteral("0.0.0.0") << true;
    QTest::addRow("IPv6 unspecified") << QStringLiteral("::") << true;
    QTest::addRow("private") << QStringLiteral("10.1.2.3") << false;
    QTest::addRow("loopback") << QStringLiteral("127.0.0.2") << false;
    QTest::addRow("host name") << QStringLiteral("platform1.example.com") << false;
}

void tst_ZooKeeperSelection::neverDialled()
{
    QFETCH(QString, address);
    QFETCH(bool, refused);
    QCOMPARE(!AddressPolicy().refusal(address).isEmpty(), refused);
}

void tst_ZooKeeperSelection::allowedNetworks()
{
    const AddressPolicy policy(
        {QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8"), QStringLiteral("fd00::/8")});
    QVERIFY(policy.refusal(QStringLiteral("127.0.0.1")).isEmpty());
    QVERIFY(policy.refusal(QStringLiteral("10.200.0.1")).isEmpty());
    QVERIFY(policy.refusal(QStringLiteral("fd12::1")).isEmpty());
    QCOMPARE(policy.refusal(QStringLiteral("127.0.0.2")),
             QStringLiteral("it is outside service-discovery.allowed-networks"));
    QCOMPARE(policy.refusal(QStringLiteral("192.168.1.1")),
             QStringLiteral("it is outside service-discovery.allowed-networks"));
    QVERIFY(!policy.refusal(QStringLiteral("platform1.example.com")).isEmpty());
    QCOMPARE(policy.refusal(QStringLiteral("169.254.0.1")),
             QStringLiteral("it is a link-local address"));
}

void tst_ZooKeeperSelection::loopback()
{
    QVERIFY(AddressPolicy::isLoopback(QStringLiteral("127.0.0.2")));
    QVERIFY(AddressPolicy::isLoopback(QStringLiteral("::1")));
    QVERIFY(AddressPolicy::isLoopback(QStringLiteral("localhost")));
    QVERIFY(!AddressPolicy::isLoopback(QStringLiteral("10.0.0.1")));
    QVERIFY(!AddressPolicy::isLoopback(QStringLiteral("platform1.example.com")));
}

void tst_ZooKeeperSelection::newestRegistrationOfAnIdWins()
{
    // DYNAMIC_SEQUENTIAL leftovers: two znodes of id "a", the newer one wins.
    const QList<Registration> registrations {
        registration(QStringLiteral("a0000000001"), QStringLiteral("a"), QStringLiteral("10.0.0.1"),
                     5),
        registration(QStringLiteral("a0000000007"), QStringLiteral("a"), QStringLiteral("10.0.0.2"),
                     9),
        registration(QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("10.0.0.3"), 7),
    };
    const InstanceSelection selection = selectInstances(registrations, AddressPolicy(), 256, {});
    QCOMPARE(nodesOf(selection),
             (QStringList {QStringLiteral("a0000000007"), QStringLiteral("b")}));
    QCOMPARE(selection.skipped.size(), 1);
    QCOMPARE(selection.skipped.first().node, QStringLiteral("a0000000001"));
    QVERIFY(selection.skipped.first().superseded);
}

void tst_ZooKeeperSelection::disabledNewestHidesTheId()
{
    const QList<Registration> registrations {
        registration(QStringLiteral("a1"), QStringLiteral("a"), QStringLiteral("10.0.0.1"), 5),
        registration(QStringLiteral("a2"), QStringLiteral("a"), QStringLiteral("10.0.0.1"), 6,
                     false),
    };
    QVERIFY(selectInstances(registrations, AddressPolicy(), 256, {}).instances.isEmpty());
}

void tst_ZooKeeperSelection::capKeepsInstancesInUse()
{
    const QList<Registration> registrations {
        registration(QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("10.0.0.1"), 1),
        registration(QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("169.254.0.1"), 2),
        registration(QStringLiteral("c"), QStringLiteral("c"), QStringLiteral("10.0.0.3"), 3),
        registration(QStringLiteral("d"), QStringLiteral("d"), QStringLiteral("10.0.0.4"), 4),
    };
    const InstanceSelection selection
        = selectInstances(registrations, AddressPolicy(), 2, {QStringLiteral("d")});
    QCOMPARE(nodesOf(selection), (QStringList {QStringLiteral("a"), QStringLiteral("d")}));
    QCOMPARE(selection.skipped.size(), 2);
    QCOMPARE(selection.skipped.at(0).node, QStringLiteral("b"));
    QCOMPARE(selection.skipped.at(1).node, QStringLiteral("c"));
    QVERIFY(selection.skipped.at(1).reason.contains(QStringLiteral("max-instances (2)")));
}

void tst_ZooKeeperSelection::manyRegistrationsAreLinear()
{
    // 100000 registrations of 50000 ids: quadratic work would take minutes.
    QList<Registration> registrations;
    for (int i = 0; i < 100000; ++i)
        registrations.append(registration(QStringLiteral("n%1").arg(i),
                                          QStringLiteral("id%1").arg(i / 2),
                                          QStringLiteral("10.0.0.1"), i));
    QElapsedTimer timer;
    timer.start();
    const InstanceSelection selection = selectInstances(registrations, AddressPolicy(), 10000, {});
    QCOMPARE(selection.instances.size(), 10000);
    QCOMPARE(selection.skipped.size(), 50000 + 40000);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(tst_ZooKeeperSelection)
#include "tst_zookeeperselection.moc"

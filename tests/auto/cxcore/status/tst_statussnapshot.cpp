#include "status/statussnapshot.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using cx::status::InstanceStatus;
using cx::status::StatusSnapshot;

class tst_StatusSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void fieldNamesAreTheSpecs();
    void olderRepliesWithoutTheLastErrorRead();
    void missingOrMistypedFieldsAreNamed_data();
    void missingOrMistypedFieldsAreNamed();
};

namespace {

StatusSnapshot sample()
{
    StatusSnapshot s;
    s.version = u"1.2.3"_s;
    s.uptimeSeconds = 3725;
    s.discoveryPlugin = u"zookeeper"_s;
    s.discoveryState = u"connected"_s;
    s.routingPlugin = u"least-pending"_s;
    s.edgesConnected = 12;
    s.edgesAuthenticated = 10;
    s.instances.append({u"_c_1-a"_s, u"10.0.0.1"_s, 8443, true, u"connected"_s, true, 5, 5, 128, 3,
                        4000000000ULL, 2, QString(), QString()});
    s.instances.append({u"_c_2-b"_s, u"10.0.0.2"_s, 8080, false, u"down"_s, false, 0, 5, 0, 0, 0, 0,
                        u"Connection refused"_s, u"2026-12-06T10:00:00.000Z"_s});
    return s;
}

} // namespace

void tst_StatusSnapshot::roundTrip()
{
    const StatusSnapshot s = sample();
    const auto back = StatusSnapshot::fromJson(s.toJson());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value(), s);
}

void tst_StatusSnapshot::fieldNamesAreTheSpecs()
{
    const QJsonObject o = sample().toJson();
    QCOMPARE(o.keys(),
             (QStringList {u"discovery"_s, u"edges"_s, u"instances"_s, u"routing"_s,
                           u"uptimeSeconds"_s, u"version"_s}));
    QCOMPARE(o.value(u"discovery"_s).toObject().keys(), (QStringList {u"plugin"_s, u"state"_s}));
    QCOMPARE(o.value(u"edges"_s).toObject().keys(),
             (QStringList {u"authenticated"_s, u"connected"_s}));
    const QJsonObject instance = o.value(u"instances"_s).toArray().first().toObject();
    QCOMPARE(instance.keys(),
             (QStringList {u"address"_s, u"errors"_s, u"id"_s, u"inFlight"_s, u"lastError"_s,
                           u"lastErrorAt"_s, u"pendingBytes"_s, u"pipeCount"_s, u"pipesConnected"_s,
                           u"port"_s, u"routed"_s, u"state"_s, u"tls"_s, u"writable"_s}));
}

void tst_StatusSnapshot::olderRepliesWithoutTheLastErrorRead()
{
    // cxctl and the configurator still read a cxserver that predates lastError.
    QJsonObject o = sample().toJson();
    QJsonArray instances = o.value(u"instances"_s).toArray();
    for (qsizetype i = 0; i < instances.size(); ++i) {
        QJsonObject instance = instances.at(i).toObject();
        instance.remove(u"lastError"_s);
        instance.remove(u"lastErrorAt"_s);
        instances[i] = instance;
    }
    o.insert(u"instances"_s, instances);
    const auto back = StatusSnapshot::fromJson(o);
    QVERIFY(back.ok());
    QCOMPARE(back.value().instances.size(), 2);
    QVERIFY(back.value().instances.at(1).lastError.isEmpty());
}

void tst_StatusSnapshot::missingOrMistypedFieldsAreNamed_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::addRow("version missing")
        << QStringList {u"version"_s} << QJsonValue(QJsonValue::Undefined)
        << u"status reply: version is missing"_s;
    QTest::addRow("edges wrong type")
        << QStringList {u"edges"_s} << QJsonValue(5) << u"status reply: edges has the wrong type"_s;
    QTest::addRow("instance field")
        << QStringList {u"instances"_s, u"1"_s, u"writable"_s} << QJsonValue(u"yes"_s)
        << u"status reply: instances[1].writable has the wrong type"_s;
    QTest::addRow("discovery state")
        << QStringList {u"discovery"_s, u"state"_s} << QJsonValue(QJsonValue::Undefined)
        << u"status reply: discovery.state is missing"_s;
}

void tst_StatusSnapshot::missingOrMistypedFieldsAreNamed()
{
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject o = sample().toJson();
    // Set (or remove, for Undefined) the value at path, one or two levels deep.
    if (path.size() == 1) {
        if (value.isUndefined())
            o.remove(path[0]);
        else
            o[path[0]] = value;
    } else if (path.size() == 2) {
        QJsonObject inner = o.value(path[0]).toObject();
        if (value.isUndefined())
            inner.remove(path[1]);
        else
            inner[path[1]] = value;
        o[path[0]] = inner;
    } else {
        QJsonArray instances = o.value(path[0]).toArray();
        QJsonObject instance = instances.at(path[1].toInt()).toObject();
        instance[path[2]] = value;
        instances[path[1].toInt()] = instance;
        o[path[0]] = instances;
    }
    const auto parsed = StatusSnapshot::fromJson(o);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, message);
}

QTEST_GUILESS_MAIN(tst_StatusSnapshot)
#include "tst_statussnapshot.moc"

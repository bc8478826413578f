// ServiceStats: the status object's instance states and the /metrics text (config.md §5, §6).

#include "servicestats.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cx::server;

class tst_ServiceStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instanceStates_data();
    void instanceStates();
    void workersSumByInstance();
    void histogramBucketsAreCumulative();
    void textFormatIsPrometheus();
};

namespace {

InstanceStats instance(const QString &id, int connected, bool failing)
{
    InstanceStats s;
    s.instance.id = id;
    s.instance.address = u"127.0.0.1"_s;
    s.instance.port = 8080;
    s.pipeCount = 5;
    s.pipesConnected = connected;
    s.failing = failing;
    s.writable = connected > 0;
    return s;
}

double sampleValue(const QByteArray &text, const QByteArray &sample)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(sample) && line.at(sample.size()) == ' ')
            return line.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

void tst_ServiceStats::instanceStates_data()
{
    QTest::addColumn<int>("connected");
    QTest::addColumn<bool>("failing");
    QTest::addColumn<QString>("state");
    QTest::addRow("a pipe connected") << 1 << false << u"connected"_s;
    QTest::addRow("connected wins over failing pipes") << 2 << true << u"connected"_s;
    QTest::addRow("first attempt running") << 0 << false << u"connecting"_s;
    QTest::addRow("every attempt failed") << 0 << true << u"down"_s;
}

void tst_ServiceStats::instanceStates()
{
    QFETCH(int, connected);
    QFETCH(bool, failing);
    QFETCH(QString, state);
    ServiceStats stats;
    stats.total.instances.append(instance(u"a"_s, connected, failing));
    const cx::status::StatusSnapshot snapshot = stats.snapshot();
    QCOMPARE(snapshot.instances.size(), 1);
    QCOMPARE(snapshot.instances.first().state, state);
    QCOMPARE(snapshot.instances.first().writable, connected > 0);
}

void tst_ServiceStats::workersSumByInstance()
{
    WorkerStats first, second;
    first.edgesConnected = 3;
    first.instances = {instance(u"a"_s, 3, false), instance(u"b"_s, 0, true)};
    first.instances[0].routed = 10;
    second.edgesConnected = 2;
    second.instances = {instance(u"b"_s, 1, false), instance(u"a"_s, 2, false)};
    second.instances[1].routed = 5;
    second.traffic.errorsToEdges[0xA4] = 7;
    WorkerStats total;
    total.add(first);
    total.add(second);
    QCOMPARE(total.edgesConnected, 5);
    QCOMPARE(total.instances.size(), 2);
    QCOMPARE(total.instances[0].instance.id, u"a"_s); // first worker's order
    QCOMPARE(total.instances[0].pipesConnected, 5);
    QCOMPARE(total.instances[0].pipeCount, 10);
    QCOMPARE(total.instances[0].routed, quint64(15));
    QCOMPARE(total.instances[1].pipesConnected, 1);
    QCOMPARE(total.traffic.errorsToEdges[0xA4], quint64(7));
}

void tst_ServiceStats::histogramBucketsAreCumulative()
{
    ServiceStats stats;
    LatencyHistogram &h = stats.total.traffic.latency;
    h.record(100); // <= 250 µs
    h.record(250); // the bound itself belongs to the bucket
    h.record(3000); // <= 5 ms
    h.record(60'000'000); // above every bound: +Inf only
    const QByteArray text = stats.prometheusText();
    QCOMPARE(sampleValue(text, R"(cxserver_request_duration_seconds_bucket{le="0.00025"})"), 2.0);
    QCOMPARE(sampleValue(text, R"(cxserver_request_duration_seconds_bucket{le="0.0025"})"), 2.0);
    QCOMPARE(sampleValue(text, R"(cxserver_request_duration_seconds_bucket{le="0.005"})"), 3.0);
    QCOMPARE(sampleValue(text, R"(cxserver_request_duration_seconds_bucket{le="10"})"), 3.0);
    QCOMPARE(sampleValue(text, R"(cxserver_request_duration_seconds_bucket{le="+Inf"})"), 4.0);
    QCOMPARE(sampleValue(text, "cxserver_request_duration_seconds_count"), 4.0);
    QCOMPARE(sampleValue(text, "cxserver_request_duration_seconds_sum"), 60.00335);
}

void tst_ServiceStats::textFormatIsPrometheus()
{
    ServiceStats stats;
    stats.total.instances.append(instance(u"we\"ird\\id"_s, 1, false));
    stats.total.traffic.errorsToPlatforms[0x84] = 1;
    stats.discoveryPlugin = u"zookeeper"_s;
    stats.discoveryState = u"connecting"_s;
    const QByteArray text = stats.prometheusText();
    QVERIFY(text.endsWith('\n'));
    // Label values are escaped; every sample line is NAME{LABELS} VALUE or NAME VALUE.
    QVERIFY(text.contains("instance=\"we\\\"ird\\\\id\""));
    QVERIFY(text.contains(R"(cxserver_error_responses_total{code="0x84",to="platform"} 1)"));
    QCOMPARE(
        sampleValue(text, R"(cxserver_discovery_connected{plugin="zookeeper",state="connecting"})"),
        0.0);
    const QRegularExpression sample(
        u"^[a-z_]+(\\{([a-z]+=\"([^\"\\\\]|\\\\.)*\",?)+\\})? -?[0-9.e+]+$"_s);
    QSet<QByteArray> typed;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith("# TYPE ")) {
            const QByteArray name = line.split(' ').at(2);
            QVERIFY2(!typed.contains(name), line.constData());
            typed.insert(name);
            continue;
        }
        if (line.startsWith("# HELP "))
            continue;
        QVERIFY2(sample.match(QString::fromUtf8(line)).hasMatch(), line.constData());
    }
    QVERIFY(typed.contains("cxserver_request_duration_seconds"));
    QVERIFY(typed.contains("cxserver_messages_total"));
}

QTEST_GUILESS_MAIN(tst_ServiceStats)
#include "tst_servicestats.moc"

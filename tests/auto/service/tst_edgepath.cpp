#include "edgepath.h"

#include <QTest>

using namespace cx::server;

class tst_EdgePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
};

void tst_EdgePath::classify_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("tunnelId");
    const auto row = [](const char *name, const QByteArray &path, EdgePath::Kind kind,
                        const QByteArray &id = {}) {
        QTest::addRow("%s", name) << path << int(kind) << id;
    };
    using K = EdgePath::Kind;
    row("AlwaysOn", "/Thingworx/WS", K::AlwaysOn);
    row("VWS", "/Thingworx/VWS", K::RemoteAccessChannel);
    row("tunnel server", "/Thingworx/WSTunnelServer/abc-1.2_~", K::TunnelServer, "abc-1.2_~");
    row("tunnel client", "/Thingworx/WSTunnelClient/T", K::TunnelClient, "T");
    row("128-character id", "/Thingworx/WSTunnelClient/" + QByteArray(128, 'a'), K::TunnelClient,
        QByteArray(128, 'a'));
    // protocol.md §8: anything else is 404, checked on the raw path.
    row("root", "/", K::Unknown);
    row("trailing slash", "/Thingworx/WS/", K::Unknown);
    row("case", "/thingworx/ws", K::Unknown);
    row("prefix", "/Thingworx/WSX", K::Unknown);
    row("no id", "/Thingworx/WSTunnelServer/", K::Unknown);
    row("129-character id", "/Thingworx/WSTunnelServer/" + QByteArray(129, 'a'), K::Unknown);
    row("two segments", "/Thingworx/WSTunnelServer/x/y", K::Unknown);
    row("dot-segments out", "/Thingworx/WSTunnelServer/x/../../WS", K::Unknown);
    row("dot id", "/Thingworx/WSTunnelServer/.", K::Unknown);
    row("dot-dot id", "/Thingworx/WSTunnelServer/..", K::Unknown);
    row("percent-encoded dots", "/Thingworx/WSTunnelServer/%2e%2e", K::Unknown);
    row("percent-encoded path", "/Thingworx/%57S", K::Unknown);
    row("encoded slash in id", "/Thingworx/WSTunnelClient/a%2Fb", K::Unknown);
    row("dot-segment before", "/x/../Thingworx/WS", K::Unknown);
    row("double slash", "//Thingworx/WS", K::Unknown);
}

void tst_EdgePath::classify()
{
    QFETCH(QByteArray, path);
    QFETCH(int, kind);
    QFETCH(QByteArray, tunnelId);
    const EdgePath classified = classifyEdgePath(path);
    QCOMPARE(int(classified.kind), kind);
    QCOMPARE(classified.tunnelId, tunnelId);
}

QTEST_GUILESS_MAIN(tst_EdgePath)
#include "tst_edgepath.moc"

// planReload(): which changed keys a reload applies and which wait for a restart.

#include "config/hoconparser.h"
#include "config/serverconfig.h"
#include "reloadplan.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cx;

class tst_ReloadPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data();
    void plan();
    void defaultsCount();

private:
    config::LoadedServerConfig load(const QByteArray &body);
    QTemporaryDir m_dir;
};

config::LoadedServerConfig tst_ReloadPlan::load(const QByteArray &body)
{
    const QString path = m_dir.filePath(u"cxserver.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("cx-server {\n  transport.websockets.app-key = \"k\"\n"
               "  transport.websockets.platforms = [\"ws://127.0.0.1:1/Thingworx/WS\"]\n"
               "  protocol.ssl.enabled = false\n"
               + body + "\n}\n");
    file.close();
    return config::readServerConfigFile(path);
}

void tst_ReloadPlan::plan_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("applied");
    QTest::addColumn<QStringList>("restartNeeded");
    QTest::addColumn<bool>("routing");
    QTest::addColumn<bool>("discovery");
    QTest::addColumn<bool>("logging");
    QTest::addRow("nothing") << QByteArray() << QByteArray() << QStringList() << QStringList()
                             << false << false << false;
    QTest::addRow("comment only") << QByteArray() << QByteArray("# a note") << QStringList()
                                  << QStringList() << false << false << false;
    QTest::addRow("same value written out")
        << QByteArray() << QByteArray("routing.plugin = \"round-robin\"") << QStringList()
        << QStringList() << false << false << false;
    QTest::addRow("watermark")
        << QByteArray() << QByteArray("transport.websockets.connections.highWaterMark = 128k")
        << QStringList {u"cx-server.transport.websockets.connections.highWaterMark"_s}
        << QStringList() << false << false << false;
    QTest::addRow("routing") << QByteArray() << QByteArray("routing.plugin = \"least-pending\"")
                             << QStringList {u"cx-server.routing.plugin"_s} << QStringList() << true
                             << false << false;
    QTest::addRow("platforms")
        << QByteArray()
        << QByteArray("transport.websockets.platforms = [\"ws://127.0.0.1:2/Thingworx/WS\"]")
        << QStringList {u"cx-server.transport.websockets.platforms"_s} << QStringList() << false
        << true << false;
    QTest::addRow("log level") << QByteArray() << QByteArray("logging.level = \"debug\"")
                               << QStringList {u"cx-server.logging.level"_s} << QStringList()
                               << false << false << true;
    QTest::addRow("port and keystore")
        << QByteArray() << QByteArray("protocol.port = 9443\nworker-threads = 3") << QStringList()
        << QStringList {u"cx-server.protocol.port"_s, u"cx-server.worker-threads"_s} << false
        << false << false;
    QTest::addRow("back to the default")
        << QByteArray("pipe-count-x = 1\nhealth.port = 9100") << QByteArray() << QStringList()
        << QStringList {u"cx-server.health.port"_s} << false << false << false;
}

void tst_ReloadPlan::plan()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const config::LoadedServerConfig running = load(before);
    const config::LoadedServerConfig next = load(after);
    QVERIFY(running.ok());
    QVERIFY(next.ok());
    const server::ReloadPlan plan = server::planReload(running, next);
    QTEST(plan.applied, "applied");
    QTEST(plan.restartNeeded, "restartNeeded");
    QTEST(plan.routingChanged, "routing");
    QTEST(plan.discoveryChanged, "discovery");
    QTEST(plan.loggingChanged, "logging");
}

void tst_ReloadPlan::defaultsCount()
{
    // Every key that needs a restart exists in the schema.
    for (const char *key :
         {"protocol.port", "protocol.host", "protocol.ssl.enabled", "health.port", "admin.socket",
          "worker-threads", "plugin-path", "transport.websockets.connections.pipe-count"})
        QVERIFY2(server::needsRestart(QString::fromLatin1(key)), key);
    QVERIFY(!server::needsRestart(u"routing.plugin"_s));
    // A renewed edge certificate (and its TLS policy) applies at a reload (docs/operations.md).
    for (const char *key :
         {"protocol.http-server.ssl.key-store.file", "protocol.http-server.ssl.key-store.password",
          "protocol.ssl.min-version", "protocol.ssl.ciphers", "protocol.ssl.ciphersuites"})
        QVERIFY2(!server::needsRestart(QString::fromLatin1(key)), key);
}

QTEST_GUILESS_MAIN(tst_ReloadPlan)
#include "tst_reloadplan.moc"

#include "config/serverconfig.h"
#include "plugin/discovery.h"
#include "plugin/pluginloader.h"
#include "staticdiscovery.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::plugin;
using cx::staticdiscovery::StaticDiscovery;

namespace {

/// As ServerConfig holds transport.websockets.platforms.
QList<QUrl> urls(const QStringList &texts)
{
    QList<QUrl> result;
    for (const QString &text : texts)
        result << QUrl(text, QUrl::StrictMode);
    return result;
}

} // namespace

class tst_StaticDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instanceFromUrl_data();
    void instanceFromUrl();
    void severalUrls();
    void noUrl();
    void badUrl_data();
    void badUrl();
    void stateIsStatic();
    void startReportsOnceQueued();
    void pluginCreates();
    void pluginReportsBadUrl();
    void pluginNeedsConfig();

private:
    DiscoveryFactory *m_factory = nullptr;
};

void tst_StaticDiscovery::initTestCase()
{
    const Result<DiscoveryFactory *> factory = loadFactory<DiscoveryFactory>(
        QStringLiteral(CX_DISCOVERY_PLUGIN_DIR), QStringLiteral("static"));
    QVERIFY2(factory, qPrintable(factory ? QString() : factory.error().forLog()));
    m_factory = factory.value();
}

void tst_StaticDiscovery::instanceFromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");

    const auto row
        = [](const char *name, const QString &url, const QString &address, int port, bool tls) {
              QTest::addRow("%s", name) << url << url << address << port << tls;
          };
    row("ws, name, explicit port", QStringLiteral("ws://platform1.example.com:8080/Thingworx/WS"),
        QStringLiteral("platform1.example.com"), 8080, false);
    row("wss, name, explicit port", QStringLiteral("wss://platform1.example.com:8443/Thingworx/WS"),
        QStringLiteral("platform1.example.com"), 8443, true);
    row("ws default port", QStringLiteral("ws://platform1/Thingworx/WS"),
        QStringLiteral("platform1"), 80, false);
    row("wss default port", QStringLiteral("wss://platform1/Thingworx/WS"),
        QStringLiteral("platform1"), 443, true);
    row("ws, IPv4", QStringLiteral("ws://10.0.0.12:8080/Thingworx/WS"), QStringLiteral("10.0.0.12"),
        8080, false);
    row("wss, IPv4, default port", QStringLiteral("wss://192.168.1.5/Thingworx/WS"),
        QStringLiteral("192.168.1.5"), 443, true);
    row("IPv6", QStringLiteral("wss://[fd00::12]:8443/Thingworx/WS"), QStringLiteral("fd00::12"),
        8443, true);
    row("explicit default port", QStringLiteral("ws://platform1:80/Thingworx/WS"),
        QStringLiteral("platform1"), 80, false);
    row("wss on port 80", QStringLiteral("wss://platform1:80/Thingworx/WS"),
        QStringLiteral("platform1"), 80, true);
    row("no path", QStringLiteral("ws://platform1:8080"), QStringLiteral("platform1"), 8080, false);
    row("root path", QStringLiteral("ws://platform1:8080/"), QStringLiteral("platform1"), 8080,
        false);
    row("highest port", QStringLiteral("ws://platform1:65535/Thingworx/WS"),
        QStringLiteral("platform1"), 65535, false);
    // The id is the URL as QUrl writes it: scheme and host in lower case.
    QTest::addRow("upper case scheme and host")
        << QStringLiteral("WSS://Platform1.Example.COM/Thingworx/WS")
        << QStringLiteral("wss://platform1.example.com/Thingworx/WS")
        << QStringLiteral("platform1.example.com") << 443 << true;
}

void tst_StaticDiscovery::instanceFromUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, id);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(bool, tls);

    const Result<Membership> instances = StaticDiscovery::instancesFromUrls(urls({url}));
    QVERIFY2(instances, qPrintable(instances ? QString() : instances.error().message));
    QCOMPARE(instances->size(), 1);
    const PlatformInstance &instance = instances->first();
    QCOMPARE(instance.id, id);
    QCOMPARE(instance.address, address);
    QCOMPARE(instance.port, port);
    QCOMPARE(instance.tls, tls);
}

void tst_StaticDiscovery::severalUrls()
{
    const QStringList texts {
        QStringLiteral("ws://p2:8080/Thingworx/WS"), QStringLiteral("ws://p1:8080/Thingworx/WS"),
        QStringLiteral("ws://p1:8081/Thingworx/WS"), QStringLiteral("wss://p1:8080/Thingworx/WS")};
    const Result<Membership> instances = StaticDiscovery::instancesFromUrls(urls(texts));
    QVERIFY2(instances, qPrintable(instances ? QString() : instances.error().message));
    QCOMPARE(instances->size(), texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QCOMPARE(instances->at(i).id, texts.at(i)); // in the configured order
        QCOMPARE(instances->at(i).url(), QUrl(texts.at(i)));
    }
}

void tst_StaticDiscovery::noUrl()
{
    const Result<Membership> instances = StaticDiscovery::instancesFromUrls({});
    QVERIFY(instances);
    QVERIFY(instances->isEmpty());
}

void tst_StaticDiscovery::badUrl_data()
{
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QString>("message"); // how the message starts
    QTest::addColumn<QString>("named"); // what else it must name

    const QString prefix = QStringLiteral("transport.websockets.platforms: ");
    const auto row = [&prefix](const char *name, const QString &url, const QString &reason) {
        QTest::addRow("%s", name) << QStringList {url}
                                  << prefix + u'"' + url + QStringLiteral("\" ") + reason << url;
    };
    row("http", QStringLiteral("http://platform1:8080/Thingworx/WS"),
        QStringLiteral("is not a ws:// or wss:// URL"));
    row("no scheme", QStringLiteral("platform1/Thingworx/WS"),
        QStringLiteral("is not a ws:// or wss:// URL"));
    row("no host", QStringLiteral("ws:///Thingworx/WS"), QStringLiteral("has no host"));
    row("no authority", QStringLiteral("ws:platform1"), QStringLiteral("has no host"));
    row("port 0", QStringLiteral("ws://platform1:0/Thingworx/WS"), QStringLiteral("has port 0"));
    row("user", QStringLiteral("ws://admin@platform1/Thingworx/WS"),
        QStringLiteral("may not carry a user, a query or a fragment"));
    row("query", QStringLiteral("ws://platform1/Thingworx/WS?x=1"),
        QStringLiteral("may not carry a user, a query or a fragment"));
    row("fragment", QStringLiteral("ws://platform1/Thingworx/WS#x"),
        QStringLiteral("may not carry a user, a query or a fragment"));
    row("other path", QStringLiteral("ws://platform1/Other/WS"),
        QStringLiteral("has path /Other/WS; platforms are always reached at /Thingworx/WS"));

    // QUrl refuses these; its reason quotes the text.
    const auto invalid = [&prefix](const char *name, const QString &url) {
        QTest::addRow("%s", name) << QStringList {url}
                                  << prefix + QStringLiteral("not a valid URL: ") << url;
    };
    invalid("port out of range", QStringLiteral("ws://platform1:65536/Thingworx/WS"));
    invalid("port not a number", QStringLiteral("ws://platform1:http/Thingworx/WS"));
    invalid("space in host", QStringLiteral("ws://platform 1/Thingworx/WS"));
    invalid("leading space", QStringLiteral(" ws://platform1/Thingworx/WS"));

    QTest::addRow("empty") << QStringList {QString()}
                           << prefix + QStringLiteral("an entry is empty") << QString();
    QTest::addRow("the bad one among good ones is named")
        << QStringList {QStringLiteral("ws://p1:8080/Thingworx/WS"),
                        QStringLiteral("tcp://p2:8080"), QStringLiteral("ws://p3:8080")}
        << prefix + QStringLiteral("\"tcp://p2:8080\" is not a ws:// or wss:// URL") << QString();
    QTest::addRow("same instance twice")
        << QStringList {QStringLiteral("ws://p1/Thingworx/WS"), QStringLiteral("ws://p1:80")}
        << prefix
            + QStringLiteral("\"ws://p1:80\" designates the same instance as "
                             "\"ws://p1/Thingworx/WS\"")
        << QString();
}

void tst_StaticDiscovery::badUrl()
{
    QFETCH(QStringList, urls);
    QFETCH(QString, message);
    QFETCH(QString, named);

    const Result<Membership> instances = StaticDiscovery::instancesFromUrls(::urls(urls));
    QVERIFY(!instances);
    QVERIFY2(instances.error().message.startsWith(message), qPrintable(instances.error().message));
    QVERIFY2(instances.error().message.contains(named), qPrintable(instances.error().message));
}

void tst_StaticDiscovery::stateIsStatic()
{
    StaticDiscovery backend({});
    QCOMPARE(backend.state(), DiscoveryBackend::State::Static);
    QCOMPARE(DiscoveryBackend::stateName(backend.state()), QStringLiteral("static"));
}

void tst_StaticDiscovery::startReportsOnceQueued()
{
    const Result<Membership> instances = StaticDiscovery::instancesFromUrls(urls(
        {QStringLiteral("ws://p1:8080/Thingworx/WS"), QStringLiteral("wss://p2/Thingworx/WS")}));
    QVERIFY(instances);
    StaticDiscovery backend(instances.value());
    QCOMPARE(backend.instances(), instances.value());

    QSignalSpy changed(&backend, &DiscoveryBackend::instancesChanged);
    QSignalSpy stateChanged(&backend, &DiscoveryBackend::stateChanged);
    backend.start();
    QCOMPARE(changed.size(), 0); // queued: a caller may connect right after start()
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Membership>(), instances.value());
    QTest::qWait(10);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(stateChanged.size(), 0);
    QCOMPARE(backend.state(), DiscoveryBackend::State::Static);
}

void tst_StaticDiscovery::pluginCreates()
{
    config::ServerConfig config;
    config.platforms = urls({QStringLiteral("ws://10.0.0.12:8080/Thingworx/WS"),
                             QStringLiteral("wss://platform2:8443/Thingworx/WS")});
    QObject parent;
    QString error;
    DiscoveryBackend *backend = m_factory->create(PluginContext {&config, -1}, &parent, &error);
    QVERIFY2(backend, qPrintable(error));
    QCOMPARE(backend->parent(), &parent);
    QCOMPARE(backend->state(), DiscoveryBackend::State::Static);
    const Membership instances = backend->instances();
    QCOMPARE(instances.size(), 2);
    QCOMPARE(instances.at(0).address, QStringLiteral("10.0.0.12"));
    QCOMPARE(instances.at(0).port, 8080);
    QCOMPARE(instances.at(0).tls, false);
    QCOMPARE(instances.at(1).address, QStringLiteral("platform2"));
    QCOMPARE(instances.at(1).port, 8443);
    QCOMPARE(instances.at(1).tls, true);

    QSignalSpy changed(backend, &DiscoveryBackend::instancesChanged);
    backend->start();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Membership>(), instances);
}

void tst_StaticDiscovery::pluginReportsBadUrl()
{
    config::ServerConfig config;
    config.platforms = urls({QStringLiteral("ws://p1:8080/Thingworx/WS"),
                             QStringLiteral("https://p2:8443/Thingworx/WS")});
    QString error;
    QCOMPARE(m_factory->create(PluginContext {&config, -1}, nullptr, &error), nullptr);
    QCOMPARE(error,
             QStringLiteral("transport.websockets.platforms: \"https://p2:8443/Thingworx/WS\" is "
                            "not a ws:// or wss:// URL"));
}

void tst_StaticDiscovery::pluginNeedsConfig()
{
    QString error;
    QCOMPARE(m_factory->create(PluginContext {}, nullptr, &error), nullptr);
    QCOMPARE(error, QStringLiteral("static discovery needs the configuration"));
}

QTEST_GUILESS_MAIN(tst_StaticDiscovery)
#include "tst_staticdiscovery.moc"

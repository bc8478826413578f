#include "config/configdump.h"
#include "config/configschema.h"
#include "config/placeholders.h"
#include "config/serverconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cx::config;
using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace {

const QString FileName = u"test.conf"_s;

Value str(const QString &s)
{
    return Value::string(s);
}

Value num(const QString &text)
{
    return Value::number(text);
}

/// v at line `line` of test.conf, column 5 (its elements and members at the same place).
Value placed(const Value &v, int line)
{
    const Origin origin {FileName, line, 5};
    switch (v.type()) {
    case Value::Type::Null:
        return Value::null(origin);
    case Value::Type::Boolean:
        return Value::boolean(v.toBool(), origin);
    case Value::Type::Number:
        return Value::number(v.text(), origin);
    case Value::Type::String:
        return Value::string(v.text(), origin);
    case Value::Type::List: {
        QList<Value> items;
        for (const Value &item : v.items())
            items.append(placed(item, line));
        return Value::list(items, origin);
    }
    case Value::Type::Object: {
        QMap<QString, Value> members;
        for (auto it = v.members().cbegin(); it != v.members().cend(); ++it)
            members.insert(it.key(), placed(it.value(), line));
        return Value::object(members, origin);
    }
    }
    return v;
}

/// object with leaf at path; objects on the way get the leaf's line.
Value inserted(const Value &object, QStringList path, const Value &leaf)
{
    if (path.isEmpty())
        return leaf;
    QMap<QString, Value> members = object.isObject() ? object.members() : QMap<QString, Value>();
    const QString key = path.takeFirst();
    members.insert(key, inserted(members.value(key), path, leaf));
    return Value::object(members, object.isObject() ? object.origin() : leaf.origin());
}

using Settings = QList<std::pair<QString, Value>>;

/// What a valid file needs (app key, no TLS keystore, one platform).
Settings minimalSettings()
{
    return {{u"transport.websockets.app-key"_s, str(u"test-app-key"_s)},
            {u"protocol.ssl.enabled"_s, Value::boolean(false)},
            {u"transport.websockets.platforms"_s,
             Value::list({str(u"ws://platform1:8080/Thingworx/WS"_s)})}};
}

/// A document with each setting (a dotted path below cx-server) on its own line: the first
/// on line 2, the next on line 3... so that a finding's line tells its setting.
Value document(const Settings &settings)
{
    Value root = Value::object({}, Origin {FileName, 1, 1});
    int line = 2;
    for (const auto &[path, value] : settings)
        root = inserted(root, QStringList {u"cx-server"_s} + path.split(u'.'),
                        placed(value, line++));
    return root;
}

/// Loads the minimal settings followed by extra ones (which win).
LoadedServerConfig load(const Settings &extra)
{
    return loadServerConfig(document(minimalSettings() + extra), FileName);
}

/// The line test.conf gives the last setting in minimalSettings() + extra.
int lineOfLast(const Settings &extra)
{
    return int(minimalSettings().size() + extra.size()) + 1;
}

QStringList messages(const Diagnostics &diagnostics, Diagnostic::Severity severity)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == severity)
            out.append(d.message);
    return out;
}

QStringList errors(const LoadedServerConfig &loaded)
{
    return messages(loaded.diagnostics, Diagnostic::Severity::Error);
}

QStringList warnings(const LoadedServerConfig &loaded)
{
    return messages(loaded.diagnostics, Diagnostic::Severity::Warning);
}

QString formatted(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.format());
    return lines.join(u'\n');
}

} // namespace

class tst_ServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaIsConsistent();
    void defaults();
    void typeErrors_data();
    void typeErrors();
    void ranges_data();
    void ranges();
    void conversions_data();
    void conversions();
    void choicesAndFormats_data();
    void choicesAndFormats();
    void nullMeansDefault();
    void unknownKeys_data();
    void unknownKeys();
    void notAnObject();
    void noCxServer();
    void required_data();
    void required();
    void discoveryPlugin_data();
    void discoveryPlugin();
    void crossFields_data();
    void crossFields();
    void noSecretInMessages_data();
    void noSecretInMessages();
    void sortedByPosition();
    void dump();
    void placeholdersAreWarnings_data();
    void placeholdersAreWarnings();
    void placeholderDetection_data();
    void placeholderDetection();
};

void tst_ServerConfig::schemaIsConsistent()
{
    QSet<QString> paths;
    QSet<QString> labels;
    for (const schema::KeySpec &key : schema::keys()) {
        QVERIFY2(!paths.contains(key.path), qPrintable(key.path));
        paths.insert(key.path);
        QVERIFY2(key.help.endsWith(u'.'), qPrintable(key.path));
        // A form shows the label: there is one, it names one key, and it is not a sentence.
        QVERIFY2(!key.label.isEmpty() && !key.label.endsWith(u'.'), qPrintable(key.path));
        QVERIFY2(!labels.contains(key.label), qPrintable(key.label));
        labels.insert(key.label);
        QCOMPARE(schema::findKey(key.path), &key);
        QCOMPARE(schema::findKey(key.fullPath()), &key);
        if (!key.defaultValue.isNull()) {
            const auto checked = schema::checkValue(key, key.defaultValue);
            QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
        } else {
            QCOMPARE(key.type, schema::KeyType::String);
        }
    }
    // Every key of config.md §2, those the original reads besides, and cxserver's own
    // shutdown.drain-timeout, logging.level, logging.rules, limits.tunnel-idle-timeout and
    // service-discovery.max-instances.
    QCOMPARE(paths.size(), 59);
    QVERIFY(!schema::findKey(u"transport"));
    QVERIFY(schema::isKnownPrefix(u"transport.websockets"));
    QVERIFY(!schema::isKnownPrefix(u"transport.websockets.app-key"));
}

void tst_ServerConfig::defaults()
{
    const LoadedServerConfig loaded = loadServerConfig(
        document({{u"transport.websockets.app-key"_s, str(u"k"_s)},
                  {u"protocol.http-server.ssl.key-store.file"_s, str(u"/etc/cxserver/ks.p12"_s)},
                  {u"transport.websockets.platforms"_s,
                   Value::list({str(u"ws://p:8080/Thingworx/WS"_s)})}}),
        FileName);
    QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(formatted(loaded.diagnostics)));
    QVERIFY(loaded.ok());
    const ServerConfig &c = loaded.config;
    // The defaults of config.md §2.
    QCOMPARE(c.platformTransport, u"websockets"_s);
    QVERIFY(c.appKey.isSet());
    QCOMPARE(c.appKey.reveal(), u"k"_s);
    QCOMPARE(c.platforms, QList<QUrl> {QUrl(u"ws://p:8080/Thingworx/WS"_s)});
    QCOMPARE(c.serviceDiscoveryEnabled, false);
    QCOMPARE(c.serviceName, u"thingworx-http"_s);
    QCOMPARE(c.allowedNetworks, QStringList());
    QCOMPARE(c.maxInstances, 256);
    QCOMPARE(c.discoveryPlugin, u"static"_s);
    QCOMPARE(c.zooKeeperConnectionString, QString());
    QCOMPARE(c.discoveryBasePath, u"/services"_s);
    QCOMPARE(c.sessionTimeout, milliseconds(10000));
    QCOMPARE(c.zooKeeperAuthScheme, QString());
    QVERIFY(!c.zooKeeperAuthCredentials.isSet());
    QCOMPARE(c.saslEnabled, false);
    QCOMPARE(c.saslKrb5ConfFile, QString());
    QCOMPARE(c.saslJaasFile, QString());
    QCOMPARE(c.authenticationTimeout, milliseconds(10000));
    QCOMPARE(c.requestTimeout, milliseconds(10000));
    QCOMPARE(c.pipeCount, 5);
    QCOMPARE(c.connectTimeout, milliseconds(10000));
    QCOMPARE(c.pingRate, milliseconds(30000));
    QCOMPARE(c.idleReadTimeout, milliseconds(60000));
    QCOMPARE(c.highWaterMark, qint64(65536));
    QCOMPARE(c.lowWaterMark, qint64(32768));
    QCOMPARE(c.maxMessageSize, qint64(1048576));
    QCOMPARE(c.routingPlugin, u"round-robin"_s);
    QCOMPARE(c.port, quint16(8443));
    QCOMPARE(c.host, u"0.0.0.0"_s);
    QCOMPARE(c.sslEnabled, true);
    QCOMPARE(c.keyStoreFile, u"/etc/cxserver/ks.p12"_s);
    QVERIFY(!c.keyStorePassword.isSet());
    QCOMPARE(c.serviceDiscoveryTls, true);
    QCOMPARE(c.hostNameValidation, true);
    QCOMPARE(c.trustStoreFile, QString());
    QVERIFY(!c.trustStorePassword.isSet());
    QCOMPARE(c.healthPort, quint16(9009));
    QCOMPARE(c.adminSocket, u"cxserver"_s);
    QCOMPARE(c.workerThreads, 0);
    QCOMPARE(c.pluginPath, QString());
}

void tst_ServerConfig::typeErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("message");

    for (const schema::KeySpec &key : schema::keys()) {
        Value wrong;
        QString predicate;
        switch (key.type) {
        case schema::KeyType::Int:
            wrong = str(u"ten"_s);
            predicate = u"\"ten\" is not a number"_s;
            break;
        case schema::KeyType::Bool:
            wrong = str(u"maybe"_s);
            predicate = u"\"maybe\" is not a boolean"_s;
            break;
        case schema::KeyType::Size:
            wrong = str(u"64 parsecs"_s);
            predicate = u"\"64 parsecs\" has an unknown size unit \"parsecs\""_s;
            break;
        case schema::KeyType::Duration:
            wrong = str(u"5 sec"_s);
            predicate = u"\"5 sec\" has an unknown time unit \"sec\""_s;
            break;
        case schema::KeyType::String:
            wrong = Value::list({str(u"a"_s)});
            predicate = key.secret ? u"the value (a secret, not shown) is a list, not a string"_s
                                   : u"[\"a\"] is a list, not a string"_s;
            break;
        case schema::KeyType::StringList:
            wrong = str(u"ws://p:1/Thingworx/WS"_s);
            predicate = u"\"ws://p:1/Thingworx/WS\" is a string, not a list"_s;
            break;
        }
        QTest::addRow("%s", qPrintable(key.path))
            << key.path << wrong << key.fullPath() + u": " + predicate;
    }
}

void tst_ServerConfig::typeErrors()
{
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QString, message);

    const Settings extra {{key, value}};
    const LoadedServerConfig loaded = load(extra);
    QVERIFY(!loaded.ok());
    const auto it
        = std::find_if(loaded.diagnostics.cbegin(), loaded.diagnostics.cend(),
                       [&](const Diagnostic &d) { return d.message.startsWith(message); });
    QVERIFY2(it != loaded.diagnostics.cend(), qPrintable(formatted(loaded.diagnostics)));
    QCOMPARE(it->severity, Diagnostic::Severity::Error);
    QCOMPARE(it->origin.file, FileName);
    QCOMPARE(it->origin.line, lineOfLast(extra));
    QCOMPARE(it->origin.column, 5);
    QVERIFY2(it->message.contains(u"; expected " + schema::findKey(key)->expectation()),
             qPrintable(it->message));
}

void tst_ServerConfig::ranges_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("inRange");

    for (const schema::KeySpec &key : schema::keys()) {
        if (key.type != schema::KeyType::Int && key.type != schema::KeyType::Size
            && key.type != schema::KeyType::Duration)
            continue;
        // A bare number is the unit of each type: an integer, bytes, milliseconds.
        const QByteArray nameBytes = key.path.toUtf8();
        const char *name = nameBytes.constData();
        QTest::addRow("%s minimum", name) << key.path << num(QString::number(key.minimum)) << true;
        QTest::addRow("%s maximum", name) << key.path << num(QString::number(key.maximum)) << true;
        QTest::addRow("%s below", name)
            << key.path << num(QString::number(key.minimum - 1)) << false;
        QTest::addRow("%s above", name)
            << key.path << num(QString::number(key.maximum + 1)) << false;
    }
    QTest::addRow("duration below 1ms")
        << u"transport.websockets.connections.pingRate"_s << str(u"999us"_s) << false;
    QTest::addRow("size with unit")
        << u"transport.websockets.connections.highWaterMark"_s << str(u"2g"_s) << false;
}

void tst_ServerConfig::ranges()
{
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(bool, inRange);

    const schema::KeySpec *spec = schema::findKey(key);
    const LoadedServerConfig loaded = load({{key, value}});
    const QString expected = spec->fullPath() + u": " + schema::describeValue(value)
        + u" is out of range; expected " + spec->expectation();
    QCOMPARE(errors(loaded).contains(expected), !inRange);
    if (inRange) {
        for (const QString &error : errors(loaded))
            QVERIFY2(!error.startsWith(spec->fullPath() + u':'), qPrintable(error));
    }
}

void tst_ServerConfig::conversions_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("expected");

    QTest::addRow("quoted int") << u"transport.websockets.connections.pipe-count"_s << str(u"7"_s)
                                << u"pipeCount"_s << qint64(7);
    QTest::addRow("int as double") << u"transport.websockets.connections.pipe-count"_s
                                   << num(u"7.9"_s) << u"pipeCount"_s << qint64(7);
    QTest::addRow("-ms key") << u"transport.websockets.request.default_timeout-ms"_s
                             << num(u"2500"_s) << u"requestTimeout"_s << qint64(2500);
    QTest::addRow("duration") << u"transport.websockets.connections.pingRate"_s << str(u"1.5s"_s)
                              << u"pingRate"_s << qint64(1500);
    QTest::addRow("duration number") << u"transport.websockets.connections.idleReadTimeout"_s
                                     << num(u"90000"_s) << u"idleReadTimeout"_s << qint64(90000);
    QTest::addRow("duration minutes") << u"discovery.session-timeout"_s << str(u"2 minutes"_s)
                                      << u"sessionTimeout"_s << qint64(120000);
    QTest::addRow("size") << u"transport.websockets.connections.highWaterMark"_s << str(u"128k"_s)
                          << u"highWaterMark"_s << qint64(131072);
    QTest::addRow("size kB") << u"transport.websockets.connections.lowWaterMark"_s << str(u"16kB"_s)
                             << u"lowWaterMark"_s << qint64(16000);
    QTest::addRow("size as int") << u"max-msg-size-bytes"_s << str(u"2m"_s) << u"maxMessageSize"_s
                                 << qint64(2097152);
    QTest::addRow("bool no") << u"transport.websockets.service-discovery.tls-enabled"_s
                             << str(u"no"_s) << u"serviceDiscoveryTls"_s << qint64(0);
    QTest::addRow("quoted cap") << u"transport.websockets.service-discovery.max-instances"_s
                                << str(u"3"_s) << u"maxInstances"_s << qint64(3);
    QTest::addRow("bool off") << u"transport.websockets.service-discovery.host-name-validation"_s
                              << str(u"off"_s) << u"hostNameValidation"_s << qint64(0);
    QTest::addRow("port 0") << u"protocol.port"_s << num(u"0"_s) << u"port"_s << qint64(0);
    QTest::addRow("health off") << u"health.port"_s << num(u"0"_s) << u"healthPort"_s << qint64(0);
}

void tst_ServerConfig::conversions()
{
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QString, field);
    QFETCH(qint64, expected);

    const LoadedServerConfig loaded = load({{key, value}});
    QVERIFY2(errors(loaded).isEmpty(), qPrintable(formatted(loaded.diagnostics)));
    const ServerConfig &c = loaded.config;
    const QMap<QString, qint64> fields {
        {u"pipeCount"_s, c.pipeCount},
        {u"requestTimeout"_s, c.requestTimeout.count()},
        {u"pingRate"_s, c.pingRate.count()},
        {u"idleReadTimeout"_s, c.idleReadTimeout.count()},
        {u"sessionTimeout"_s, c.sessionTimeout.count()},
        {u"highWaterMark"_s, c.highWaterMark},
        {u"lowWaterMark"_s, c.lowWaterMark},
        {u"maxMessageSize"_s, c.maxMessageSize},
        {u"serviceDiscoveryTls"_s, c.serviceDiscoveryTls},
        {u"hostNameValidation"_s, c.hostNameValidation},
        {u"maxInstances"_s, c.maxInstances},
        {u"port"_s, c.port},
        {u"healthPort"_s, c.healthPort},
    };
    QVERIFY(fields.contains(field));
    QCOMPARE(fields.value(field), expected);
}

void tst_ServerConfig::choicesAndFormats_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("error"); ///< the predicate after the value; empty: valid

    QTest::addRow("transport") << u"platform.transport"_s << str(u"websockets_active_active"_s)
                               << QString();
    QTest::addRow("bad transport")
        << u"platform.transport"_s << str(u"tcp"_s) << u"\"tcp\" is not allowed"_s;
    QTest::addRow("empty host") << u"protocol.host"_s << str(QString()) << u"\"\" is empty"_s;
    QTest::addRow("IPv6 any") << u"protocol.host"_s << str(u"::"_s) << QString();
    QTest::addRow("loopback") << u"protocol.host"_s << str(u"127.0.0.1"_s) << QString();
    QTest::addRow("localhost") << u"protocol.host"_s << str(u"localhost"_s) << QString();
    QTest::addRow("host name") << u"protocol.host"_s << str(u"edge.example.com"_s)
                               << u"\"edge.example.com\" is not an IP address"_s;
    QTest::addRow("bad IPv4") << u"protocol.host"_s << str(u"256.1.1.1"_s)
                              << u"\"256.1.1.1\" is not an IP address"_s;
    QTest::addRow("empty password")
        << u"protocol.http-server.ssl.key-store.password"_s << str(QString()) << QString();
    QTest::addRow("base path") << u"discovery.basePath"_s << str(u"/a/b"_s) << QString();
    QTest::addRow("root base path") << u"discovery.basePath"_s << str(u"/"_s) << QString();
    QTest::addRow("relative base path") << u"discovery.basePath"_s << str(u"services"_s)
                                        << u"\"services\" is not an absolute ZooKeeper path"_s;
    QTest::addRow("empty path element") << u"discovery.basePath"_s << str(u"/a//b"_s)
                                        << u"\"/a//b\" is not an absolute ZooKeeper path"_s;
    QTest::addRow("trailing slash") << u"discovery.basePath"_s << str(u"/a/"_s)
                                    << u"\"/a/\" is not an absolute ZooKeeper path"_s;
    QTest::addRow("service name with /")
        << u"transport.websockets.service-discovery.service-name"_s << str(u"a/b"_s)
        << u"\"a/b\" is not a ZooKeeper node name"_s;
    QTest::addRow("ensemble") << u"discovery.connectionString"_s
                              << str(u"zk1:2181,zk2:2181, zk3:2181"_s) << QString();
    QTest::addRow("ensemble with chroot")
        << u"discovery.connectionString"_s << str(u"zk1:2181,zk2:2181/cx"_s) << QString();
    QTest::addRow("no port") << u"discovery.connectionString"_s << str(u"zk1:2181,zk2"_s)
                             << u"\"zk1:2181,zk2\" is not a list of host:port"_s;
    QTest::addRow("bad port") << u"discovery.connectionString"_s << str(u"zk1:99999"_s)
                              << u"\"zk1:99999\" is not a list of host:port"_s;
    QTest::addRow("platforms") << u"transport.websockets.platforms"_s
                               << Value::list({str(u"ws://a:8080/Thingworx/WS"_s),
                                               str(u"wss://[::1]:8443/Thingworx/WS"_s)})
                               << QString();
    QTest::addRow("http platform")
        << u"transport.websockets.platforms"_s
        << Value::list({str(u"ws://a:8080/Thingworx/WS"_s), str(u"http://b:80/x"_s)})
        << u"element 2, \"http://b:80/x\", is not a ws:// or wss:// URL"_s;
    QTest::addRow("platform without port")
        << u"transport.websockets.platforms"_s << Value::list({str(u"ws://a/Thingworx/WS"_s)})
        << u"element 1, \"ws://a/Thingworx/WS\", has no port"_s;
    QTest::addRow("platform without host")
        << u"transport.websockets.platforms"_s << Value::list({str(u"ws://:80/x"_s)})
        << u"element 1, \"ws://:80/x\", has no host"_s;
    const QString networks = u"transport.websockets.service-discovery.allowed-networks"_s;
    QTest::addRow("networks") << networks
                              << Value::list({str(u"10.0.0.0/8"_s), str(u"fd00::/8"_s),
                                              str(u"127.0.0.1"_s)})
                              << QString();
    QTest::addRow("network with a host name")
        << networks << Value::list({str(u"10.0.0.0/8"_s), str(u"zk.example.com/24"_s)})
        << u"element 2, \"zk.example.com/24\", is not an IP network"_s;
    QTest::addRow("network prefix too long")
        << networks << Value::list({str(u"10.0.0.0/33"_s)})
        << u"element 1, \"10.0.0.0/33\", is not an IP network"_s;
}

void tst_ServerConfig::choicesAndFormats()
{
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QString, error);

    const schema::KeySpec *spec = schema::findKey(key);
    const LoadedServerConfig loaded = load({{key, value}});
    if (error.isEmpty()) {
        for (const QString &e : errors(loaded))
            QVERIFY2(!e.startsWith(spec->fullPath() + u':'), qPrintable(e));
    } else {
        const QString expected
            = spec->fullPath() + u": " + error + u"; expected " + spec->expectation();
        QVERIFY2(errors(loaded).contains(expected), qPrintable(formatted(loaded.diagnostics)));
    }
}

void tst_ServerConfig::nullMeansDefault()
{
    const LoadedServerConfig loaded
        = load({{u"transport.websockets.connections.pipe-count"_s, Value::null()},
                {u"discovery"_s, Value::null()}});
    QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(formatted(loaded.diagnostics)));
    QCOMPARE(loaded.config.pipeCount, 5);
    QCOMPARE(loaded.config.discoveryBasePath, u"/services"_s);
}

void tst_ServerConfig::unknownKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("warning");

    const auto row = [](const char *name, const QString &key, const QString &suggestion) {
        QTest::addRow("%s", name) << key << num(u"1"_s)
                                  << u"unknown key cx-server."_s + key
                + (suggestion.isEmpty() ? u" (cxserver does not read it)"_s
                                        : u"; did you mean cx-server."_s + suggestion + u'?');
    };
    row("typo", u"protocol.prot"_s, u"protocol.port"_s);
    row("missing letter in a parent", u"transport.websockets.connection.pipe-count"_s,
        u"transport.websockets.connections.pipe-count"_s);
    row("wrong level", u"transport.websockets.pipe-count"_s,
        u"transport.websockets.connections.pipe-count"_s);
    row("at the top", u"app-key"_s, u"transport.websockets.app-key"_s);
    row("case", u"transport.websockets.connections.highwatermark"_s,
        u"transport.websockets.connections.highWaterMark"_s);
    row("swapped letters", u"discovery.sesison-timeout"_s, u"discovery.session-timeout"_s);
    row("unrelated", u"frobnication.depth"_s, QString());
    row("far", u"totally-unrelated"_s, QString());
    QTest::addRow("unknown object: each leaf")
        << u"protocl"_s << Value::object({{u"port"_s, num(u"1"_s)}})
        << u"unknown key cx-server.protocl.port; did you mean cx-server.protocol.port?"_s;
    QTest::addRow("empty unknown object")
        << u"extras"_s << Value::object({})
        << u"unknown key cx-server.extras (cxserver does not read it)"_s;
}

void tst_ServerConfig::unknownKeys()
{
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QString, warning);

    const Settings extra {{key, value}};
    const LoadedServerConfig loaded = load(extra);
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics)));
    QCOMPARE(warnings(loaded), QStringList {warning});
    QCOMPARE(loaded.diagnostics.first().origin.line, lineOfLast(extra));
}

void tst_ServerConfig::notAnObject()
{
    const LoadedServerConfig loaded = load({{u"health"_s, num(u"5"_s)}});
    QCOMPARE(errors(loaded),
             QStringList {u"cx-server.health: 5 is not an object; expected an object holding "
                          "settings such as cx-server.health.port"_s});
}

void tst_ServerConfig::noCxServer()
{
    const Value root = Value::object({{u"cx-sever"_s, Value::object({})}}, Origin {FileName, 1, 1});
    const LoadedServerConfig loaded = loadServerConfig(root, FileName);
    QCOMPARE(loaded.diagnostics.size(), 1);
    QCOMPARE(loaded.diagnostics.first().format(),
             u"test.conf:1:1: error: no cx-server object: cxserver reads every setting from "
             "cx-server { ... }"_s);
}

void tst_ServerConfig::required_data()
{
    QTest::addColumn<Settings>("settings"); ///< the whole document
    QTest::addColumn<QString>("error"); ///< empty: none
    QTest::addColumn<int>("line");

    const std::pair<QString, Value> appKey {u"transport.websockets.app-key"_s, str(u"k"_s)};
    const std::pair<QString, Value> noSsl {u"protocol.ssl.enabled"_s, Value::boolean(false)};
    const std::pair<QString, Value> zooKeeper {u"transport.websockets.service-discovery.enabled"_s,
                                               Value::boolean(true)};
    const std::pair<QString, Value> ensemble {u"discovery.connectionString"_s, str(u"zk:2181"_s)};

    QTest::addRow("app-key null")
        << Settings {noSsl, {u"transport.websockets.app-key"_s, Value::null()}}
        << u"cx-server.transport.websockets.app-key is not set; it is required"_s << 3;
    QTest::addRow("app-key absent: at its enclosing object")
        << Settings {noSsl, {u"transport.websockets.connections.pipe-count"_s, num(u"2"_s)}}
        << u"cx-server.transport.websockets.app-key is not set; it is required"_s << 3;
    QTest::addRow("zookeeper needs an ensemble")
        << Settings {appKey, noSsl, zooKeeper}
        << u"cx-server.discovery.connectionString is not set; it is required when the discovery "
           "plugin is \"zookeeper\""_s
        << 2;
    QTest::addRow("HA transport needs an ensemble")
        << Settings {appKey, noSsl, {u"platform.transport"_s, str(u"websockets_active_active"_s)}}
        << u"cx-server.discovery.connectionString is not set; it is required when the discovery "
           "plugin is \"zookeeper\""_s
        << 2;
    QTest::addRow("zookeeper with ensemble")
        << Settings {appKey, noSsl, zooKeeper, ensemble} << QString() << 0;
    QTest::addRow("ssl needs a keystore")
        << Settings {appKey, zooKeeper, ensemble}
        << u"cx-server.protocol.http-server.ssl.key-store.file is not set; it is required when "
           "cx-server.protocol.ssl.enabled is true"_s
        << 2;
    QTest::addRow("keystore without password")
        << Settings {appKey,
                     zooKeeper,
                     ensemble,
                     {u"protocol.http-server.ssl.key-store.file"_s, str(u"ks.p12"_s)}}
        << QString() << 0;
}

void tst_ServerConfig::required()
{
    QFETCH(Settings, settings);
    QFETCH(QString, error);
    QFETCH(int, line);

    const LoadedServerConfig loaded = loadServerConfig(document(settings), FileName);
    if (error.isEmpty()) {
        QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics)));
        return;
    }
    QCOMPARE(errors(loaded), QStringList {error});
    const auto it = std::find_if(
        loaded.diagnostics.cbegin(), loaded.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    QCOMPARE(it->origin.line, line);
}

void tst_ServerConfig::discoveryPlugin_data()
{
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<QString>("plugin");
    QTest::addColumn<QStringList>("warnings");

    const QString enabled = u"transport.websockets.service-discovery.enabled"_s;
    const QString transport = u"platform.transport"_s;
    const QString plugin = u"discovery.plugin"_s;
    const std::pair<QString, Value> noPlatforms {u"transport.websockets.platforms"_s,
                                                 Value::list({})};
    const std::pair<QString, Value> ensemble {u"discovery.connectionString"_s, str(u"zk:2181"_s)};
    const QString wins = u"cx-server.discovery.plugin \"%1\" wins over "
                         "cx-server.transport.websockets.service-discovery.enabled = %2"_s;

    QTest::addRow("default") << Settings {} << u"static"_s << QStringList();
    QTest::addRow("enabled") << Settings {noPlatforms, ensemble, {enabled, Value::boolean(true)}}
                             << u"zookeeper"_s << QStringList();
    QTest::addRow("HA transport") << Settings {noPlatforms,
                                               ensemble,
                                               {transport, str(u"websockets_active_active"_s)}}
                                  << u"zookeeper"_s << QStringList();
    QTest::addRow("enabled = false wins over transport")
        << Settings {{transport, str(u"websockets_active_active"_s)},
                     {enabled, Value::boolean(false)}}
        << u"static"_s << QStringList();
    QTest::addRow("explicit plugin wins over enabled")
        << Settings {{enabled, Value::boolean(true)}, {plugin, str(u"static"_s)}} << u"static"_s
        << QStringList {wins.arg(u"static", u"true")};
    QTest::addRow("explicit zookeeper")
        << Settings {noPlatforms,
                     ensemble,
                     {enabled, Value::boolean(false)},
                     {plugin, str(u"zookeeper"_s)}}
        << u"zookeeper"_s << QStringList {wins.arg(u"zookeeper", u"false")};
    QTest::addRow("third-party plugin")
        << Settings {{plugin, str(u"consul"_s)}} << u"consul"_s
        << QStringList {u"cx-server.discovery.plugin: \"consul\" is not a plugin shipped with "
                        "cxserver (static, zookeeper); it must be installed in the plugin path"_s};
}

void tst_ServerConfig::discoveryPlugin()
{
    QFETCH(Settings, settings);
    QFETCH(QString, plugin);
    QFETCH(QStringList, warnings);

    const LoadedServerConfig loaded = load(settings);
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics)));
    QCOMPARE(loaded.config.discoveryPlugin, plugin);
    QCOMPARE(::warnings(loaded), warnings);
}

void tst_ServerConfig::crossFields_data()
{
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line"); ///< the setting the finding is about

    QTest::addRow("low above high")
        << Settings {{u"transport.websockets.connections.lowWaterMark"_s, str(u"128k"_s)}} << true
        << u"cx-server.transport.websockets.connections.lowWaterMark (131072 bytes) is above "
           "cx-server.transport.websockets.connections.highWaterMark (65536 bytes); expected at "
           "most the high-water mark"_s
        << 5;
    QTest::addRow("same ports") << Settings {{u"protocol.port"_s, num(u"9009"_s)}} << true
                                << u"cx-server.health.port: 9009 is also cx-server.protocol.port; "
                                   "expected another port, or 0 to turn the health listener off"_s
                                << 5;
    QTest::addRow("sasl")
        << Settings {{u"discovery.sasl-enabled"_s, Value::boolean(true)}} << true
        << u"cx-server.discovery.sasl-jaas-file is not set: discovery.sasl-enabled "
           "needs the JAAS file whose Client section gives the login"_s
        << 5;
    QTest::addRow("scheme without credentials")
        << Settings {{u"discovery.auth.scheme"_s, str(u"digest"_s)}} << true
        << u"cx-server.discovery.auth.credentials is not set; it is required with "
           "cx-server.discovery.auth.scheme"_s
        << 5;
    QTest::addRow("credentials without scheme")
        << Settings {{u"discovery.auth.credentials"_s, str(u"u:p"_s)}} << true
        << u"cx-server.discovery.auth.scheme is not set; it is required with "
           "cx-server.discovery.auth.credentials"_s
        << 5;
    QTest::addRow("idle timeout not above ping rate")
        << Settings {{u"transport.websockets.connections.idleReadTimeout"_s, str(u"30s"_s)}}
        << false
        << u"cx-server.transport.websockets.connections.idleReadTimeout (30000ms) is not longer "
           "than cx-server.transport.websockets.connections.pingRate (30000ms): a quiet platform "
           "pipe would be closed before its next ping"_s
        << 5;
    QTest::addRow("static without platforms")
        << Settings {{u"transport.websockets.platforms"_s, Value::list({})}} << false
        << u"cx-server.transport.websockets.platforms is empty: with the static discovery plugin "
           "cxserver has no platform instance to connect to"_s
        << 5;
    QTest::addRow("zookeeper with platforms")
        << Settings {{u"transport.websockets.service-discovery.enabled"_s, Value::boolean(true)},
                     {u"discovery.connectionString"_s, str(u"zk:2181"_s)}}
        << false
        << u"cx-server.transport.websockets.platforms is not used: the discovery plugin is "
           "\"zookeeper\""_s
        << 4;
    QTest::addRow("third-party routing")
        << Settings {{u"routing.plugin"_s, str(u"sticky"_s)}} << false
        << u"cx-server.routing.plugin: \"sticky\" is not a plugin shipped with cxserver "
           "(round-robin, least-pending); it must be installed in the plugin path"_s
        << 5;
}

void tst_ServerConfig::crossFields()
{
    QFETCH(Settings, settings);
    QFETCH(bool, isError);
    QFETCH(QString, message);
    QFETCH(int, line);

    const LoadedServerConfig loaded = load(settings);
    QCOMPARE(loaded.diagnostics.size(), 1);
    const Diagnostic &d = loaded.diagnostics.first();
    QCOMPARE(d.message, message);
    QCOMPARE(d.severity, isError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning);
    QCOMPARE(d.origin.line, line);
}

void tst_ServerConfig::noSecretInMessages_data()
{
    QTest::addColumn<Settings>("settings");

    const QString secret = u"S3CR3T-do-not-show"_s;
    for (const schema::KeySpec &key : schema::keys()) {
        if (!key.secret)
            continue;
        const QByteArray nameBytes = key.path.toUtf8();
        const char *name = nameBytes.constData();
        QTest::addRow("%s as a list", name) << Settings {{key.path, Value::list({str(secret)})}};
        QTest::addRow("%s as an object", name)
            << Settings {{key.path, Value::object({{u"x"_s, str(secret)}})}};
        QTest::addRow("%s misspelt", name) << Settings {{key.path + u'x', str(secret)}};
        QTest::addRow("%s valid", name) << Settings {{key.path, str(secret)}};
    }
}

void tst_ServerConfig::noSecretInMessages()
{
    QFETCH(Settings, settings);

    const LoadedServerConfig loaded = load(settings);
    for (const Diagnostic &d : loaded.diagnostics)
        QVERIFY2(!d.message.contains(u"S3CR3T"), qPrintable(d.message));
    QVERIFY(!dumpServerConfig(loaded).contains("S3CR3T"));
}

void tst_ServerConfig::sortedByPosition()
{
    const LoadedServerConfig loaded
        = load({{u"health.port"_s, str(u"x"_s)}, {u"protocol.port"_s, str(u"y"_s)}});
    QCOMPARE(loaded.diagnostics.size(), 2);
    QVERIFY(loaded.diagnostics.at(0).origin.line < loaded.diagnostics.at(1).origin.line);
    QVERIFY(loaded.diagnostics.at(0).message.startsWith(u"cx-server.health.port:"));
}

void tst_ServerConfig::dump()
{
    const Value root = inserted(
        document(minimalSettings()
                 + Settings {{u"transport.websockets.connections.pipe-count"_s, str(u"7"_s)},
                             {u"protocol.http-client.ssl.trust-store.password"_s, str(QString())},
                             {u"unknown-key"_s, Value::boolean(true)}}),
        {u"other-root"_s}, num(u"1.50"_s));
    const LoadedServerConfig loaded = loadServerConfig(root, FileName);
    QVERIFY(loaded.ok());

    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(dumpServerConfig(loaded), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.object().value(u"other-root").toDouble(), 1.5);
    const QJsonObject cx = json.object().value(u"cx-server").toObject();
    const auto at = [&](const QString &path) {
        QJsonValue v = cx;
        for (const QString &key : path.split(u'.'))
            v = v.toObject().value(key);
        return v;
    };
    // Every known key is there, with the file's value or the default.
    for (const schema::KeySpec &key : schema::keys())
        QVERIFY2(!at(key.path).isUndefined(), qPrintable(key.path));
    QCOMPARE(at(u"transport.websockets.app-key"_s), QJsonValue(u"***"_s));
    QCOMPARE(at(u"protocol.http-client.ssl.trust-store.password"_s), QJsonValue(u"***"_s));
    QVERIFY(at(u"protocol.http-server.ssl.key-store.password"_s).isNull());
    QCOMPARE(at(u"transport.websockets.connections.pipe-count"_s), QJsonValue(u"7"_s));
    QCOMPARE(at(u"transport.websockets.connections.highWaterMark"_s), QJsonValue(u"64k"_s));
    QCOMPARE(at(u"transport.websockets.connections.pingRate"_s), QJsonValue(u"30s"_s));
    QCOMPARE(at(u"transport.websockets.request.default_timeout-ms"_s), QJsonValue(10000));
    QCOMPARE(at(u"protocol.ssl.enabled"_s), QJsonValue(false));
    QCOMPARE(at(u"discovery.plugin"_s), QJsonValue(u"static"_s));
    QVERIFY(at(u"discovery.connectionString"_s).isNull());
    QCOMPARE(at(u"transport.websockets.platforms"_s).toArray().size(), 1);
    QCOMPARE(at(u"unknown-key"_s), QJsonValue(true));
}

void tst_ServerConfig::placeholdersAreWarnings_data()
{
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<QString>("message");
    // The values the shipped samples (installer/conf) hold in place of the operator's.
    QTest::addRow("app key, a secret: not shown")
        << Settings {{u"transport.websockets.app-key"_s,
                      str(u"replace-with-the-platform-app-key"_s)}}
        << u"cx-server.transport.websockets.app-key: the value is a placeholder of the shipped "
           "sample; replace it with your own"_s;
    QTest::addRow("ZooKeeper hosts")
        << Settings {{u"transport.websockets.service-discovery.enabled"_s, Value::boolean(true)},
                     {u"discovery.connectionString"_s,
                      str(u"zk1.example.com:2181,zk2.example.com:2181"_s)}}
        << u"cx-server.discovery.connectionString: \"zk1.example.com:2181,zk2.example.com:2181\" "
           "is a placeholder of the shipped sample; replace it with your own"_s;
    QTest::addRow("a platform in a list")
        << Settings {{u"transport.websockets.platforms"_s,
                      Value::list({str(u"ws://platform1:8080/Thingworx/WS"_s),
                                   str(u"wss://platform.example.net:8443/Thingworx/WS"_s)})}}
        << u"cx-server.transport.websockets.platforms: "
           u"\"wss://platform.example.net:8443/Thingworx/WS\" "
           "is a placeholder of the shipped sample; replace it with your own"_s;
}

void tst_ServerConfig::placeholdersAreWarnings()
{
    QFETCH(Settings, settings);
    QFETCH(QString, message);
    const LoadedServerConfig loaded = load(settings);
    QVERIFY2(errors(loaded).isEmpty(), qPrintable(errors(loaded).join(u'\n')));
    const QStringList placeholders = warnings(loaded).filter(u"placeholder"_s);
    QCOMPARE(placeholders, QStringList {message});
    QVERIFY(loaded.ok()); // a warning: the file still loads
}

void tst_ServerConfig::placeholderDetection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("placeholder");
    QTest::addRow("replace-with") << u"Replace-With-your-key"_s << true;
    QTest::addRow("example.com") << u"example.com"_s << true;
    QTest::addRow("host.example.org:8443") << u"wss://a.b.example.org:8443/x"_s << true;
    QTest::addRow(".example TLD") << u"zk.example:2181"_s << true;
    QTest::addRow("word example") << u"example"_s << false;
    QTest::addRow("myexample.com") << u"myexample.com"_s << false;
    QTest::addRow("example.community") << u"example.community"_s << false;
    QTest::addRow("example.org.evil.com") << u"example.org.evil.com"_s << false;
    QTest::addRow("a real host") << u"zk1.acme.internal:2181"_s << false;
    QTest::addRow("a key mentioning replace") << u"key-replace-with"_s << false;
    QTest::addRow("trailing dot") << u"host.example.com."_s << false;
    // A hostile value near the largest a file may hold (1 MiB): checked in one linear pass.
    QString labels;
    for (int i = 0; i < 300000; ++i)
        labels += u"a."_s;
    QTest::addRow("a megabyte of labels") << labels + u"exampl"_s << false;
    QTest::addRow("a megabyte of labels, then example") << labels + u"example"_s << true;
}

void tst_ServerConfig::placeholderDetection()
{
    QFETCH(QString, text);
    QFETCH(bool, placeholder);
    QCOMPARE(isPlaceholder(text), placeholder);
}

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"

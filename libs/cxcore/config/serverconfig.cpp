#include "serverconfig.h"

#include "configschema.h"
#include "hoconparser.h"
#include "jaasfile.h"
#include "placeholders.h"
#include "zookeepersasl.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

constexpr QLatin1StringView ZooKeeperPlugin("zookeeper");
constexpr QLatin1StringView StaticPlugin("static");

QString full(QStringView path)
{
    return schema::RootKey + u'.' + path;
}

/// Reads the keys of the cx-server object through the schema and collects findings.
class SettingsReader
{
public:
    SettingsReader(const Value *cxServer, const QString &fileName)
        : m_cxServer(cxServer)
        , m_fileName(fileName)
    { }

    Diagnostics &diagnostics() { return m_diagnostics; }

    void error(const Origin &origin, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Error, origin, message});
    }
    void warning(const Origin &origin, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Warning, origin, message});
    }

    /// The value the file gives path (below cx-server), null included; nullptr when none.
    const Value *valueAt(QStringView path) const
    {
        return m_cxServer ? m_cxServer->find(path.toString().split(u'.')) : nullptr;
    }

    /// True when the file gives path a value other than null.
    bool isSet(QStringView path) const
    {
        const Value *value = valueAt(path);
        return value && !value->isNull();
    }

    /// Where path's value is, else where its nearest enclosing object is, else the file.
    Origin originOf(QStringView path) const
    {
        Origin origin {m_fileName, 0, 0};
        const Value *current = m_cxServer;
        const QStringList keys = path.toString().split(u'.');
        for (qsizetype i = 0; current && i <= keys.size(); ++i) {
            if (current->origin().line > 0)
                origin = current->origin();
            current = i < keys.size() ? current->find({keys.at(i)}) : nullptr;
        }
        return origin;
    }

    /// path's setting: the file's value when it is valid, else (with an error) the default.
    schema::Setting setting(QStringView path)
    {
        const schema::KeySpec *key = schema::findKey(path);
        Q_ASSERT_X(key, "SettingsReader", "a key missing from the schema");
        if (const Value *value = valueAt(path); value && !value->isNull()) {
            Result<schema::Setting> checked = schema::checkValue(*key, *value);
            if (checked)
                return std::move(checked).value();
            error(value->origin(), checked.error().message);
        }
        if (key->defaultValue.isNull())
            return QString();
        return schema::checkValue(*key, key->defaultValue).value();
    }

    QString string(QStringView path) { return std::get<QString>(setting(path)); }
    QStringList strings(QStringView path) { return std::get<QStringList>(setting(path)); }
    bool boolean(QStringView path) { return std::get<bool>(setting(path)); }
    int integer(QStringView path) { return int(std::get<qint64>(setting(path))); }
    qint64 bytes(QStringView path) { return std::get<qint64>(setting(path)); }
    quint16 port(QStringView path) { return quint16(std::get<qint64>(setting(path))); }

    /// A Duration key, or an Int key counted in milliseconds ("timeout-ms").
    std::chrono::milliseconds milliseconds(QStringView path)
    {
        const schema::Setting s = setting(path);
        if (const auto *ms = std::get_if<std::chrono::milliseconds>(&s))
            return *ms;
        return std::chrono::milliseconds(std::get<qint64>(s));
    }

    Secret secret(QStringView path)
    {
        const QString text = string(path);
        return isSet(path) ? Secret(text) : Secret();
    }

    /// Warns about every key under object (at prefix, below cx-server) that the schema does
    /// not know, and reports an intermediate object that is not an object.
    void checkKeys(const Value &object, const QString &prefix)
    {
        for (auto it = object.members().cbegin(); it != object.members().cend(); ++it) {
            const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
            const Value &value = it.value();
            if (schema::findKey(path))
                continue; // a known key: setting() checks its value
            if (!schema::isKnownPrefix(path)) {
                reportUnknown(path, value);
            } else if (value.isObject()) {
                checkKeys(value, path);
            } else if (!value.isNull()) {
                error(value.origin(),
                      full(path) + u": " + schema::describeValue(value)
                          + u" is not an object; expected an object holding settings such as "
                          + full(firstKeyUnder(path)));
            }
        }
    }

private:
    /// An unknown key, or each leaf of an unknown object: closer suggestions that way.
    void reportUnknown(const QString &path, const Value &value)
    {
        if (value.isObject() && !value.members().isEmpty()) {
            for (auto it = value.members().cbegin(); it != value.members().cend(); ++it)
                reportUnknown(path + u'.' + it.key(), it.value());
            return;
        }
        const QString suggestion = schema::suggestKey(path);
        warning(value.origin(),
                u"unknown key "_s + full(path)
                    + (suggestion.isEmpty() ? u" (cxserver does not read it)"_s
                                            : u"; did you mean "_s + full(suggestion) + u'?'));
    }

    static QString firstKeyUnder(const QString &prefix)
    {
        const QList<schema::KeySpec> &keys = schema::keys();
        const auto it = std::find_if(keys.cbegin(), keys.cend(), [&](const schema::KeySpec &k) {
            return k.path.startsWith(prefix + u'.');
        });
        return it->path;
    }

    const Value *m_cxServer;
    QString m_fileName;
    Diagnostics m_diagnostics;
};

ServerConfig readSettings(SettingsReader &r)
{
    ServerConfig c;
    c.platformTransport = r.string(u"platform.transport");
    c.appKey = r.secret(u"transport.websockets.app-key");
    for (const QString &url : r.strings(u"transport.websockets.platforms"))
        c.platforms.append(QUrl(url, QUrl::StrictMode));

    c.serviceDiscoveryEnabled = r.boolean(u"transport.websockets.service-discovery.enabled");
    c.serviceName = r.string(u"transport.websockets.service-discovery.service-name");
    c.allowedNetworks = r.strings(u"transport.websockets.service-discovery.allowed-networks");
    c.maxInstances = r.integer(u"transport.websockets.service-discovery.max-instances");
    c.discoveryPlugin = r.string(u"discovery.plugin");
    c.zooKeeperConnectionString = r.string(u"discovery.connectionString");
    c.discoveryBasePath = r.string(u"discovery.basePath");
    c.sessionTimeout = r.milliseconds(u"discovery.session-timeout");
    c.zooKeeperAuthScheme = r.string(u"discovery.auth.scheme");
    c.zooKeeperAuthCredentials = r.secret(u"discovery.auth.credentials");
    c.saslEnabled = r.boolean(u"discovery.sasl-enabled");
    c.saslKrb5ConfFile = r.string(u"discovery.sasl.krb5-conf.file");
    c.saslJaasFile = r.string(u"discovery.sasl-jaas-file");
    c.saslMechanism = r.string(u"discovery.sasl.mechanism");
    c.saslServiceName = r.string(u"discovery.sasl.service-name");
    c.zooKeeperTls = r.boolean(u"discovery.tls.enabled");
    c.zooKeeperTrustStoreFile = r.string(u"discovery.tls.trust-store.file");
    c.zooKeeperKeyStoreFile = r.string(u"discovery.tls.key-store.file");
    c.zooKeeperKeyStorePassword = r.secret(u"discovery.tls.key-store.password");

    c.authenticationTimeout = r.milliseconds(u"transport.websockets.authentication.timeout-ms");
    c.requestTimeout = r.milliseconds(u"transport.websockets.request.default_timeout-ms");
    c.pipeCount = r.integer(u"transport.websockets.connections.pipe-count");
    c.connectTimeout = r.milliseconds(u"transport.websockets.connections.timeout-ms");
    c.pingRate = r.milliseconds(u"transport.websockets.connections.pingRate");
    c.idleReadTimeout = r.milliseconds(u"transport.websockets.connections.idleReadTimeout");
    c.highWaterMark = r.bytes(u"transport.websockets.connections.highWaterMark");
    c.lowWaterMark = r.bytes(u"transport.websockets.connections.lowWaterMark");
    c.maxMessageSize = r.bytes(u"max-msg-size-bytes");

    c.maxEdges = r.integer(u"limits.max-edges");
    c.maxHandshakes = r.integer(u"limits.max-handshakes");
    c.maxRequestsPerEdge = r.integer(u"limits.max-requests-per-edge");
    c.edgeSendBuffer = r.bytes(u"limits.edge-send-buffer");
    c.maxTunnels = r.integer(u"limits.max-tunnels");
    c.tunnelIdleTimeout = r.milliseconds(u"limits.tunnel-idle-timeout");

    c.routingPlugin = r.string(u"routing.plugin");

    c.port = r.port(u"protocol.port");
    c.host = r.string(u"protocol.host");
    c.sslEnabled = r.boolean(u"protocol.ssl.enabled");
    c.keyStoreFile = r.string(u"protocol.http-server.ssl.key-store.file");
    c.keyStorePassword = r.secret(u"protocol.http-server.ssl.key-store.password");
    c.tlsMinVersion = r.string(u"protocol.ssl.min-version");
    c.tlsCiphers = r.string(u"protocol.ssl.ciphers");
    c.tlsCipherSuites = r.string(u"protocol.ssl.ciphersuites");

    c.serviceDiscoveryTls = r.boolean(u"transport.websockets.service-discovery.tls-enabled");
    c.hostNameValidation
        = r.boolean(u"transport.websockets.service-discovery.host-name-validation");
    c.trustStoreFile = r.string(u"protocol.http-client.ssl.trust-store.file");
    c.trustStorePassword = r.secret(u"protocol.http-client.ssl.trust-store.password");

    c.healthPort = r.port(u"health.port");
    c.healthHost = r.string(u"health.host");
    c.adminSocket = r.string(u"admin.socket");
    c.workerThreads = r.integer(u"worker-threads");
    c.pluginPath = r.string(u"plugin-path");
    c.drainTimeout = r.milliseconds(u"shutdown.drain-timeout");
    c.healthGrace = r.milliseconds(u"shutdown.health-grace");
    c.logLevel = r.string(u"logging.level");
    c.logRules = r.strings(u"logging.rules");
    return c;
}

/// config.md §2: an explicit discovery.plugin wins over service-discovery.enabled, which
/// wins over platform.transport ("websockets_active_active" means ZooKeeper).
void deriveDiscoveryPlugin(ServerConfig &c, SettingsReader &r)
{
    const QString enabledKey = u"transport.websockets.service-discovery.enabled"_s;
    const bool explicitPlugin = r.isSet(u"discovery.plugin");
    if (explicitPlugin && r.isSet(enabledKey)
        && ((c.serviceDiscoveryEnabled && c.discoveryPlugin == StaticPlugin)
            || (!c.serviceDiscoveryEnabled && c.discoveryPlugin == ZooKeeperPlugin))) {
        r.warning(r.originOf(u"discovery.plugin"),
                  full(u"discovery.plugin") + u" \"" + c.discoveryPlugin + u"\" wins over "
                      + full(enabledKey) + u" = "
                      + (c.serviceDiscoveryEnabled ? u"true"_s : u"false"_s));
    }
    if (explicitPlugin)
        return;
    const bool zooKeeper = r.isSet(enabledKey) ? c.serviceDiscoveryEnabled
                                               : c.platformTransport == u"websockets_active_active";
    c.discoveryPlugin = zooKeeper ? ZooKeeperPlugin : StaticPlugin;
}

/// Required keys (config.md §2 "Required").
void checkRequired(const ServerConfig &c, SettingsReader &r)
{
    for (const schema::KeySpec &key : schema::keys()) {
        QString when;
        switch (key.requirement) {
        case schema::Requirement::Optional:
            continue;
        case schema::Requirement::Always:
            break;
        case schema::Requirement::WhenZooKeeper:
            if (c.discoveryPlugin != ZooKeeperPlugin)
                continue;
            when = u" when the discovery plugin is \"zookeeper\""_s;
            break;
        case schema::Requirement::WhenSsl:
            if (!c.sslEnabled)
                continue;
            when = u" when "_s + full(u"protocol.ssl.enabled") + u" is true";
            break;
        }
        if (!r.isSet(key.path))
            r.error(r.originOf(key.path), key.fullPath() + u" is not set; it is required" + when);
    }
}

/// With discovery.sasl-enabled: reads the JAAS file's Client login for the mechanism into
/// \a c (config.md §2); an error names the key and the place in the JAAS file.
void readSaslLogin(ServerConfig &c, SettingsReader &r)
{
    const QString jaasKey = u"discovery.sasl-jaas-file"_s;
    if (c.saslJaasFile.isEmpty()) {
        r.error(r.originOf(jaasKey),
                full(jaasKey)
                    + u" is not set: discovery.sasl-enabled needs the JAAS file whose "
                      u"Client section gives the login"_s);
        return;
    }
    const Result<JaasFile> jaas = JaasFile::read(c.saslJaasFile);
    Result<ZooKeeperSaslLogin> login = jaas
        ? ZooKeeperSaslLogin::fromJaas(*jaas, c.saslJaasFile, c.saslMechanism)
        : Result<ZooKeeperSaslLogin>(jaas.error());
    if (!login) {
        r.error(r.originOf(jaasKey), full(jaasKey) + u": "_s + login.error().message);
        return;
    }
    c.saslUsername = login->username;
    c.saslPassword = Secret(login->password);
    c.saslPrincipal = login->principal;
    c.saslKeyTab = login->keyTab;
}

/// Rules between keys that an operator would otherwise discover at run time.
void checkCrossFields(const ServerConfig &c, SettingsReader &r)
{
    const QString platformsKey = u"transport.websockets.platforms"_s;
    if (c.discoveryPlugin == StaticPlugin && c.platforms.isEmpty())
        r.warning(r.originOf(platformsKey),
                  full(platformsKey)
                      + u" is empty: with the static discovery plugin cxserver has no "
                        u"platform instance to connect to");
    if (c.discoveryPlugin == ZooKeeperPlugin && !c.platforms.isEmpty())
        r.warning(r.originOf(platformsKey),
                  full(platformsKey) + u" is not used: the discovery plugin is \"zookeeper\"");

    for (const QString &pluginKey : {u"discovery.plugin"_s, u"routing.plugin"_s}) {
        const schema::KeySpec *key = schema::findKey(pluginKey);
        const QString id = pluginKey == u"routing.plugin" ? c.routingPlugin : c.discoveryPlugin;
        if (r.isSet(pluginKey) && !id.isEmpty() && !key->choices.contains(id))
            r.warning(r.originOf(pluginKey),
                      full(pluginKey) + u": \"" + id + u"\" is not a plugin shipped with cxserver ("
                          + key->choices.join(u", ")
                          + u"); it must be installed in the plugin path");
    }

    const QString lowKey = u"transport.websockets.connections.lowWaterMark"_s;
    const QString highKey = u"transport.websockets.connections.highWaterMark"_s;
    if (c.lowWaterMark > c.highWaterMark)
        r.error(r.originOf(r.isSet(lowKey) ? lowKey : highKey),
                full(lowKey) + u" (" + QString::number(c.lowWaterMark) + u" bytes) is above "
                    + full(highKey) + u" (" + QString::number(c.highWaterMark)
                    + u" bytes); expected at most the high-water mark");

    const QString idleKey = u"transport.websockets.connections.idleReadTimeout"_s;
    const QString pingKey = u"transport.websockets.connections.pingRate"_s;
    if (c.idleReadTimeout <= c.pingRate)
        r.warning(r.originOf(r.isSet(idleKey) ? idleKey : pingKey),
                  full(idleKey) + u" (" + QString::number(c.idleReadTimeout.count())
                      + u"ms) is not longer than " + full(pingKey) + u" ("
                      + QString::number(c.pingRate.count())
                      + u"ms): a quiet platform pipe would be closed before its next ping");

    if (c.healthPort != 0 && c.healthPort == c.port)
        r.error(r.originOf(r.isSet(u"health.port") ? u"health.port" : u"protocol.port"),
                full(u"health.port") + u": " + QString::number(c.healthPort) + u" is also "
                    + full(u"protocol.port")
                    + u"; expected another port, or 0 to turn the health listener off");

    const QString schemeKey = u"discovery.auth.scheme"_s;
    const QString credentialsKey = u"discovery.auth.credentials"_s;
    if (r.isSet(schemeKey) != r.isSet(credentialsKey)) {
        const QString &missing = r.isSet(schemeKey) ? credentialsKey : schemeKey;
        const QString &present = r.isSet(schemeKey) ? schemeKey : credentialsKey;
        r.error(r.originOf(present),
                full(missing) + u" is not set; it is required with " + full(present));
    }
}

} // namespace

/// Warns about every value that is still a placeholder of the shipped samples: it passes
/// the schema but cannot work (docs/configuration.md).
void checkPlaceholders(SettingsReader &r)
{
    for (const schema::KeySpec &key : schema::keys()) {
        const Value *value = r.valueAt(key.path);
        if (!value || value->isNull())
            continue;
        const QList<Value> texts
            = value->items().isEmpty() ? QList<Value> {*value} : value->items();
        for (const Value &text : texts) {
            if (text.type() != Value::Type::String || !isPlaceholder(text.text()))
                continue;
            // A secret is never shown, not even a placeholder one.
            r.warning(text.origin(),
                      key.fullPath() + u": "
                          + (key.secret ? u"the value"_s : schema::describeValue(text))
                          + u" is a placeholder of the shipped sample; replace it with your own");
            break;
        }
    }
}

LoadedServerConfig loadServerConfig(const Value &root, const QString &fileName)
{
    const Value *cxServer = root.find({schema::RootKey});
    SettingsReader reader(cxServer && cxServer->isObject() ? cxServer : nullptr, fileName);
    if (!cxServer) {
        reader.error(root.origin().line > 0 ? root.origin() : Origin {fileName, 0, 0},
                     u"no "_s + schema::RootKey
                         + u" object: cxserver reads every setting from cx-server { ... }");
    } else if (!cxServer->isObject() && !cxServer->isNull()) {
        reader.error(cxServer->origin(),
                     schema::RootKey + u": " + schema::describeValue(*cxServer)
                         + u" is not an object; expected an object holding every setting");
    } else if (cxServer->isObject()) {
        reader.checkKeys(*cxServer, QString());
    }

    LoadedServerConfig loaded;
    loaded.root = root;
    loaded.config = readSettings(reader);
    deriveDiscoveryPlugin(loaded.config, reader);
    if (cxServer) {
        checkRequired(loaded.config, reader);
        checkCrossFields(loaded.config, reader);
        if (loaded.config.saslEnabled)
            readSaslLogin(loaded.config, reader);
        checkPlaceholders(reader);
    }

    loaded.diagnostics = std::move(reader.diagnostics());
    std::stable_sort(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.origin.file, a.origin.line, a.origin.column)
                             < std::tie(b.origin.file, b.origin.line, b.origin.column);
                     });
    return loaded;
}

LoadedServerConfig readServerConfigFile(const QString &path)
{
    ParseResult parsed = parseHoconFile(path);
    if (!parsed.root)
        return {ServerConfig(), Value(), parsed.diagnostics};
    LoadedServerConfig loaded = loadServerConfig(*parsed.root, path);
    loaded.diagnostics = parsed.diagnostics + loaded.diagnostics;
    return loaded;
}

} // namespace cx::config

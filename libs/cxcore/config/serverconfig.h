#pragma once

#include "cxcore_global.h"
#include "diagnostic.h"
#include "value.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <optional>

namespace cx::config {

/// A secret setting (config.md §3): set or not; its text is for the code that uses it and
/// never for a message or a log line.
class CXCORE_EXPORT Secret
{
public:
    Secret() = default;
    explicit Secret(QString value)
        : m_value(std::move(value))
    { }

    bool isSet() const { return m_value.has_value(); }
    /// The secret text; empty when not set (an empty password is set and empty).
    QString reveal() const { return m_value.value_or(QString()); }

private:
    std::optional<QString> m_value;
};

/// Every key of cxserver.conf (config.md §2) as typed values. loadServerConfig fills every
/// field, from the file or from the key's default in the schema (configschema.h, the one
/// source of defaults): a default-constructed ServerConfig holds zeros, not defaults. A
/// string setting without a default (a file, a connection string) is empty when not set.
struct CXCORE_EXPORT ServerConfig
{
    using milliseconds = std::chrono::milliseconds;

    // Platform connection
    QString platformTransport; ///< platform.transport
    Secret appKey; ///< transport.websockets.app-key
    QList<QUrl> platforms; ///< transport.websockets.platforms

    // Discovery
    bool serviceDiscoveryEnabled = false; ///< transport.websockets.service-discovery.enabled
    QString serviceName; ///< ...service-discovery.service-name
    QStringList allowedNetworks; ///< ...service-discovery.allowed-networks, CIDR; empty: any
    int maxInstances = 256; ///< ...service-discovery.max-instances (also when built in code)
    /// discovery.plugin, or its derived default: "zookeeper" or "static".
    QString discoveryPlugin;
    QString zooKeeperConnectionString; ///< discovery.connectionString
    QString discoveryBasePath; ///< discovery.basePath
    milliseconds sessionTimeout {}; ///< discovery.session-timeout
    QString zooKeeperAuthScheme; ///< discovery.auth.scheme
    Secret zooKeeperAuthCredentials; ///< discovery.auth.credentials
    bool saslEnabled = false; ///< discovery.sasl-enabled
    QString saslKrb5ConfFile; ///< discovery.sasl.krb5-conf.file
    QString saslJaasFile; ///< discovery.sasl-jaas-file
    QString saslMechanism; ///< discovery.sasl.mechanism: "GSSAPI" or "DIGEST-MD5"
    QString saslServiceName; ///< discovery.sasl.service-name
    /// The login of the JAAS file's Client section, read when SASL is enabled: DIGEST-MD5's
    /// username and password, or Kerberos' principal and keytab.
    QString saslUsername;
    Secret saslPassword;
    QString saslPrincipal;
    QString saslKeyTab;
    bool zooKeeperTls = false; ///< discovery.tls.enabled
    QString zooKeeperTrustStoreFile; ///< discovery.tls.trust-store.file; empty: system CAs
    QString zooKeeperKeyStoreFile; ///< discovery.tls.key-store.file; empty: no client cert
    Secret zooKeeperKeyStorePassword; ///< discovery.tls.key-store.password

    // Platform pipes and requests
    milliseconds authenticationTimeout {}; ///< ...authentication.timeout-ms
    milliseconds requestTimeout {}; ///< ...request.default_timeout-ms
    int pipeCount = 0; ///< ...connections.pipe-count
    milliseconds connectTimeout {}; ///< ...connections.timeout-ms
    milliseconds pingRate {}; ///< ...connections.pingRate
    milliseconds idleReadTimeout {}; ///< ...connections.idleReadTimeout
    qint64 highWaterMark = 0; ///< ...connections.highWaterMark, bytes
    qint64 lowWaterMark = 0; ///< ...connections.lowWaterMark, bytes
    qint64 maxMessageSize = 0; ///< max-msg-size-bytes

    // Limits (protocol.md §3.4)
    int maxEdges = 0; ///< limits.max-edges
    int maxHandshakes = 0; ///< limits.max-handshakes
    int maxRequestsPerEdge = 0; ///< limits.max-requests-per-edge
    qint64 edgeSendBuffer = 0; ///< limits.edge-send-buffer, bytes
    int maxTunnels = 0; ///< limits.max-tunnels
    milliseconds tunnelIdleTimeout {}; ///< limits.tunnel-idle-timeout

    // Routing
    QString routingPlugin; ///< routing.plugin

    // Edge listener
    quint16 port = 0; ///< protocol.port; 0: any free port
    QString host; ///< protocol.host
    bool sslEnabled = false; ///< protocol.ssl.enabled
    QString keyStoreFile; ///< protocol.http-server.ssl.key-store.file
    Secret keyStorePassword; ///< protocol.http-server.ssl.key-store.password
    QString tlsMinVersion; ///< protocol.ssl.min-version: "TLSv1.2" or "TLSv1.3"
    QString tlsCiphers; ///< protocol.ssl.ciphers (TLS 1.2)
    QString tlsCipherSuites; ///< protocol.ssl.ciphersuites (TLS 1.3); empty: OpenSSL's default

    // Platform TLS
    bool serviceDiscoveryTls = false; ///< ...service-discovery.tls-enabled
    bool hostNameValidation = false; ///< ...service-discovery.host-name-validation
    QString trustStoreFile; ///< protocol.http-client.ssl.trust-store.file; empty: system CAs
    Secret trustStorePassword; ///< protocol.http-client.ssl.trust-store.password

    // Operations
    quint16 healthPort = 0; ///< health.port; 0: off
    QString healthHost; ///< health.host
    QString adminSocket; ///< admin.socket
    int workerThreads = 0; ///< worker-threads; 0: one per CPU core
    QString pluginPath; ///< plugin-path; empty: the folder of the executable
    milliseconds drainTimeout {}; ///< shutdown.drain-timeout
    milliseconds healthGrace {}; ///< shutdown.health-grace
    QString logLevel; ///< logging.level
    QStringList logRules; ///< logging.rules, each CATEGORY=LEVEL
};

/// A configuration as read: the settings, the resolved document they came from (Null when
/// the file could not be parsed) and every finding. Use the settings only when ok().
struct CXCORE_EXPORT LoadedServerConfig
{
    ServerConfig config;
    Value root;
    Diagnostics diagnostics;

    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads the settings under cx-server from a resolved document (config.md §2): type and
/// range errors, unknown keys (warnings with the closest known key), required keys and
/// cross-field rules. A null value means the key is unset (its default applies). Findings
/// are positioned at the value concerned, else at its nearest enclosing object, else at
/// fileName; they are sorted by position and never contain a secret.
CXCORE_EXPORT LoadedServerConfig loadServerConfig(const Value &root, const QString &fileName);

/// Parses path (hoconparser.h) and loads it; parse errors come first.
CXCORE_EXPORT LoadedServerConfig readServerConfigFile(const QString &path);

} // namespace cx::config

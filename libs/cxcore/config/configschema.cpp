#include "configschema.h"

#include "conversions.h"
#include "jsonrender.h"
#include "logrules.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cx::config::schema {

namespace {

constexpr qint64 IntMax = std::numeric_limits<int>::max();

QList<KeySpec> buildKeys()
{
    const Value none;
    return {
        // Platform connection
        {.path = u"platform.transport"_s,
         .label = u"Platform transport"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"websockets"_s),
         .choices = {u"websockets"_s, u"websockets_active_active"_s},
         .closedChoices = true,
         .group = Group::Platforms,
         .help = u"\"websockets_active_active\" for an HA cluster, else \"websockets\"; it "
                 "only chooses the default discovery plugin."_s},
        {.path = u"transport.websockets.app-key"_s,
         .label = u"App key"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .secret = true,
         .requirement = Requirement::Always,
         .group = Group::Platforms,
         .help = u"The app key cxserver authenticates its platform pipes with (a secret)."_s},
        {.path = u"transport.websockets.platforms"_s,
         .label = u"Static platform instances"_s,
         .type = KeyType::StringList,
         .defaultValue = Value::list({}),
         .format = Format::PlatformUrls,
         .group = Group::Platforms,
         .help = u"Static platform instances, each ws://host:port/Thingworx/WS or wss://...; "
                 "several are used round-robin."_s},

        // Discovery
        {.path = u"transport.websockets.service-discovery.enabled"_s,
         .label = u"Discover instances in ZooKeeper"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(false),
         .group = Group::Discovery,
         .help = u"Discover platform instances in ZooKeeper instead of using the static "
                 "platforms list."_s},
        {.path = u"transport.websockets.service-discovery.service-name"_s,
         .label = u"Service name"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"thingworx-http"_s),
         .format = Format::ZooKeeperNodeName,
         .group = Group::Discovery,
         .help = u"Service name the platform instances register under; \"thingworx-https\" "
                 "is usual with TLS."_s},
        {.path = u"transport.websockets.service-discovery.allowed-networks"_s,
         .label = u"Allowed networks"_s,
         .type = KeyType::StringList,
         .defaultValue = Value::list({}),
         .format = Format::Networks,
         .group = Group::Discovery,
         .help = u"Networks (CIDR, such as \"10.0.0.0/8\") a discovered instance's address must "
                 "be in to be dialled; empty: any address but link-local, multicast and "
                 "unspecified ones."_s},
        {.path = u"transport.websockets.service-discovery.max-instances"_s,
         .label = u"Most instances"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"256"_s),
         .minimum = 1,
         .maximum = 10000,
         .group = Group::Discovery,
         .help = u"Most discovered instances dialled at once; further ones are skipped with a "
                 "warning."_s},
        {.path = u"discovery.plugin"_s,
         .label = u"Discovery plugin"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .choices = {u"static"_s, u"zookeeper"_s},
         .group = Group::Discovery,
         .help = u"Discovery plugin id; null: \"zookeeper\" when service discovery is enabled "
                 "(or, when that is not set, for platform.transport "
                 "\"websockets_active_active\"), else \"static\"."_s},
        {.path = u"discovery.connectionString"_s,
         .label = u"ZooKeeper servers"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .format = Format::ZooKeeperHosts,
         .requirement = Requirement::WhenZooKeeper,
         .group = Group::Discovery,
         .help = u"The ZooKeeper ensemble, such as \"zk1:2181,zk2:2181,zk3:2181\"."_s},
        {.path = u"discovery.basePath"_s,
         .label = u"Base path"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"/services"_s),
         .format = Format::ZooKeeperPath,
         .group = Group::Discovery,
         .help = u"ZooKeeper path the services are registered under; must match the "
                 "cluster's namespace."_s},
        {.path = u"discovery.session-timeout"_s,
         .label = u"Session timeout"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"10s"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Discovery,
         .help = u"ZooKeeper session timeout."_s},
        {.path = u"discovery.auth.scheme"_s,
         .label = u"Authentication scheme"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Discovery,
         .help = u"ZooKeeper authentication scheme, such as \"digest\"; null: none."_s},
        {.path = u"discovery.auth.credentials"_s,
         .label = u"Authentication credentials"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .secret = true,
         .group = Group::Discovery,
         .help = u"Credentials for that scheme, such as \"user:password\" for digest (a "
                 "secret)."_s},
        {.path = u"discovery.sasl-enabled"_s,
         .label = u"SASL authentication"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(false),
         .group = Group::Discovery,
         .help = u"Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login "
                 "comes from the JAAS file's Client section."_s},
        {.path = u"discovery.sasl.mechanism"_s,
         .label = u"SASL mechanism"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"GSSAPI"_s),
         .choices = {u"GSSAPI"_s, u"DIGEST-MD5"_s},
         .closedChoices = true,
         .group = Group::Discovery,
         .help = u"\"GSSAPI\" (Kerberos, a keytab) or \"DIGEST-MD5\" (a username and "
                 "password)."_s},
        {.path = u"discovery.sasl.service-name"_s,
         .label = u"SASL service name"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"zookeeper"_s),
         .group = Group::Discovery,
         .help = u"The service part of ZooKeeper's Kerberos principal (zookeeper/HOST@REALM)."_s},
        {.path = u"discovery.sasl.krb5-conf.file"_s,
         .label = u"Kerberos configuration file"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Discovery,
         .help = u"Kerberos configuration file (krb5.conf) for SASL."_s},
        {.path = u"discovery.sasl-jaas-file"_s,
         .label = u"JAAS file"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Discovery,
         .help = u"JAAS file whose Client section gives the SASL login, as for ZooKeeper's "
                 "Java client: Krb5LoginModule with principal and keyTab, or "
                 "DigestLoginModule with username and password."_s},

        {.path = u"discovery.tls.enabled"_s,
         .label = u"TLS to ZooKeeper"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(false),
         .group = Group::Discovery,
         .help = u"Connect to ZooKeeper's secureClientPort with TLS; the server's name is "
                 "validated."_s},
        {.path = u"discovery.tls.trust-store.file"_s,
         .label = u"ZooKeeper trust store"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Discovery,
         .help = u"PEM file of the CA certificates ZooKeeper's certificate is verified "
                 "against; null: the system CAs."_s},
        {.path = u"discovery.tls.key-store.file"_s,
         .label = u"ZooKeeper client key store"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Discovery,
         .help = u"PKCS#12 key store of the client certificate ZooKeeper asks for by default; "
                 "null: none."_s},
        {.path = u"discovery.tls.key-store.password"_s,
         .label = u"ZooKeeper key store password"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .secret = true,
         .allowEmpty = true,
         .group = Group::Discovery,
         .help = u"Password of that key store (a secret)."_s},

        // Platform pipes and requests
        {.path = u"transport.websockets.authentication.timeout-ms"_s,
         .label = u"Edge authentication timeout"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"10000"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Milliseconds an edge has to send AUTH after it connects."_s},
        {.path = u"transport.websockets.request.default_timeout-ms"_s,
         .label = u"Request timeout"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"10000"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Milliseconds a request waits for the platform's response before the edge "
                 "gets 0xA4 (gateway timeout)."_s},
        {.path = u"transport.websockets.connections.pipe-count"_s,
         .label = u"Pipes per instance"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"5"_s),
         .minimum = 1,
         .maximum = 256,
         .group = Group::Connections,
         .help = u"WebSockets cxserver opens to each platform instance."_s},
        {.path = u"transport.websockets.connections.timeout-ms"_s,
         .label = u"Pipe connect timeout"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"10000"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Milliseconds one platform pipe may take to connect."_s},
        {.path = u"transport.websockets.connections.pingRate"_s,
         .label = u"Ping interval"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"30s"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"How often cxserver pings each platform pipe."_s},
        {.path = u"transport.websockets.connections.idleReadTimeout"_s,
         .label = u"Idle timeout"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"60s"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"A platform pipe or an edge that sends nothing for this long is closed."_s},
        {.path = u"transport.websockets.connections.highWaterMark"_s,
         .label = u"High watermark"_s,
         .type = KeyType::Size,
         .defaultValue = Value::string(u"64k"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"A pipe holding more unsent bytes than this takes no new requests."_s},
        {.path = u"transport.websockets.connections.lowWaterMark"_s,
         .label = u"Low watermark"_s,
         .type = KeyType::Size,
         .defaultValue = Value::string(u"32k"_s),
         .minimum = 0,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Such a pipe takes requests again once its unsent bytes are down to this."_s},
        {.path = u"max-msg-size-bytes"_s,
         .label = u"Largest message"_s,
         .type = KeyType::Size,
         .defaultValue = Value::number(u"1048576"_s),
         .minimum = 1024,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Largest message accepted from an edge; a larger one closes its WebSocket "
                 "(1009)."_s},

        // Limits on what edges can make cxserver hold (protocol.md §3.4, docs/security.md)
        {.path = u"limits.max-edges"_s,
         .label = u"Most edge connections"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"100000"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Edge connections one cxserver holds at most; a connection beyond it is "
                 "closed at once and counted."_s},
        {.path = u"limits.max-handshakes"_s,
         .label = u"Most handshakes at once"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"4096"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Edge connections still in their TLS or WebSocket handshake at most; a "
                 "connection beyond it is closed at once and counted."_s},
        {.path = u"limits.max-requests-per-edge"_s,
         .label = u"Most requests per edge"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"256"_s),
         .minimum = 1,
         .maximum = 65536,
         .group = Group::Connections,
         .help = u"Requests one edge may have in flight; a request beyond it is answered "
                 "0xA0 (too many requests in flight)."_s},
        {.path = u"limits.edge-send-buffer"_s,
         .label = u"Edge send buffer"_s,
         .type = KeyType::Size,
         .defaultValue = Value::string(u"2m"_s),
         .minimum = 1024,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Bytes queued toward one edge (responses, platform requests, pongs, close "
                 "frames) beyond which an edge that does not read is dropped; at least one "
                 "largest message plus highWaterMark is always allowed."_s},
        {.path = u"limits.max-tunnels"_s,
         .label = u"Most tunnels"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"1000"_s),
         .minimum = 0,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"Remote-access tunnels one cxserver relays at once; a tunnel beyond it is "
                 "refused with 503."_s},
        {.path = u"limits.tunnel-idle-timeout"_s,
         .label = u"Tunnel idle timeout"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"5m"_s),
         .minimum = 1,
         .maximum = IntMax,
         .group = Group::Connections,
         .help = u"A tunnel with no frame from either side (pings count) for this long is "
                 "closed (1001)."_s},

        // Routing
        {.path = u"routing.plugin"_s,
         .label = u"Routing plugin"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"round-robin"_s),
         .choices = {u"round-robin"_s, u"least-pending"_s},
         .group = Group::Routing,
         .help = u"Routing plugin id: which connected instance gets the next request."_s},

        // Edge listener
        {.path = u"protocol.port"_s,
         .label = u"Edge port"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"8443"_s),
         .minimum = 0,
         .maximum = 65535,
         .group = Group::EdgeListener,
         .help = u"TCP port edges connect to; 0 takes any free port (for tests)."_s},
        {.path = u"protocol.host"_s,
         .label = u"Edge address"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"0.0.0.0"_s),
         .format = Format::ListenAddress,
         .group = Group::EdgeListener,
         .help = u"IP address the edge listener binds to, or \"localhost\"; \"0.0.0.0\" is "
                 "every IPv4 address, \"::\" every address."_s},
        {.path = u"protocol.ssl.enabled"_s,
         .label = u"Edge TLS"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(true),
         .group = Group::EdgeListener,
         .help = u"TLS on the edge listener: edges connect with wss://."_s},
        {.path = u"protocol.http-server.ssl.key-store.file"_s,
         .label = u"Edge keystore"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .requirement = Requirement::WhenSsl,
         .group = Group::EdgeListener,
         .help = u"PKCS#12 keystore holding the edge listener's certificate and key."_s},
        {.path = u"protocol.http-server.ssl.key-store.password"_s,
         .label = u"Edge keystore password"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .secret = true,
         .allowEmpty = true,
         .group = Group::EdgeListener,
         .help = u"Password of that keystore; null when it has none (a secret)."_s},
        {.path = u"protocol.ssl.min-version"_s,
         .label = u"Lowest TLS version"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"TLSv1.2"_s),
         .choices = {u"TLSv1.2"_s, u"TLSv1.3"_s},
         .closedChoices = true,
         .group = Group::EdgeListener,
         .help = u"Oldest TLS version an edge may use: \"TLSv1.2\" or \"TLSv1.3\"."_s},
        {.path = u"protocol.ssl.ciphers"_s,
         .label = u"TLS 1.2 ciphers"_s,
         .type = KeyType::String,
         .defaultValue
         = Value::string(u"ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                         "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                         "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"_s),
         .group = Group::EdgeListener,
         .help = u"OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key "
                 "exchange with AEAD ciphers only (forward secrecy)."_s},
        {.path = u"protocol.ssl.ciphersuites"_s,
         .label = u"TLS 1.3 cipher suites"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::EdgeListener,
         .help = u"OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL's default."_s},

        // Platform TLS
        {.path = u"transport.websockets.service-discovery.tls-enabled"_s,
         .label = u"TLS to discovered instances"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(true),
         .group = Group::PlatformTls,
         .help = u"Connect to discovered instances with wss:// on their sslPort; false sends "
                 "the app key in clear text (a warning unless the instances are on loopback)."_s},
        {.path = u"transport.websockets.service-discovery.host-name-validation"_s,
         .label = u"Host name validation"_s,
         .type = KeyType::Bool,
         .defaultValue = Value::boolean(true),
         .group = Group::PlatformTls,
         .help = u"Check that a platform's certificate names the address connected to; "
                 "turn off for tests only."_s},
        {.path = u"protocol.http-client.ssl.trust-store.file"_s,
         .label = u"Trust store"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::PlatformTls,
         .help = u"Certificates (PKCS#12 or PEM) that platform certificates are verified "
                 "against; null: the system CAs."_s},
        {.path = u"protocol.http-client.ssl.trust-store.password"_s,
         .label = u"Trust store password"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .secret = true,
         .allowEmpty = true,
         .group = Group::PlatformTls,
         .help = u"Password of a PKCS#12 trust store (a secret)."_s},

        // Operations
        {.path = u"health.port"_s,
         .label = u"Health port"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"9009"_s),
         .minimum = 0,
         .maximum = 65535,
         .group = Group::Operations,
         .help = u"HTTP port of /health and /metrics; 0 turns them off."_s},
        {.path = u"health.host"_s,
         .label = u"Health address"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"127.0.0.1"_s),
         .format = Format::ListenAddress,
         .group = Group::Operations,
         .help = u"IP address the health and metrics listener binds to (its own, not the "
                 "edges'); a load balancer on another host needs it set."_s},
        {.path = u"admin.socket"_s,
         .label = u"Status socket"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"cxserver"_s),
         .group = Group::Operations,
         .help = u"Status socket: a value with / is a socket path; a bare name goes to "
                 "$XDG_RUNTIME_DIR/NAME, else to <tempdir>/cxserver-<uid>/NAME (a private "
                 "folder created 0700), or \\\\.\\pipe\\NAME on Windows."_s},
        {.path = u"worker-threads"_s,
         .label = u"Worker threads"_s,
         .type = KeyType::Int,
         .defaultValue = Value::number(u"0"_s),
         .minimum = 0,
         .maximum = 256,
         .group = Group::Operations,
         .help = u"Event-loop threads that own edge connections; 0: one per CPU core."_s},
        {.path = u"plugin-path"_s,
         .label = u"Plugin folder"_s,
         .type = KeyType::String,
         .defaultValue = none,
         .group = Group::Operations,
         .help = u"Folder the discovery and routing plugins are loaded from; null: the "
                 "folder of the cxserver executable."_s},
        {.path = u"shutdown.drain-timeout"_s,
         .label = u"Drain timeout"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"10s"_s),
         .minimum = 0,
         .maximum = 3600 * 1000,
         .group = Group::Operations,
         .help = u"On SIGTERM, how long requests in flight may take to finish before they fail "
                 "and cxserver exits (/health reports 503 meanwhile)."_s},
        {.path = u"shutdown.health-grace"_s,
         .label = u"Health grace period"_s,
         .type = KeyType::Duration,
         .defaultValue = Value::string(u"5s"_s),
         .minimum = 0,
         .maximum = 3600 * 1000,
         .group = Group::Operations,
         .help = u"On SIGTERM, how long /health answers 503 while edges are still served and "
                 "accepted, so that the load balancer moves new edges away before the listener "
                 "closes and the drain begins; 0: no grace."_s},
        {.path = u"logging.level"_s,
         .label = u"Log level"_s,
         .type = KeyType::String,
         .defaultValue = Value::string(u"info"_s),
         .choices = logLevelNames(),
         .closedChoices = true,
         .group = Group::Operations,
         .help = u"Least severe messages logged: debug, info, warning, critical or off. "
                 "Changes with a reload."_s},
        {.path = u"logging.rules"_s,
         .label = u"Log rules"_s,
         .type = KeyType::StringList,
         .defaultValue = Value::list({}),
         .format = Format::LogRules,
         .group = Group::Operations,
         .help = u"Per-category levels that override logging.level, such as "
                 "[\"cx.worker=debug\", \"cx.discovery.*=warning\"]. Changes with a reload."_s},
    };
}

/// The last dotted segment of a path.
QStringView lastSegment(QStringView path)
{
    return path.sliced(path.lastIndexOf(u'.') + 1);
}

/// Optimal string alignment distance: insertions, deletions, substitutions and
/// transpositions of neighbours each cost 1.
int editDistance(QStringView a, QStringView b)
{
    const qsizetype columns = b.size() + 1;
    QList<int> d((a.size() + 1) * columns);
    const auto at = [&](qsizetype i, qsizetype j) -> int & {
        return d[i * columns + j];
    };
    for (qsizetype i = 0; i <= a.size(); ++i)
        at(i, 0) = int(i);
    for (qsizetype j = 0; j <= b.size(); ++j)
        at(0, j) = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

/// How many edits still count as a typo of a name this long.
int typoThreshold(qsizetype length)
{
    return std::clamp(int(length / 4), 1, 3);
}

/// A string in double quotes with JSON escapes, shortened when long.
QString quoted(const QString &s)
{
    constexpr qsizetype MaxShown = 60;
    if (s.size() <= MaxShown)
        return quoteJsonString(s);
    return quoteJsonString(s.left(MaxShown)).chopped(1) + u"...\""_s;
}

/// ZooKeeper path rules: absolute, no empty, "." or ".." element, no trailing "/".
bool isZooKeeperPath(QStringView path)
{
    if (path == u"/")
        return true;
    if (!path.startsWith(u'/'))
        return false;
    const auto elements = path.sliced(1).split(u'/');
    return std::none_of(elements.cbegin(), elements.cend(),
                        [](QStringView e) { return e.isEmpty() || e == u"." || e == u".."; });
}

bool isZooKeeperNodeName(QStringView name)
{
    return !name.isEmpty() && !name.contains(u'/') && name != u"." && name != u"..";
}

/// "host:port,host:port[/chroot]"; the ZooKeeper C client needs every port.
bool isZooKeeperHosts(QStringView hosts)
{
    const qsizetype chroot = hosts.indexOf(u'/');
    if (chroot >= 0 && !isZooKeeperPath(hosts.sliced(chroot)))
        return false;
    const auto servers = hosts.first(chroot >= 0 ? chroot : hosts.size()).split(u',');
    return std::all_of(servers.cbegin(), servers.cend(), [](QStringView server) {
        server = server.trimmed();
        const qsizetype colon = server.lastIndexOf(u':');
        if (colon <= 0)
            return false;
        bool ok = false;
        const int port = server.sliced(colon + 1).toInt(&ok);
        return ok && port >= 1 && port <= 65535;
    });
}

/// What the edge listener can bind to: an IP address literal, or "localhost".
bool isListenAddress(const QString &host)
{
    static const QRegularExpression ipv4(u"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                                         "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$"_s);
    if (host == u"localhost" || ipv4.match(host).hasMatch())
        return true;
    return host.contains(u':') && QUrl(u"ws://["_s + host + u"]/", QUrl::StrictMode).isValid();
}

/// An IP network in CIDR notation (a bare address is one host), as QHostAddress parses it.
bool isNetwork(const QString &text)
{
    return !QHostAddress::parseSubnet(text.trimmed()).first.isNull();
}

/// Why a static platform URL is not usable, or empty when it is.
QString platformUrlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss"))
        return u"is not a ws:// or wss:// URL"_s;
    if (url.host().isEmpty())
        return u"has no host"_s;
    if (url.port() < 1)
        return u"has no port"_s;
    return {};
}

QString formatExpectation(Format format)
{
    switch (format) {
    case Format::None:
        break;
    case Format::PlatformUrls:
        return u"a list of URLs such as \"ws://host:8080/Thingworx/WS\" or "
               "\"wss://host:8443/Thingworx/WS\""_s;
    case Format::ZooKeeperPath:
        return u"an absolute ZooKeeper path such as \"/services\""_s;
    case Format::ZooKeeperNodeName:
        return u"a ZooKeeper node name (no \"/\")"_s;
    case Format::ZooKeeperHosts:
        return u"a ZooKeeper connection string such as \"zk1:2181,zk2:2181,zk3:2181\""_s;
    case Format::ListenAddress:
        return u"an IP address such as \"0.0.0.0\" or \"::\", or \"localhost\""_s;
    case Format::LogRules:
        return u"a list of CATEGORY=LEVEL such as \"cx.worker=debug\""_s;
    case Format::Networks:
        return u"a list of networks such as \"10.0.0.0/8\" or \"fd00::/8\""_s;
    }
    return {};
}

/// Why a converted string breaks its key's content rules, or empty when it does not.
QString stringProblem(const KeySpec &key, const QString &s)
{
    if (s.isEmpty())
        return key.allowEmpty ? QString() : u"is empty"_s;
    if (key.closedChoices && !key.choices.contains(s))
        return u"is not allowed"_s;
    switch (key.format) {
    case Format::ZooKeeperPath:
        return isZooKeeperPath(s) ? QString() : u"is not an absolute ZooKeeper path"_s;
    case Format::ZooKeeperNodeName:
        return isZooKeeperNodeName(s) ? QString() : u"is not a ZooKeeper node name"_s;
    case Format::ZooKeeperHosts:
        return isZooKeeperHosts(s) ? QString() : u"is not a list of host:port"_s;
    case Format::ListenAddress:
        return isListenAddress(s) ? QString() : u"is not an IP address"_s;
    case Format::None:
    case Format::PlatformUrls:
    case Format::LogRules:
    case Format::Networks:
        break;
    }
    return {};
}

/// Why an element of a list breaks its key's format, or empty when it does not.
QString elementProblem(Format format, const QString &element)
{
    switch (format) {
    case Format::PlatformUrls:
        return platformUrlProblem(element);
    case Format::LogRules:
        return logRuleProblem(element);
    case Format::Networks:
        return isNetwork(element) ? QString() : u"is not an IP network"_s;
    case Format::None:
    case Format::ZooKeeperPath:
    case Format::ZooKeeperNodeName:
    case Format::ZooKeeperHosts:
    case Format::ListenAddress:
        break;
    }
    return {};
}

} // namespace

QString groupTitle(Group group)
{
    switch (group) {
    case Group::Platforms:
        return u"Platform connection"_s;
    case Group::Discovery:
        return u"Discovery"_s;
    case Group::Connections:
        return u"Platform pipes and requests"_s;
    case Group::Routing:
        return u"Routing"_s;
    case Group::EdgeListener:
        return u"Edge listener"_s;
    case Group::PlatformTls:
        return u"Platform TLS"_s;
    case Group::Operations:
        return u"Operations"_s;
    }
    return {};
}

QString KeySpec::fullPath() const
{
    return RootKey + u'.' + path;
}

bool KeySpec::namesFile() const
{
    return path.endsWith(u".file") || path.endsWith(u"-file");
}

QString KeySpec::expectation() const
{
    const QString range = QString::number(minimum) + u" to " + QString::number(maximum);
    switch (type) {
    case KeyType::Int:
        return u"an integer from "_s + range;
    case KeyType::Bool:
        return u"true or false"_s;
    case KeyType::Size:
        return u"a size from "_s + range + u" bytes, such as 64k or 65536"_s;
    case KeyType::Duration:
        return u"a duration from "_s + QString::number(minimum) + u"ms to "
            + QString::number(maximum) + u"ms, such as 30s or 500ms"_s;
    case KeyType::StringList:
        return format == Format::None ? u"a list of strings"_s : formatExpectation(format);
    case KeyType::String:
        break;
    }
    if (closedChoices) {
        QStringList shown;
        for (const QString &choice : choices)
            shown.append(quoted(choice));
        return u"one of "_s + shown.join(u", "_s);
    }
    const QString text
        = format == Format::None ? u"a non-empty string"_s : formatExpectation(format);
    return defaultValue.isNull() ? text + u", or null"_s : text;
}

const QList<KeySpec> &keys()
{
    static const QList<KeySpec> table = buildKeys();
    return table;
}

const KeySpec *findKey(QStringView path)
{
    if (path.startsWith(QString(RootKey + u'.')))
        path = path.sliced(RootKey.size() + 1);
    const QList<KeySpec> &all = keys();
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&](const KeySpec &key) { return key.path == path; });
    return it == all.cend() ? nullptr : &*it;
}

bool isKnownPrefix(QStringView path)
{
    const QString prefix = path.toString() + u'.';
    const QList<KeySpec> &all = keys();
    return std::any_of(all.cbegin(), all.cend(),
                       [&](const KeySpec &key) { return key.path.startsWith(prefix); });
}

QString suggestKey(const QString &unknownPath)
{
    const QStringView unknownLast = lastSegment(unknownPath);
    const KeySpec *best = nullptr;
    int bestScore = std::numeric_limits<int>::max();
    int bestFull = std::numeric_limits<int>::max();
    for (const KeySpec &key : keys()) {
        const int full = editDistance(unknownPath, key.path);
        const int last = editDistance(unknownLast, lastSegment(key.path));
        int score = std::numeric_limits<int>::max();
        if (full <= typoThreshold(unknownPath.size()))
            score = full;
        if (last <= typoThreshold(unknownLast.size()))
            score = std::min(score, last);
        if (score < bestScore || (score == bestScore && full < bestFull)) {
            best = &key;
            bestScore = score;
            bestFull = full;
        }
    }
    return best && bestScore != std::numeric_limits<int>::max() ? best->path : QString();
}

QString describeValue(const Value &value)
{
    switch (value.type()) {
    case Value::Type::String:
        return quoted(value.text());
    case Value::Type::Null:
    case Value::Type::Boolean:
    case Value::Type::Number:
        return value.text();
    case Value::Type::List:
    case Value::Type::Object:
        break;
    }
    constexpr qsizetype MaxShown = 60;
    const QString json = QString::fromUtf8(renderJson(value));
    return json.size() <= MaxShown ? json : json.left(MaxShown) + u"..."_s;
}

Result<Setting> checkValue(const KeySpec &key, const Value &value)
{
    const QString subject
        = key.secret ? u"the value (a secret, not shown)"_s : describeValue(value);
    const auto failureAbout = [&](const QString &what, const QString &predicate) {
        return Error {key.fullPath() + u": " + what + u' ' + predicate + u"; expected "
                          + key.expectation(),
                      {}};
    };
    const auto failure = [&](const QString &predicate) {
        return failureAbout(subject, predicate);
    };
    const auto inRange = [&](qint64 n) {
        return n >= key.minimum && n <= key.maximum;
    };
    const QString outOfRange = u"is out of range"_s;

    switch (key.type) {
    case KeyType::Bool: {
        const Result<bool> b = toBoolean(value);
        if (!b)
            return failure(b.error().message);
        return Setting(*b);
    }
    case KeyType::Int: {
        const Result<qint64> n = toLong(value);
        if (!n)
            return failure(n.error().message);
        if (!inRange(*n))
            return failure(outOfRange);
        return Setting(*n);
    }
    case KeyType::Size: {
        const Result<qint64> n = toBytes(value);
        if (!n)
            return failure(n.error().message);
        if (!inRange(*n))
            return failure(outOfRange);
        return Setting(*n);
    }
    case KeyType::Duration: {
        const Result<std::chrono::nanoseconds> d = toDuration(value);
        if (!d)
            return failure(d.error().message);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
        if (!inRange(ms.count()))
            return failure(outOfRange);
        return Setting(ms);
    }
    case KeyType::String: {
        const Result<QString> s = toString(value);
        if (!s)
            return failure(s.error().message);
        const QString problem = stringProblem(key, *s);
        if (!problem.isEmpty())
            return failure(problem);
        return Setting(*s);
    }
    case KeyType::StringList: {
        const Result<QStringList> list = toStringList(value);
        if (!list)
            return failure(list.error().message);
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString problem = elementProblem(key.format, list->at(i));
            if (!problem.isEmpty())
                return failureAbout(u"element "_s + QString::number(i + 1) + u", "
                                        + quoted(list->at(i)) + u',',
                                    problem);
        }
        return Setting(*list);
    }
    }
    return failure(u"has an unknown type"_s);
}

} // namespace cx::config::schema

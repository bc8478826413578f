#include "schematexts.h"

#include <QCoreApplication>

namespace cx::configurator {

namespace {

constexpr char Context[] = "cx::configurator::SchemaTexts";

// The group titles, key labels and help texts of libs/cxcore/config/configschema.cpp, as they stand
// there, so that lupdate puts them into translations/cxconfigurator_*.ts. A text changed in
// the schema shows in English until it is copied here and translated (tst_translations
// lists such texts).
[[maybe_unused]] constexpr const char *SchemaStrings[] = {
    // Group titles.
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Platform connection"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Discovery"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Platform pipes and requests"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Routing"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge listener"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Platform TLS"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Operations"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "\"websockets_active_active\" for an HA cluster, else \"websockets\"; it "
                      "only chooses the default discovery plugin."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "The app key cxserver authenticates its platform pipes with (a secret)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Static platform instances, each ws://host:port/Thingworx/WS or wss://...; "
                      "several are used round-robin."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Discover platform instances in ZooKeeper instead of using the static platforms list."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Service name the platform instances register under; \"thingworx-https\" is "
                      "usual with TLS."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Discovery plugin id; null: \"zookeeper\" when service discovery is enabled (or, when that "
        "is not set, for platform.transport \"websockets_active_active\"), else \"static\"."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "The ZooKeeper ensemble, such as \"zk1:2181,zk2:2181,zk3:2181\"."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "ZooKeeper path the services are registered under; must match the cluster's namespace."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "ZooKeeper session timeout."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "ZooKeeper authentication scheme, such as \"digest\"; null: none."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Credentials for that scheme, such as \"user:password\" for digest (a secret)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login "
                      "comes from the JAAS file's Client section."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "\"GSSAPI\" (Kerberos, a keytab) or \"DIGEST-MD5\" (a username and "
                      "password)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "The service part of ZooKeeper's Kerberos principal (zookeeper/HOST@REALM)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Kerberos configuration file (krb5.conf) for SASL."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "JAAS file whose Client section gives the SASL login, as for ZooKeeper's "
                      "Java client: Krb5LoginModule with principal and keyTab, or "
                      "DigestLoginModule with username and password."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Milliseconds an edge has to send AUTH after it connects."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Milliseconds a request waits for the platform's response before the edge "
                      "gets 0xA4 (gateway timeout)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "WebSockets cxserver opens to each platform instance."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Milliseconds one platform pipe may take to connect."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "How often cxserver pings each platform pipe."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "A platform pipe or an edge that sends nothing for this long is closed."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "A pipe holding more unsent bytes than this takes no new requests."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Such a pipe takes requests again once its unsent bytes are down to this."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Largest message accepted from an edge; a larger one closes its WebSocket (1009)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Routing plugin id: which connected instance gets the next request."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "TCP port edges connect to; 0 takes any free port (for tests)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "IP address the edge listener binds to, or \"localhost\"; \"0.0.0.0\" is "
                      "every IPv4 address, \"::\" every address."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "TLS on the edge listener: edges connect with wss://."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "PKCS#12 keystore holding the edge listener's certificate and key."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Password of that keystore; null when it has none (a secret)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Connect to discovered instances with wss:// on their sslPort."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Check that a platform's certificate names the address connected to; turn "
                      "off for tests only."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Certificates (PKCS#12 or PEM) that platform certificates are verified "
                      "against; null: the system CAs."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Password of a PKCS#12 trust store (a secret)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "HTTP port of /health and /metrics; 0 turns them off."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Status socket: a bare name is placed by the system (temp dir on Unix, "
                      "\\\\.\\pipe\\NAME on Windows), a value with / is a socket path."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Event-loop threads that own edge connections; 0: one per CPU core."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Folder the discovery and routing plugins are loaded from; null: the folder "
                      "of the cxserver executable."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "On SIGTERM, how long requests in flight may take to finish before they fail "
                      "and cxserver exits (/health reports 503 meanwhile)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Least severe messages logged: debug, info, warning, critical or off. "
                      "Changes with a reload."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Per-category levels that override logging.level, such as "
                      "[\"cx.worker=debug\", \"cx.discovery.*=warning\"]. Changes with a reload."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Networks (CIDR, such as \"10.0.0.0/8\") a discovered instance's address must be in to be "
        "dialled; empty: any address but link-local, multicast and unspecified ones."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Most discovered instances dialled at once; further ones are skipped with a warning."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Edge connections one cxserver holds at most; a connection beyond it is "
                      "closed at once and counted."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Edge connections still in their TLS or WebSocket handshake at most; a "
                      "connection beyond it is closed at once and counted."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Requests one edge may have in flight; a request beyond it is answered 0xA0 "
                      "(too many requests in flight)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Bytes queued toward one edge (responses, platform requests, pongs, close "
                      "frames) beyond which an edge that does not read is dropped; at least one "
                      "largest message plus highWaterMark is always allowed."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Remote-access tunnels one cxserver relays at once; a tunnel beyond it is "
                      "refused with 503."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "A tunnel with no frame from either side (pings count) for this long is closed (1001)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Oldest TLS version an edge may use: \"TLSv1.2\" or \"TLSv1.3\"."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key "
                      "exchange with AEAD ciphers only (forward secrecy)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL's default."),
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Connect to discovered instances with wss:// on their sslPort; false sends the app key in "
        "clear text (a warning unless the instances are on loopback)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "IP address the health and metrics listener binds to (its own, not the "
                      "edges'); a load balancer on another host needs it set."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Status socket: a value with / is a socket path; a bare name goes to "
                      "$XDG_RUNTIME_DIR/NAME, else to <tempdir>/cxserver-<uid>/NAME (a private "
                      "folder created 0700), or \\\\.\\pipe\\NAME on Windows."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "On SIGTERM, how long /health answers 503 while edges are still served and "
                      "accepted, so that the load balancer moves new edges away before the "
                      "listener closes and the drain begins; 0: no grace."),
    // Key labels, in the order of the schema.
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Platform transport"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "App key"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Static platform instances"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Discover instances in ZooKeeper"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Service name"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Allowed networks"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Most instances"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Discovery plugin"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "ZooKeeper servers"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Base path"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Session timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Authentication scheme"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Authentication credentials"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "SASL authentication"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "SASL mechanism"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "SASL service name"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "TLS to ZooKeeper"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "ZooKeeper trust store"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "ZooKeeper client key store"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "ZooKeeper key store password"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Connect to ZooKeeper's secureClientPort with TLS; the server's name is "
                      "validated."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "PEM file of the CA certificates ZooKeeper's certificate is verified "
                      "against; null: the system CAs."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "PKCS#12 key store of the client certificate ZooKeeper asks for by "
                      "default; null: none."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Password of that key store (a secret)."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Kerberos configuration file"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "JAAS file"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge authentication timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Request timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Pipes per instance"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Pipe connect timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Ping interval"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Idle timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "High watermark"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Low watermark"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Largest message"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Most edge connections"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Most handshakes at once"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Most requests per edge"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge send buffer"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Most tunnels"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Tunnel idle timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Routing plugin"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge port"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge address"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge TLS"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge keystore"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Edge keystore password"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Lowest TLS version"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "TLS 1.2 ciphers"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "TLS 1.3 cipher suites"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "TLS to discovered instances"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Host name validation"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Trust store"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Trust store password"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Health port"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Health address"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Status socket"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Worker threads"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Plugin folder"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Drain timeout"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Health grace period"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Log level"),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts", "Log rules"),
};

} // namespace

QString SchemaTexts::groupTitle(config::schema::Group group)
{
    return QCoreApplication::translate(Context,
                                       config::schema::groupTitle(group).toUtf8().constData());
}

QString SchemaTexts::label(const config::schema::KeySpec &key)
{
    return QCoreApplication::translate(Context, key.label.toUtf8().constData());
}

QString SchemaTexts::help(const config::schema::KeySpec &key)
{
    return QCoreApplication::translate(Context, key.help.toUtf8().constData());
}

} // namespace cx::configurator

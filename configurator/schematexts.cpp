#include "schematexts.h"

#include <QCoreApplication>

namespace cx::configurator {

namespace {

constexpr char Context[] = "cx::configurator::SchemaTexts";

// The group titles and help texts of libs/cxcore/config/configschema.cpp, as they stand
// there, so that lupdate puts them into translations/cxconfigurator_*.ts. A text changed in
// the schema shows in English until it is copied here and translated (tst_translations
// lists such texts).
[[maybe_unused]] constexpr const char *SchemaStrings[] = {
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
    QT_TRANSLATE_NOOP(
        "cx::configurator::SchemaTexts",
        "Authenticate to ZooKeeper with SASL; needs a ZooKeeper C client built with SASL support."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "Kerberos configuration file (krb5.conf) for SASL."),
    QT_TRANSLATE_NOOP("cx::configurator::SchemaTexts",
                      "JAAS file with the SASL login section for ZooKeeper."),
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
};

} // namespace

QString SchemaTexts::groupTitle(config::schema::Group group)
{
    return QCoreApplication::translate(Context,
                                       config::schema::groupTitle(group).toUtf8().constData());
}

QString SchemaTexts::help(const config::schema::KeySpec &key)
{
    return QCoreApplication::translate(Context, key.help.toUtf8().constData());
}

} // namespace cx::configurator

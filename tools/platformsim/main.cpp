// cxplatformsim: a stand-in for one platform instance. See --help and docs in simulator.h.

#include "console.h"
#include "options.h"
#include "signalwatcher.h"
#include "simulator.h"
#include "stdinreader.h"
#include "tls/tlsfiles.h"
#include "zookeeperregistration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cx;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cxplatformsim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Platform simulator: stands in for one platform instance. Serves /Thingworx/WS "
        "(pipes and direct edges), echoes tunnels on /Thingworx/WSTunnelServer/<tid>, "
        "/Thingworx/WSTunnelClient/<tid> and /Thingworx/VWS, and takes control commands "
        "on stdin or as text messages on /platformsim/control: stats, egress <endpointId> "
        "<code> [count], pause, resume, quit, help.\n"
        "Prints 'platformsim listening on <host>:<port>' when ready.\n"
        "With --zookeeper it registers itself as Apache Curator's ServiceDiscovery does: an "
        "ephemeral znode <zk-base-path>/<service-name>/<id> holding a ServiceInstance JSON "
        "object (address 127.0.0.1, port, or sslPort with --tls-pkcs12), creating missing "
        "parents, and prints 'platformsim registered in ZooKeeper as <path>'."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"host"_s, u"Address to listen on (default 127.0.0.1)."_s, u"address"_s},
        {u"port"_s, u"Port to listen on; 0 (default) picks a free one."_s, u"port"_s},
        {u"app-key"_s, u"The app key pipes must present (header and AUTH). Required."_s, u"key"_s},
        {u"tls-pkcs12"_s, u"Serve wss with this PKCS#12 keystore."_s, u"file"_s},
        {u"tls-password"_s, u"Password of the keystore."_s, u"password"_s},
        {u"delay-ms"_s, u"Answer requests (AUTH excepted) this much later."_s, u"ms"_s},
        {u"fail-rate"_s, u"Fraction of requests (AUTH excepted) answered 0xA0."_s, u"fraction"_s},
        {u"drop-rate"_s, u"Fraction of requests (AUTH excepted) never answered."_s, u"fraction"_s},
        {u"pause-reading"_s, u"Start with reading paused (the resume command ends it)."_s},
        {u"echo"_s, u"Responses carry the request body back after 0x00 0x05."_s},
        {u"threads"_s, u"Worker threads (default 1)."_s, u"count"_s},
        {u"epoll"_s, u"Worker threads wait with epoll (for thousands of connections; Linux)."_s},
        {u"id"_s, u"Name in reports (default platformsim)."_s, u"name"_s},
        {u"seed"_s, u"Seed of the fail/drop draws (default: random)."_s, u"number"_s},
        {u"zookeeper"_s, u"Register in this ZooKeeper (HOST:PORT[,HOST:PORT...])."_s,
         u"connection"_s},
        {u"zk-base-path"_s, u"Base path of the registration (default /services)."_s, u"path"_s},
        {u"service-name"_s, u"Service name of the registration (default thingworx-http)."_s,
         u"name"_s},
        {u"zk-session-timeout"_s, u"ZooKeeper session timeout (default 10000)."_s, u"ms"_s},
        {u"tunnel-mode"_s,
         u"echo (default): every tunnel path echoes; pair: a tunnel subsystem pairs the "
         "WSTunnelServer/<tid> and WSTunnelClient/<tid> ends that reach this simulator and "
         "relays between them (needs --threads 1)."_s,
         u"mode"_s},
        {u"tunnel-key"_s,
         u"pair: the credential tunnel ends must present (appKey header or query item, or "
         "Authorization: Bearer); the pipes' app key is always refused."_s,
         u"key"_s},
        {u"tunnel-pair-timeout-ms"_s,
         u"pair: an end without a peer this long is closed 1011 "
         "(default 10000)."_s,
         u"ms"_s},
    });
    if (const int exitCode = tools::parseToolArguments(parser, "cxplatformsim"); exitCode != 0)
        return exitCode;

    platformsim::SimConfig config;
    tools::OptionReader options(parser);
    config.port = quint16(options.integer(u"port"_s, 0, 0, 65535));
    config.delayMs = int(options.integer(u"delay-ms"_s, 0, 0, 3600000));
    config.failRate = options.real(u"fail-rate"_s, 0, 0, 1);
    config.dropRate = options.real(u"drop-rate"_s, 0, 0, 1);
    config.threads = int(options.integer(u"threads"_s, 1, 1, 256));
    config.epoll = parser.isSet(u"epoll"_s);
    const int zkSessionTimeoutMs
        = int(options.integer(u"zk-session-timeout"_s, 10000, 1000, 3600000));
    config.seed = quint64(options.integer(u"seed"_s, qint64(QRandomGenerator::global()->generate()),
                                          0, std::numeric_limits<qint64>::max()));
    if (parser.isSet(u"host"_s) && !config.host.setAddress(parser.value(u"host"_s)))
        options.fail(u"--host wants an IP address, not \""_s + parser.value(u"host"_s) + u'"');
    if (!parser.isSet(u"app-key"_s) || parser.value(u"app-key"_s).isEmpty())
        options.fail(u"--app-key is required"_s);
    if (parser.isSet(u"tls-password"_s) && !parser.isSet(u"tls-pkcs12"_s))
        options.fail(u"--tls-password needs --tls-pkcs12"_s);
    for (const QString &zkOption :
         {u"zk-base-path"_s, u"service-name"_s, u"zk-session-timeout"_s}) {
        if (parser.isSet(zkOption) && !parser.isSet(u"zookeeper"_s))
            options.fail(u"--"_s + zkOption + u" needs --zookeeper"_s);
    }
    config.tunnelPairTimeoutMs
        = int(options.integer(u"tunnel-pair-timeout-ms"_s, 10000, 1, 3600000));
    const QString tunnelMode = parser.value(u"tunnel-mode"_s);
    if (!tunnelMode.isEmpty() && tunnelMode != u"echo"_s && tunnelMode != u"pair"_s)
        options.fail(u"--tunnel-mode is echo or pair, not \""_s + tunnelMode + u'"');
    config.pairTunnels = tunnelMode == u"pair"_s;
    if (config.pairTunnels && config.threads > 1)
        options.fail(u"--tunnel-mode pair needs --threads 1: both ends of a tunnel must reach "
                     "the worker that pairs them"_s);
    for (const QString &pairOption : {u"tunnel-key"_s, u"tunnel-pair-timeout-ms"_s}) {
        if (parser.isSet(pairOption) && !config.pairTunnels)
            options.fail(u"--"_s + pairOption + u" needs --tunnel-mode pair"_s);
    }
    if (!options.ok())
        return tools::usageError("cxplatformsim", options.error());
    config.tunnelKey = parser.value(u"tunnel-key"_s).toUtf8();
    config.appKey = parser.value(u"app-key"_s).toUtf8();
    config.startPaused = parser.isSet(u"pause-reading"_s);
    config.echo = parser.isSet(u"echo"_s);
    if (parser.isSet(u"id"_s))
        config.id = parser.value(u"id"_s);
    if (parser.isSet(u"tls-pkcs12"_s)) {
        Result<QSslConfiguration> tls = tls::edgeTlsConfiguration(
            parser.value(u"tls-pkcs12"_s), parser.value(u"tls-password"_s).toUtf8());
        if (!tls) {
            std::fprintf(stderr, "cxplatformsim: %s\n", qPrintable(tls.error().forLog()));
            return 2;
        }
        config.tls = std::move(tls).value();
    }

    tools::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &tools::SignalWatcher::terminationRequested, &app,
                     &QCoreApplication::quit);
    platformsim::Simulator simulator(config);
    QObject::connect(&simulator, &platformsim::Simulator::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    if (const Result<void> started = simulator.start(); !started) {
        std::fprintf(stderr, "cxplatformsim: %s\n", qPrintable(started.error().forLog()));
        return 2;
    }
    platformsim::StdinReader control;
    QObject::connect(&control, &platformsim::StdinReader::lineReceived, &simulator,
                     [&simulator](const QByteArray &line) {
                         const QByteArray reply = simulator.execute(line);
                         if (!reply.isEmpty())
                             tools::printLine(reply);
                     });
    tools::printLine(QByteArray("platformsim listening on " + simulator.host().toUtf8() + ':'
                                + QByteArray::number(simulator.port())));

    std::unique_ptr<platformsim::ZooKeeperRegistration> registration;
    if (parser.isSet(u"zookeeper"_s)) {
        platformsim::ZooKeeperRegistration::Settings zk;
        zk.connectionString = parser.value(u"zookeeper"_s).toUtf8();
        zk.basePath = parser.isSet(u"zk-base-path"_s) ? parser.value(u"zk-base-path"_s).toUtf8()
                                                      : QByteArray("/services");
        zk.serviceName = parser.isSet(u"service-name"_s) ? parser.value(u"service-name"_s).toUtf8()
                                                         : QByteArray("thingworx-http");
        zk.id = config.id.toUtf8();
        zk.port = simulator.port();
        zk.tls = config.tls.has_value();
        zk.sessionTimeoutMs = zkSessionTimeoutMs;
        registration = std::make_unique<platformsim::ZooKeeperRegistration>(zk);
        platformsim::ZooKeeperRegistration *registrationPtr = registration.get();
        QObject::connect(registrationPtr, &platformsim::ZooKeeperRegistration::registered,
                         registrationPtr, [registrationPtr] {
                             tools::printLine("platformsim registered in ZooKeeper as "
                                              + registrationPtr->path());
                         });
        QObject::connect(registrationPtr, &platformsim::ZooKeeperRegistration::failed,
                         registrationPtr, [](const QString &message) {
                             std::fprintf(stderr, "cxplatformsim: ZooKeeper registration: %s\n",
                                          qPrintable(message));
                         });
        registration->start();
    }
    return app.exec();
}

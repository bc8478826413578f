#include "runservice.h"

#include "config/serverconfig.h"
#include "server.h"
#include "signalhandler.h"
#include "tls/tlsfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QThread>

namespace {

Q_LOGGING_CATEGORY(lcService, "cx.service")

using cx::server::ServiceOptions;

/// protocol.host as an address: an IP literal, or "localhost".
std::optional<QHostAddress> listenAddress(const QString &host)
{
    if (host == u"localhost")
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(host))
        return std::nullopt;
    return address;
}

/// The service's options from the validated configuration; an exit code on failure.
std::variant<ServiceOptions, int> serviceOptions(const cx::config::ServerConfig &config)
{
    ServiceOptions options;
    cx::server::DataPlaneSettings &plane = options.dataPlane;
    plane.appKey = config.appKey.reveal().toUtf8();
    plane.pipeCount = config.pipeCount;
    plane.workerCount
        = config.workerThreads > 0 ? config.workerThreads : qMax(1, QThread::idealThreadCount());
    plane.authTimeoutMs = config.authenticationTimeout.count();
    plane.requestTimeoutMs = config.requestTimeout.count();
    plane.connectTimeoutMs = config.connectTimeout.count();
    plane.pingIntervalMs = config.pingRate.count();
    plane.idleReadTimeoutMs = config.idleReadTimeout.count();
    plane.highWaterMark = config.highWaterMark;
    plane.lowWaterMark = config.lowWaterMark;
    plane.maxMessageSize = config.maxMessageSize;
    plane.hostNameValidation = config.hostNameValidation;
    plane.edgeTls = config.sslEnabled;
    if (plane.edgeTls) {
        auto tls = cx::tls::edgeTlsConfiguration(config.keyStoreFile,
                                                 config.keyStorePassword.reveal().toUtf8());
        if (!tls) {
            qCCritical(lcService).noquote() << tls.error().forLog();
            return 2;
        }
        plane.edgeSsl = tls.value();
    }
    auto trust = cx::tls::platformTlsConfiguration(config.trustStoreFile,
                                                   config.trustStorePassword.reveal().toUtf8());
    if (!trust) {
        qCCritical(lcService).noquote() << trust.error().forLog();
        return 2;
    }
    plane.platformSsl = trust.value();
    if (!plane.hostNameValidation)
        qCWarning(lcService)
            << "host name validation of platform certificates is OFF "
               "(transport.websockets.service-discovery.host-name-validation = false)";

    const auto address = listenAddress(config.host);
    if (!address) {
        qCCritical(lcService).noquote() << "protocol.host" << config.host << "is not an IP address";
        return 1;
    }
    options.listenAddress = *address;
    options.listenPort = config.port;
    options.healthPort = config.healthPort;
    options.pluginPath = config.pluginPath.isEmpty()
        ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("plugins"))
        : config.pluginPath;
    options.discoveryPlugin = config.discoveryPlugin;
    options.routingPlugin = config.routingPlugin;
    options.pluginContext.config = &config;
    return options;
}

} // namespace

int runService(const cx::config::ServerConfig &config, const QString &configPath)
{
    // journald stamps each line itself; in a terminal or a test log the time matters.
    if (!qEnvironmentVariableIsSet("JOURNAL_STREAM"))
        qSetMessagePattern(
            QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-warning}warning %{endif}"
                           "%{if-critical}error %{endif}%{category}: %{message}"));
    auto options = serviceOptions(config);
    if (const int *exitCode = std::get_if<int>(&options))
        return *exitCode;
    qCInfo(lcService).noquote() << "cxserver" << QCoreApplication::applicationVersion()
                                << "starting with" << configPath;

    cx::server::SignalHandler signalHandler;
    cx::server::Server server(std::get<ServiceOptions>(std::move(options)));
    if (const int exitCode = server.start(); exitCode != 0)
        return exitCode;
    QObject::connect(&signalHandler, &cx::server::SignalHandler::terminateRequested, &server,
                     [&server](int signal) {
                         qCInfo(lcService) << "signal" << signal << "received";
                         server.stop();
                     });
    QObject::connect(&signalHandler, &cx::server::SignalHandler::reloadRequested, &server, [] {
        qCWarning(lcService)
            << "SIGHUP: live reload is not available in this version; restart to apply changes";
    });
    QObject::connect(&server, &cx::server::Server::stopped, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(0); });
    return QCoreApplication::exec();
}

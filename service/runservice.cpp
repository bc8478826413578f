#include "runservice.h"

#include "config/logrules.h"
#include "config/serverconfig.h"
#include "logsink.h"
#include "net/clienttlscontext.h"
#include "secrets/configsecrets.h"
#include "server.h"
#include "signalhandler.h"
#include "systemdnotify.h"
#include "tls/tlsfiles.h"
#include "tlscontext.h"
#ifdef Q_OS_WIN
#include "windows/windowsservice.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;

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

/// Why the configuration cannot be run: the exit code (cli.md) and a sentence.
struct OptionsFailure
{
    int exitCode;
    QString message;
};

/// The service's options from a validated configuration, which they keep alive.
std::variant<ServiceOptions, OptionsFailure>
serviceOptions(std::shared_ptr<const cx::config::LoadedServerConfig> loaded)
{
    const cx::config::ServerConfig &config = loaded->config;
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
    plane.maxEdges = config.maxEdges;
    plane.maxHandshakes = config.maxHandshakes;
    plane.maxRequestsPerEdge = config.maxRequestsPerEdge;
    plane.edgeSendBuffer = config.edgeSendBuffer;
    plane.maxTunnels = config.maxTunnels;
    plane.tunnelIdleTimeoutMs = config.tunnelIdleTimeout.count();
    plane.tlsMinVersion = config.tlsMinVersion;
    plane.tlsCiphers = config.tlsCiphers;
    plane.tlsCipherSuites = config.tlsCipherSuites;
    plane.edgeTls = config.sslEnabled;
    if (plane.edgeTls) {
        const QString policyError = cx::server::TlsContext::checkPolicy(
            {plane.tlsMinVersion, plane.tlsCiphers, plane.tlsCipherSuites});
        if (!policyError.isEmpty())
            return OptionsFailure {1, policyError};
        auto tls = cx::tls::edgeTlsConfiguration(config.keyStoreFile,
                                                 config.keyStorePassword.reveal().toUtf8());
        if (!tls)
            return OptionsFailure {2, tls.error().forLog()};
        plane.edgeSsl = tls.value();
    }
    auto trust = cx::tls::platformTlsConfiguration(config.trustStoreFile,
                                                   config.trustStorePassword.reveal().toUtf8());
    if (!trust)
        return OptionsFailure {2, trust.error().forLog()};
    QString tlsError;
    plane.platformTls = cx::net::ClientTlsContext::create(trust.value(), &tlsError);
    if (!plane.platformTls)
        return OptionsFailure {2,
                               QStringLiteral("protocol.http-client.ssl.trust-store: ") + tlsError};
    if (!plane.hostNameValidation)
        qCWarning(lcService)
            << "host name validation of platform certificates is OFF "
               "(transport.websockets.service-discovery.host-name-validation = false)";

    const auto address = listenAddress(config.host);
    if (!address)
        return OptionsFailure {1, u"protocol.host "_s + config.host + u" is not an IP address"_s};
    options.listenAddress = *address;
    options.listenPort = config.port;
    options.healthPort = config.healthPort;
    const auto healthAddress = listenAddress(config.healthHost);
    if (!healthAddress)
        return OptionsFailure {1,
                               u"health.host "_s + config.healthHost + u" is not an IP address"_s};
    options.healthAddress = *healthAddress;
    options.pluginPath = config.pluginPath;
    if (options.pluginPath.isEmpty()) {
        // Beside the executable (build tree, Windows installation), else the installed
        // layout's folder relative to it (packaging.md: ../lib/cxserver/plugins).
        const QDir exeDir(QCoreApplication::applicationDirPath());
        options.pluginPath = exeDir.filePath(QStringLiteral("plugins"));
#ifdef CX_INSTALLED_PLUGIN_DIR
        if (!QFileInfo(options.pluginPath).isDir())
            options.pluginPath
                = QDir::cleanPath(exeDir.filePath(QStringLiteral(CX_INSTALLED_PLUGIN_DIR)));
#endif
    }
    options.discoveryPlugin = config.discoveryPlugin;
    options.routingPlugin = config.routingPlugin;
    options.adminSocket = config.adminSocket;
    options.drainTimeoutMs = config.drainTimeout.count();
    options.healthGraceMs = config.healthGrace.count();
    options.logFilterRules = cx::config::loggingFilterRules(config.logLevel, config.logRules);
    options.pluginContext.config = &config;
    options.source = std::move(loaded);
    return options;
}

/// Reads configPath again for a reload: the options, or every error (never a secret).
std::variant<ServiceOptions, QStringList> reread(const QString &configPath,
                                                 const cx::secrets::KeySourceOptions &keys)
{
    auto file = cx::secrets::configsecrets::readServerConfigFile(configPath, keys);
    if (!file.loaded.ok()) {
        QStringList errors;
        for (const cx::config::Diagnostic &d : std::as_const(file.loaded.diagnostics)) {
            if (d.severity == cx::config::Diagnostic::Severity::Error)
                errors.append(d.format());
        }
        return errors;
    }
    auto options
        = serviceOptions(std::make_shared<cx::config::LoadedServerConfig>(std::move(file.loaded)));
    if (const auto *failure = std::get_if<OptionsFailure>(&options))
        return QStringList {failure->message};
    return std::get<ServiceOptions>(std::move(options));
}

} // namespace

int runService(cx::config::LoadedServerConfig loaded, const QString &configPath,
               const cx::secrets::KeySourceOptions &keys)
{
    cx::server::installLogSink();
    auto options
        = serviceOptions(std::make_shared<cx::config::LoadedServerConfig>(std::move(loaded)));
    if (const auto *failure = std::get_if<OptionsFailure>(&options)) {
        qCCritical(lcService).noquote() << failure->message;
        return failure->exitCode;
    }
    qCInfo(cx::server::lcLifecycle).noquote()
        << "cxserver" << QCoreApplication::applicationVersion() << "starting with" << configPath;

    cx::server::SignalHandler signalHandler;
    cx::server::Server server(std::get<ServiceOptions>(std::move(options)),
                              [configPath, keys] { return reread(configPath, keys); });
    if (const int exitCode = server.start(); exitCode != 0)
        return exitCode;
    cx::service::systemd::notify("READY=1");
    QObject::connect(&signalHandler, &cx::server::SignalHandler::terminateRequested, &server,
                     [&server](int signal) {
                         qCInfo(lcService) << "signal" << signal << "received";
                         cx::service::systemd::notify("STOPPING=1");
                         server.stop();
                     });
#ifdef Q_OS_WIN
    // A stop or shutdown control from the Service Control Manager drains like SIGTERM.
    if (auto *scm = cx::service::windows::ServiceSession::current())
        QObject::connect(scm, &cx::service::windows::ServiceSession::stopRequested, &server,
                         &cx::server::Server::stop);
#endif
    QObject::connect(&signalHandler, &cx::server::SignalHandler::reloadRequested, &server,
                     [&server] {
                         qCInfo(lcService) << "SIGHUP: reloading the configuration";
                         server.reload();
                     });
    QObject::connect(&server, &cx::server::Server::stopped, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(0); });
    return QCoreApplication::exec();
}
